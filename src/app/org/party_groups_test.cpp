// Party groups and covered units on SQLite (domain.md §1.1, §1.2): a branch forms its 党小组 with a leader who is one
// of its members, a member is in one group at a time, a member who leaves the branch leaves the group, only branches
// hold groups, a sibling branch cannot see or change them, a joint branch records the units it covers and the
// committee panel warns above five (§1.2 "一般不超过5个"), a move takes the groups along, every write is audited.
#include "app/org/party_groups.hpp"

#include "app/member/registry.hpp"
#include "app/org/committee.hpp"
#include "app/org/reorganize.hpp"
#include "app/testing/app_fixture.hpp"

namespace lianxin::app::testing {

using core::ErrorCode;
using core::auth::Role;

class PartyGroupsTest : public AppTest {
protected:
    GroupInput Building(std::int64_t leader = 0, std::vector<std::int64_t> members = {}) {
        return GroupInput{"3号楼党小组", "building", "3号楼", leader, std::move(members)};
    }
    std::vector<std::string> NamesIn(const core::ports::PartyGroupRecord& g) {
        std::vector<std::string> out;
        for (const auto& m : g.members) out.push_back(m.name);
        return out;
    }
    core::ports::PartyGroupRecord Only(std::int64_t org_id) {
        auto v = GetGroups(ctx(), ActorWith(Role::kOrgAdmin, street_), org_id, clock_.Today());
        EXPECT_TRUE(v) << v.error().message_key;
        EXPECT_EQ(v->groups.size(), 1u);
        return v->groups.at(0);
    }
};

// §1.2 (Branch Regulation Art.13): the group leader is appointed by the branch; the leader is one of the group.
TEST_F(PartyGroupsTest, TheBranchFormsAGroupWithItsLeader) {
    const auto secretary = ActorWith(Role::kBranchSecretary, branch_a_);
    const auto second = AddMember(branch_a_, "李四", SyntheticId("19800101", 11));
    auto id = CreateGroup(ctx(), secretary, branch_a_, Building(member_a_, {second}));
    ASSERT_TRUE(id) << id.error().message_key;
    EXPECT_EQ(CountAudit("group.create"), 1);
    auto g = Only(branch_a_);
    EXPECT_EQ(g.name, "3号楼党小组");
    EXPECT_EQ(g.leader_member_id, member_a_);
    EXPECT_EQ(g.members.size(), 2u);  // the leader joined with the member listed
    auto v = GetGroups(ctx(), secretary, branch_a_, clock_.Today());
    EXPECT_TRUE(v->can_edit_groups);
    EXPECT_FALSE(v->can_edit_units);  // not a joint branch, and a secretary holds no org_write

    // The leader cannot be taken out of the group while leading it.
    auto out = SetGroupMembers(ctx(), secretary, *id, g.version, {second});
    ASSERT_FALSE(out);
    EXPECT_EQ(out.error().fields.at(0).message_key, "group.leader_must_stay");
    // A stale version is a conflict.
    EXPECT_EQ(SetGroupMembers(ctx(), secretary, *id, g.version - 1, {member_a_}).error().code, ErrorCode::kConflict);
}

TEST_F(PartyGroupsTest, AMemberIsInOneGroupAtATimeAndOnlyMembersOfTheBranchJoin) {
    const auto secretary = ActorWith(Role::kBranchSecretary, branch_a_);
    auto first = CreateGroup(ctx(), secretary, branch_a_, Building(0, {member_a_}));
    ASSERT_TRUE(first);
    auto second_in = Building();
    second_in.name = "5号楼党小组";
    auto second = CreateGroup(ctx(), secretary, branch_a_, second_in);
    ASSERT_TRUE(second);
    auto groups = GetGroups(ctx(), secretary, branch_a_, clock_.Today())->groups;
    ASSERT_TRUE(SetGroupMembers(ctx(), secretary, *second, groups.at(1).version, {member_a_}));
    groups = GetGroups(ctx(), secretary, branch_a_, clock_.Today())->groups;
    EXPECT_TRUE(groups.at(0).members.empty());  // taken from the first group
    EXPECT_EQ(groups.at(1).members.size(), 1u);

    // A member of another branch, or one listed twice, is named by place.
    auto bad = SetGroupMembers(ctx(), secretary, *second, groups.at(1).version, {member_a_, member_b_, member_a_});
    ASSERT_FALSE(bad);
    ASSERT_EQ(bad.error().fields.size(), 2u);
    EXPECT_EQ(bad.error().fields[0].field, "member_ids[1]");
    EXPECT_EQ(bad.error().fields[0].message_key, "group.member_not_in_branch");
    EXPECT_EQ(bad.error().fields[1].message_key, "group.member_repeated");
}

// A member leads one group at a time: taking a leader into another group, or making them lead a second one, is
// refused by name (regression: the first group kept a leader who was no longer in it).
TEST_F(PartyGroupsTest, ALeaderLeadsOneGroup) {
    const auto secretary = ActorWith(Role::kBranchSecretary, branch_a_);
    ASSERT_TRUE(CreateGroup(ctx(), secretary, branch_a_, Building(member_a_)));
    auto other = Building();
    other.name = "5号楼党小组";
    other.member_ids = {member_a_};
    auto taken = CreateGroup(ctx(), secretary, branch_a_, other);
    ASSERT_FALSE(taken);
    EXPECT_EQ(taken.error().fields.at(0).message_key, "group.leads_other");
    EXPECT_EQ(taken.error().fields.at(0).params.at("group"), "3号楼党小组");
    other.member_ids = {};
    other.leader_member_id = member_a_;
    EXPECT_EQ(CreateGroup(ctx(), secretary, branch_a_, other).error().fields.at(0).field, "leader_member_id");
}

// A leader who has left the branch (here: died) blocks neither a rename nor dropping them from the group.
TEST_F(PartyGroupsTest, ALeaderWhoLeftTheBranchBlocksNothing) {
    const auto secretary = ActorWith(Role::kBranchSecretary, branch_a_);
    const auto second = AddMember(branch_a_, "李四", SyntheticId("19800101", 11));
    auto id = CreateGroup(ctx(), secretary, branch_a_, Building(member_a_, {second}));
    ASSERT_TRUE(id);
    StatusInput death;
    death.version = 1;
    death.action = "deceased";
    death.on = clock_.Today().ToString();
    death.doc_ref = "死亡证明";
    auto died = DecideStatus(ctx(), secretary, member_a_, death);
    ASSERT_TRUE(died) << died.error().message_key;
    auto g = Only(branch_a_);
    EXPECT_EQ(g.members.size(), 1u);  // only 李四 counts now
    auto renamed = Building(member_a_);
    renamed.name = "三号楼党小组";
    ASSERT_TRUE(UpdateGroup(ctx(), secretary, *id, g.version, renamed));
    g = Only(branch_a_);
    ASSERT_TRUE(SetGroupMembers(ctx(), secretary, *id, g.version, {second}));
}

// §1.1: a party group is a subdivision of a branch, not an org of its own; a committee holds none.
TEST_F(PartyGroupsTest, OnlyBranchesHoldGroupsAndFieldsAreNamed) {
    auto on_committee = CreateGroup(ctx(), ActorWith(Role::kOrgAdmin, community_a_), community_a_, Building());
    EXPECT_EQ(on_committee.error().message_key, "group.not_a_branch");
    auto bad = CreateGroup(ctx(), ActorWith(Role::kBranchSecretary, branch_a_), branch_a_,
                           GroupInput{"组", "tower", "", 0, {}});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().fields.at(0).field, "name");
    EXPECT_EQ(bad.error().fields.at(0).params.at("label"), "group.name");
    EXPECT_EQ(bad.error().fields.at(1).field, "scope");
    // The leader must be a member of the branch.
    auto leader = CreateGroup(ctx(), ActorWith(Role::kBranchSecretary, branch_a_), branch_a_, Building(member_b_));
    EXPECT_EQ(leader.error().fields.at(0).field, "leader_member_id");
}

TEST_F(PartyGroupsTest, ASiblingBranchNeitherSeesNorChangesTheGroups) {
    auto id = CreateGroup(ctx(), ActorWith(Role::kBranchSecretary, branch_a_), branch_a_, Building(member_a_));
    ASSERT_TRUE(id);
    const auto other = ActorWith(Role::kBranchSecretary, branch_b_);
    EXPECT_EQ(GetGroups(ctx(), other, branch_a_, clock_.Today()).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(SetGroupMembers(ctx(), other, *id, 2, {}).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(CloseGroup(ctx(), other, *id, 2, clock_.Today().ToString()).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(CreateGroup(ctx(), other, branch_a_, Building()).error().code, ErrorCode::kNotFound);
    // A member of branch B cannot be put into branch A's group through the body either.
    auto g = Only(branch_a_);
    EXPECT_EQ(
        SetGroupMembers(ctx(), ActorWith(Role::kBranchSecretary, branch_a_), *id, g.version, {member_a_, member_b_})
            .error()
            .fields.at(0)
            .message_key,
        "group.member_not_in_branch");
}

TEST_F(PartyGroupsTest, ClosingAGroupKeepsItInEarlierDays) {
    const auto secretary = ActorWith(Role::kBranchSecretary, branch_a_);
    auto id = CreateGroup(ctx(), secretary, branch_a_, Building(member_a_));
    ASSERT_TRUE(id);
    const auto formed = clock_.Today();
    clock_.Advance(3LL * 24 * 3600 * 1000);
    auto g = Only(branch_a_);
    auto early = CloseGroup(ctx(), secretary, *id, g.version, formed.AddDays(-1).ToString());
    EXPECT_EQ(early.error().fields.at(0).message_key, "group.close_before_start");
    ASSERT_TRUE(CloseGroup(ctx(), secretary, *id, g.version, clock_.Today().ToString()));
    EXPECT_TRUE(GetGroups(ctx(), secretary, branch_a_, clock_.Today())->groups.empty());
    EXPECT_EQ(GetGroups(ctx(), secretary, branch_a_, formed)->groups.size(), 1u);
    EXPECT_EQ(CloseGroup(ctx(), secretary, *id, g.version + 1, clock_.Today().ToString()).error().message_key,
              "group.closed");
    EXPECT_EQ(CountAudit("group.close"), 1);
}

// §1.2: a joint branch covers no more than five units (一般不超过5个): the sixth is recorded and warned about.
TEST_F(PartyGroupsTest, AJointBranchRecordsItsUnitsAndTheSixthIsWarned) {
    const auto joint = AddOrg(community_a_, "某某楼宇联合党支部", core::org::OrgType::kJointBranch);
    const auto admin = ActorWith(Role::kOrgAdmin, community_a_);
    EXPECT_EQ(AddCoveredUnit(ctx(), admin, branch_a_, {"某某公司", "non_public_enterprise", ""}).error().message_key,
              "covered_unit.not_joint");
    EXPECT_EQ(AddCoveredUnit(ctx(), ActorWith(Role::kBranchSecretary, joint), joint,
                             {"某某公司", "non_public_enterprise", ""})
                  .error()
                  .code,
              ErrorCode::kPermissionDenied);
    auto bad = AddCoveredUnit(ctx(), admin, joint, {"", "tower", "91350200MA2XXXXXX1"});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().fields.size(), 3u);
    std::int64_t first = 0;
    for (int i = 1; i <= 6; ++i) {
        auto id = AddCoveredUnit(ctx(), admin, joint, {"某某公司" + std::to_string(i), "non_public_enterprise", ""});
        ASSERT_TRUE(id) << id.error().message_key;
        if (i == 1) first = *id;
    }
    EXPECT_EQ(
        AddCoveredUnit(ctx(), admin, joint, {"某某公司1", "non_public_enterprise", ""}).error().fields.at(0).message_key,
        "covered_unit.duplicate");
    auto has_units_warning = [&] {
        auto c = GetCommittee(ctx(), admin, joint, clock_.Today());
        for (const auto& w : c->warnings)
            if (w.key == "org.rule.joint_branch_units") return true;
        return false;
    };
    EXPECT_TRUE(has_units_warning());
    ASSERT_TRUE(EndCoveredUnit(ctx(), admin, joint, first, clock_.Today().ToString()));
    EXPECT_FALSE(has_units_warning());
    EXPECT_EQ(EndCoveredUnit(ctx(), admin, joint, first, clock_.Today().ToString()).error().message_key,
              "covered_unit.ended");
    EXPECT_EQ(
        EndCoveredUnit(ctx(), ActorWith(Role::kOrgAdmin, community_b_), joint, first + 1, clock_.Today().ToString())
            .error()
            .code,
        ErrorCode::kNotFound);
    EXPECT_EQ(GetGroups(ctx(), admin, joint, clock_.Today())->units.size(), 5u);
    EXPECT_EQ(CountAudit("covered_unit.add"), 6);
}

// A moved branch is a new version (ADR 0004): its groups go with its members.
TEST_F(PartyGroupsTest, AMovedBranchKeepsItsGroups) {
    auto id = CreateGroup(ctx(), ActorWith(Role::kBranchSecretary, branch_a_), branch_a_, Building(member_a_));
    ASSERT_TRUE(id);
    clock_.Advance(24LL * 3600 * 1000);
    ReorgInput in;
    in.kind = "move";
    in.org_id = branch_a_;
    in.new_parent_id = community_b_;
    in.on = clock_.Today().ToString();
    in.approval_doc = "海沧组〔2026〕7号";
    auto done = Reorganize(ctx(), ActorWith(Role::kOrgAdmin, street_), in);
    ASSERT_TRUE(done) << done.error().message_key;
    ASSERT_EQ(done->created_ids.size(), 1u);
    auto g = Only(done->created_ids.front());
    EXPECT_EQ(g.id, *id);
    EXPECT_EQ(NamesIn(g), std::vector<std::string>{"张三"});
}

}  // namespace lianxin::app::testing
