// Committee posts and org health on SQLite: the rule warnings of domain.md §1.2, appointments with their
// record, one secretary at a time, posts "as of" a date, scope.
#include "app/org/committee.hpp"

#include "app/testing/app_fixture.hpp"

namespace lianxin::app::testing {

using core::ErrorCode;
using core::auth::Role;

class CommitteeTest : public AppTest {
protected:
    core::auth::Actor Admin() { return ActorWith(Role::kOrgAdmin, community_a_); }
    PostInput Post(std::int64_t member, const char* post, const char* from, const char* doc = "嵩工委〔2024〕3号") {
        return PostInput{member, post, "", from, doc};
    }
};

// domain.md §1.2: a branch needs ≥3 full members — the fixture's branch has one, so the warning quotes it.
TEST_F(CommitteeTest, WarningsQuoteTheSizingRule) {
    auto v = GetCommittee(ctx(), Admin(), branch_a_, clock_.Today());
    ASSERT_TRUE(v);
    EXPECT_EQ(v->headcount.full, 1);
    ASSERT_EQ(v->warnings.size(), 1u);
    EXPECT_EQ(v->warnings[0].key, "org.rule.branch_min_full");
    EXPECT_EQ(v->warnings[0].params.at("full"), "1");
    EXPECT_EQ(v->suggested_type, core::org::OrgType::kJointBranch);
}

// domain.md §1 "must enforce": secretary changes need an approval record; a new secretary replaces the old.
TEST_F(CommitteeTest, SecretaryNeedsApprovalAndReplacesThePrevious) {
    auto no_doc = AppointPost(ctx(), Admin(), branch_a_, Post(member_a_, "secretary", "2024-01-10", ""));
    ASSERT_FALSE(no_doc);
    EXPECT_EQ(no_doc.error().message_key, "org.rule.secretary_approval");
    ASSERT_TRUE(AppointPost(ctx(), Admin(), branch_a_, Post(member_a_, "secretary", "2024-01-10")));
    EXPECT_EQ(AppointPost(ctx(), Admin(), branch_a_, Post(member_a_, "secretary", "2024-02-01")).error().code,
              ErrorCode::kConflict);
    auto second = AddMember(branch_a_, "王五", "110105194912310011");
    ASSERT_TRUE(AppointPost(ctx(), Admin(), branch_a_, Post(second, "secretary", "2025-03-01")));

    auto before = GetCommittee(ctx(), Admin(), branch_a_, *core::Date::Parse("2024-06-01"));
    ASSERT_EQ(before->posts.size(), 1u);
    EXPECT_EQ(before->posts[0].member_name, "张三");
    EXPECT_EQ(before->term->End().ToString(), "2027-01-10");  // a compound-level branch: 3 years
    auto now = GetCommittee(ctx(), Admin(), branch_a_, clock_.Today());
    ASSERT_EQ(now->posts.size(), 1u);
    EXPECT_EQ(now->posts[0].member_name, "王五");
    EXPECT_TRUE(GetCommittee(ctx(), Admin(), branch_a_, *core::Date::Parse("2023-12-31"))->posts.empty());
    EXPECT_EQ(CountAudit("org.post.appoint"), 2);
}

// domain.md §1.3: the term ends after 3 years for a branch; on that day an election is due.
TEST_F(CommitteeTest, ElectionDueWhenTheTermEnds) {
    PostInput p = Post(member_a_, "secretary", "2023-11-23");
    p.term_start = "2023-11-22";
    ASSERT_TRUE(AppointPost(ctx(), Admin(), branch_a_, p));
    auto v = GetCommittee(ctx(), Admin(), branch_a_, clock_.Today());
    ASSERT_TRUE(v);
    EXPECT_EQ(v->warnings.back().key, "org.rule.election_due");
    EXPECT_EQ(v->warnings.back().params.at("term_end"), "2026-11-22");
}

TEST_F(CommitteeTest, EndPostAndScope) {
    auto id = AppointPost(ctx(), Admin(), branch_a_, Post(member_a_, "publicity", "2024-01-10"));
    ASSERT_TRUE(id);
    EXPECT_EQ(EndPost(ctx(), Admin(), branch_a_, *id, "2024-01-10").error().fields.at(0).field, "on");
    ASSERT_TRUE(EndPost(ctx(), Admin(), branch_a_, *id, "2025-01-01"));
    EXPECT_EQ(EndPost(ctx(), Admin(), branch_a_, *id, "2025-02-01").error().code, ErrorCode::kConflict);
    EXPECT_TRUE(GetCommittee(ctx(), Admin(), branch_a_, clock_.Today())->posts.empty());

    auto sibling = ActorWith(Role::kBranchSecretary, branch_b_);
    EXPECT_EQ(GetCommittee(ctx(), sibling, branch_a_, clock_.Today()).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(AppointPost(ctx(), sibling, branch_a_, Post(member_a_, "member", "2024-01-10")).error().code,
              ErrorCode::kNotFound);
    // A member of another branch cannot hold a post here.
    auto r = AppointPost(ctx(), Admin(), branch_a_, Post(member_b_, "member", "2024-01-10"));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().fields.at(0).field, "member_id");
    EXPECT_EQ(GetCommittee(ctx(), ActorWith(Role::kMember, branch_a_), branch_a_, clock_.Today()).error().code,
              ErrorCode::kPermissionDenied);
}

}  // namespace lianxin::app::testing

namespace lianxin::app::testing {

// Regression: a community committee was sized by its own members (usually none: members sit in branches), so the
// panel of every community said "党员一百人以上的，设立基层党委 … 现有 0 人". domain.md §1.2 weighs a committee's
// and a general branch's whole membership: the branch's member counts.
TEST_F(CommitteeTest, ACommitteeIsSizedByItsWholeMembership) {
    AddMember(branch_a_, "王五", SyntheticId("19600101", 2));
    auto v = GetCommittee(ctx(), Admin(), community_a_, clock_.Today());
    ASSERT_TRUE(v);
    EXPECT_EQ(v->headcount.full, 2);
    ASSERT_FALSE(v->warnings.empty());
    EXPECT_EQ(v->warnings[0].key, "org.rule.committee_min");
    EXPECT_EQ(v->warnings[0].params.at("total"), "2");
}

}  // namespace lianxin::app::testing
