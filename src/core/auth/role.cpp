#include "core/auth/role.hpp"

#include <algorithm>

namespace lianxin::core::auth {

const std::vector<RoleInfo>& AllRoles() {
    static const std::vector<RoleInfo> kRoles{
        {Role::kSysAdmin, "sys_admin", "系统管理员", "System administrator", true},
        {Role::kSecAdmin, "sec_admin", "安全管理员", "Security administrator", true},
        {Role::kAuditAdmin, "audit_admin", "审计管理员", "Audit administrator", true},
        {Role::kOrgAdmin, "org_admin", "党（工）委管理员", "Party committee administrator", false},
        {Role::kBranchSecretary, "branch_secretary", "支部书记", "Branch secretary", false},
        {Role::kMember, "member", "党员", "Party member", false},
        {Role::kGridWorker, "grid_worker", "网格员", "Grid worker", false},
        {Role::kGridLeader, "grid_leader", "网格长", "Grid leader", false},
        {Role::kDeptLiaison, "dept_liaison", "部门联络员", "Department liaison", false},
        {Role::kUnitLiaison, "unit_liaison", "单位联络员", "Unit liaison", false},
    };
    return kRoles;
}

const RoleInfo& Info(Role r) {
    for (const auto& i : AllRoles())
        if (i.role == r) return i;
    return AllRoles().back();
}

std::optional<Role> ParseRole(std::string_view key) {
    for (const auto& i : AllRoles())
        if (i.key == key) return i.role;
    return std::nullopt;
}

bool RoleHas(Role r, Permission p) {
    switch (r) {
        case Role::kSysAdmin:
            return p == Permission::kOrgRead || p == Permission::kUserRead || p == Permission::kUserManage;
        case Role::kSecAdmin:
            return p == Permission::kUserRead || p == Permission::kUserUnlock || p == Permission::kOrgRead;
        case Role::kAuditAdmin:
            return p == Permission::kAuditRead || p == Permission::kOrgRead;
        case Role::kOrgAdmin:
            if (p == Permission::kTransferIssue || p == Permission::kOrgWrite) return true;
            [[fallthrough]];
        case Role::kBranchSecretary:
            return p == Permission::kOrgRead || p == Permission::kMemberRead || p == Permission::kMemberWrite ||
                   p == Permission::kMemberReveal || p == Permission::kEventRead || p == Permission::kEventWrite;
        case Role::kMember:
            return false;  // a member sees only the own record, through /me
        case Role::kGridWorker:
        case Role::kGridLeader:
        case Role::kDeptLiaison:
        case Role::kUnitLiaison:
            return false;  // narrowed: NarrowHas
    }
    return false;
}

bool NarrowHas(Role r, Permission p) {
    switch (r) {
        case Role::kGridWorker:
        case Role::kGridLeader:
            // their grids (the registry, read only) and the events placed in them or assigned to them
            return p == Permission::kOrgRead || p == Permission::kEventRead || p == Permission::kEventWrite;
        case Role::kDeptLiaison:
        case Role::kUnitLiaison:
            // the events whistled to the department or unit: read, report (报到), close its part
            return p == Permission::kEventRead || p == Permission::kEventWrite;
        default:
            return false;
    }
}

std::string_view PermissionKey(Permission p) {
    switch (p) {
        case Permission::kOrgRead:
            return "org_read";
        case Permission::kOrgWrite:
            return "org_write";
        case Permission::kMemberRead:
            return "member_read";
        case Permission::kMemberReveal:
            return "member_reveal";
        case Permission::kMemberWrite:
            return "member_write";
        case Permission::kTransferIssue:
            return "transfer_issue";
        case Permission::kUserRead:
            return "user_read";
        case Permission::kUserManage:
            return "user_manage";
        case Permission::kUserUnlock:
            return "user_unlock";
        case Permission::kAuditRead:
            return "audit_read";
        case Permission::kEventRead:
            return "event_read";
        case Permission::kEventWrite:
            return "event_write";
    }
    return "";
}

const std::vector<Permission>& AllPermissions() {
    static const std::vector<Permission> kAll{
        Permission::kOrgRead,     Permission::kOrgWrite,      Permission::kMemberRead, Permission::kMemberReveal,
        Permission::kMemberWrite, Permission::kTransferIssue, Permission::kUserRead,   Permission::kUserManage,
        Permission::kUserUnlock,  Permission::kAuditRead,     Permission::kEventRead,  Permission::kEventWrite,
    };
    return kAll;
}

std::vector<Permission> PermissionsOf(const std::vector<Role>& roles) {
    std::vector<Permission> out;
    for (Permission p : AllPermissions())
        if (std::any_of(roles.begin(), roles.end(), [p](Role r) { return RoleHas(r, p) || NarrowHas(r, p); }))
            out.push_back(p);
    return out;
}

}  // namespace lianxin::core::auth
