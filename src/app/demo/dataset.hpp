// Loading the demo street (modelled on 嵩屿街道, seed 000) and the synthetic district/city/province sets of
// docs/performance.md into an empty database, deterministically from a seed.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "app/context.hpp"

namespace lianxin::app {

// kTest: the access-matrix tree of security.md A1 (2 districts × 2 streets × 2 communities × 2 branches).
enum class Scale { kTest, kDemo, kDistrict, kCity, kProvince };
std::optional<Scale> ParseScale(const std::string& s);

struct DatasetStats {
    std::int64_t orgs = 0;
    std::int64_t members = 0;
};

// Refuses (kFailedPrecondition) when the database already holds orgs. `progress` is told the number of
// members written so far.
core::Result<DatasetStats> LoadDataset(Context& ctx, Scale scale, std::uint64_t seed,
                                       const std::function<void(std::int64_t)>& progress = {});

}  // namespace lianxin::app
