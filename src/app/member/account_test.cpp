// A member's account is opened from the member's record by the member's org, audited as an act on the member, at
// most one per member (issue 15 defect 2; security.md separation of duties); a new link revokes the earlier ones
// (issue 15 defect 8).
#include "app/member/account.hpp"

#include <algorithm>

#include "app/auth/auth.hpp"
#include "app/member/member_queries.hpp"
#include "app/testing/app_fixture.hpp"
#include "app/users/users.hpp"

namespace lianxin::app::testing {

using core::ErrorCode;
using core::auth::Role;

class MemberAccountTest : public AppTest {
protected:
    std::int64_t CountAuditOf(const std::string& action, std::int64_t member) {
        return static_cast<std::int64_t>(AuditRows({action, member, "member", std::to_string(member)}).size());
    }
    // A second account linked to member_a_, written straight to the repository.
    core::Status AddUserLinked(const std::string& username) {
        return ctx().db.Write(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
            core::ports::User u;
            u.username = u.display_name = username;
            u.member_id = member_a_;
            LX_CHECK(tx.Users().Insert(u));
            return core::Ok();
        });
    }
};

TEST_F(MemberAccountTest, TheBranchOpensTheAccountAndTheMemberSeesItAndOwnRecord) {
    auto secretary = ActorWith(Role::kBranchSecretary, branch_a_, 7);
    auto before = ViewMemberAccount(ctx(), secretary, member_a_);
    ASSERT_TRUE(before);
    EXPECT_FALSE(before->account);
    EXPECT_EQ(before->actions, std::vector<std::string>{"open"});
    auto opened = OpenMemberAccount(ctx(), secretary, member_a_, "zhang.a");
    ASSERT_TRUE(opened) << opened.error().message_key;
    ASSERT_TRUE(opened->view.account);
    const auto& user = *opened->view.account;
    EXPECT_EQ(user.status, core::ports::UserStatus::kPending);
    EXPECT_EQ(user.member_id, member_a_);
    ASSERT_EQ(user.grants.size(), 1u);
    EXPECT_EQ(user.grants[0].role, Role::kMember);
    EXPECT_EQ(user.grants[0].org_id, branch_a_);
    EXPECT_EQ(CountAuditOf("member.account.open", member_a_), 1);  // listed under 谁查看了我的信息
    // The member spends the link, signs in and reads the own record.
    ASSERT_TRUE(CompleteSetup(ctx(), {opened->setup_token, "", "", "Quiet-harbour-2026!"}, {"127.0.0.1", "a"}));
    auto login = Login(ctx(), "zhang.a", "Quiet-harbour-2026!", {"127.0.0.1", "b"});
    ASSERT_TRUE(login);
    auto who = Authenticate(ctx(), login->token, {"127.0.0.1", "c"});
    ASSERT_TRUE(who);
    auto mine = MyRecord(ctx(), who->actor);
    ASSERT_TRUE(mine);
    ASSERT_TRUE(*mine);
    EXPECT_EQ((*mine)->record.member.id, member_a_);
    auto views = WhoViewedMe(ctx(), who->actor, 0, 50);
    ASSERT_TRUE(views);
    EXPECT_TRUE(std::any_of(views->items.begin(), views->items.end(),
                            [](const auto& v) { return v.action == "member.account.open"; }));
    auto after = ViewMemberAccount(ctx(), secretary, member_a_);
    EXPECT_EQ(after->account->username, "zhang.a");
    EXPECT_EQ(after->actions, std::vector<std::string>{"reset"});
}

TEST_F(MemberAccountTest, AtMostOneAccountPerMember) {
    auto secretary = ActorWith(Role::kBranchSecretary, branch_a_, 7);
    ASSERT_TRUE(OpenMemberAccount(ctx(), secretary, member_a_, "zhang.a"));
    auto second = OpenMemberAccount(ctx(), ActorWith(Role::kOrgAdmin, street_, 8), member_a_, "zhang.b");
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, ErrorCode::kConflict);
    EXPECT_EQ(second.error().message_key, "member.account.exists");
    // The storage refuses a second link too (the unique index of migration 0018), whoever writes it.
    auto raw = AddUserLinked("zhang.c");
    EXPECT_FALSE(raw);
    EXPECT_EQ(CountAudit("member.account.open"), 1);
}

TEST_F(MemberAccountTest, OnlyTheMembersOrgOpensIt) {
    // A system administrator never links an account to a member: it holds no member_write (403) — it would
    // otherwise read the record through the account's "我的".
    EXPECT_EQ(OpenMemberAccount(ctx(), ActorWith(Role::kSysAdmin, street_), member_a_, "zhang.a").error().code,
              ErrorCode::kPermissionDenied);
    EXPECT_EQ(ViewMemberAccount(ctx(), ActorWith(Role::kSysAdmin, street_), member_a_).error().code,
              ErrorCode::kPermissionDenied);
    // Another branch: not found, as any record outside the scope.
    EXPECT_EQ(OpenMemberAccount(ctx(), ActorWith(Role::kBranchSecretary, branch_b_), member_a_, "zhang.a").error().code,
              ErrorCode::kNotFound);
    auto bad = OpenMemberAccount(ctx(), ActorWith(Role::kBranchSecretary, branch_a_), member_a_, "Bad Name");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().fields[0].field, "username");
    EXPECT_EQ(CountAudit("member.account.open"), 0);
}

TEST_F(MemberAccountTest, ANewLinkFromTheRecordRevokesTheEarlierOne) {
    auto secretary = ActorWith(Role::kBranchSecretary, branch_a_, 7);
    auto opened = OpenMemberAccount(ctx(), secretary, member_a_, "zhang.a");
    ASSERT_TRUE(opened);
    auto reset = ResetMemberAccountLink(ctx(), secretary, member_a_);
    ASSERT_TRUE(reset) << reset.error().message_key;
    EXPECT_EQ(InspectSetupLink(ctx(), opened->setup_token).error().code, ErrorCode::kNotFound);
    EXPECT_TRUE(InspectSetupLink(ctx(), reset->setup_token));
    EXPECT_EQ(CountAuditOf("member.account.reset", member_a_), 1);
    EXPECT_EQ(ResetMemberAccountLink(ctx(), secretary, member_b_).error().code, ErrorCode::kNotFound);
}

TEST_F(MemberAccountTest, TheRecordNeverResetsAnAccountBeyondTheWritersScope) {
    // Accounts linked before the rule may hold more than the member role: the branch may not reset one that is also
    // org_admin of the street, nor one holding an administrator role.
    auto uid = AddUser("legacy", "Legacy-pass-2026", Role::kMember, branch_a_, member_a_);
    ASSERT_TRUE(GrantRole(ctx(), ActorWith(Role::kSysAdmin, street_), uid, "org_admin", street_));
    auto secretary = ActorWith(Role::kBranchSecretary, branch_a_, 7);
    auto partial = ResetMemberAccountLink(ctx(), secretary, member_a_);
    ASSERT_FALSE(partial);
    EXPECT_EQ(partial.error().message_key, "account.scope.partial");
    EXPECT_TRUE(ResetMemberAccountLink(ctx(), ActorWith(Role::kOrgAdmin, street_, 8), member_a_));
    AddUser("legacy_admin", "Legacy-pass-2026", Role::kSysAdmin, branch_b_, member_b_);
    auto admin = ResetMemberAccountLink(ctx(), ActorWith(Role::kOrgAdmin, street_, 8), member_b_);
    ASSERT_FALSE(admin);
    EXPECT_EQ(admin.error().message_key, "member.account.admin");
}

}  // namespace lianxin::app::testing
