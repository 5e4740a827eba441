#include "core/auth/narrow_scope.hpp"

#include <algorithm>

#include "core/org/org.hpp"

namespace lianxin::core::auth {

bool IsGridRole(Role r) { return r == Role::kGridWorker || r == Role::kGridLeader; }
bool IsLiaisonRole(Role r) { return r == Role::kDeptLiaison || r == Role::kUnitLiaison; }

namespace {
template <typename T>
std::vector<T> Unique(std::vector<T> v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
}
}  // namespace

std::vector<std::int64_t> GridIdsOf(const Actor& a, Permission p) {
    std::vector<std::int64_t> out;
    for (const auto& g : a.grants)
        if (IsGridRole(g.role) && NarrowHas(g.role, p)) out.insert(out.end(), g.grid_ids.begin(), g.grid_ids.end());
    return Unique(std::move(out));
}

bool CoversGrid(const Actor& a, Permission p, std::int64_t grid_id, std::string_view grid_org_path) {
    for (const auto& g : a.grants) {
        if (RoleHas(g.role, p) && org::InSubtree(grid_org_path, g.org_path)) return true;
        if (IsGridRole(g.role) && NarrowHas(g.role, p) && g.org_path == grid_org_path &&
            std::find(g.grid_ids.begin(), g.grid_ids.end(), grid_id) != g.grid_ids.end())
            return true;
    }
    return false;
}

bool ReadsGrid(const Actor& a, std::int64_t grid_id, std::string_view grid_org_path) {
    if (CoversGrid(a, Permission::kOrgRead, grid_id, grid_org_path)) return true;
    for (const auto& g : a.grants)
        if (g.role == Role::kBranchSecretary && g.org_path != grid_org_path &&
            org::InSubtree(g.org_path, grid_org_path))
            return true;
    return false;
}

std::string ParentOrgPath(std::string_view path) {
    if (path.size() < 2) return "";
    const auto cut = path.find_last_of('/', path.size() - 2);
    return cut == 0 || cut == std::string_view::npos ? "" : std::string(path.substr(0, cut + 1));
}

std::vector<std::string> BranchAncestorPaths(const Actor& a) {
    std::vector<std::string> out;
    for (const auto& g : a.grants) {
        if (g.role != Role::kBranchSecretary) continue;
        for (auto p = ParentOrgPath(g.org_path); !p.empty(); p = ParentOrgPath(p))
            if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
    }
    return out;
}

std::vector<std::string> WhistleOrgRoots(const Actor& a) {
    std::vector<std::string> roots;
    for (const auto& g : a.grants)
        if (g.role == Role::kDeptLiaison) roots.push_back(g.org_path);
    std::sort(roots.begin(), roots.end());
    std::vector<std::string> minimal;
    for (const auto& r : roots)
        if (minimal.empty() || !org::InSubtree(r, minimal.back())) minimal.push_back(r);
    return minimal;
}

std::vector<std::int64_t> WhistleUnitIds(const Actor& a) {
    std::vector<std::int64_t> out;
    for (const auto& g : a.grants)
        if (g.role == Role::kUnitLiaison && g.overlay_unit_id != 0) out.push_back(g.overlay_unit_id);
    return Unique(std::move(out));
}

bool CoversWhistle(const Actor& a, const WhistleTarget& w) {
    for (const auto& g : a.grants) {
        if (g.role == Role::kDeptLiaison && !w.org_path.empty() && org::InSubtree(w.org_path, g.org_path)) return true;
        if (g.role == Role::kUnitLiaison && w.overlay_unit_id != 0 && g.overlay_unit_id == w.overlay_unit_id)
            return true;
    }
    return false;
}

}  // namespace lianxin::core::auth
