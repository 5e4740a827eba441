// Storage conformance of party groups and covered units on every backend: round trip of every field, one group per
// member (setting a group's members takes them from another), a member who left the branch drops out, a stale
// version, groups as of a day, units ending, and the moves and closes a reorganization makes.
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

using core::ports::CoveredUnitRecord;
using core::ports::PartyGroupRecord;

class GroupConformance : public Conformance {
protected:
    void SetUp() override {
        Conformance::SetUp();
        street_ = AddOrg(0, "街道");
        a_ = AddOrg(street_, "甲支部");
        b_ = AddOrg(street_, "乙支部");
        zhang_ = AddMember(MakeMember(a_, "张三", "99010519800506001X"));
        li_ = AddMember(MakeMember(a_, "李四", "990105198005060029"));
    }
    PartyGroupRecord Make(const char* name) {
        PartyGroupRecord g;
        g.org_id = a_;
        g.org_path = OrgOf(a_).path;
        g.name = name;
        g.scope = core::org::GroupScope::kYard;
        g.scope_name = "海虹小区";
        g.leader_member_id = zhang_;
        g.valid_from = *Date::Parse("2026-01-01");
        g.created_at = 1700000000000;
        return g;
    }
    std::int64_t Insert(PartyGroupRecord g) {
        std::int64_t id = 0;
        EXPECT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(i, tx.Groups().Insert(g));
            id = i;
            return core::Ok();
        }));
        return id;
    }
    std::vector<PartyGroupRecord> Of(std::int64_t org, const char* day = "2026-11-23") {
        std::vector<PartyGroupRecord> out;
        EXPECT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(list, tx.Groups().OfOrg(org, *Date::Parse(day)));
            out = std::move(list);
            return core::Ok();
        }));
        return out;
    }
    core::Status SetMembers(const PartyGroupRecord& g, std::vector<std::int64_t> ids) {
        return db().Write(core::ports::Scope::System(),
                          [&](Tx& tx) -> core::Status { return tx.Groups().SetMembers(g, ids); });
    }
    std::int64_t street_ = 0, a_ = 0, b_ = 0, zhang_ = 0, li_ = 0;
};

TEST_P(GroupConformance, EveryFieldRoundTripsAndAMemberIsInOneGroup) {
    const auto first = Insert(Make("1号楼党小组"));
    const auto second = Insert(Make("2号楼党小组"));
    auto groups = Of(a_);
    ASSERT_EQ(groups.size(), 2u);
    const auto g = groups[0];  // a copy: the version read now goes stale below
    EXPECT_EQ(g.id, first);
    EXPECT_EQ(g.name, "1号楼党小组");
    EXPECT_EQ(g.scope, core::org::GroupScope::kYard);
    EXPECT_EQ(g.scope_name, "海虹小区");
    EXPECT_EQ(g.leader_member_id, zhang_);
    EXPECT_EQ(g.leader_name, "张三");
    EXPECT_EQ(g.valid_from.ToString(), "2026-01-01");
    EXPECT_FALSE(g.valid_to.has_value());
    EXPECT_EQ(g.version, 1);
    EXPECT_TRUE(Of(a_, "2025-12-31").empty());

    ASSERT_TRUE(SetMembers(groups[0], {zhang_, li_}));
    groups = Of(a_);
    EXPECT_EQ(groups[0].members.size(), 2u);
    EXPECT_EQ(groups[0].version, 2);
    ASSERT_TRUE(SetMembers(groups[1], {li_}));  // li_ leaves the first group
    groups = Of(a_);
    ASSERT_EQ(groups[0].members.size(), 1u);
    EXPECT_EQ(groups[0].members[0].name, "张三");
    ASSERT_EQ(groups[1].members.size(), 1u);
    EXPECT_EQ(groups[1].id, second);
    EXPECT_EQ(groups[1].members[0].name, "李四");

    // The version read before is stale now.
    auto stale = SetMembers(g, {});
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, core::ErrorCode::kConflict);
    auto renamed = groups[0];
    renamed.name = "一号楼党小组";
    renamed.leader_member_id = 0;
    ASSERT_TRUE(
        db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status { return tx.Groups().Update(renamed); }));
    EXPECT_EQ(Of(a_)[0].name, "一号楼党小组");
    EXPECT_EQ(Of(a_)[0].leader_member_id, 0);
    EXPECT_FALSE(
        db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status { return tx.Groups().Update(renamed); }));
}

TEST_P(GroupConformance, AMemberWhoLeftTheBranchIsNoLongerInItsGroup) {
    const auto id = Insert(Make("1号楼党小组"));
    ASSERT_TRUE(SetMembers(Of(a_)[0], {zhang_, li_}));
    const auto b = OrgOf(b_);
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, tx.Members().Get(li_));
        return tx.Members().Move(*m, b, *Date::Parse("2026-06-01"), 0);
    }));
    auto groups = Of(a_);
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(groups[0].id, id);
    ASSERT_EQ(groups[0].members.size(), 1u);
    EXPECT_EQ(groups[0].members[0].id, zhang_);
}

TEST_P(GroupConformance, ClosingAndReorganizationsMoveOrCloseGroupsAndUnits) {
    Insert(Make("1号楼党小组"));
    ASSERT_TRUE(SetMembers(Of(a_)[0], {zhang_}));
    CoveredUnitRecord u;
    u.org_id = a_;
    u.name = "某某科技有限公司";
    u.type = core::org::UnitType::kNonPublicEnterprise;
    u.uscc = "91350200MA2XXXXXX1";
    u.valid_from = *Date::Parse("2026-01-01");
    u.created_at = 1700000000000;
    std::int64_t unit = 0;
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(i, tx.Groups().InsertUnit(u));
        unit = i;
        return core::Ok();
    }));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(got, tx.Groups().GetUnit(unit));
        EXPECT_EQ(got->name, "某某科技有限公司");
        EXPECT_EQ(got->type, core::org::UnitType::kNonPublicEnterprise);
        EXPECT_EQ(got->uscc, "91350200MA2XXXXXX1");
        return core::Ok();
    }));
    // A move to a joint branch: both go there.
    auto joint = OrgOf(b_);
    joint.type = core::org::OrgType::kJointBranch;
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(n, tx.Groups().MoveAll(a_, joint, *Date::Parse("2026-11-20")));
        EXPECT_EQ(n, 2);
        return core::Ok();
    }));
    EXPECT_TRUE(Of(a_).empty());
    auto moved = Of(b_);
    ASSERT_EQ(moved.size(), 1u);
    EXPECT_EQ(moved[0].org_path, joint.path);
    EXPECT_TRUE(moved[0].members.empty());  // zhang_ is still a member of a_
    // A close: both end on the day, and the group keeps no members.
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(n, tx.Groups().CloseAll(b_, *Date::Parse("2026-11-23")));
        EXPECT_EQ(n, 2);
        LX_ASSIGN(units, tx.Groups().Units(b_, *Date::Parse("2026-11-22")));
        EXPECT_EQ(units.size(), 1u);
        LX_ASSIGN(now, tx.Groups().Units(b_, *Date::Parse("2026-11-23")));
        EXPECT_TRUE(now.empty());
        return core::Ok();
    }));
    EXPECT_TRUE(Of(b_).empty());
    EXPECT_EQ(Of(b_, "2026-11-22").size(), 1u);
    auto again = db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        return tx.Groups().EndUnit(unit, *Date::Parse("2026-11-23"));
    });
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
}

// A merge into an org that cannot hold them: a committee holds no groups, a plain branch covers no units — they close
// on the day instead of moving.
TEST_P(GroupConformance, WhatTheTargetCannotHoldClosesOnTheDay) {
    Insert(Make("1号楼党小组"));
    CoveredUnitRecord u;
    u.org_id = a_;
    u.name = "某某商店";
    u.type = core::org::UnitType::kNonPublicEnterprise;
    u.valid_from = *Date::Parse("2026-01-01");
    auto committee = OrgOf(street_);
    auto branch = OrgOf(b_);
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_CHECK(tx.Groups().InsertUnit(u));
        LX_ASSIGN(n, tx.Groups().MoveAll(a_, branch, *Date::Parse("2026-11-20")));  // the group moves, the unit ends
        EXPECT_EQ(n, 2);
        LX_ASSIGN(units, tx.Groups().Units(a_, *Date::Parse("2026-11-19")));
        EXPECT_EQ(units.size(), 1u);
        LX_ASSIGN(after, tx.Groups().Units(a_, *Date::Parse("2026-11-20")));
        EXPECT_TRUE(after.empty());
        LX_ASSIGN(m, tx.Groups().MoveAll(b_, committee, *Date::Parse("2026-11-21")));  // the group closes
        EXPECT_EQ(m, 1);
        return core::Ok();
    }));
    EXPECT_TRUE(Of(b_).empty());
    EXPECT_TRUE(Of(street_).empty());
    EXPECT_EQ(Of(b_, "2026-11-20").size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, GroupConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
