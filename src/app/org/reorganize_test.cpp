// Reorganizations on SQLite: a move keeps the tree of earlier days (new versions, the old ones closed), members,
// posts and roles follow; who may decide; merge, split and dissolve; a rename shows the old name as of before.
#include "app/org/reorganize.hpp"

#include "app/member/member_queries.hpp"
#include "app/org/committee.hpp"
#include "app/org/org_queries.hpp"
#include "app/testing/app_fixture.hpp"

namespace lianxin::app::testing {

using core::Date;
using core::ErrorCode;
using core::auth::Role;

class ReorganizeTest : public AppTest {
protected:
    core::auth::Actor Street() { return ActorWith(Role::kOrgAdmin, street_); }
    ReorgInput In(const char* kind, std::int64_t org_id, const char* on = "2026-11-20") {
        ReorgInput in;
        in.kind = kind;
        in.org_id = org_id;
        in.on = on;
        in.approval_doc = "海嵩党工〔2026〕21号";
        return in;
    }
    std::vector<core::ports::OrgView> ChildrenOn(std::int64_t org, const char* day) {
        auto r = OrgChildren(ctx(), Street(), org, *Date::Parse(day));
        EXPECT_TRUE(r) << (r ? "" : r.error().message_key);
        return r ? *r : std::vector<core::ports::OrgView>{};
    }
    core::member::Member Member(std::int64_t id) {
        core::member::Member m;
        EXPECT_TRUE(ctx().db.Read(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
            LX_ASSIGN(got, tx.Members().Get(id));
            if (!got) return core::Fail(core::NotFound("member"));
            m = std::move(got).value();
            return core::Ok();
        }));
        return m;
    }
};

// The issue: "Reorganizations (split, merge, rename, move) keep history" and "any tree can be asked as of a past
// date". The branch moves from community A to B on 2026-11-20: the tree of the 19th still has it under A, with
// its member; from the 20th a new version stands under B with the member, the secretary's post (same term) and
// the secretary's role; both versions name each other in their history.
TEST_F(ReorganizeTest, MoveKeepsTheEarlierTreeAndMembersPostsAndRolesFollow) {
    ASSERT_TRUE(AppointPost(ctx(), ActorWith(Role::kOrgAdmin, community_a_), branch_a_,
                            {member_a_, "secretary", "2024-01-10", "2024-01-10", "海发社委〔2024〕1号"}));
    const auto secretary = AddUser("lvyuan", "Branch-meets-every-month-07", Role::kBranchSecretary, branch_a_);
    auto in = In("move", branch_a_);
    in.new_parent_id = community_b_;
    auto preview = PreviewReorganization(ctx(), Street(), in);
    ASSERT_TRUE(preview) << preview.error().message_key;
    EXPECT_EQ(preview->plan.counts.members_moved, 1);
    EXPECT_EQ(preview->plan.counts.posts_carried, 1);
    EXPECT_EQ(preview->plan.counts.grants_moved, 1);
    ASSERT_EQ(preview->created.size(), 1u);
    EXPECT_EQ(preview->created[0].parent_name, "海翔社区党委");
    EXPECT_TRUE(preview->created[0].new_version);
    EXPECT_EQ(CountAudit("org.reorganize"), 0);  // a preview writes nothing

    auto done = Reorganize(ctx(), Street(), in);
    ASSERT_TRUE(done) << done.error().message_key;
    ASSERT_EQ(done->created_ids.size(), 1u);
    const auto moved = done->created_ids[0];

    auto before = ChildrenOn(community_a_, "2026-11-19");
    ASSERT_EQ(before.size(), 1u);
    EXPECT_EQ(before[0].org.id, branch_a_);
    EXPECT_EQ(before[0].member_count, 1);
    EXPECT_TRUE(ChildrenOn(community_a_, "2026-11-20").empty());
    auto after = ChildrenOn(community_b_, "2026-11-20");
    ASSERT_EQ(after.size(), 2u);
    EXPECT_EQ(after[1].org.id, moved);
    EXPECT_EQ(after[1].org.name, "绿苑小区党支部");
    EXPECT_EQ(after[1].member_count, 1);

    EXPECT_EQ(Member(member_a_).org_id, moved);
    auto committee = GetCommittee(ctx(), Street(), moved, clock_.Today());
    ASSERT_TRUE(committee);
    ASSERT_EQ(committee->posts.size(), 1u);
    EXPECT_EQ(committee->posts[0].term_start.ToString(), "2024-01-10");
    EXPECT_TRUE(GetCommittee(ctx(), Street(), branch_a_, clock_.Today())->posts.empty());

    // The secretary's role follows the branch: the new version is in scope, community A is not.
    std::int64_t granted_on = 0;
    ASSERT_TRUE(ctx().db.Read(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
        LX_ASSIGN(u, tx.Users().Get(secretary));
        if (!u || u->grants.empty()) return core::Fail(core::NotFound("user"));
        granted_on = u->grants.front().org_id;
        return core::Ok();
    }));
    EXPECT_EQ(granted_on, moved);
    auto history = OrgHistory(ctx(), Street(), moved);
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 2u);  // moved_in (the new version), then moved_out (the old)
    EXPECT_EQ(history->at(0).event, core::org::OrgEvent::kMovedIn);
    EXPECT_EQ(history->at(0).approval_doc, "海嵩党工〔2026〕21号");
    EXPECT_EQ(history->at(1).event, core::org::OrgEvent::kMovedOut);
    EXPECT_EQ(history->at(1).other_org_id, moved);
    EXPECT_EQ(CountAudit("org.reorganize"), 1);
}

// Who decides (domain.md §1.2: the higher org approves): a community reorganizes the branches below it, not
// itself; a branch secretary reorganizes nothing; an org outside the scope is not found, in the body too.
TEST_F(ReorganizeTest, TheHigherOrgDecidesAndTheScopeHoldsForOrgsInTheBody) {
    const auto a_admin = ActorWith(Role::kOrgAdmin, community_a_);
    auto rename = In("rename", community_a_);
    rename.spec.name = "海发社区新党委";
    EXPECT_EQ(Reorganize(ctx(), a_admin, rename).error().message_key, "org.reorg.higher_decides");
    EXPECT_EQ(Reorganize(ctx(), ActorWith(Role::kBranchSecretary, branch_a_), rename).error().code,
              ErrorCode::kPermissionDenied);
    auto move = In("move", branch_a_);
    move.new_parent_id = community_b_;
    EXPECT_EQ(Reorganize(ctx(), a_admin, move).error().code, ErrorCode::kNotFound);
    auto merge = In("merge", branch_a_);
    merge.merged = {branch_b_};
    EXPECT_EQ(PreviewReorganization(ctx(), a_admin, merge).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(Member(member_b_).org_id, branch_b_);
    EXPECT_EQ(CountAudit("org.reorganize"), 0);
}

// A rename changes the org in place; the tree of an earlier day shows the name it had then.
TEST_F(ReorganizeTest, RenameShowsTheOldNameAsOfEarlierDays) {
    auto in = In("rename", branch_a_);
    in.spec.name = "绿苑社区第一党支部";
    in.spec.place_kind = "compound";
    in.spec.place_name = "绿苑小区";
    ASSERT_TRUE(Reorganize(ctx(), Street(), in));
    EXPECT_EQ(ChildrenOn(community_a_, "2026-11-19").at(0).org.name, "绿苑小区党支部");
    EXPECT_EQ(ChildrenOn(community_a_, "2026-11-20").at(0).org.name, "绿苑社区第一党支部");
    auto history = OrgHistory(ctx(), Street(), branch_a_);
    ASSERT_EQ(history->size(), 1u);
    EXPECT_EQ(history->at(0).old_name, "绿苑小区党支部");
    EXPECT_EQ(history->at(0).new_name, "绿苑社区第一党支部");
}

// Merge, split and dissolve end to end: the merged branch closes with its member gone to the other; a split
// moves the chosen member to a new sibling; dissolving is refused while a member remains (422, the blocker
// named) and goes through once the branch is empty.
TEST_F(ReorganizeTest, MergeSplitAndDissolve) {
    const auto second = AddOrg(community_a_, "海景小区党支部");
    const auto m2 = AddMember(second, "王五", SyntheticId("19600101", 1));
    auto merge = In("merge", branch_a_);
    merge.merged = {second};
    auto merged = Reorganize(ctx(), Street(), merge);
    ASSERT_TRUE(merged) << merged.error().message_key;
    EXPECT_EQ(Member(m2).org_id, branch_a_);
    EXPECT_TRUE(ChildrenOn(community_a_, "2026-11-20").size() == 1);

    auto dissolve = In("dissolve", branch_a_);
    auto refused = Reorganize(ctx(), Street(), dissolve);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_EQ(refused.error().fields.at(0).message_key, "org.reorg.blocked.members");

    auto split = In("split", branch_a_, "2026-11-21");
    split.spec.name = "海景小区党支部（新）";
    split.member_ids = {m2};
    auto done = Reorganize(ctx(), Street(), split);
    ASSERT_TRUE(done) << done.error().message_key;
    EXPECT_EQ(Member(m2).org_id, done->created_ids.at(0));
    EXPECT_EQ(Member(member_a_).org_id, branch_a_);

    const auto empty = AddOrg(community_a_, "临时空支部");
    ASSERT_TRUE(Reorganize(ctx(), Street(), In("dissolve", empty)));
    EXPECT_EQ(ChildrenOn(community_a_, "2026-11-21").size(), 2u);  // 绿苑 and the split-off branch
    EXPECT_EQ(CountAudit("org.reorganize"), 3);
}

TEST_F(ReorganizeTest, BadInputNamesTheField) {
    auto in = In("reshuffle", branch_a_, "2026-02-30");
    in.spec.type = "committee";
    auto r = PreviewReorganization(ctx(), Street(), in);
    ASSERT_FALSE(r);
    std::vector<std::string> fields;
    for (const auto& f : r.error().fields) fields.push_back(f.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"kind", "on", "spec.type"}));
}

}  // namespace lianxin::app::testing
