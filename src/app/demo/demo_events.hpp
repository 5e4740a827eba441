// Events of the demo street over the last six months (issue 17 "Rates and boards": a board needs closed, rated
// and overdue events to say anything): hotline and patrol reports in every community, dispatched to the community,
// most signed for and handled within their SLA deadlines (app/event/deadlines.hpp), some late, a few whistled to
// the street, suspended, reopened after "not resolved", or dismissed as 不属于职责/不合理诉求; the recent ones still
// open. Each step is a row of the flow log as the loop would have written it. Deterministic for a seed.
#pragma once

#include <vector>

#include "app/demo/demo_overlays.hpp"
#include "core/demo/synthetic.hpp"
#include "core/ports/repositories.hpp"

namespace lianxin::app {

// Adds the events; returns how many.
core::Result<int> AddDemoEvents(core::ports::Tx& tx, core::demo::Rng& rng, std::int64_t now, std::int64_t street_id,
                                const std::vector<DemoCommunity>& communities);

}  // namespace lianxin::app
