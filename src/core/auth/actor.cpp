#include "core/auth/actor.hpp"

#include <algorithm>

#include "core/org/org.hpp"

namespace lianxin::core::auth {

std::vector<Role> Actor::Roles() const {
    std::vector<Role> roles;
    for (const auto& g : grants)
        if (std::find(roles.begin(), roles.end(), g.role) == roles.end()) roles.push_back(g.role);
    return roles;
}

bool Actor::HoldsAdminRole() const {
    return std::any_of(grants.begin(), grants.end(), [](const Grant& g) { return Info(g.role).admin; });
}

std::vector<std::string> ScopeRoots(const Actor& a, Permission p) {
    std::vector<std::string> roots;
    for (const auto& g : a.grants)
        if (RoleHas(g.role, p)) roots.push_back(g.org_path);
    std::sort(roots.begin(), roots.end());
    std::vector<std::string> minimal;
    for (const auto& r : roots)
        if (minimal.empty() || !org::InSubtree(r, minimal.back())) minimal.push_back(r);
    return minimal;
}

Status AuthorizeAny(const Actor& a, Permission p) {
    for (const auto& g : a.grants)
        if (RoleHas(g.role, p)) return Ok();
    return Fail(Denied());
}

Status Authorize(const Actor& a, Permission p, std::string_view target_path, std::string what) {
    bool holds = false;
    for (const auto& g : a.grants) {
        if (!RoleHas(g.role, p)) continue;
        holds = true;
        if (org::InSubtree(target_path, g.org_path)) return Ok();
    }
    if (!holds) return Fail(Denied());
    return Fail(NotFound(std::move(what)));
}

}  // namespace lianxin::core::auth
