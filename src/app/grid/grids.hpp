// Grids (网格; issue 17 "Grids", domain.md §7.1): a community's grids with their team and effective-dated
// boundaries. Reading needs org_read on the community (or above it); creating, editing and redrawing, org_write
// on it. Every write is audited (grid.create, grid.update, grid.redraw). Size, team, overlap and gap rules are
// warnings; a boundary that is not a valid polygon, or has more vertices than grid.boundary_max_vertices, is
// refused naming the field `boundary`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/grid/grid.hpp"

namespace lianxin::app {

// A grid's attributes as the client sends them (the org and the code only on creation).
struct GridInput {
    std::string code, name, note;
    int households = 0, residents = 0;
    std::vector<std::string> buildings;
    core::grid::Person leader;
    std::int64_t covering_org_id = 0, covering_group_id = 0;
    std::vector<core::grid::TeamEntry> team;
};

struct GridView {
    core::grid::Grid grid;
    std::optional<core::grid::GridVersion> boundary;  // the version valid on the day asked
    std::vector<core::org::Warning> warnings;         // its own, then those between it and its neighbours
    bool can_edit = false;                            // org_write on its community
};

struct GridList {
    std::vector<GridView> items;
    std::vector<core::org::Warning> warnings;  // between the grids of the one community asked for (overlaps, gaps)
};

// The grids of the org's subtree (0: the actor's whole scope), each with its boundary on `on`.
core::Result<GridList> ListGrids(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                 const core::Date& on);
core::Result<GridView> GetGrid(Context& ctx, const core::auth::Actor& actor, std::int64_t id, const core::Date& on);
// A new grid of the community `org_id` with its first boundary from `valid_from` (YYYY-MM-DD, not after today;
// empty: today). The boundary may be absent (drawn later).
core::Result<std::int64_t> CreateGrid(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                      const GridInput& in, const std::optional<core::grid::Boundary>& boundary,
                                      const std::string& valid_from);
// kConflict when `version` is not the stored one.
core::Status UpdateGrid(Context& ctx, const core::auth::Actor& actor, std::int64_t id, std::int64_t version,
                        const GridInput& in);
// Closes the boundary valid now on `valid_from` and opens the new one from that day (after the current one's
// start, not after today; empty: today).
core::Status RedrawGrid(Context& ctx, const core::auth::Actor& actor, std::int64_t id,
                        const core::grid::Boundary& boundary, const std::string& valid_from);
// Every boundary version, oldest first.
core::Result<std::vector<core::grid::GridVersion>> GridHistory(Context& ctx, const core::auth::Actor& actor,
                                                               std::int64_t id);
// The grids whose boundary on `on` covers the point (usually one; more where grids overlap), inside the scope.
core::Result<std::vector<GridView>> LocateGrid(Context& ctx, const core::auth::Actor& actor, core::grid::LngLat p,
                                               const core::Date& on);

}  // namespace lianxin::app
