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
        if (RoleHas(g.role, p) || NarrowHas(g.role, p)) return Ok();
    return Fail(Denied());
}

Status Authorize(const Actor& a, Permission p, std::string_view target_path, std::string what) {
    bool holds = false;
    for (const auto& g : a.grants) {
        if (NarrowHas(g.role, p)) holds = true;  // holds it, narrowed: a subtree target is not found (404)
        if (!RoleHas(g.role, p)) continue;
        holds = true;
        if (org::InSubtree(target_path, g.org_path)) return Ok();
    }
    if (!holds) return Fail(Denied());
    return Fail(NotFound(std::move(what)));
}

namespace {

bool Holds(const Actor& a, Permission p, std::string_view path) {
    for (const auto& g : a.grants)
        if (RoleHas(g.role, p) && org::InSubtree(path, g.org_path)) return true;
    return false;
}

// "/1/" is a top-level org; "/1/5/" is not.
bool HoldsTopLevel(const Actor& a, Permission p) {
    for (const auto& g : a.grants)
        if (RoleHas(g.role, p) && std::count(g.org_path.begin(), g.org_path.end(), '/') == 2) return true;
    return false;
}

}  // namespace

bool CoversAny(const Actor& a, Permission p, const std::vector<std::string>& target_paths) {
    if (target_paths.empty()) return HoldsTopLevel(a, p);
    return std::any_of(target_paths.begin(), target_paths.end(), [&](const auto& t) { return Holds(a, p, t); });
}

Status AuthorizeAll(const Actor& a, Permission p, const std::vector<std::string>& target_paths, std::string what) {
    LX_CHECK(AuthorizeAny(a, p));
    if (!CoversAny(a, p, target_paths)) return Fail(NotFound(std::move(what)));
    for (const auto& t : target_paths)
        if (!Holds(a, p, t)) return Fail(Denied(what + ".scope.partial"));
    return Ok();
}

std::vector<Grant> GrantsInScope(const Actor& a, Permission p, const std::vector<Grant>& grants) {
    std::vector<Grant> out;
    for (const auto& g : grants)
        if (Holds(a, p, g.org_path)) out.push_back(g);
    return out;
}

std::vector<std::string> GrantPaths(const std::vector<Grant>& grants) {
    std::vector<std::string> out;
    out.reserve(grants.size());
    for (const auto& g : grants) out.push_back(g.org_path);
    return out;
}

}  // namespace lianxin::core::auth
