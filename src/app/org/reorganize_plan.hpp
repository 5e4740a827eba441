// The plan of a reorganization inside one transaction (reorganize.cpp): the request read, the facts loaded
// within the actor's scope and the core's plan. The preview renders it; the commit executes it in the same
// write transaction that loaded it.
#pragma once

#include "app/org/reorganize.hpp"
#include "core/ports/repositories.hpp"

namespace lianxin::app {

struct PlannedReorg {
    core::org::ReorgRequest request;
    core::org::ReorgPlan plan;
    core::org::ReorgFacts facts;
};

core::Result<PlannedReorg> PlanFor(core::ports::Tx& tx, const core::auth::Actor& actor, const ReorgInput& in,
                                   const core::Date& today);

}  // namespace lianxin::app
