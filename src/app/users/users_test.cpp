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
    auto created = CreateUser(ctx(), admin, {"secretary1", "王书记", member_a_, "branch_secretary", branch_a_});
    ASSERT_TRUE(created) << created.error().message_key;
    EXPECT_EQ(created->user.status, core::ports::UserStatus::kPending);
    EXPECT_FALSE(created->setup_token.empty());
    EXPECT_EQ(CountAudit("user.create"), 1);
    auto info = InspectSetupLink(ctx(), created->setup_token);
    ASSERT_TRUE(info);
    EXPECT_EQ(info->username, "secretary1");
}

TEST_F(UsersTest, OutOfScopeIdsInTheBodyAreRefusedAndChangeNothing) {
    // security.md A2: the org of the grant and the linked member must both be inside the actor's subtree.
    auto admin = ActorWith(Role::kSysAdmin, community_a_);
    auto sibling_org = CreateUser(ctx(), admin, {"xx1", "甲", 0, "branch_secretary", branch_b_});
    ASSERT_FALSE(sibling_org);
    EXPECT_EQ(sibling_org.error().fields[0].field, "org_id");
    auto parent_org = CreateUser(ctx(), admin, {"xx2", "乙", 0, "org_admin", street_});
    ASSERT_FALSE(parent_org);
    auto sibling_member = CreateUser(ctx(), admin, {"xx3", "丙", member_b_, "member", branch_a_});
    ASSERT_FALSE(sibling_member);
    EXPECT_EQ(sibling_member.error().fields[0].field, "member_id");
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
    auto created = CreateUser(ctx(), admin, {"auditor", "审计员", 0, "audit_admin", street_});
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
    EXPECT_EQ(CreateUser(ctx(), secretary, {"zz1", "甲", 0, "member", branch_a_}).error().code,
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

}  // namespace lianxin::app::testing
