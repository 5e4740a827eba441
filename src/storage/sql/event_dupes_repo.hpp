// The SQL duplicates repository (event_dupes_repo.cpp): registered as core::ports::MakeDuplicateRepo's maker.
#pragma once

namespace lianxin::storage {

// Idempotent; called by OpenDatabase.
void RegisterDuplicateRepo();

}  // namespace lianxin::storage
