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
    ASSERT_TRUE(AppendAudit(ctx(), record->entry));         // what the HTTP layer does before answering
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
    MemberListInput sibling;
    sibling.org_id = branch_b_;
    auto narrowed = ListMembers(ctx(), secretary, sibling);
    ASSERT_FALSE(narrowed);
    EXPECT_EQ(narrowed.error().fields[0].field, "org_id");
}

TEST_F(MemberQueriesTest, AMemberRoleCannotReadOthers) {
    auto me = ActorWith(Role::kMember, branch_a_);
    EXPECT_EQ(ViewMember(ctx(), me, member_a_).error().code, ErrorCode::kPermissionDenied);
}

TEST_F(MemberQueriesTest, CommunityAdminSeesTheWholeSubtreeAndPagesThroughIt) {
    for (int i = 0; i < 3; ++i)
        AddMember(branch_a_, "赵" + std::to_string(i),
                  i == 0   ? "110105194912310011"
                  : i == 1 ? "110105194912310053"
                           : "110105194912310070");
    auto admin = ActorWith(Role::kOrgAdmin, community_a_);
    MemberListInput in;
    in.limit = 2;
    auto page1 = ListMembers(ctx(), admin, in);
    ASSERT_TRUE(page1);
    EXPECT_EQ(page1->items.size(), 2u);
    ASSERT_NE(page1->next_after, 0);
    in.after_id = page1->next_after;
    auto page2 = ListMembers(ctx(), admin, in);
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

namespace lianxin::app::testing {

// Search filters (issue 4): category, status and an age band in full years on today's date.
TEST_F(MemberQueriesTest, FiltersByCategoryStatusAndAgeBand) {
    auto admin = ActorWith(Role::kOrgAdmin, street_);
    auto all = ListMembers(ctx(), admin, {});
    ASSERT_TRUE(all);
    ASSERT_EQ(all->items.size(), 2u);  // both fixture members: full, normal, born 1949-12-31 (76 today)
    MemberListInput in;
    in.category = "probationary";
    EXPECT_TRUE(ListMembers(ctx(), admin, in)->items.empty());
    in.category = "full";
    in.status = "normal";
    in.age_min = 76;
    in.age_max = 76;
    EXPECT_EQ(ListMembers(ctx(), admin, in)->items.size(), 2u);
    in.age_min = 77;
    in.age_max = -1;
    EXPECT_TRUE(ListMembers(ctx(), admin, in)->items.empty());
    in.age_min = -1;
    in.age_max = 75;
    EXPECT_TRUE(ListMembers(ctx(), admin, in)->items.empty());
    in.age_min = 80;
    in.age_max = 70;
    EXPECT_EQ(ListMembers(ctx(), admin, in).error().fields.at(0).field, "age_max");
    MemberListInput bad;
    bad.category = "activist";
    EXPECT_EQ(ListMembers(ctx(), admin, bad).error().fields.at(0).field, "category");
}

}  // namespace lianxin::app::testing
