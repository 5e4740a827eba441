// Records of a committed member import (issue 4 "Import and export"), kept so that the whole import can be
// undone for 7 days: each written row with the member it created or updated, the member's version right after
// the import (a later change makes the undo refuse), and for an update the contact fields before it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/member/member.hpp"

namespace lianxin::core::ports {

struct ImportCounts {
    int create = 0, update = 0, unchanged = 0, error = 0;
};

struct ImportRecord {
    std::int64_t id = 0;
    std::string kind = "members";  // members | orgs
    std::int64_t org_id = 0;
    std::string org_path;
    std::string org_name;  // for display; not stored in the row
    std::string file_name;
    std::string file_sha256;
    std::int64_t created_by = 0;
    std::string created_by_name;
    std::int64_t created_at = 0;  // UTC millis of the commit
    ImportCounts counts;
    bool undone = false;
    std::int64_t undone_at = 0;
    std::int64_t undone_by = 0;
    std::int64_t version = 1;
};

struct ImportRowRecord {
    int row = 0;  // the sheet's row number
    std::int64_t member_id = 0;
    bool created = false;            // created by the import; else updated
    std::int64_t version_after = 0;  // the member's version right after the import
    member::Member prior;            // update: the fields an import may change, before (ImportUpdatableFields)
};

// One org an org import created, by the sheet row that gave it.
struct ImportOrgRecord {
    int row = 0;
    std::int64_t org_id = 0;
};

struct ImportQuery {
    std::vector<std::string> scope_roots;  // imports into an org inside one of these
    std::string kind = "members";          // members | orgs
    int limit = 50;
};

}  // namespace lianxin::core::ports
