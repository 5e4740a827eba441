// Who reads which grids (issue 17 "Roles and access"): org_read over the community (or above it); a grid worker or
// grid leader the grids its grant names (core/auth/narrow_scope.hpp); a branch secretary the grids of the community
// its branch lies in. All read only: writing the registry needs org_write on the community.
#pragma once

#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/ports/grid_records.hpp"
#include "core/ports/scope.hpp"

namespace lianxin::app {

// The paths of the communities (orgs that hold grids) nearest above the actor's branch-secretary grants.
core::Result<std::vector<std::string>> BranchCommunities(Context& ctx, const core::auth::Actor& actor);

// The transaction scope of a grid read: the actor's own grants and the communities of its branches (their grids
// are read in the community's scope; the query itself names exactly those communities).
core::ports::Scope GridReadScope(const core::auth::Actor& actor, const std::vector<std::string>& communities);

// Fills the narrowed parts of a grid query: the actor's grid grants and its branches' communities.
void NarrowGridQuery(const core::auth::Actor& actor, const std::vector<std::string>& communities,
                     core::ports::GridQuery& q);

}  // namespace lianxin::app
