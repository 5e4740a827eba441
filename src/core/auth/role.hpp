// Roles and what they permit (docs/api.md "Roles"; product.md "Who uses it"). A role is always granted on
// an org subtree. The three admin roles are separate duties (等保 level 3): system (users and grants),
// security (locks and second factors) and audit (the audit log only); one user may hold at most one of
// them, and each needs a TOTP second factor.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lianxin::core::auth {

// The last four are narrowed grants (core/auth/narrow_scope.hpp, issue 17 "Roles and access"): a grid worker /
// grid leader (网格员 / 网格长) holds a community and a list of its grids, a department liaison (部门联络员) a
// functional department, a unit liaison (单位联络员) one member unit of an overlay hosted at the grant's org. They
// hold no permission over the org subtree (RoleHas is false): only over their grids or what was whistled to them.
enum class Role {
    kSysAdmin,
    kSecAdmin,
    kAuditAdmin,
    kOrgAdmin,
    kBranchSecretary,
    kMember,
    kGridWorker,
    kGridLeader,
    kDeptLiaison,
    kUnitLiaison,
};

enum class Permission {
    kOrgRead,        // see the structure and counts of the subtree
    kOrgWrite,       // reorganize the orgs below the grant's org (create, rename, move, merge, split, dissolve)
    kMemberRead,     // see member records (masked) of the subtree
    kMemberReveal,   // see full ID numbers and phones, with a reason (audited)
    kMemberWrite,    // record applications, development steps and registry changes in the subtree
    kTransferIssue,  // issue and receive introduction letters (组织关系转接) for the subtree: a committee's duty
    kUserRead,       // list users whose grants lie in the subtree
    kUserManage,     // create users, grant and revoke roles inside the subtree
    kUserUnlock,     // unlock accounts, reset second factors
    kAuditRead,      // read the audit log of the subtree
    kEventRead,      // see the events (事件) placed in, accepted by or assigned to the subtree
    kEventWrite,     // register events and take the steps of their closed loop in the subtree
};

struct RoleInfo {
    Role role;
    std::string_view key;
    std::string_view name_zh;
    std::string_view name_en;
    bool admin;  // needs a TOTP second factor; mutually exclusive with other admin roles
};

const std::vector<RoleInfo>& AllRoles();
const RoleInfo& Info(Role r);
std::optional<Role> ParseRole(std::string_view key);
// Whether the role holds `p` over the whole subtree of its grant's org (false for the narrowed roles).
bool RoleHas(Role r, Permission p);
// Whether the role holds `p` narrowed to part of its grant (grids, whistles): the narrowed roles only.
bool NarrowHas(Role r, Permission p);

// The wire name of a permission ("member_read" …): the route table (`lianxin routes`, OpenAPI x-permission),
// GET /roles and the session use it; the web app shows a page when the session holds its route's permission.
std::string_view PermissionKey(Permission p);
const std::vector<Permission>& AllPermissions();  // in declaration order
// The permissions any of `roles` holds (on the org of its grant, or narrowed), in declaration order.
std::vector<Permission> PermissionsOf(const std::vector<Role>& roles);

}  // namespace lianxin::core::auth
