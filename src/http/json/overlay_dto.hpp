// JSON shapes of overlays (docs/api.md "Overlays"). No personal data but the heads' names and posts and, in the
// linked-member list (member_read), the names and formal orgs of members inside the caller's scope.
#pragma once

#include <nlohmann/json.hpp>

#include "app/org/overlays.hpp"
#include "http/http_types.hpp"

namespace lianxin::http {

// An overlay as listed; `detail` adds its units and the turns to come.
nlohmann::json OverlayJson(const app::OverlayView& v, bool detail, Lang lang);
nlohmann::json OverlayCountsJson(const core::org::OverlayCounts& c);
nlohmann::json LinkedMembersJson(const app::LinkedMembers& m);

}  // namespace lianxin::http
