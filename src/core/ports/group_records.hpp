// Records of party groups and covered units (migration 0014; core/org/party_group.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/date.hpp"
#include "core/org/party_group.hpp"

namespace lianxin::core::ports {

struct GroupMember {
    std::int64_t id = 0;
    std::string name;
};

struct PartyGroupRecord {
    std::int64_t id = 0;
    std::int64_t org_id = 0;
    std::string org_path;
    std::string name;
    org::GroupScope scope = org::GroupScope::kBuilding;
    std::string scope_name;
    std::int64_t leader_member_id = 0;  // 0: none yet
    std::string leader_name;            // for display; not stored in the row
    std::vector<GroupMember> members;   // current members of the branch in the group, by name; filled by Groups()
    Date valid_from;
    std::optional<Date> valid_to;
    std::int64_t version = 1;
    std::int64_t created_at = 0;
};

struct CoveredUnitRecord {
    std::int64_t id = 0;
    std::int64_t org_id = 0;
    std::string name;
    org::UnitType type = org::UnitType::kOther;
    std::string uscc;
    Date valid_from;
    std::optional<Date> valid_to;
    std::int64_t created_at = 0;
};

}  // namespace lianxin::core::ports
