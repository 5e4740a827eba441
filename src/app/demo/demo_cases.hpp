// Development cases for the demo street, so that 发展党员 shows a living pipeline: in one branch of each
// community, an applicant awaiting the talk, an activist, a development target in training and a
// probationary member whose probation ends soon. Every step goes through the same core rules as a real one.
#pragma once

#include <cstdint>

#include "core/common/result.hpp"
#include "core/demo/synthetic.hpp"
#include "core/ports/repositories.hpp"

namespace lianxin::app {

// Adds the four cases to `branch_id`; `serial` continues the data set's person numbering. Returns how
// many registry members the cases added (the probationary one).
core::Result<int> AddDemoCases(core::ports::Tx& tx, core::demo::Rng& rng, std::uint64_t& serial,
                               const core::Date& today, std::int64_t now, std::int64_t branch_id);

}  // namespace lianxin::app
