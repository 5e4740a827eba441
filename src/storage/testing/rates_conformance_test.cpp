// The rates' SQL aggregation equals the reference recomputation from the raw events and their flow logs, on
// every backend (issue 17 "Rates and boards" and "Done when": "the street board's figures equal a recomputation
// from raw events on both databases"; core/rates/rates.hpp for the formulas, domain.md §7.4). The events cover
// each case a rate decides: on time and late, undecided, reopened, suspended, partly resolved, both kinds of
// dismissal, whistles to two departments, no grid and another street; events outside the period or the org
// never count. Every grouping is compared under the default formula and under each policy alternative.
#include "core/ports/rate_records.hpp"
#include "core/rates/rates.hpp"
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

namespace ev = core::event;
namespace rt = core::rates;
using core::ports::Scope;

namespace {
constexpr std::int64_t H = 3'600'000;
constexpr std::int64_t D = 24 * H;
const std::int64_t kJun1 = core::calendar::StartOfDay(*core::Date::FromYmd(2026, 6, 1));  // a Monday
}  // namespace

class RatesConformance : public Conformance {
protected:
    void SetUp() override {
        Conformance::SetUp();
        district_ = AddOrg(0, "测试区");
        s1_ = AddOrg(district_, "一街道");
        s2_ = AddOrg(district_, "二街道");
        c1_ = AddOrg(s1_, "甲社区");
        c2_ = AddOrg(s2_, "乙社区");
        d1_ = AddOrg(district_, "城管局");
        d2_ = AddOrg(district_, "住建局");
        other_ = AddOrg(0, "外区");
        oc_ = AddOrg(other_, "外区社区");
        // Dragon Boat Festival 2026: 19 June off (calendar.md), so working time skips it.
        calendar_.SetYear(2026, {{*core::Date::FromYmd(2026, 6, 19), core::calendar::DayKind::kHoliday, "端午节"}});
    }

    struct Step {
        std::string action;
        std::int64_t at;
        std::string to_state = "in_progress";
    };

    // An event placed in `org`, reported at `at`, with respond/handle deadlines after 1 and 7 days.
    std::int64_t Add(std::int64_t org, std::int64_t at, ev::EventState state, const std::vector<Step>& steps,
                     const std::string& category = "city.garbage", std::int64_t assignee = 0) {
        ev::Event e;
        e.number = "SJ2026-" + std::to_string(100000 + (++seq_));
        e.channel = ev::Channel::kHotline12345;
        e.category_code = category;
        e.org_id = org;
        e.org_path = OrgOf(org).path;
        e.grid_id = org == c1_ && seq_ % 2 ? 5 : 0;
        e.owner_org_id = org == oc_ ? other_ : district_;  // the other district accepts its own
        e.owner_org_path = OrgOf(e.owner_org_id).path;
        if (assignee) {
            e.assignee_org_id = assignee;
            e.assignee_org_path = OrgOf(assignee).path;
        }
        e.description = "群众反映的问题";
        e.reported_at = at;
        e.respond_by = at + D;
        e.handle_by = at + 7 * D;
        e.state = state;
        e.created_by = 1;
        e.created_at = e.updated_at = at;
        std::int64_t id = 0;
        auto st = db().Write(Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(i, tx.Events().Insert(e));
            id = i;
            int n = 0;
            for (const auto& s : steps) {
                core::ports::EventFlowEntry f;
                f.event_id = id;
                f.seq = ++n;
                f.action = s.action;
                f.from_state = "dispatched";
                f.to_state = s.to_state;
                f.actor_user_id = 1;
                f.actor_name = "经办人";
                f.at = s.at;
                LX_CHECK(tx.Events().AppendFlow(f));
            }
            return core::Ok();
        });
        EXPECT_TRUE(st) << (st ? "" : st.error().message_key + " " + st.error().detail);
        return id;
    }

    // Sets the loop's closing fields as the loop would have left them.
    void Close(std::int64_t id, const std::string& outcome, int score, const std::string& mark, std::int64_t at) {
        ASSERT_TRUE(db().Write(Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(rec, tx.Events().Get(id));
            auto e = rec->event;
            e.outcome = outcome;
            e.score = score;
            e.mark_kind = mark;
            e.closed_at = at;
            return tx.Events().Update(e);
        }));
    }

    void Whistle(std::int64_t id, std::int64_t dept, std::int64_t at) {
        const auto target = OrgOf(dept);  // read before the write: no read inside a write transaction
        ASSERT_TRUE(db().Write(Scope::System(), [&](Tx& tx) -> core::Status {
            core::ports::EventWhistle w;
            w.event_id = id;
            w.target_kind = "org";
            w.target_org_id = dept;
            w.target_org_path = target.path;
            w.target_name = target.name;
            w.report_within_minutes = 30;
            w.report_by = at + 30 * 60'000;
            w.blown_at = at;
            w.blown_by = 1;
            LX_ASSIGN(wid, tx.Events().InsertWhistle(w));
            (void)wid;
            return core::Ok();
        }));
    }

    void Seed() {
        using S = ev::EventState;
        const auto t = kJun1 + 9 * H;
        // 1: resolved, rated 5, on time; whistled twice to 城管局 and once to 住建局
        auto e1 = Add(c1_, t, S::kRated,
                      {{"dispatch", t + H}, {"start", t + 2 * H}, {"handle", t + 2 * D}, {"rate", t + 3 * D, "rated"}},
                      "city.garbage", d1_);
        Close(e1, "resolved", 5, "", t + 3 * D);
        Whistle(e1, d1_, t + 3 * H);
        Whistle(e1, d1_, t + 4 * H);
        Whistle(e1, d2_, t + 5 * H);
        // 2: reopened once, suspended over the holiday, handled late, rated partly 3
        auto e2 = Add(c1_, t + D, S::kRated,
                      {{"dispatch", t + D + H},
                       {"start", t + 2 * D + 1},
                       {"handle", t + 4 * D},
                       {"reopen", t + 5 * D},
                       {"suspend", t + 17 * D},
                       {"resume", t + 19 * D},
                       {"handle", t + 20 * D},
                       {"rate", t + 21 * D, "rated"}},
                      "neighbour.noise", d1_);
        Close(e2, "partly", 3, "", t + 21 * D);
        // 3, 4: dismissed, one of each kind
        auto e3 = Add(c1_, t + 2 * D, S::kDismissed,
                      {{"dispatch", t + 2 * D + H}, {"mark", t + 2 * D + 2 * H}, {"confirm_mark", t + 3 * D}},
                      "city.garbage", d2_);
        Close(e3, "", 0, "unreasonable", t + 3 * D);
        auto e4 = Add(
            c2_, t + 3 * D, S::kDismissed,
            {{"dispatch", t + 3 * D + H}, {"start", t + 5 * D}, {"mark", t + 12 * D}, {"confirm_mark", t + 13 * D}},
            "property.service", d2_);
        Close(e4, "", 0, "not_our_duty", t + 13 * D);
        // 5: in progress, responded late, overdue by the board's day
        Add(c2_, t + 4 * D, S::kInProgress, {{"dispatch", t + 4 * D + H}, {"start", t + 6 * D}}, "city.garbage", d1_);
        // 6: dispatched on the board's eve: undecided (in no denominator yet but whistle's)
        Add(c2_, kJul15_ - 2 * H, S::kDispatched, {{"dispatch", kJul15_ - H}}, "utility.water", d1_);
        // 7: handled on time, waiting for verification
        Add(c2_, t + 5 * D, S::kHandled,
            {{"dispatch", t + 5 * D + H}, {"start", t + 5 * D + 2 * H}, {"handle", t + 8 * D}}, "facility.road", d2_);
        // 8: May, utility, rated 4 resolved, responded by dispatch only (no start: returned then reassigned)
        auto e8 = Add(c1_, t - 20 * D, S::kRated,
                      {{"dispatch", t - 20 * D + H},
                       {"return", t - 19 * D},
                       {"dispatch", t - 18 * D},
                       {"start", t - 17 * D},
                       {"handle", t - 16 * D},
                       {"rate", t - 15 * D, "rated"}},
                      "utility.power", d1_);
        Close(e8, "resolved", 4, "", t - 15 * D);
        // 9: not dispatched at all, reported long ago in the period: overdue, no response
        Add(c1_, t + 6 * D, S::kAccepted, {});
        // outside: before the period, and in another district
        Add(c1_, kJun1 - 90 * D, S::kAccepted, {});
        Add(oc_, t, S::kAccepted, {});
    }

    core::ports::RateQuery Query(rt::GroupBy by, const rt::Formula& f) {
        core::ports::RateQuery q;
        q.root = OrgOf(district_).path;
        q.scope_roots = {q.root};
        q.from = kJun1 - 31 * D;
        q.to = kJun1 + 45 * D;
        q.as_of = kJul15_;
        q.group_by = by;
        q.formula = f;
        q.streets = {{s1_, OrgOf(s1_).path}, {s2_, OrgOf(s2_).path}};
        return q;
    }

    // The SQL board's tallies, with the handling time worked out as the app does.
    std::map<std::string, rt::Tally> Aggregated(const core::ports::RateQuery& q) {
        std::map<std::string, rt::Tally> out;
        EXPECT_TRUE(db().Read(Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(groups, tx.Rates().Aggregate(q));
            for (const auto& g : groups) {
                rt::Tally t = g.tally;
                t.handling_millis = rt::HandlingMillisFromDays(g.days, q.formula.time, calendar_);
                out[g.key] = t;
            }
            return core::Ok();
        }));
        return out;
    }

    std::map<std::string, rt::Tally> Recomputed(const core::ports::RateQuery& q) {
        std::map<std::string, rt::Tally> out;
        EXPECT_TRUE(db().Read(Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(raw, tx.Rates().Raw(q));
            std::vector<rt::EventFacts> facts;
            for (const auto& r : raw) facts.push_back(rt::FactsOf(r.event, r.top_category, r.flow, r.whistles));
            out = rt::ComputeRates(facts, q.formula, q.group_by, q.streets, q.as_of, calendar_);
            return core::Ok();
        }));
        return out;
    }

    std::int64_t district_ = 0, s1_ = 0, s2_ = 0, c1_ = 0, c2_ = 0, d1_ = 0, d2_ = 0, other_ = 0, oc_ = 0;
    int seq_ = 0;
    const std::int64_t kJul15_ = kJun1 + 44 * D;
    core::calendar::WorkCalendar calendar_;
};

std::string Describe(const rt::Tally& t) {
    return "events " + std::to_string(t.events) + " response " + std::to_string(t.response_num) + "/" +
           std::to_string(t.response_den) + " on_time " + std::to_string(t.on_time_num) + "/" +
           std::to_string(t.on_time_den) + " resolved " + std::to_string(t.resolved_num) + "/" +
           std::to_string(t.resolved_den) + " satisfied " + std::to_string(t.satisfied_num) + "/" +
           std::to_string(t.satisfied_den) + " reopen " + std::to_string(t.reopened) + "/" +
           std::to_string(t.answered) + " whistled " + std::to_string(t.whistled) + " done " + std::to_string(t.done) +
           " ms " + std::to_string(t.handling_millis) + " dismissed " + std::to_string(t.dismissed_not_our_duty) + "+" +
           std::to_string(t.dismissed_unreasonable);
}

TEST_P(RatesConformance, TheStreetBoardEqualsTheRecomputationFromRawEvents) {
    Seed();
    const auto q = Query(rt::GroupBy::kStreet, rt::Formula{});
    const auto sql = Aggregated(q), ref = Recomputed(q);
    ASSERT_EQ(sql.size(), 2u);
    for (const auto& [k, t] : ref) {
        ASSERT_TRUE(sql.count(k)) << k;
        EXPECT_EQ(Describe(sql.at(k)), Describe(t)) << "street " << k;
    }
    // The figures themselves, by hand (street 1: events 1, 2, 3, 8, 9; street 2: 4, 5, 6, 7).
    const auto& s1 = sql.at(std::to_string(s1_));
    EXPECT_EQ(s1.events, 5);
    EXPECT_EQ(s1.resolved_num, 2);
    EXPECT_EQ(s1.resolved_den, 4) << "two rated resolved, one partly, one dismissed counted against";
    EXPECT_EQ(s1.dismissed_unreasonable, 1);
    EXPECT_EQ(s1.reopened, 1);
    EXPECT_EQ(s1.whistled, 1);
    const auto& s2 = sql.at(std::to_string(s2_));
    EXPECT_EQ(s2.events, 4);
    EXPECT_EQ(s2.dismissed_not_our_duty, 1);
    EXPECT_EQ(s2.response_den, 3) << "event 6 is not yet due to respond";
}

TEST_P(RatesConformance, EveryGroupingAndEveryFormulaEqualsTheRecomputation) {
    Seed();
    std::vector<rt::Formula> formulas(6);
    formulas[1].response = rt::Formula::Response::kDispatch;
    formulas[2].on_time = rt::Formula::OnTime::kClose;
    formulas[3].dismissed = rt::Formula::Dismissed::kExcluded;
    formulas[4].partly_resolved = true;
    formulas[4].satisfied_min_score = 3;
    formulas[5].time = rt::Formula::Time::kCalendar;
    for (auto by : rt::AllGroupings()) {
        for (std::size_t i = 0; i < formulas.size(); ++i) {
            const auto q = Query(by, formulas[i]);
            const auto sql = Aggregated(q), ref = Recomputed(q);
            EXPECT_EQ(sql.size(), ref.size()) << rt::ToString(by) << " formula " << i;
            for (const auto& [k, t] : ref) {
                ASSERT_TRUE(sql.count(k)) << rt::ToString(by) << " " << k;
                EXPECT_EQ(Describe(sql.at(k)), Describe(t)) << rt::ToString(by) << " " << k << " formula " << i;
            }
        }
    }
}

TEST_P(RatesConformance, TheDismissedAreListedAndOutsideEventsNeverCount) {
    Seed();
    const auto q = Query(rt::GroupBy::kMonth, rt::Formula{});
    ASSERT_TRUE(db().Read(Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(list, tx.Rates().Dismissed(q, 10));
        EXPECT_EQ(list.size(), 2u);
        std::set<std::string> kinds;
        for (const auto& d : list) kinds.insert(d.mark_kind);
        EXPECT_EQ(kinds, (std::set<std::string>{"not_our_duty", "unreasonable"}));
        LX_ASSIGN(raw, tx.Rates().Raw(q));
        EXPECT_EQ(raw.size(), 9u) << "not the event of March nor the other district's";
        return core::Ok();
    }));
    const auto sql = Aggregated(q);
    EXPECT_EQ(sql.at("2026-05").events, 1);
    EXPECT_EQ(sql.at("2026-06").events, 7);
    EXPECT_EQ(sql.at("2026-07").events, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, RatesConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
