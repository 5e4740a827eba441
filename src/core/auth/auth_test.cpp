#include <gtest/gtest.h>

#include <set>

#include "core/auth/actor.hpp"
#include "core/auth/credentials.hpp"

namespace lianxin::core::auth {

TEST(PasswordPolicy, LengthsOfAsvs) {
    // security.md B1: 11 refused, 12 accepted, 64 accepted, 129 refused, no truncation.
    PasswordPolicy p;
    EXPECT_FALSE(CheckPassword("Abcdefghij1", "user", p));
    EXPECT_TRUE(CheckPassword("Abcdefghij12", "user", p));
    std::string s64;
    for (int i = 0; i < 64; ++i) s64 += static_cast<char>('a' + i % 26);
    EXPECT_TRUE(CheckPassword(s64, "user", p));
    std::string s129 = s64 + s64 + "x";
    auto r = CheckPassword(s129, "user", p);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().fields[0].message_key, "password.too_long");
}

TEST(PasswordPolicy, ChineseAndEmojiCountAsOneCharacterEach) {
    PasswordPolicy p;
    EXPECT_TRUE(CheckPassword("为人民服务坚守初心使命担当😀", "user", p));  // 14 code points
    EXPECT_FALSE(CheckPassword("为人民服务坚守初心使命", "user", p));      // 11 code points
}

TEST(PasswordPolicy, RefusesBreachedRepeatedAndUsername) {
    PasswordPolicy p;
    EXPECT_EQ(CheckPassword("Password1234", "u", p).error().fields[0].message_key, "password.breached");
    EXPECT_EQ(CheckPassword("aaaaaaaaaaaaaa", "u", p).error().fields[0].message_key, "password.breached");
    EXPECT_EQ(CheckPassword("xx-secretary1-yy", "secretary1", p).error().fields[0].message_key,
              "password.contains_username");
    EXPECT_EQ(CheckPassword("bad\xff\xfe utf8 text", "u", p).error().fields[0].message_key, "password.encoding");
}

TEST(Lockout, FiveFailuresInFifteenMinutesLockForThirty) {
    // security.md B2.
    LockoutPolicy p;
    LoginFailureState s;
    std::int64_t t = 1'000'000;
    for (int i = 0; i < 4; ++i) s = RecordFailure(s, t + i * 60'000, p);
    EXPECT_FALSE(IsLocked(s, t + 4 * 60'000));
    s = RecordFailure(s, t + 4 * 60'000, p);
    EXPECT_TRUE(IsLocked(s, t + 5 * 60'000));
    EXPECT_TRUE(IsLocked(s, t + 4 * 60'000 + 30 * 60'000 - 1));
    EXPECT_FALSE(IsLocked(s, t + 4 * 60'000 + 30 * 60'000));
}

TEST(Lockout, FailuresOutsideTheWindowAreForgotten) {
    LockoutPolicy p;
    LoginFailureState s;
    for (int i = 0; i < 4; ++i) s = RecordFailure(s, i * 60'000, p);
    s = RecordFailure(s, 16 * 60'000, p);  // the window restarted: 1 failure
    EXPECT_FALSE(IsLocked(s, 16 * 60'000));
    EXPECT_EQ(s.failures, 1);
}

TEST(Session, IdleAndAbsoluteExpiry) {
    // security.md B4: idle 30:01 -> expired; absolute 12 h -> expired.
    SessionPolicy p;
    EXPECT_FALSE(SessionExpired(0, 0, 30 * 60'000, p));
    EXPECT_TRUE(SessionExpired(0, 0, 30 * 60'000 + 1'000, p));
    EXPECT_TRUE(SessionExpired(0, 12 * 3'600'000, 12 * 3'600'000 + 1, p));
}

Actor With(std::vector<std::pair<Role, std::string>> grants) {
    Actor a;
    for (auto& [r, path] : grants) a.grants.push_back({0, r, 0, path, ""});
    return a;
}

TEST(Policy, ScopeFollowsSubtree) {
    Actor secretary = With({{Role::kBranchSecretary, "/1/2/3/"}});
    EXPECT_TRUE(Authorize(secretary, Permission::kMemberRead, "/1/2/3/"));
    EXPECT_TRUE(Authorize(secretary, Permission::kMemberRead, "/1/2/3/9/"));
    // sibling and parent: 404, existence not confirmed
    EXPECT_EQ(Authorize(secretary, Permission::kMemberRead, "/1/2/4/").error().code, ErrorCode::kNotFound);
    EXPECT_EQ(Authorize(secretary, Permission::kMemberRead, "/1/2/").error().code, ErrorCode::kNotFound);
    // a permission the role never holds: 403
    EXPECT_EQ(Authorize(secretary, Permission::kUserManage, "/1/2/3/").error().code, ErrorCode::kPermissionDenied);
}

TEST(Policy, AdminDutiesAreSeparate) {
    Actor sys = With({{Role::kSysAdmin, "/1/"}});
    Actor audit = With({{Role::kAuditAdmin, "/1/"}});
    EXPECT_FALSE(AuthorizeAny(sys, Permission::kAuditRead));
    EXPECT_FALSE(AuthorizeAny(sys, Permission::kMemberRead));
    EXPECT_TRUE(AuthorizeAny(audit, Permission::kAuditRead));
    EXPECT_FALSE(AuthorizeAny(audit, Permission::kUserManage));
    EXPECT_TRUE(sys.HoldsAdminRole());
}

// domain.md §5.2: letters are issued and received by the grassroots committee, not by a branch.
TEST(Policy, OnlyCommitteeAdministratorsIssueAndReceiveLetters) {
    Actor committee = With({{Role::kOrgAdmin, "/1/2/"}});
    Actor secretary = With({{Role::kBranchSecretary, "/1/2/3/"}});
    EXPECT_TRUE(Authorize(committee, Permission::kTransferIssue, "/1/2/3/"));
    EXPECT_EQ(Authorize(secretary, Permission::kTransferIssue, "/1/2/3/").error().code, ErrorCode::kPermissionDenied);
    EXPECT_TRUE(Authorize(secretary, Permission::kMemberWrite, "/1/2/3/"));  // the branch requests
}

TEST(Policy, ScopeRootsFoldNestedGrants) {
    Actor a = With({{Role::kOrgAdmin, "/1/2/"}, {Role::kBranchSecretary, "/1/2/3/"}, {Role::kOrgAdmin, "/1/7/"}});
    EXPECT_EQ(ScopeRoots(a, Permission::kMemberRead), (std::vector<std::string>{"/1/2/", "/1/7/"}));
    EXPECT_TRUE(ScopeRoots(a, Permission::kAuditRead).empty());
}

// Issue 16 "Each shape once": the wire names of permissions are unique, and a role's permissions are RoleHas.
TEST(Policy, PermissionKeysAreUniqueAndPermissionsOfFollowRoleHas) {
    std::set<std::string_view> keys;
    for (Permission p : AllPermissions()) {
        EXPECT_FALSE(PermissionKey(p).empty());
        EXPECT_TRUE(keys.insert(PermissionKey(p)).second) << PermissionKey(p);
    }
    EXPECT_EQ(keys.size(), 12u);  // + event_read, event_write (issue 17)
    EXPECT_TRUE(PermissionsOf({Role::kMember}).empty());
    EXPECT_EQ(PermissionsOf({Role::kAuditAdmin}),
              (std::vector<Permission>{Permission::kOrgRead, Permission::kAuditRead}));
    auto both = PermissionsOf({Role::kSysAdmin, Role::kSecAdmin});
    EXPECT_EQ(both, (std::vector<Permission>{Permission::kOrgRead, Permission::kUserRead, Permission::kUserManage,
                                             Permission::kUserUnlock}));
}

}  // namespace lianxin::core::auth
