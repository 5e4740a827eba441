// Records of the floating-member register (流动党员登记, domain.md §5.3) that cross the storage port.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/member/floating.hpp"
#include "core/member/member.hpp"

namespace lianxin::core::ports {

// One record with the member it belongs to. The scope of the outflow side is the member's current org
// (members.org_path, joined, never copied); the inflow side is the participating org's path.
struct FloatingRecord {
    std::int64_t id = 0;
    std::int64_t member_id = 0;
    member::Floating facts;
    std::string in_org_path;             // the participating org's path when it is inside this system
    std::optional<Date> last_report_on;  // the newest yearly report (kind "report"), derived
    std::int64_t version = 1;
    std::int64_t created_by = 0;
    // Of the member, read with the record (not stored in it).
    std::string name;
    member::Sex sex = member::Sex::kMale;
    Date birth_date;
    member::Category category = member::Category::kFull;
    std::int64_t org_id = 0;
    std::string org_path;
    std::string org_name;
};

struct FloatingNote {
    std::int64_t id = 0;
    int seq = 0;
    member::FloatingReport report;
    std::string side;  // "out" (the member's org) or "in" (the participating org)
    std::int64_t actor_user_id = 0;
    std::string actor_name;
    std::int64_t recorded_at = 0;
};

struct FloatingQuery {
    std::vector<std::string> scope_roots;  // the actor's member_read roots
    bool inflow = false;                   // false: members of the scope; true: taking part in orgs of the scope
    std::string subtree;                   // optional narrowing (inside the scope)
    bool open_only = true;                 // not returned, and the member still in the registry
    std::int64_t member_id = 0;            // optional: one member's records
    std::int64_t after_id = 0;
    int limit = 50;
};

}  // namespace lianxin::core::ports
