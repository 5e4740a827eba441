// Test support: the audit rows as stored, read and cut straight in the database, for tests that look past the
// repositories or play someone who edits the database. The SQL stays in src/storage (issue 16).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace lianxin::storage::testing {

struct AuditRowFilter {
    std::string action;
    std::int64_t subject_member_id = 0;  // 0 = any
    std::string object_type{};           // "" = any
    std::string object_id{};             // "" = any
};

struct StoredAuditRow {
    std::int64_t id = 0;
    std::string detail;
};

// The rows matching every set field of `f`, in id order.
std::vector<StoredAuditRow> AuditRows(ManagedDatabase& db, const AuditRowFilter& f);

// Removes the rows after `keep_id` and sets the head back to that row, as an old backup restored (or a cut tail)
// would leave the database.
core::Status CutAuditTail(ManagedDatabase& db, std::int64_t keep_id);

}  // namespace lianxin::storage::testing
