// Duplicate events (issue 17 "Duplicates"; domain.md §7 "Event entity … duplicates link", §7.2 "duplicate demands
// merged" [S20c] and REJECTED(reason: duplicate)): the distance and window rule at its limits, the policy keys
// read on the reporting day, and the merge's refusals.
#include "core/event/duplicate.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/policy/duplicate_keys.hpp"

namespace lianxin::core::event {
namespace {

constexpr std::int64_t kT = 1'780'000'000'000;  // 2026-05-28, some instant
const Coordinates kSquare{121.4737, 31.2304};   // People's Square, Shanghai

Event Open(std::int64_t id, Coordinates at, std::int64_t reported, std::string category = "city.road") {
    Event e;
    e.id = id;
    e.number = "SJ2026-00000" + std::to_string(id);
    e.category_code = std::move(category);
    e.location = at;
    e.reported_at = reported;
    e.state = EventState::kAccepted;
    return e;
}

TEST(Duplicates, DistanceIsMeasuredOnTheSpheroid) {
    // 0.001° of latitude at 31.23° N: the meridian arc of WGS-84 there is 110 873 m a degree.
    const double d = DistanceMetres(kSquare, {kSquare.lng, kSquare.lat + 0.001});
    EXPECT_NEAR(d, 110.87, 0.5);
    // a degree of longitude shrinks with cos(latitude): 0.001° east is about 95.3 m here
    EXPECT_NEAR(DistanceMetres(kSquare, {kSquare.lng + 0.001, kSquare.lat}), 95.3, 0.5);
    EXPECT_DOUBLE_EQ(DistanceMetres(kSquare, kSquare), 0.0);
}

TEST(Duplicates, TheDistanceLimitIsInclusive) {
    const Coordinates near{kSquare.lng, kSquare.lat + 0.0009};
    const double d = DistanceMetres(kSquare, near);  // ≈ 99.8 m
    const Event other = Open(2, near, kT);
    const DuplicateProbe probe{1, "city.road", kSquare, kT};
    EXPECT_TRUE(MatchDuplicate(probe, other, {static_cast<int>(std::ceil(d)), 7}));
    EXPECT_FALSE(MatchDuplicate(probe, other, {static_cast<int>(std::floor(d)), 7}));
    // 0 m offers only the very same point
    EXPECT_TRUE(MatchDuplicate(probe, Open(3, kSquare, kT), {0, 7}));
    auto m = MatchDuplicate(probe, other, {100, 7});
    ASSERT_TRUE(m);
    EXPECT_NEAR(m->distance_m, d, 1e-9);
}

TEST(Duplicates, TheWindowIsInclusiveOnBothSides) {
    const DuplicateProbe probe{1, "city.road", kSquare, kT};
    const DuplicateRule rule{100, 7};
    auto older = MatchDuplicate(probe, Open(2, kSquare, kT - 7 * kDayMillis), rule);
    ASSERT_TRUE(older);
    EXPECT_EQ(older->age_millis, 7 * kDayMillis);
    EXPECT_FALSE(MatchDuplicate(probe, Open(2, kSquare, kT - 7 * kDayMillis - 1), rule));
    EXPECT_TRUE(MatchDuplicate(probe, Open(2, kSquare, kT + 7 * kDayMillis), rule));  // a later report too
    EXPECT_FALSE(MatchDuplicate(probe, Open(2, kSquare, kT + 7 * kDayMillis + 1), rule));
}

TEST(Duplicates, OnlyOpenEventsOfTheSameCategoryWithAPlaceAreOffered) {
    const DuplicateProbe probe{1, "city.road", kSquare, kT};
    const DuplicateRule rule{100, 7};
    EXPECT_FALSE(MatchDuplicate(probe, Open(2, kSquare, kT, "city.noise"), rule));  // another category
    EXPECT_FALSE(MatchDuplicate(probe, Open(1, kSquare, kT), rule));                // itself
    Event closed = Open(2, kSquare, kT);
    closed.state = EventState::kRated;
    EXPECT_FALSE(MatchDuplicate(probe, closed, rule));
    closed.state = EventState::kDismissed;
    EXPECT_FALSE(MatchDuplicate(probe, closed, rule));
    Event nowhere = Open(2, kSquare, kT);
    nowhere.location.reset();
    EXPECT_FALSE(MatchDuplicate(probe, nowhere, rule));
    EXPECT_FALSE(MatchDuplicate({0, "city.road", std::nullopt, kT}, Open(2, kSquare, kT), rule));
    // a form not yet saved (id 0) is compared like any event
    EXPECT_TRUE(MatchDuplicate({0, "city.road", kSquare, kT}, Open(2, kSquare, kT), rule));
}

TEST(Duplicates, TheSearchBoxHoldsEveryPointTheRuleAccepts) {
    for (double lat : {0.0, 31.2304, 53.5, -45.0}) {
        const Coordinates c{121.4737, lat};
        const BoxE6 box = SearchBox(c, 500);
        for (int deg = 0; deg < 360; deg += 15) {
            // a point 499.9 m away in each direction (found by halving along the bearing)
            const double rad = deg * M_PI / 180.0;
            double lo = 0, hi = 0.01;
            for (int i = 0; i < 60; ++i) {
                const double mid = (lo + hi) / 2;
                const Coordinates p{c.lng + mid * std::sin(rad) / std::cos(lat * M_PI / 180.0),
                                    c.lat + mid * std::cos(rad)};
                (DistanceMetres(c, p) < 499.9 ? lo : hi) = mid;
            }
            const Coordinates p{c.lng + lo * std::sin(rad) / std::cos(lat * M_PI / 180.0), c.lat + lo * std::cos(rad)};
            const auto lng = std::llround(p.lng * 1e6), plat = std::llround(p.lat * 1e6);
            EXPECT_TRUE(lng >= box.min_lng && lng <= box.max_lng && plat >= box.min_lat && plat <= box.max_lat)
                << "lat " << lat << " bearing " << deg;
        }
    }
}

TEST(Duplicates, TheRuleIsThePolicyOfTheReportingDay) {
    auto D = [](const char* s) { return *Date::Parse(s); };
    policy::Setting s;
    s.id = 1;
    s.key = std::string(policy::kEventDuplicateDistanceMetres);
    s.org_id = 5;
    s.org_path = "/1/5/";
    s.valid_from = D("2026-06-01");
    s.value = 300;
    s.doc = "海委办〔2026〕7号";
    const policy::Policies p("/1/5/23/", {s});
    EXPECT_EQ(DuplicateRuleFor(p, D("2026-05-31")).distance_m, 100);  // the national default before
    EXPECT_EQ(DuplicateRuleFor(p, D("2026-06-01")).distance_m, 300);
    EXPECT_EQ(DuplicateRuleFor(p, D("2026-06-01")).window_days, 7);
}

TEST(Duplicates, AMergeClosesTheDuplicateIntoAnOpenPrimaryOfItsCategory) {
    Relations owner;
    owner.dispatcher = true;
    const Event primary = Open(1, kSquare, kT);
    Event dup = Open(2, kSquare, kT + 3600'000);
    dup.state = EventState::kDispatched;
    auto merged = MergeInto(dup, primary, "同一处路面塌陷，居民与12345各报一次", owner, kT + 7200'000);
    ASSERT_TRUE(merged) << merged.error().message_key;
    EXPECT_EQ(merged->state, EventState::kDismissed);
    EXPECT_EQ(merged->mark_kind, "duplicate");
    EXPECT_EQ(merged->duplicate_of, 1);
    EXPECT_EQ(merged->closed_at, kT + 7200'000);
    EXPECT_TRUE(merged->Closed());
    EXPECT_TRUE(IsMerged(*merged));
    EXPECT_FALSE(IsMerged(primary));
}

std::string FieldKey(const Result<Event>& r, const std::string& field) {
    if (r) return "ok";
    for (const auto& f : r.error().fields)
        if (f.field == field) return f.message_key;
    return r.error().message_key;
}

TEST(Duplicates, AMergeIsRefusedNamingTheField) {
    Relations owner;
    owner.dispatcher = true;
    const Event dup = Open(2, kSquare, kT);
    const std::string why = "同一问题";
    EXPECT_EQ(FieldKey(MergeInto(dup, dup, why, owner, kT), "primary_id"), "event.merge.self");
    Event closed = Open(1, kSquare, kT);
    closed.state = EventState::kRated;
    auto r = MergeInto(dup, closed, why, owner, kT);
    EXPECT_EQ(FieldKey(r, "primary_id"), "event.merge.closed");
    EXPECT_EQ(r.error().fields.at(0).params.at("number"), closed.number);
    EXPECT_EQ(FieldKey(MergeInto(dup, Open(1, kSquare, kT, "city.noise"), why, owner, kT), "primary_id"),
              "event.merge.category");
    Event chained = Open(1, kSquare, kT);
    chained.state = EventState::kDismissed;
    chained.mark_kind = "duplicate";
    chained.duplicate_of = 9;
    EXPECT_EQ(FieldKey(MergeInto(dup, chained, why, owner, kT), "primary_id"), "event.merge.chain");
    EXPECT_EQ(FieldKey(MergeInto(dup, Open(1, kSquare, kT), "", owner, kT), "reason"), "field.text");
    // only the owner (the dispatching org) merges; a handled event keeps its evidence
    auto party = MergeInto(dup, Open(1, kSquare, kT), why, Relations{}, kT);
    ASSERT_FALSE(party);
    EXPECT_EQ(party.error().message_key, "event.rule.party");
    EXPECT_EQ(party.error().code, ErrorCode::kPermissionDenied);
    Event handled = dup;
    handled.state = EventState::kHandled;
    auto state = MergeInto(handled, Open(1, kSquare, kT), why, owner, kT);
    ASSERT_FALSE(state);
    EXPECT_EQ(state.error().message_key, "event.rule.state");
    EXPECT_EQ(state.error().params.at("event_state"), "handled");
}

}  // namespace
}  // namespace lianxin::core::event
