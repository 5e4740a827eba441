// Storage conformance of duplicate events on every backend (migration 0038; issue 17 "Duplicates"): the
// candidates' lookup keeps only open events of the category inside the box and the window, a merge's link
// (duplicate_of, written by Update) is read back by MergedInto, and the people of an org are its active users'
// grants.
#include <map>
#include <set>

#include "core/ports/duplicate_records.hpp"
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

namespace ev = core::event;
using core::ports::Scope;

class EventDupesConformance : public Conformance {
protected:
    void SetUp() override {
        Conformance::SetUp();
        a_ = AddOrg(0, "甲社区");
        path_ = OrgOf(a_).path;
    }

    ev::Event Make(const std::string& number, std::optional<ev::Coordinates> at, std::int64_t reported,
                   const std::string& category = "city.garbage", ev::EventState state = ev::EventState::kAccepted) {
        ev::Event e;
        e.number = number;
        e.channel = ev::Channel::kHotline12345;
        e.category_code = category;
        e.org_id = e.owner_org_id = a_;
        e.org_path = e.owner_org_path = path_;
        e.description = "小区门口垃圾堆放";
        e.location = at;
        e.state = state;
        e.reported_at = reported;
        e.created_at = e.updated_at = reported;
        return e;
    }

    std::int64_t a_ = 0;
    std::string path_;
};

constexpr std::int64_t kDay = 86'400'000;
constexpr std::int64_t kT = 1'795'363'200'000;
const ev::Coordinates kP{118.0501, 24.4802};

TEST_P(EventDupesConformance, NearKeepsOpenEventsOfTheCategoryInTheBoxAndWindow) {
    std::map<std::string, std::int64_t> ids;
    ASSERT_TRUE(db().Write(Scope::System(), [&](Tx& tx) -> core::Status {
        auto put = [&](const std::string& name, const ev::Event& e) -> core::Status {
            LX_ASSIGN(i, tx.Events().Insert(e));
            ids[name] = i;
            return core::Ok();
        };
        LX_CHECK(put("self", Make("SJ2026-000001", kP, kT)));
        LX_CHECK(put("near", Make("SJ2026-000002", ev::Coordinates{118.0502, 24.4803}, kT - 2 * kDay)));
        LX_CHECK(put("closed", Make("SJ2026-000003", kP, kT, "city.garbage", ev::EventState::kRated)));
        LX_CHECK(put("category", Make("SJ2026-000004", kP, kT, "facility.road")));
        LX_CHECK(put("far", Make("SJ2026-000005", ev::Coordinates{118.0601, 24.4802}, kT)));
        LX_CHECK(put("old", Make("SJ2026-000006", kP, kT - 8 * kDay)));
        LX_CHECK(put("nowhere", Make("SJ2026-000007", std::nullopt, kT)));
        LX_CHECK(put("edge", Make("SJ2026-000008", kP, kT + 7 * kDay)));  // the window's last instant
        return core::Ok();
    }));
    ASSERT_TRUE(db().Read(Scope::System(), [&](Tx& tx) -> core::Status {
        auto* repo = &tx.Duplicates();
        core::ports::DuplicateQuery q;
        q.category_code = "city.garbage";
        q.box = ev::SearchBox(kP, 100);
        q.reported_from = kT - 7 * kDay;
        q.reported_to = kT + 7 * kDay;
        q.exclude_id = ids["self"];
        LX_ASSIGN(rows, repo->Near(q));
        std::set<std::int64_t> got;
        for (const auto& r : rows) got.insert(r.event.id);
        EXPECT_EQ(got, (std::set<std::int64_t>{ids["near"], ids["edge"]}));
        for (const auto& r : rows)
            if (r.event.id == ids["near"]) {
                EXPECT_NEAR(r.event.location->lng, 118.0502, 1e-9);
                EXPECT_EQ(r.org_name, "甲社区");
            }
        return core::Ok();
    }));
}

TEST_P(EventDupesConformance, AMergeLinkIsStoredByUpdateAndReadByMergedInto) {
    std::int64_t primary = 0, dup = 0;
    ASSERT_TRUE(db().Write(Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(p, tx.Events().Insert(Make("SJ2026-000001", kP, kT)));
        LX_ASSIGN(d, tx.Events().Insert(Make("SJ2026-000002", kP, kT)));
        primary = p;
        dup = d;
        LX_ASSIGN(rec, tx.Events().Get(d));
        if (!rec) return core::Fail(core::NotFound("event"));
        ev::Event e = rec->event;
        e.state = ev::EventState::kDismissed;
        e.mark_kind = "duplicate";
        e.duplicate_of = p;
        e.closed_at = kT + 1;
        return tx.Events().Update(e);
    }));
    ASSERT_TRUE(db().Read(Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(rec, tx.Events().Get(dup));
        if (!rec) return core::Fail(core::NotFound("event"));
        const ev::Event got = rec->event;
        EXPECT_EQ(got.duplicate_of, primary);
        EXPECT_TRUE(ev::IsMerged(got));
        auto* repo = &tx.Duplicates();
        LX_ASSIGN(merged, repo->MergedInto(primary));
        EXPECT_EQ(merged.size(), 1u);
        if (!merged.empty()) { EXPECT_EQ(merged[0].event.id, dup); }
        LX_ASSIGN(none, repo->MergedInto(dup));
        EXPECT_TRUE(none.empty());
        return core::Ok();
    }));
}

TEST_P(EventDupesConformance, ThePeopleOfAnOrgAreItsActiveUsersGrants) {
    const auto o = OrgOf(a_);
    const auto branch = OrgOf(AddOrg(a_, "甲社区第一支部"));  // read before the write (one connection)
    ASSERT_TRUE(db().Write(Scope::System(), [&](Tx& tx) -> core::Status {
        auto add = [&](const std::string& name, core::ports::UserStatus status, core::auth::Role role,
                       const core::org::Org& org) -> core::Status {
            core::ports::User u;
            u.username = name;
            u.display_name = name + "同志";
            u.status = status;
            u.created_at = 1;
            LX_ASSIGN(id, tx.Users().Insert(u));
            return tx.Users().AddGrant(id, {0, role, org.id, org.path, org.name}, 0, 1).map([](auto) {});
        };
        LX_CHECK(add("wang", core::ports::UserStatus::kActive, core::auth::Role::kOrgAdmin, o));
        LX_CHECK(add("zhao", core::ports::UserStatus::kDisabled, core::auth::Role::kOrgAdmin, o));
        LX_CHECK(add("qian", core::ports::UserStatus::kActive, core::auth::Role::kOrgAdmin, branch));
        return core::Ok();
    }));
    ASSERT_TRUE(db().Read(Scope::System(), [&](Tx& tx) -> core::Status {
        auto* repo = &tx.Duplicates();
        LX_ASSIGN(people, repo->UsersOfOrg(a_));
        EXPECT_EQ(people.size(), 1u);  // not the disabled one, not the branch's
        if (!people.empty()) {
            EXPECT_EQ(people[0].username, "wang");
            EXPECT_EQ(people[0].display_name, "wang同志");
            EXPECT_EQ(people[0].role, "org_admin");
            EXPECT_TRUE(people[0].grid_ids.empty());
        }
        return core::Ok();
    }));
}

INSTANTIATE_TEST_SUITE_P(Backends, EventDupesConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
