// Scopes narrower than an org subtree (issue 17 "Roles and access"; domain.md §7.1, §7.3). A grid worker or grid
// leader (网格员 / 网格长) holds a grant on a community that names some of its grids: it covers those grids (their
// registry rows, read only, and the events placed in them), never the community's subtree. A department liaison
// (部门联络员) holds a grant on a functional department: it covers what was whistled (吹哨) to that department; a
// unit liaison (单位联络员) a grant on an overlay's host org naming one member unit: what was whistled to that unit.
// A branch secretary reads the grids of the community its branch lies in (read only).
//
// Other parts call CoversGrid (patrol records of a grid worker: issue 17 `visits`).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/actor.hpp"

namespace lianxin::core::auth {

bool IsGridRole(Role r);     // grid_worker, grid_leader
bool IsLiaisonRole(Role r);  // dept_liaison, unit_liaison

// The grids named by the actor's grid grants that hold `p` (sorted, no repeats).
std::vector<std::int64_t> GridIdsOf(const Actor& a, Permission p);

// Whether the actor holds `p` on the grid `grid_id` of the community at `grid_org_path`: through a subtree grant
// over the community, or a grid grant on that community naming the grid.
bool CoversGrid(const Actor& a, Permission p, std::int64_t grid_id, std::string_view grid_org_path);

// Whether the actor may read the registry row of a grid of the community at `grid_org_path` (org_read over it, a
// grid grant naming it, or a branch secretary's grant on an org inside that community).
bool ReadsGrid(const Actor& a, std::int64_t grid_id, std::string_view grid_org_path);
// The org paths above the actor's branch-secretary grants (each one's ancestors, nearest first, no repeats): the
// communities whose grids it reads are among them (a grid lies on a community).
std::vector<std::string> BranchAncestorPaths(const Actor& a);

// A whistle's target: an org of the tree (its path) or an overlay member unit (its id).
struct WhistleTarget {
    std::string org_path;
    std::int64_t overlay_unit_id = 0;
};
// The department subtrees of the actor's department-liaison grants, and the member units of its unit-liaison
// grants (sorted, no repeats).
std::vector<std::string> WhistleOrgRoots(const Actor& a);
std::vector<std::int64_t> WhistleUnitIds(const Actor& a);
// Whether the actor is a liaison of the whistle's target.
bool CoversWhistle(const Actor& a, const WhistleTarget& w);

// The parent path of an org path ("/1/5/23/" → "/1/5/"), or "" for a top org.
std::string ParentOrgPath(std::string_view path);

}  // namespace lianxin::core::auth
