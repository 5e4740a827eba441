// Records of party-mass service positions (migration 0012; core/org/service_position.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/date.hpp"
#include "core/org/service_position.hpp"

namespace lianxin::core::ports {

struct PositionRecord {
    std::int64_t id = 0;
    std::int64_t org_id = 0;
    std::string org_path;
    std::string org_name;  // for display; not stored in the row
    org::PositionLevel level = org::PositionLevel::kCommunityCentre;
    std::string name, address, phone, note;
    std::optional<org::GeoPoint> point;
    std::optional<int> area_m2;
    org::WeeklyHours hours;
    std::vector<std::string> services;
    Date valid_from;
    std::optional<Date> valid_to;
    std::int64_t version = 1;
    std::int64_t created_at = 0, updated_at = 0;
};

struct PositionQuery {
    std::vector<std::string> scope_roots;  // positions run by an org inside one of these
    std::vector<std::string> also_orgs;  // and those run by exactly these orgs (the scope's ancestors, which serve it)
    std::string subtree;                 // optional narrowing to one org's subtree (inside the scope)
    std::optional<org::PositionLevel> level;
    Date as_of;  // positions open on this day
    int limit = 500;
};

}  // namespace lianxin::core::ports
