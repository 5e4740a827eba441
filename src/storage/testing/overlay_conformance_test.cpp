// Storage conformance of overlays on every backend: the list is scoped by the host's path (an empty scope lists
// nothing), units with their heads and roster positions, a stale version refused, links opened once and ended,
// counts per subtree with linked members distinct — and neither orgs nor members' affiliation touched
// (domain.md §1.6: an overlay is never a parent; members keep their formal branch).
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

using core::org::MemberUnit;
using core::org::Overlay;

class OverlayConformance : public Conformance {
protected:
    void SetUp() override {
        Conformance::SetUp();
        street_ = AddOrg(0, "街道");
        a_ = AddOrg(street_, "甲社区");
        b_ = AddOrg(street_, "乙社区");
        m1_ = AddMember(MakeMember(a_, "林一", "11010519491231002X"));
        m2_ = AddMember(MakeMember(b_, "林二", "110105194912310029"));
        street_org_ = OrgOf(street_);
        a_org_ = OrgOf(a_);
        b_org_ = OrgOf(b_);
    }

    std::int64_t AddOverlay(const core::org::Org& host, const char* name) {
        Overlay o;
        o.kind = core::org::OverlayKind::kBigPartyCommittee;
        o.name = name;
        o.host_org_id = host.id;
        o.host_org_path = host.path;
        o.founded_on = *Date::Parse("2018-03-01");
        std::int64_t id = 0;
        EXPECT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(i, tx.Overlays().Insert(o, 7, 1000));
            id = i;
            return core::Ok();
        }));
        return id;
    }

    std::int64_t AddUnit(std::int64_t overlay, const char* name, const char* head = "", const char* left = nullptr) {
        MemberUnit u;
        u.overlay_id = overlay;
        u.name = name;
        u.type = core::org::UnitType::kSchool;
        u.uscc = "12990000400000001T";
        u.joined_on = *Date::Parse("2018-03-01");
        if (left) u.left_on = Date::Parse(left);
        u.head = {head, *head ? "党支部书记" : "", 0};
        std::int64_t id = 0;
        EXPECT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(i, tx.Overlays().InsertUnit(u, 7, 1000));
            id = i;
            return core::Ok();
        }));
        return id;
    }

    std::vector<core::ports::OverlaySummary> List(std::vector<std::string> roots, std::string subtree = {}) {
        std::vector<core::ports::OverlaySummary> out;
        EXPECT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            core::ports::OverlayQuery q;
            q.scope_roots = std::move(roots);
            q.subtree = subtree;
            q.on = *Date::Parse("2026-11-23");
            LX_ASSIGN(list, tx.Overlays().List(q));
            out = std::move(list);
            return core::Ok();
        }));
        return out;
    }

    std::int64_t street_ = 0, a_ = 0, b_ = 0, m1_ = 0, m2_ = 0;
    core::org::Org street_org_, a_org_, b_org_;
};

TEST_P(OverlayConformance, ListsAreScopedByTheHostsPath) {
    const auto big = AddOverlay(street_org_, "街道大工委");
    const auto in_a = AddOverlay(a_org_, "甲社区大党委");
    const auto in_b = AddOverlay(b_org_, "乙社区大党委");
    auto ids = [](const std::vector<core::ports::OverlaySummary>& l) {
        std::vector<std::int64_t> out;
        for (const auto& s : l) out.push_back(s.overlay.id);
        return out;
    };
    EXPECT_EQ(ids(List({street_org_.path})), (std::vector<std::int64_t>{big, in_a, in_b}));  // host path order
    EXPECT_EQ(ids(List({a_org_.path})), std::vector<std::int64_t>{in_a});
    EXPECT_EQ(ids(List({street_org_.path}, b_org_.path)), std::vector<std::int64_t>{in_b});
    EXPECT_TRUE(List({}).empty());  // an empty scope lists nothing, never everything
    auto one = List({a_org_.path});
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].overlay.host_org_name, "甲社区");
}

TEST_P(OverlayConformance, UnitsRosterAndVersionRoundTrip) {
    const auto id = AddOverlay(a_org_, "甲社区大党委");
    const auto u1 = AddUnit(id, "某某小学", "林某某");
    const auto u2 = AddUnit(id, "某某医院");
    const auto u3 = AddUnit(id, "某某物业", "陈某", "2025-06-01");
    Overlay o;
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_CHECK(tx.Overlays().SetRoster(id, {u2, u1}));
        LX_ASSIGN(got, tx.Overlays().Get(id));
        if (!got) return core::Fail(core::NotFound("overlay"));
        o = std::move(got).value();
        o.rotation.period_months = 3;
        o.rotation.start = Date::Parse("2026-01-01");
        o.meeting_period_months = 6;
        o.last_meeting_on = Date::Parse("2026-06-30");
        return tx.Overlays().Update(o, 2000);
    }));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(got, tx.Overlays().Get(id));
        if (!got) return core::Fail(core::NotFound("overlay"));
        EXPECT_EQ(got->rotation.order, (std::vector<std::int64_t>{u2, u1}));
        EXPECT_EQ(got->rotation.period_months, 3);
        EXPECT_EQ(got->rotation.start->ToString(), "2026-01-01");
        EXPECT_EQ(got->last_meeting_on->ToString(), "2026-06-30");
        EXPECT_EQ(got->version, 2);
        LX_ASSIGN(units, tx.Overlays().Units(id));
        EXPECT_EQ(units.size(), 3u);
        EXPECT_EQ(units.at(0).head, (core::org::PartTimeMember{"林某某", "党支部书记", 0}));
        EXPECT_EQ(units.at(0).uscc, "12990000400000001T");
        EXPECT_EQ(units.at(2).id, u3);
        EXPECT_EQ(units.at(2).left_on->ToString(), "2025-06-01");
        return core::Ok();
    }));
    // A stale version is refused; a unit leaves once and drops out of the roster.
    auto stale = db().Write(core::ports::Scope::System(), [&](Tx& tx) { return tx.Overlays().Update(o, 3000); });
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, core::ErrorCode::kConflict);
    ASSERT_TRUE(db().Write(core::ports::Scope::System(),
                           [&](Tx& tx) { return tx.Overlays().EndUnit(u2, *Date::Parse("2026-11-01")); }));
    auto twice = db().Write(core::ports::Scope::System(),
                            [&](Tx& tx) { return tx.Overlays().EndUnit(u2, *Date::Parse("2026-11-02")); });
    EXPECT_FALSE(twice);
    auto list = List({a_org_.path});
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].overlay.rotation.order, std::vector<std::int64_t>{u1});
    EXPECT_EQ(list[0].counts.units, 1);  // u2 left, u3 left
    EXPECT_EQ(list[0].counts.part_time_members, 1);
}

TEST_P(OverlayConformance, LinksNeverChangeAffiliationAndCountDistinct) {
    const auto big = AddOverlay(street_org_, "街道大工委");
    const auto in_a = AddOverlay(a_org_, "甲社区联合党委");
    AddUnit(in_a, "某某学校", "林某");
    const auto on = *Date::Parse("2026-11-01");
    int first = 0, again = 0;
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(n, tx.Overlays().Link(in_a, {m1_, m2_}, on, 7, 1000));
        first = n;
        LX_ASSIGN(k, tx.Overlays().Link(in_a, {m2_}, on, 7, 1000));
        again = k;
        LX_CHECK(tx.Overlays().Link(big, {m1_}, on, 7, 1000));
        return core::Ok();
    }));
    EXPECT_EQ(first, 2);
    EXPECT_EQ(again, 0);  // already linked
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(links, tx.Overlays().Links(in_a, *Date::Parse("2026-11-23")));
        EXPECT_EQ(links.size(), 2u);
        EXPECT_EQ(links.at(0).member_name, "林一");
        EXPECT_EQ(links.at(0).org_id, a_);
        EXPECT_EQ(links.at(1).org_name, "乙社区");  // the formal branch, outside the host's subtree
        LX_ASSIGN(before, tx.Overlays().Links(in_a, *Date::Parse("2026-10-31")));
        EXPECT_TRUE(before.empty());
        LX_ASSIGN(all, tx.Overlays().CountsIn(street_org_.path, *Date::Parse("2026-11-23")));
        EXPECT_EQ(all.overlays, 2);
        EXPECT_EQ(all.units, 1);
        EXPECT_EQ(all.part_time_members, 1);
        EXPECT_EQ(all.linked_members, 2);  // m1 in both overlays counts once
        LX_ASSIGN(in_b, tx.Overlays().CountsIn(b_org_.path, *Date::Parse("2026-11-23")));
        EXPECT_EQ(in_b.overlays, 0);
        EXPECT_EQ(in_b.linked_members, 0);  // m2's branch is here, but no overlay is hosted here
        // Affiliation untouched: the members keep their org and path, the tree its shape.
        LX_ASSIGN(m, tx.Members().Get(m2_));
        if (!m) return core::Fail(core::NotFound("member"));
        EXPECT_EQ(m->org_id, b_);
        EXPECT_EQ(m->org_path, b_org_.path);
        EXPECT_EQ(m->version, 1);
        LX_ASSIGN(children, tx.Orgs().Children(street_, *Date::Parse("2026-11-23")));
        EXPECT_EQ(children.size(), 2u);
        return core::Ok();
    }));
    ASSERT_TRUE(db().Write(core::ports::Scope::System(),
                           [&](Tx& tx) { return tx.Overlays().Unlink(in_a, m2_, *Date::Parse("2026-11-20")); }));
    auto none = db().Write(core::ports::Scope::System(),
                           [&](Tx& tx) { return tx.Overlays().Unlink(in_a, m2_, *Date::Parse("2026-11-21")); });
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().code, core::ErrorCode::kNotFound);
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(now, tx.Overlays().Links(in_a, *Date::Parse("2026-11-23")));
        EXPECT_EQ(now.size(), 1u);
        LX_ASSIGN(then, tx.Overlays().Links(in_a, *Date::Parse("2026-11-19")));
        EXPECT_EQ(then.size(), 2u);  // ended links stay as history
        return core::Ok();
    }));
}

TEST_P(OverlayConformance, AHostsNewVersionTakesItsOverlays) {
    const auto id = AddOverlay(a_org_, "甲社区大党委");
    core::org::Org moved = a_org_;
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        core::org::Org v2;
        v2.parent_id = b_;
        v2.name = a_org_.name;
        v2.valid_from = *Date::Parse("2026-11-20");
        v2.predecessor_id = a_;
        LX_ASSIGN(nid, tx.Orgs().Insert(v2));
        LX_ASSIGN(got, tx.Orgs().Get(nid));
        if (!got) return core::Fail(core::NotFound("org"));
        moved = std::move(got).value();
        LX_ASSIGN(n, tx.Overlays().MoveHost(a_, moved));
        EXPECT_EQ(n, 1);
        return core::Ok();
    }));
    EXPECT_TRUE(List({a_org_.path}).empty());
    auto now = List({b_org_.path});
    ASSERT_EQ(now.size(), 1u);
    EXPECT_EQ(now[0].overlay.id, id);
    EXPECT_EQ(now[0].overlay.host_org_id, moved.id);
}

INSTANTIATE_TEST_SUITE_P(Backends, OverlayConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
