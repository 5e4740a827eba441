#include "core/ports/duplicate_records.hpp"

#include <atomic>

namespace lianxin::core::ports {

namespace {
std::atomic<DuplicateRepoMaker> g_maker{nullptr};
}

void SetDuplicateRepoMaker(DuplicateRepoMaker make) { g_maker.store(make); }

std::unique_ptr<DuplicateRepo> MakeDuplicateRepo(Tx& tx) {
    const DuplicateRepoMaker make = g_maker.load();
    return make ? make(tx) : nullptr;
}

}  // namespace lianxin::core::ports
