// An administrative act on a user needs the actor's scope to cover EVERY grant of the target; a view shows only
// the grants inside the viewer's scope (issue 15 defect 1; security.md A1).
#include <gtest/gtest.h>

#include "core/auth/actor.hpp"

namespace lianxin::core::auth {
namespace {

Actor Holding(Role r, const std::string& path) {
    Actor a;
    a.grants.push_back({0, r, 0, path, ""});
    return a;
}

Grant On(Role r, const std::string& path) { return {0, r, 0, path, ""}; }

// The probe of issue 15: a user with a branch grant in community /1/2/3/ and org_admin of the street /1/2/.
const std::vector<std::string> kMixed{"/1/2/3/4/", "/1/2/"};

TEST(AuthorizeAll, ACommunityAdminMayNotActOnAUserWhoAlsoHoldsTheStreet) {
    Actor community = Holding(Role::kSysAdmin, "/1/2/3/");
    auto st = AuthorizeAll(community, Permission::kUserManage, kMixed, "user");
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(st.error().message_key, "user.scope.partial");
    Actor sec = Holding(Role::kSecAdmin, "/1/2/3/");
    EXPECT_EQ(AuthorizeAll(sec, Permission::kUserUnlock, kMixed, "user").error().message_key, "user.scope.partial");
}

TEST(AuthorizeAll, AnAdminOverEveryGrantMayAct) {
    EXPECT_TRUE(AuthorizeAll(Holding(Role::kSysAdmin, "/1/2/"), Permission::kUserManage, kMixed, "user"));
    EXPECT_TRUE(AuthorizeAll(Holding(Role::kSysAdmin, "/1/"), Permission::kUserManage, kMixed, "user"));
    // two grants of the actor together cover the target
    Actor two = Holding(Role::kSysAdmin, "/1/2/");
    two.grants.push_back(On(Role::kSysAdmin, "/1/7/"));
    EXPECT_TRUE(AuthorizeAll(two, Permission::kUserManage, {"/1/2/3/", "/1/7/8/"}, "user"));
}

TEST(AuthorizeAll, NothingInScopeIsNotFoundAndNoPermissionIsForbidden) {
    Actor sibling = Holding(Role::kSysAdmin, "/1/9/");
    auto st = AuthorizeAll(sibling, Permission::kUserManage, kMixed, "user");
    EXPECT_EQ(st.error().code, ErrorCode::kNotFound);
    // the permission is checked against the grants that hold it: a sys_admin cannot unlock
    EXPECT_EQ(AuthorizeAll(Holding(Role::kSysAdmin, "/1/"), Permission::kUserUnlock, kMixed, "user").error().code,
              ErrorCode::kPermissionDenied);
    EXPECT_EQ(AuthorizeAll(Holding(Role::kOrgAdmin, "/1/"), Permission::kUserManage, kMixed, "user").error().code,
              ErrorCode::kPermissionDenied);
}

TEST(AuthorizeAll, AUserWithoutGrantsIsCoveredOnlyFromATopLevelOrg) {
    // A user whose last grant was revoked (or whose org was dissolved) lies below no org: a scoped admin must not
    // pick it up (it may be linked to a member), the administrator of the whole tree may.
    EXPECT_EQ(AuthorizeAll(Holding(Role::kSysAdmin, "/1/2/"), Permission::kUserManage, {}, "user").error().code,
              ErrorCode::kNotFound);
    EXPECT_TRUE(AuthorizeAll(Holding(Role::kSysAdmin, "/1/"), Permission::kUserManage, {}, "user"));
    EXPECT_FALSE(CoversAny(Holding(Role::kSecAdmin, "/1/2/"), Permission::kUserRead, {}));
    EXPECT_TRUE(CoversAny(Holding(Role::kSecAdmin, "/1/"), Permission::kUserRead, {}));
}

TEST(GrantsInScope, AViewShowsOnlyTheGrantsInsideTheViewersScope) {
    std::vector<Grant> grants{On(Role::kBranchSecretary, "/1/2/3/4/"), On(Role::kOrgAdmin, "/1/2/")};
    auto seen = GrantsInScope(Holding(Role::kSysAdmin, "/1/2/3/"), Permission::kUserRead, grants);
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].org_path, "/1/2/3/4/");
    EXPECT_EQ(GrantsInScope(Holding(Role::kSysAdmin, "/1/"), Permission::kUserRead, grants).size(), 2u);
    EXPECT_TRUE(CoversAny(Holding(Role::kSysAdmin, "/1/2/3/"), Permission::kUserRead, GrantPaths(grants)));
    EXPECT_FALSE(CoversAny(Holding(Role::kSysAdmin, "/1/9/"), Permission::kUserRead, GrantPaths(grants)));
}

}  // namespace
}  // namespace lianxin::core::auth
