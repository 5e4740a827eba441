// Records of overlays (migration 0011; core/org/overlay.hpp): the overlay rows scoped by their host org's path,
// the member units with their heads and roster positions, and the dual-identity links of registry members
// (typed participation relations with start and end dates, domain.md §5 "must enforce": the formal affiliation
// stays single).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/date.hpp"
#include "core/org/overlay.hpp"

namespace lianxin::core::ports {

// An overlay in a list, with what it holds today.
struct OverlaySummary {
    org::Overlay overlay;
    org::OverlayCounts counts;
};

struct OverlayQuery {
    std::vector<std::string> scope_roots;  // overlays whose host lies inside one of these
    std::string subtree;                   // optional narrowing to one org's subtree (inside the scope)
    Date on;                               // the day the counts are taken
    int limit = 200;
};

// A registry member linked to an overlay for dual identity (双重身份), with the formal affiliation it keeps.
struct OverlayLink {
    std::int64_t overlay_id = 0;
    std::int64_t member_id = 0;
    std::string member_name;
    std::int64_t org_id = 0;  // the member's formal branch: unchanged by the link
    std::string org_name;
    std::string org_path;
    Date valid_from;
    std::optional<Date> valid_to;
};

}  // namespace lianxin::core::ports
