// A grid worker's or leader's own report (issue 17 "Events and their intake": "an issue found becomes an event in
// one step"; 小事不出网格): a narrowed grant holds no event_write over its community, only over its grids, so the
// place of an event it registers is found through the grid it names — one of its own, of that community.
#pragma once

#include <optional>

#include "core/auth/actor.hpp"
#include "core/org/org.hpp"
#include "core/ports/repositories.hpp"

namespace lianxin::app {

// The community org `org_id` when `grid_id` is one of the actor's grids (a grid grant with event_write) and lies in
// it on `on`; nullopt otherwise (the caller refuses naming org_id).
core::Result<std::optional<core::org::Org>> GridWorkerPlace(core::ports::Tx& tx, const core::auth::Actor& actor,
                                                            std::int64_t org_id, std::int64_t grid_id,
                                                            const core::Date& on);

}  // namespace lianxin::app
