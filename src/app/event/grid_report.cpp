#include "app/event/grid_report.hpp"

#include "core/auth/narrow_scope.hpp"

namespace lianxin::app {

core::Result<std::optional<core::org::Org>> GridWorkerPlace(core::ports::Tx& tx, const core::auth::Actor& actor,
                                                            std::int64_t org_id, std::int64_t grid_id,
                                                            const core::Date& on) {
    if (grid_id <= 0 || org_id <= 0) return std::optional<core::org::Org>{};
    LX_ASSIGN(grid, tx.Grids().Get(grid_id));
    if (!grid || grid->org_id != org_id) return std::optional<core::org::Org>{};
    LX_ASSIGN(org, tx.Orgs().Get(org_id));
    if (!org || !org->ValidOn(on)) return std::optional<core::org::Org>{};
    if (!core::auth::CoversGrid(actor, core::auth::Permission::kEventWrite, grid_id, org->path))
        return std::optional<core::org::Org>{};
    return std::optional<core::org::Org>(*org);
}

}  // namespace lianxin::app
