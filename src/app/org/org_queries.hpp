// Reading the org structure: the actor's scope roots, the children of an org and one org with its
// breadcrumb, each "as of" a date (effective dating: the tree as it was on that day).
#pragma once

#include <optional>
#include <vector>

#include "app/context.hpp"
#include "core/auth/actor.hpp"

namespace lianxin::app {

// The org when the actor holds `p` on it (and, given `as_of`, it exists on that day); 404 otherwise, 403
// without `p` anywhere. The one scope check of use cases that act on an org by id.
core::Result<core::org::Org> VisibleOrg(core::ports::Tx& tx, const core::auth::Actor& actor, std::int64_t id,
                                        core::auth::Permission p, const std::optional<core::Date>& as_of = {});

core::Result<std::vector<core::ports::OrgView>> OrgRoots(Context& ctx, const core::auth::Actor& actor,
                                                         const core::Date& as_of);
core::Result<std::vector<core::ports::OrgView>> OrgChildren(Context& ctx, const core::auth::Actor& actor,
                                                            std::int64_t org_id, const core::Date& as_of);

struct OrgDetail {
    core::ports::OrgView view;
    std::vector<core::org::Org> ancestors;  // root first, only those inside the actor's scope
};
core::Result<OrgDetail> GetOrg(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                               const core::Date& as_of);

}  // namespace lianxin::app
