// Grid rows and their effective-dated boundaries (migration 0028; core/grid/grid.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/common/date.hpp"
#include "core/grid/grid.hpp"

namespace lianxin::core::ports {

struct GridQuery {
    std::vector<std::string> scope_roots;  // grids of communities inside one of these
    std::string subtree;                   // optional narrowing to one org's subtree (inside the scope)
    std::int64_t org_id = 0;               // optional: exactly this community's grids
    int limit = 1000;
    // narrowed reads (app/grid/grid_read_scope.hpp): also these grids, and every grid of these communities
    std::vector<std::int64_t> grid_ids{};
    std::vector<std::string> community_paths{};
};

// A boundary version found for a point by its bounding box (exactness is core's Covers).
struct LocatedVersion {
    grid::GridVersion version;
    std::int64_t grid_id = 0;
    std::string org_path;
};

}  // namespace lianxin::core::ports
