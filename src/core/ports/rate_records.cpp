#include "core/ports/rate_records.hpp"

#include <atomic>

namespace lianxin::core::ports {

namespace {
std::atomic<RateRepoMaker> g_maker{nullptr};
}

void SetRateRepoMaker(RateRepoMaker make) { g_maker.store(make); }

std::unique_ptr<RateRepo> MakeRateRepo(Tx& tx) {
    const RateRepoMaker make = g_maker.load();
    return make ? make(tx) : nullptr;
}

}  // namespace lianxin::core::ports
