// Party groups of the demo street (党小组, domain.md §1.1, §1.2; seed 000 "楼栋党小组"): each branch of each community
// has groups of about eight members by building, led by a full member, with its last few members not yet placed (and
// stopped members in none) —
// so that the 党小组 panel shows groups and the line of members in none.
#pragma once

#include <vector>

#include "app/demo/demo_overlays.hpp"
#include "core/common/result.hpp"
#include "core/ports/repositories.hpp"

namespace lianxin::app {

// Forms the groups (no random draws: the data set above stays as it was); returns how many.
core::Result<int> AddDemoGroups(core::ports::Tx& tx, const core::Date& today, std::int64_t now,
                                const std::vector<DemoCommunity>& communities);

}  // namespace lianxin::app
