// Floating members of the demo street (流动党员, domain.md §5.3): a few members of different communities away for
// work, study, family or business, one of them taking part in a branch of another community (so that the inflow
// list shows something), with reminders in each state — transfer due, report overdue, report on time.
#pragma once

#include <vector>

#include "app/demo/demo_overlays.hpp"
#include "core/common/result.hpp"
#include "core/ports/repositories.hpp"

namespace lianxin::app {

// Registers the records through the core rules (and the registry tag with each); returns how many.
core::Result<int> AddDemoFloating(core::ports::Tx& tx, const core::Date& today, std::int64_t now,
                                  const std::vector<DemoCommunity>& communities);

}  // namespace lianxin::app
