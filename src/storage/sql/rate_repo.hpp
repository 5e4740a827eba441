// The SQL rates repository (rate_repo.cpp): registered as core::ports::MakeRateRepo's maker.
#pragma once

namespace lianxin::storage {

// Idempotent; called by OpenDatabase.
void RegisterRateRepo();

}  // namespace lianxin::storage
