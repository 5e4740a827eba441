#include "core/org/reorganization.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::org {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

// 街道党工委 1 › 社区党委 2 (branches 3, 4; general branch 7 › branch 8) and 社区党委 5 (branch 6).
class Reorg : public ::testing::Test {
protected:
    void SetUp() override {
        facts_.today = D("2026-12-03");
        Add(1, 0, "/1/", "嵩屿街道党工委", OrgType::kStreetWorkingCommittee);
        Add(2, 1, "/1/2/", "东渡社区党委", OrgType::kGrassrootsCommittee);
        Add(3, 2, "/1/2/3/", "绿苑小区党支部", OrgType::kBranch, 12, 2);
        Add(4, 2, "/1/2/4/", "海景小区党支部", OrgType::kBranch, 2, 0);
        Add(5, 1, "/1/5/", "海发社区党委", OrgType::kGrassrootsCommittee);
        Add(6, 5, "/1/5/6/", "海发第一党支部", OrgType::kBranch, 20, 1);
        Add(7, 2, "/1/2/7/", "东渡第二党总支", OrgType::kGeneralBranch);
        Add(8, 7, "/1/2/7/8/", "东渡第二党总支第一支部", OrgType::kBranch, 5, 0);
        auto& a = facts_.orgs[3];
        a.posts = 3;
        a.grants = 1;
        a.open_development_cases = 2;
        a.last_start = D("2025-06-01");
        for (int i = 0; i < 14; ++i) a.members.push_back({100 + i, i < 12, D("2020-01-01"), i == 0 ? 1 : 0, false});
    }
    OrgFacts& Add(std::int64_t id, std::int64_t parent, const char* path, const char* name, OrgType type, int full = 0,
                  int prob = 0) {
        OrgFacts f;
        f.org.id = id;
        f.org.parent_id = parent;
        f.org.path = path;
        f.org.name = name;
        f.org.type = type;
        f.org.valid_from = D("2018-01-01");
        f.headcount = {full, prob};
        f.registry_members = full + prob;
        return facts_.orgs[id] = f;
    }
    ReorgRequest Req(ReorgKind kind, std::int64_t org_id) {
        ReorgRequest r;
        r.kind = kind;
        r.on = D("2026-12-01");
        r.approval_doc = "海嵩党工〔2026〕12号";
        r.org_id = org_id;
        return r;
    }
    static std::vector<std::string> FieldKeys(const Result<ReorgPlan>& r) {
        std::vector<std::string> out;
        if (!r)
            for (const auto& f : r.error().fields) out.push_back(f.field + ":" + f.message_key);
        return out;
    }
    static std::vector<StepKind> Kinds(const ReorgPlan& p) {
        std::vector<StepKind> out;
        for (const auto& s : p.steps) out.push_back(s.kind);
        return out;
    }
    ReorgFacts facts_;
};

using Strings = std::vector<std::string>;

// domain.md §1.1 and §1.6: a branch has no orgs below it (party groups are not orgs); a general branch holds
// branches; a community committee holds general branches and branches; committees above hold committees.
TEST(OrgStructure, WhichTypesMayHoldWhich) {
    EXPECT_TRUE(MayHoldChild(OrgType::kStreetWorkingCommittee, OrgType::kGrassrootsCommittee));
    EXPECT_TRUE(MayHoldChild(OrgType::kGrassrootsCommittee, OrgType::kBranch));
    EXPECT_TRUE(MayHoldChild(OrgType::kGrassrootsCommittee, OrgType::kFunctionalBranch));
    EXPECT_TRUE(MayHoldChild(OrgType::kGeneralBranch, OrgType::kJointBranch));
    EXPECT_FALSE(MayHoldChild(OrgType::kGeneralBranch, OrgType::kGeneralBranch));
    EXPECT_FALSE(MayHoldChild(OrgType::kGrassrootsCommittee, OrgType::kGrassrootsCommittee));
    EXPECT_FALSE(MayHoldChild(OrgType::kBranch, OrgType::kBranch));
    EXPECT_FALSE(MayHoldChild(OrgType::kStreetWorkingCommittee, OrgType::kStreetWorkingCommittee));
}

// A new branch starts empty: the preview already quotes "≥3 full members" (domain.md §1.2) as a warning.
TEST_F(Reorg, CreateABranchUnderACommunityWarnsItNeedsThreeFullMembers) {
    auto req = Req(ReorgKind::kCreate, 2);
    req.spec = {"东渡社区功能型党支部", "", OrgType::kFunctionalBranch, PlaceKind::kNone, ""};
    auto plan = PlanReorganization(req, facts_);
    ASSERT_TRUE(plan) << plan.error().message_key;
    EXPECT_EQ(Kinds(*plan), std::vector<StepKind>{StepKind::kCreateOrg});
    EXPECT_EQ(plan->steps[0].parent, OrgRef{2});
    ASSERT_EQ(plan->after.size(), 1u);
    EXPECT_EQ(plan->after[0].parent_name, "东渡社区党委");
    ASSERT_EQ(plan->after[0].warnings.size(), 1u);
    EXPECT_EQ(plan->after[0].warnings[0].key, "org.rule.branch_min_full");
}

TEST_F(Reorg, CreateRefusesAMissingTypeAnOrgUnderABranchAFutureDayAndNoApproval) {
    auto req = Req(ReorgKind::kCreate, 3);
    req.spec.name = "楼栋";
    req.spec.type = OrgType::kBranch;
    EXPECT_EQ(FieldKeys(PlanReorganization(req, facts_)), Strings{"spec.type:org.reorg.type_not_allowed"});
    req = Req(ReorgKind::kCreate, 2);
    req.spec.name = "新";
    req.on = D("2026-12-04");
    req.approval_doc = "";
    EXPECT_EQ(FieldKeys(PlanReorganization(req, facts_)),
              (Strings{"approval_doc:field.text", "on:org.reorg.on_future", "spec.name:field.text",
                       "spec.type:org.reorg.type_required"}));
}

TEST_F(Reorg, RenameChangesTheOrgInPlaceAndATypeChangeMustFitParentAndChildren) {
    auto req = Req(ReorgKind::kRename, 3);
    req.spec = {"绿苑社区第一党支部", "绿苑一支部", std::nullopt, PlaceKind::kCompound, "绿苑小区"};
    auto plan = PlanReorganization(req, facts_);
    ASSERT_TRUE(plan);
    EXPECT_EQ(Kinds(*plan), std::vector<StepKind>{StepKind::kUpdateOrg});
    EXPECT_EQ(plan->steps[0].spec.name, "绿苑社区第一党支部");
    EXPECT_EQ(plan->steps[0].spec.type, OrgType::kBranch);
    EXPECT_EQ(plan->counts.orgs_updated, 1);
    // A general branch with a branch below may not become a branch; the same name is no change at all.
    req = Req(ReorgKind::kRename, 7);
    req.spec = {"东渡第二党总支", "", OrgType::kBranch, PlaceKind::kNone, ""};
    EXPECT_EQ(FieldKeys(PlanReorganization(req, facts_)), Strings{"spec.type:org.reorg.children_not_allowed"});
    req.spec.type = std::nullopt;
    EXPECT_EQ(FieldKeys(PlanReorganization(req, facts_)), Strings{"spec:org.reorg.nothing"});
}

// Paths never change: the moved org and everything below it get new versions under the new parent, members,
// posts (same term), grants and open cases follow, and the old versions close on the day.
TEST_F(Reorg, MoveMakesNewVersionsOfTheWholeSubtreeAndClosesTheOld) {
    facts_.orgs[8].posts = 1;
    auto req = Req(ReorgKind::kMove, 7);
    req.new_parent_id = 5;
    auto plan = PlanReorganization(req, facts_);
    ASSERT_TRUE(plan) << FieldKeys(plan).size();
    EXPECT_EQ(Kinds(*plan), (std::vector<StepKind>{StepKind::kCreateOrg, StepKind::kCreateOrg, StepKind::kMoveMembers,
                                                   StepKind::kCarryPosts, StepKind::kCloseOrg, StepKind::kCloseOrg}));
    EXPECT_EQ(plan->steps[0].parent, OrgRef{5});
    EXPECT_EQ(plan->steps[0].predecessor_id, 7);
    EXPECT_EQ(plan->steps[1].parent, (OrgRef{0, 0}));  // the branch goes under the new version of the 总支
    EXPECT_EQ(plan->steps[1].predecessor_id, 8);
    EXPECT_EQ(plan->steps[2].to, (OrgRef{0, 1}));
    EXPECT_EQ(plan->counts.orgs_created, 2);
    EXPECT_EQ(plan->counts.orgs_closed, 2);
    EXPECT_EQ(plan->counts.members_moved, 5);
    EXPECT_EQ(plan->counts.posts_carried, 1);
    ASSERT_EQ(plan->after.size(), 1u);
    EXPECT_EQ(plan->after[0].parent_name, "海发社区党委");
}

TEST_F(Reorg, MoveRefusesTheSameParentItsOwnSubtreeAndAParentThatMayNotHoldIt) {
    auto req = Req(ReorgKind::kMove, 7);
    req.new_parent_id = 2;
    EXPECT_EQ(FieldKeys(PlanReorganization(req, facts_)), Strings{"new_parent_id:org.reorg.same_parent"});
    req = Req(ReorgKind::kMove, 2);
    req.new_parent_id = 7;
    EXPECT_EQ(FieldKeys(PlanReorganization(req, facts_)), Strings{"new_parent_id:org.reorg.into_own_subtree"});
    req = Req(ReorgKind::kMove, 3);
    req.new_parent_id = 6;
    EXPECT_EQ(FieldKeys(PlanReorganization(req, facts_)), Strings{"new_parent_id:org.reorg.type_not_allowed"});
}

// History periods may not be inverted: the day may not come before a member's affiliation or a post began.
TEST_F(Reorg, TheDayMayNotComeBeforeWhatMovesBeganOrTheOrgItself) {
    auto req = Req(ReorgKind::kMove, 3);
    req.new_parent_id = 5;
    req.on = D("2025-01-01");
    EXPECT_EQ(FieldKeys(PlanReorganization(req, facts_)), Strings{"on:org.reorg.on_before_last"});
    req.on = D("2017-12-31");
    EXPECT_EQ(FieldKeys(PlanReorganization(req, facts_)), Strings{"on:org.reorg.on_before_start"});
    // The day the org began closes a version that never showed (an org set up by mistake is dissolved at once).
    facts_.orgs[4].registry_members = 0;
    facts_.orgs[4].headcount = {};
    auto same_day = Req(ReorgKind::kDissolve, 4);
    same_day.on = D("2018-01-01");
    EXPECT_TRUE(PlanReorganization(same_day, facts_));
}

TEST_F(Reorg, AnOpenTransferBlocksTheMoveButThePreviewStillShowsThePlan) {
    facts_.orgs[3].open_transfers = 1;
    facts_.orgs[3].positions = 1;  // the 党群之家 it runs follows it
    auto req = Req(ReorgKind::kMove, 3);
    req.new_parent_id = 5;
    auto plan = PlanReorganization(req, facts_);
    ASSERT_TRUE(plan);
    ASSERT_EQ(plan->blockers.size(), 1u);
    EXPECT_EQ(plan->blockers[0].key, "org.reorg.blocked.transfers");
    EXPECT_EQ(plan->blockers[0].params.at("org"), "绿苑小区党支部");
    EXPECT_EQ(plan->counts.grants_moved, 1);
    EXPECT_EQ(plan->counts.development_cases_moved, 2);
    EXPECT_EQ(plan->counts.positions_moved, 1);
}

// A merge: the merged branch's members and open cases go to the one that remains, its posts end and its
// roles are revoked (the remaining committee is not widened), and the sizing rules of the result are quoted:
// 12 + 2 + 2 + 0 = 16 members keep below 50, but 14 full members need a committee of 3–5 (§1.2).
TEST_F(Reorg, MergeMovesMembersEndsPostsRevokesRolesAndQuotesTheResultingSize) {
    auto req = Req(ReorgKind::kMerge, 3);
    req.merged = {4};
    facts_.orgs[4].posts = 1;
    facts_.orgs[4].grants = 1;
    auto plan = PlanReorganization(req, facts_);
    ASSERT_TRUE(plan);
    EXPECT_EQ(Kinds(*plan), (std::vector<StepKind>{StepKind::kMoveMembers, StepKind::kEndPosts, StepKind::kRevokeGrants,
                                                   StepKind::kCloseOrg}));
    EXPECT_EQ(plan->steps[0].to, OrgRef{3});
    ASSERT_EQ(plan->after.size(), 1u);
    EXPECT_EQ(plan->after[0].headcount.full, 14);
    EXPECT_EQ(plan->after[0].headcount.probationary, 2);
    EXPECT_EQ(plan->after[0].warnings.empty(), true);  // 3 posts on 14 full members: a sound committee
    EXPECT_EQ(plan->counts.grants_revoked, 1);
}

TEST_F(Reorg, MergeRefusesItselfTwiceAnAncestorAndMembersIntoACommittee) {
    auto req = Req(ReorgKind::kMerge, 3);
    req.merged = {3, 2};
    EXPECT_EQ(FieldKeys(PlanReorganization(req, facts_)),
              (Strings{"merged[0]:org.reorg.merge_repeated", "merged[1]:org.reorg.merge_into_own"}));
    req = Req(ReorgKind::kMerge, 5);
    req.merged = {4};
    EXPECT_EQ(FieldKeys(PlanReorganization(req, facts_)), Strings{"org_id:org.reorg.members_need_branch"});
    // Two communities merge: the branches below the merged one move under the remaining committee.
    req = Req(ReorgKind::kMerge, 5);
    req.merged = {2};
    auto plan = PlanReorganization(req, facts_);
    ASSERT_TRUE(plan);
    EXPECT_EQ(plan->counts.orgs_created, 4);  // 3, 4, 7 and 8 as new versions under 5
    EXPECT_EQ(plan->counts.orgs_closed, 5);   // those four and the community itself
    EXPECT_EQ(plan->counts.members_moved, 14 + 2 + 5);
}

// A branch above 50 must split (domain.md §1.2): the chosen members go to a new sibling branch, their posts in
// the old branch end, and both results are checked against the sizing rules.
TEST_F(Reorg, SplitMovesTheChosenMembersToANewSiblingAndQuotesBothResults) {
    auto req = Req(ReorgKind::kSplit, 3);
    req.spec.name = "绿苑小区第二党支部";
    req.member_ids = {100, 101, 112};
    auto plan = PlanReorganization(req, facts_);
    ASSERT_TRUE(plan);
    EXPECT_EQ(Kinds(*plan), (std::vector<StepKind>{StepKind::kCreateOrg, StepKind::kMoveMembers, StepKind::kEndPosts}));
    EXPECT_EQ(plan->steps[0].parent, OrgRef{2});
    EXPECT_EQ(plan->steps[0].spec.type, OrgType::kBranch);
    EXPECT_EQ(plan->steps[1].member_ids, (std::vector<std::int64_t>{100, 101, 112}));
    EXPECT_EQ(plan->counts.posts_ended, 1);  // member 100 held a post
    ASSERT_EQ(plan->after.size(), 2u);
    EXPECT_EQ(plan->after[0].headcount.full, 10);
    EXPECT_EQ(plan->after[0].headcount.probationary, 1);
    EXPECT_EQ(plan->after[1].headcount.full, 2);
    EXPECT_EQ(plan->after[1].headcount.probationary, 1);
    EXPECT_EQ(plan->after[1].warnings.at(0).key, "org.rule.branch_min_full");
}

TEST_F(Reorg, SplitRefusesNobodySomeoneElsesMemberAndACommittee) {
    auto req = Req(ReorgKind::kSplit, 3);
    req.spec.name = "绿苑小区第二党支部";
    EXPECT_EQ(FieldKeys(PlanReorganization(req, facts_)), Strings{"member_ids:org.reorg.split_no_members"});
    req.member_ids = {100, 999, 100};
    EXPECT_EQ(FieldKeys(PlanReorganization(req, facts_)),
              (Strings{"member_ids[1]:org.reorg.split_not_member", "member_ids[2]:org.reorg.split_not_member"}));
    req = Req(ReorgKind::kSplit, 2);
    req.spec.name = "拆分";
    req.member_ids = {1};
    EXPECT_EQ(FieldKeys(PlanReorganization(req, facts_)), Strings{"org_id:org.reorg.split_branch_only"});
}

TEST_F(Reorg, DissolveIsBlockedWhileMembersChildrenOrCasesRemain) {
    auto plan = PlanReorganization(Req(ReorgKind::kDissolve, 7), facts_);
    ASSERT_TRUE(plan);
    ASSERT_EQ(plan->blockers.size(), 1u);
    EXPECT_EQ(plan->blockers[0].key, "org.reorg.blocked.children");
    plan = PlanReorganization(Req(ReorgKind::kDissolve, 3), facts_);
    ASSERT_TRUE(plan);
    ASSERT_EQ(plan->blockers.size(), 2u);
    EXPECT_EQ(plan->blockers[0].key, "org.reorg.blocked.members");
    EXPECT_EQ(plan->blockers[0].params.at("n"), "14");
    EXPECT_EQ(plan->blockers[1].key, "org.reorg.blocked.development_cases");
    // A host of a 大党委 stays until the overlay has another host.
    facts_.orgs[6].registry_members = 0;
    facts_.orgs[6].headcount = {};
    facts_.orgs[6].overlays = 1;
    plan = PlanReorganization(Req(ReorgKind::kDissolve, 6), facts_);
    ASSERT_TRUE(plan);
    ASSERT_EQ(plan->blockers.size(), 1u);
    EXPECT_EQ(plan->blockers[0].key, "org.reorg.blocked.overlays");
    // An empty branch closes; its posts end and its roles are revoked.
    facts_.orgs[4].headcount = {};
    facts_.orgs[4].registry_members = 0;
    facts_.orgs[4].grants = 2;
    facts_.orgs[4].positions = 1;  // its 党群之家 closes with it
    plan = PlanReorganization(Req(ReorgKind::kDissolve, 4), facts_);
    ASSERT_TRUE(plan);
    EXPECT_TRUE(plan->blockers.empty());
    EXPECT_EQ(Kinds(*plan),
              (std::vector<StepKind>{StepKind::kRevokeGrants, StepKind::kClosePositions, StepKind::kCloseOrg}));
    EXPECT_EQ(plan->counts.positions_closed, 1);
}

TEST(ReorgKinds, WireNamesRoundTrip) {
    for (auto k : {ReorgKind::kCreate, ReorgKind::kRename, ReorgKind::kMove, ReorgKind::kMerge, ReorgKind::kSplit,
                   ReorgKind::kDissolve})
        EXPECT_EQ(ParseReorgKind(ToString(k)), k);
    EXPECT_FALSE(ParseReorgKind("reshuffle"));
}

}  // namespace
}  // namespace lianxin::core::org
