// The party-mass service positions of the demo street (seed 000: a street centre, 7 community centres and a
// 党群之家 in each of the 33 compounds), with synthetic addresses, coordinates around 海沧 and usual hours.
#pragma once

#include <cstdint>

#include "core/common/result.hpp"
#include "core/ports/repositories.hpp"

namespace lianxin::app {

// Adds one position for the street, each community committee and each compound branch below `street_id`;
// returns how many.
core::Result<int> AddDemoPositions(core::ports::Tx& tx, std::int64_t street_id, const core::Date& today,
                                   std::int64_t now_millis);

}  // namespace lianxin::app
