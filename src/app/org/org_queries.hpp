// Reading the org structure: the actor's scope roots, the children of an org and one org with its
// breadcrumb, each "as of" a date (effective dating: the tree as it was on that day).
#pragma once

#include <vector>

#include "app/context.hpp"
#include "core/auth/actor.hpp"

namespace lianxin::app {

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
