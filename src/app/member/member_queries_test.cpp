// Reading member records: scoped, masked at the edge, and every view audited and shown to the member
// ("谁查看了我的信息", product.md guardrails; security.md E1).
#include "app/member/member_queries.hpp"

#include "app/testing/app_fixture.hpp"

namespace lianxin::app::testing {

using core::ErrorCode;
using core::auth::Role;

class MemberQueriesTest : public AppTest {};

TEST_F(MemberQueriesTest, ViewIsAuditedAndVisibleToTheMember) {
    auto secretary = ActorWith(Role::kBranchSecretary, branch_a_);
    secretary.display_name = "王书记";
    auto record = ViewMember(ctx(), secretary, member_a_);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->value.member.name, "张三");
    EXPECT_EQ(record->value.org_name, "绿苑小区党支部");
    EXPECT_EQ(record->entry.subject_member_id, member_a_);  // the view names whose record it was
    ASSERT_TRUE(AppendAudit(ctx(), record->entry));        // what the HTTP layer does before answering
    EXPECT_EQ(CountAudit("member.view"), 1);

    core::auth::Actor me = ActorWith(Role::kMember, branch_a_, 5);
    me.member_id = member_a_;
    auto views = WhoViewedMe(ctx(), me, 0, 10);
    ASSERT_TRUE(views);
    ASSERT_EQ(views->items.size(), 1u);
    EXPECT_EQ(views->items[0].viewer_name, "王书记");
    EXPECT_EQ(views->items[0].viewer_org, "绿苑小区党支部");
}

TEST_F(MemberQueriesTest, SiblingBranchMembersAreNotFound) {
    auto secretary = ActorWith(Role::kBranchSecretary, branch_a_);
    auto r = ViewMember(ctx(), secretary, member_b_);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(CountAudit("member.view"), 0);
    auto list = ListMembers(ctx(), secretary, {});
    ASSERT_TRUE(list);
    ASSERT_EQ(list->items.size(), 1u);
    EXPECT_EQ(list->items[0].member.id, member_a_);
    auto narrowed = ListMembers(ctx(), secretary, {branch_b_, "", 0, 50});
    ASSERT_FALSE(narrowed);
    EXPECT_EQ(narrowed.error().fields[0].field, "org_id");
}

TEST_F(MemberQueriesTest, AMemberRoleCannotReadOthers) {
    auto me = ActorWith(Role::kMember, branch_a_);
    EXPECT_EQ(ViewMember(ctx(), me, member_a_).error().code, ErrorCode::kPermissionDenied);
}

TEST_F(MemberQueriesTest, CommunityAdminSeesTheWholeSubtreeAndPagesThroughIt) {
    for (int i = 0; i < 3; ++i) AddMember(branch_a_, "赵" + std::to_string(i), i == 0 ? "110105194912310011" : i == 1 ? "110105194912310053" : "110105194912310070");
    auto admin = ActorWith(Role::kOrgAdmin, community_a_);
    auto page1 = ListMembers(ctx(), admin, {0, "", 0, 2});
    ASSERT_TRUE(page1);
    EXPECT_EQ(page1->items.size(), 2u);
    ASSERT_NE(page1->next_after, 0);
    auto page2 = ListMembers(ctx(), admin, {0, "", page1->next_after, 2});
    EXPECT_EQ(page2->items.size(), 2u);
    EXPECT_EQ(page2->next_after, 0);
}

}  // namespace lianxin::app::testing

namespace lianxin::app::testing {

// product.md guardrails / domain.md §11: full ID numbers and phones only with a reason, audited, and the
// member sees it under "谁查看了我的信息".
TEST_F(MemberQueriesTest, RevealNeedsAReasonAndIsAudited) {
    auto secretary = ActorWith(Role::kBranchSecretary, branch_a_);
    auto no_reason = RevealMember(ctx(), secretary, member_a_, "");
    ASSERT_FALSE(no_reason);
    EXPECT_EQ(no_reason.error().fields.at(0).field, "reason");
    auto r = RevealMember(ctx(), secretary, member_a_, "联系本人参加主题党日");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->value.member.id_number, "11010519491231002X");
    EXPECT_EQ(r->value.member.phone, "13812345678");
    EXPECT_EQ(r->entry.action, "member.reveal");
    EXPECT_EQ(r->entry.subject_member_id, member_a_);
    EXPECT_EQ(r->entry.detail, "reason=联系本人参加主题党日");
    EXPECT_EQ(RevealMember(ctx(), secretary, member_b_, "联系本人参加主题党日").error().code, ErrorCode::kNotFound);
    EXPECT_EQ(RevealMember(ctx(), ActorWith(Role::kMember, branch_a_), member_a_, "想看看").error().code,
              ErrorCode::kPermissionDenied);
}

}  // namespace lianxin::app::testing
