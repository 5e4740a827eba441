// User management is scoped (security.md A1, A2): a system administrator of one community cannot see or
// grant anything outside it, and a refused request changes nothing.
#include "app/users/users.hpp"

#include "app/testing/app_fixture.hpp"

namespace lianxin::app::testing {

using core::ErrorCode;
using core::auth::Role;

class UsersTest : public AppTest {};

TEST_F(UsersTest, CreateUserInsideScopeGivesAPasswordLinkAndAnAuditRow) {
    auto admin = ActorWith(Role::kSysAdmin, community_a_);
    auto created = CreateUser(ctx(), admin, {"secretary1", "王书记", "branch_secretary", branch_a_});
    ASSERT_TRUE(created) << created.error().message_key;
    EXPECT_EQ(created->user.status, core::ports::UserStatus::kPending);
    EXPECT_FALSE(created->setup_token.empty());
    EXPECT_EQ(CountAudit("user.create"), 1);
    auto info = InspectSetupLink(ctx(), created->setup_token);
    ASSERT_TRUE(info);
    EXPECT_EQ(info->username, "secretary1");
}

TEST_F(UsersTest, OutOfScopeIdsInTheBodyAreRefusedAndChangeNothing) {
    // security.md A2: the org of the grant must be inside the actor's subtree.
    auto admin = ActorWith(Role::kSysAdmin, community_a_);
    auto sibling_org = CreateUser(ctx(), admin, {"xx1", "甲", "branch_secretary", branch_b_});
    ASSERT_FALSE(sibling_org);
    EXPECT_EQ(sibling_org.error().fields[0].field, "org_id");
    auto parent_org = CreateUser(ctx(), admin, {"xx2", "乙", "org_admin", street_});
    ASSERT_FALSE(parent_org);
    auto list = ListUsers(ctx(), ActorWith(Role::kSysAdmin, street_), {});
    ASSERT_TRUE(list);
    EXPECT_TRUE(list->items.empty());
    EXPECT_EQ(CountAudit("user.create"), 0);
}

TEST_F(UsersTest, UsersOfASiblingSubtreeAreInvisible) {
    auto uid = AddUser("secretary_b", "Secretary-pass-2026", Role::kBranchSecretary, branch_b_);
    auto admin_a = ActorWith(Role::kSysAdmin, community_a_);
    EXPECT_EQ(GetUser(ctx(), admin_a, uid).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(GrantRole(ctx(), admin_a, uid, "org_admin", branch_a_).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(ResetPasswordLink(ctx(), admin_a, uid).error().code, ErrorCode::kNotFound);
    auto list = ListUsers(ctx(), admin_a, {});
    EXPECT_TRUE(list->items.empty());
    auto admin_street = ActorWith(Role::kSysAdmin, street_);
    EXPECT_TRUE(GetUser(ctx(), admin_street, uid));
}

TEST_F(UsersTest, AdminRolesAreMutuallyExclusiveAndNeverSelfGranted) {
    auto admin = ActorWith(Role::kSysAdmin, street_, 1000);
    auto created = CreateUser(ctx(), admin, {"auditor", "审计员", "audit_admin", street_});
    ASSERT_TRUE(created);
    auto second = GrantRole(ctx(), admin, created->user.id, "sec_admin", street_);
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().fields[0].message_key, "user.role.admin_exclusive");
    auto self_id = AddUser("selfadmin", "Self-admin-pass-2026", Role::kSysAdmin, street_);
    auto self = ActorWith(Role::kSysAdmin, street_, self_id);
    EXPECT_EQ(GrantRole(ctx(), self, self_id, "org_admin", branch_a_).error().code, ErrorCode::kPermissionDenied);
}

TEST_F(UsersTest, RolesWithoutUserPermissionAreForbidden) {
    auto secretary = ActorWith(Role::kBranchSecretary, branch_a_);
    EXPECT_EQ(ListUsers(ctx(), secretary, {}).error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(CreateUser(ctx(), secretary, {"zz1", "甲", "member", branch_a_}).error().code,
              ErrorCode::kPermissionDenied);
}

TEST_F(UsersTest, DisableEndsSessionsAndUnlockNeedsTheSecurityAdmin) {
    auto uid = AddUser("secretary1", "Secretary-pass-2026", Role::kBranchSecretary, branch_a_);
    auto login = Login(ctx(), "secretary1", "Secretary-pass-2026", {"127.0.0.1", "a"});
    ASSERT_TRUE(ChangeAccount(ctx(), ActorWith(Role::kSysAdmin, street_), uid, AccountChange::kDisable));
    EXPECT_FALSE(Authenticate(ctx(), login->token, {"127.0.0.1", "b"}));
    EXPECT_EQ(ChangeAccount(ctx(), ActorWith(Role::kSysAdmin, street_), uid, AccountChange::kUnlock).error().code,
              ErrorCode::kPermissionDenied);
    EXPECT_TRUE(ChangeAccount(ctx(), ActorWith(Role::kSecAdmin, street_), uid, AccountChange::kUnlock));
}

// ---- issue 15 defect 1: an administrative act needs the actor's scope to cover EVERY grant of the user ----

class MixedGrantsTest : public UsersTest {
protected:
    void SetUp() override {
        UsersTest::SetUp();
        // The probe of the issue: a branch secretary of community A who is also org_admin of the whole street.
        uid_ = AddUser("both", "Both-roles-pass-2026", Role::kBranchSecretary, branch_a_);
        auto street_grant = GrantRole(ctx(), ActorWith(Role::kSysAdmin, street_), uid_, "org_admin", street_);
        ASSERT_TRUE(street_grant) << street_grant.error().message_key;
    }
    std::int64_t uid_ = 0;
};

TEST_F(MixedGrantsTest, ACommunityAdminIsRefusedEveryActAndChangesNothing) {
    auto sys_a = ActorWith(Role::kSysAdmin, community_a_);
    auto sec_a = ActorWith(Role::kSecAdmin, community_a_);
    auto partial = [](const core::Status& st) {
        return !st && st.error().code == ErrorCode::kPermissionDenied && st.error().message_key == "user.scope.partial";
    };
    const auto before = GetUser(ctx(), ActorWith(Role::kSysAdmin, street_), uid_);
    ASSERT_TRUE(before);
    auto link = ResetPasswordLink(ctx(), sys_a, uid_);
    ASSERT_FALSE(link);
    EXPECT_EQ(link.error().message_key, "user.scope.partial");
    EXPECT_TRUE(partial(ChangeAccount(ctx(), sys_a, uid_, AccountChange::kDisable)));
    EXPECT_TRUE(partial(ChangeAccount(ctx(), sys_a, uid_, AccountChange::kEnable)));
    EXPECT_TRUE(partial(ChangeAccount(ctx(), sec_a, uid_, AccountChange::kUnlock)));
    auto grant = GrantRole(ctx(), sys_a, uid_, "branch_secretary", community_a_);
    ASSERT_FALSE(grant);
    EXPECT_EQ(grant.error().message_key, "user.scope.partial");
    for (const auto& g : before->grants) EXPECT_TRUE(partial(RevokeRole(ctx(), sys_a, uid_, g.id)));
    const auto after = GetUser(ctx(), ActorWith(Role::kSysAdmin, street_), uid_);
    EXPECT_EQ(after->grants.size(), 2u);
    EXPECT_EQ(after->version, before->version);
    for (const char* action : {"user.reset", "user.disable", "user.enable", "user.unlock", "user.revoke"})
        EXPECT_EQ(CountAudit(action), 0) << action;
    EXPECT_EQ(CountAudit("user.grant"), 1);  // the street's grant of the set-up
}

TEST_F(MixedGrantsTest, ACommunityAdminSeesOnlyTheGrantInsideItsScope) {
    auto sys_a = ActorWith(Role::kSysAdmin, community_a_);
    auto seen = GetUser(ctx(), sys_a, uid_);
    ASSERT_TRUE(seen);
    ASSERT_EQ(seen->grants.size(), 1u);
    EXPECT_EQ(seen->grants[0].org_id, branch_a_);
    auto list = ListUsers(ctx(), ActorWith(Role::kSecAdmin, community_a_), {});
    ASSERT_TRUE(list);
    ASSERT_EQ(list->items.size(), 1u);
    EXPECT_EQ(list->items[0].grants.size(), 1u);
    EXPECT_EQ(list->items[0].grants[0].org_id, branch_a_);
    EXPECT_EQ(GetUser(ctx(), ActorWith(Role::kSysAdmin, community_b_), uid_).error().code, ErrorCode::kNotFound);
}

TEST_F(MixedGrantsTest, AStreetAdminMayAct) {
    auto sys = ActorWith(Role::kSysAdmin, street_);
    EXPECT_TRUE(ResetPasswordLink(ctx(), sys, uid_));
    EXPECT_TRUE(ChangeAccount(ctx(), sys, uid_, AccountChange::kDisable));
    EXPECT_TRUE(ChangeAccount(ctx(), sys, uid_, AccountChange::kEnable));
    EXPECT_TRUE(ChangeAccount(ctx(), ActorWith(Role::kSecAdmin, street_), uid_, AccountChange::kUnlock));
    auto g = GrantRole(ctx(), sys, uid_, "branch_secretary", branch_b_);
    ASSERT_TRUE(g);
    EXPECT_TRUE(RevokeRole(ctx(), sys, uid_, g->id));
    EXPECT_EQ(GetUser(ctx(), sys, uid_)->grants.size(), 2u);
}

TEST_F(UsersTest, AUserWithoutGrantsIsLeftToTheAdministratorOfTheWholeTree) {
    // A user whose last grant was revoked lies below no org: no scoped admin picks it up (it may be linked to a
    // member); the administrator of the top-level org sees it, lists it and may grant it a role again.
    auto uid = AddUser("orphan", "Orphan-pass-2026", Role::kBranchSecretary, branch_a_);
    auto root = ActorWith(Role::kSysAdmin, street_);
    auto grant_id = GetUser(ctx(), root, uid)->grants[0].id;
    ASSERT_TRUE(RevokeRole(ctx(), ActorWith(Role::kSysAdmin, community_a_), uid, grant_id));
    auto sys_a = ActorWith(Role::kSysAdmin, community_a_);
    EXPECT_EQ(GetUser(ctx(), sys_a, uid).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(ResetPasswordLink(ctx(), sys_a, uid).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(GrantRole(ctx(), sys_a, uid, "branch_secretary", branch_a_).error().code, ErrorCode::kNotFound);
    EXPECT_TRUE(ListUsers(ctx(), sys_a, {})->items.empty());
    auto seen = GetUser(ctx(), root, uid);
    ASSERT_TRUE(seen);
    EXPECT_TRUE(seen->grants.empty());
    auto listed = ListUsers(ctx(), root, {});
    ASSERT_EQ(listed->items.size(), 1u);
    EXPECT_EQ(listed->items[0].id, uid);
    EXPECT_TRUE(ListUsers(ctx(), root, {community_a_, "", 0, 50})->items.empty());  // narrowed: below an org only
    EXPECT_TRUE(GrantRole(ctx(), root, uid, "branch_secretary", branch_a_));
}

// ---- issue 15 defect 8: issuing or using a set-up link revokes the earlier ones ----

TEST_F(UsersTest, ANewResetLinkRevokesTheEarlierOnes) {
    auto admin = ActorWith(Role::kSysAdmin, street_);
    auto created = CreateUser(ctx(), admin, {"newbie", "新人", "branch_secretary", branch_a_});
    ASSERT_TRUE(created);
    auto reset = ResetPasswordLink(ctx(), admin, created->user.id);
    ASSERT_TRUE(reset);
    EXPECT_EQ(InspectSetupLink(ctx(), created->setup_token).error().code, ErrorCode::kNotFound);
    auto old = CompleteSetup(ctx(), {created->setup_token, "", "", "Quiet-harbour-2026!"}, {"127.0.0.1", "a"});
    ASSERT_FALSE(old);
    EXPECT_EQ(old.error().code, ErrorCode::kNotFound);
    EXPECT_TRUE(CompleteSetup(ctx(), {*reset, "", "", "Quiet-harbour-2026!"}, {"127.0.0.1", "b"}));
}

TEST_F(UsersTest, UsingALinkRevokesAnyOtherLiveLinkOfTheUser) {
    auto admin = ActorWith(Role::kSysAdmin, street_);
    auto created = CreateUser(ctx(), admin, {"newbie", "新人", "branch_secretary", branch_a_});
    ASSERT_TRUE(created);
    // A second live link, as a database from before this rule may hold.
    const std::string older = "an-older-live-link-token";
    ASSERT_TRUE(ctx().db.Write(core::ports::Scope::System(), [&](core::ports::Tx& tx) {
        return tx.SetupLinks().Insert({ctx().crypto.Sha256Hex(older), core::ports::SetupPurpose::kUserPassword,
                                       created->user.id, clock_.NowMillis() + 3'600'000, 0});
    }));
    ASSERT_TRUE(InspectSetupLink(ctx(), older));
    ASSERT_TRUE(CompleteSetup(ctx(), {created->setup_token, "", "", "Quiet-harbour-2026!"}, {"127.0.0.1", "a"}));
    EXPECT_EQ(InspectSetupLink(ctx(), older).error().code, ErrorCode::kNotFound);
}

// ---- issue 15 defect 2: a system administrator never reaches a member's record through an account ----

TEST_F(UsersTest, AMembersAccountIsNotResetNorMadeAnAdministratorByTheSystemAdministrator) {
    auto uid = AddUser("member_a", "Member-pass-2026", Role::kMember, branch_a_, member_a_);
    auto admin = ActorWith(Role::kSysAdmin, street_);
    auto reset = ResetPasswordLink(ctx(), admin, uid);
    ASSERT_FALSE(reset);
    EXPECT_EQ(reset.error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(reset.error().message_key, "user.reset.member_account");
    auto grant = GrantRole(ctx(), admin, uid, "sys_admin", branch_a_);
    ASSERT_FALSE(grant);
    EXPECT_EQ(grant.error().fields[0].message_key, "user.role.member_account");
    EXPECT_TRUE(ChangeAccount(ctx(), admin, uid, AccountChange::kDisable));  // keeping the account is its duty
    EXPECT_EQ(CountAudit("user.reset"), 0);
}

}  // namespace lianxin::app::testing
