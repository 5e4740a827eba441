#include "app/grid/grid_read_scope.hpp"

#include <algorithm>

#include "core/auth/narrow_scope.hpp"
#include "core/grid/grid.hpp"
#include "core/org/org.hpp"

namespace lianxin::app {

using core::auth::Permission;

core::Result<std::vector<std::string>> BranchCommunities(Context& ctx, const core::auth::Actor& actor) {
    std::vector<std::string> out;
    if (std::none_of(actor.grants.begin(), actor.grants.end(),
                     [](const auto& g) { return g.role == core::auth::Role::kBranchSecretary; }))
        return out;
    // The org rows carry no member data; the actor's scope suffices (orgs are not row-scoped).
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](core::ports::Tx& tx) -> core::Status {
        for (const auto& g : actor.grants) {
            if (g.role != core::auth::Role::kBranchSecretary) continue;
            auto ids = core::org::PathIds(g.org_path);
            if (!ids.empty()) ids.pop_back();  // the branch itself
            for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
                LX_ASSIGN(org, tx.Orgs().Get(*it));
                if (!org || !core::grid::HoldsGrids(*org)) continue;
                if (std::find(out.begin(), out.end(), org->path) == out.end()) out.push_back(org->path);
                break;
            }
        }
        return core::Ok();
    }));
    return out;
}

core::ports::Scope GridReadScope(const core::auth::Actor& actor, const std::vector<std::string>& communities) {
    std::vector<std::string> paths = communities;
    for (const auto& g : actor.grants) paths.push_back(g.org_path);
    return core::ports::Scope::Paths(std::move(paths));
}

void NarrowGridQuery(const core::auth::Actor& actor, const std::vector<std::string>& communities,
                     core::ports::GridQuery& q) {
    q.grid_ids = core::auth::GridIdsOf(actor, Permission::kOrgRead);
    q.community_paths = communities;
}

}  // namespace lianxin::app
