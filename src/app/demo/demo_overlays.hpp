// The demo street's overlays (seed 000:
// "街道及所辖7个城市社区均成立大党工委和大党委，48个成员单位轮流牵头组织召开会议"): the street's 大党工委 with 48
// resident units convening in turn, one a month, and each community's 大党委 with its police station, property
// companies, school, clinic, firms and social organization, their heads sitting as part-time members (兼职委员) and
// convening by quarter. Unit names are generic and every person synthetic.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/common/result.hpp"
#include "core/demo/synthetic.hpp"
#include "core/ports/repositories.hpp"

namespace lianxin::app {

struct DemoCommunity {
    std::int64_t id = 0;
    std::string name;                    // "海发社区"
    std::vector<std::string> compounds;  // its compounds' names, "绿苑小区" …
};

// Adds the overlays through the same core field rules as a form would; fails if one breaks them.
core::Status AddDemoOverlays(core::ports::Tx& tx, core::demo::Rng& rng, const core::Date& today, std::int64_t now,
                             std::int64_t street_id, const std::vector<DemoCommunity>& communities);

}  // namespace lianxin::app
