// Records of reorganizations of the org tree (migration 0010; core/org/reorganization.hpp): one row per
// reorganization with its approval record, and the append-only history of what it did to each org.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/common/date.hpp"
#include "core/org/reorganization.hpp"

namespace lianxin::core::ports {

struct ReorgRecord {
    std::int64_t id = 0;
    org::ReorgKind kind = org::ReorgKind::kRename;
    Date on;
    std::string approval_doc;
    std::int64_t org_id = 0;  // the org acted on (a merge: the one that remains; a create: the parent)
    std::string org_path;     // the deciding org's path (the parent of the org acted on): scopes the list
    std::string summary;      // counts, never personal data
    std::int64_t created_by = 0;
    std::string created_by_name;
    std::int64_t created_at = 0;
};

struct OrgHistoryEntry {
    std::int64_t id = 0;
    std::int64_t reorg_id = 0;
    std::int64_t org_id = 0;
    org::OrgEvent event = org::OrgEvent::kUpdated;
    Date on;
    std::string old_name;  // updated: the name before; moved_in: the name of the old version
    std::string new_name;
    std::int64_t other_org_id = 0;  // merged_into / received / split_off / split / moved_in / moved_out: the other org
    std::string other_org_name;     // for display; not stored in the row
    std::string approval_doc;       // of the reorganization; for display
    std::string by_name;            // who recorded it; for display
};

struct ReorgQuery {
    std::vector<std::string> scope_roots;
    int limit = 50;
};

}  // namespace lianxin::core::ports
