// Grids of the demo street (网格, seed 001 锋领网格 with its 1+1+N team; domain.md §7.1): the first three communities
// are each divided into four grids that tile a block of about 0.8 km × 0.8 km around their centre (shared,
// slightly irregular edges, so no overlap and no gap), each with households, buildings, a leader, a grid worker,
// members and volunteers on 常态岗/特长岗/应急岗, and a compound branch covering it. One grid was redrawn in 2025, so
// its history shows two boundaries.
#pragma once

#include <vector>

#include "app/demo/demo_overlays.hpp"
#include "core/common/result.hpp"
#include "core/ports/repositories.hpp"

namespace lianxin::app {

// Adds the grids through the same core checks as the API (no random draws); returns how many.
core::Result<int> AddDemoGrids(core::ports::Tx& tx, const core::Date& today, std::int64_t now,
                               const std::vector<DemoCommunity>& communities);

}  // namespace lianxin::app
