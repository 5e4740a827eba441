// Audit rows are filed under the org of the object acted on (issue 15 defect 5) and the chain is checked against
// a MACed head checkpoint kept outside the database (issue 15 defect 4, security.md E2).
#include "app/audit/audit.hpp"

#include <filesystem>

#include "app/audit/audit_queries.hpp"
#include "app/audit/checkpoint_writer.hpp"
#include "app/member/member_queries.hpp"
#include "app/testing/app_fixture.hpp"

namespace lianxin::app::testing {

using core::auth::Role;

class AuditTest : public AppTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        char tmpl[] = "/tmp/lxaudit.XXXXXX";
        ASSERT_TRUE(mkdtemp(tmpl));
        dir_ = tmpl;
        UseCheckpointFile(dir_ + "/audit-checkpoint");
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    core::Result<AuditPage> ListAs(std::int64_t org_id) {
        return ListAudit(ctx(), ActorWith(Role::kAuditAdmin, org_id, 50), {"member.reveal", "", 0, 0, 0, 50});
    }
    std::string dir_;
};

TEST_F(AuditTest, TheActorsOrgIsItsGrantCoveringTheObject) {
    auto actor = ActorWith(Role::kAuditAdmin, community_b_);
    actor.grants.push_back(ActorWith(Role::kOrgAdmin, street_).grants.front());
    actor.grants.push_back(ActorWith(Role::kOrgAdmin, community_a_).grants.front());
    auto e = AuditFor(actor, 1, "member.view", "member", "1").On(branch_a_, PathOf(branch_a_));
    EXPECT_EQ(e.object_org_id, branch_a_);
    EXPECT_EQ(e.actor_org_id, community_a_) << "the deepest grant covering the object, not the first";
    e = AuditFor(actor, 1, "auth.login", "user", "", "denied").On(kTopOrg);
    EXPECT_EQ(e.object_org_id, 0) << "filled with the top org on append";
    EXPECT_EQ(e.actor_org_id, community_b_) << "no grant covers it: the first";
    // A user: the deepest org covering all of its grants.
    auto user = ActorWith(Role::kBranchSecretary, branch_a_);
    user.grants.push_back(ActorWith(Role::kBranchSecretary, branch_b_).grants.front());
    e = AuditFor(actor, 1, "user.reset", "user", "9").On(user.grants);
    EXPECT_EQ(e.object_org_id, street_);
    EXPECT_EQ(e.object_org_path, PathOf(street_));
}

// Issue 15 defect 5: a community's auditor sees a reveal of its own member done by a street admin, and another
// community's auditor does not (before: filed under the street admin's grant, the other way round).
TEST_F(AuditTest, ARevealIsFiledUnderTheMembersOrg) {
    auto revealed = RevealMember(ctx(), ActorWith(Role::kOrgAdmin, street_, 7), member_a_, "通知参加主题党日");
    ASSERT_TRUE(revealed) << revealed.error().message_key;
    ASSERT_TRUE(AppendAudit(ctx(), revealed->entry));
    auto own = ListAs(community_a_);
    ASSERT_TRUE(own);
    ASSERT_EQ(own->items.size(), 1u);
    EXPECT_EQ(own->items[0].object_org_id, branch_a_);
    EXPECT_EQ(own->items[0].object_org_name, "绿苑小区党支部");
    EXPECT_EQ(own->items[0].actor_org_id, street_);
    auto sibling = ListAs(community_b_);
    ASSERT_TRUE(sibling);
    EXPECT_TRUE(sibling->items.empty());
}

// Issue 15 defect 4: the server records the head outside the database; a removed tail is then named, and a
// restored backup is accepted once (recorded in the log) instead of flagged forever.
TEST_F(AuditTest, TheCheckpointFindsARemovedTailAndARestoreIsAcceptedOnce) {
    auto actor = ActorWith(Role::kOrgAdmin, street_, 7);
    for (int i = 0; i < 4; ++i)
        ASSERT_TRUE(AppendAudit(ctx(), RevealMember(ctx(), actor, member_a_, "核对信息")->entry));
    {
        std::vector<std::string> problems;
        CheckpointWriter writer(ctx(), 3'600'000, [&](const std::string& p) { problems.push_back(p); });
        EXPECT_TRUE(writer.Advance());
        EXPECT_FALSE(writer.Advance()) << "the head did not move";
        EXPECT_TRUE(problems.empty());
    }
    auto cp = checkpoint_file_->Load();
    ASSERT_TRUE(cp && cp->has_value());
    EXPECT_EQ((*cp)->head_id, 4);
    auto ok = CheckAuditChain(ctx());
    ASSERT_TRUE(ok);
    EXPECT_TRUE(ok->v.ok);

    // A backup taken at row 2 comes back (or someone cut the tail).
    ASSERT_TRUE(storage::testing::CutAuditTail(*db_->db, 2));
    auto cut = CheckAuditChain(ctx());
    ASSERT_TRUE(cut);
    EXPECT_FALSE(cut->v.ok);
    EXPECT_EQ(cut->v.problem, "missing_tail");
    EXPECT_EQ(cut->v.first_broken_id, 3);
    EXPECT_EQ(cut->v.checkpoint_head_id, 4);
    {
        std::vector<std::string> problems;
        CheckpointWriter writer(ctx(), 3'600'000, [&](const std::string& p) { problems.push_back(p); });
        EXPECT_FALSE(writer.Advance()) << "the server never moves the checkpoint back";
        EXPECT_EQ(problems.size(), 1u);
    }
    EXPECT_EQ((*checkpoint_file_->Load())->head_id, 4) << "the evidence stays";

    auto accepted = AcceptRestoredLog(ctx(), actor);
    ASSERT_TRUE(accepted) << accepted.error().message_key;
    EXPECT_TRUE(accepted->recorded);
    EXPECT_TRUE(std::filesystem::exists(accepted->kept_as));
    EXPECT_EQ(CountAudit("audit.restore"), 1);
    auto after = CheckAuditChain(ctx());
    ASSERT_TRUE(after);
    EXPECT_TRUE(after->v.ok) << after->v.problem;
    EXPECT_EQ((*checkpoint_file_->Load())->head_id, after->v.last_id);
    auto again = AcceptRestoredLog(ctx(), actor);
    ASSERT_TRUE(again);
    EXPECT_FALSE(again->recorded) << "nothing behind the checkpoint any more";
}

}  // namespace lianxin::app::testing
