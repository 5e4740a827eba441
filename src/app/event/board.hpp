// The supervision board (督办看板) of a street or a district (issue 17 "Pages": "the supervision board for a street
// and a district"; "SLA": overdue lists, 督办 by the level above; "The closed loop": marks "listed, never silent";
// domain.md §7.3 吹哨报到 "report on site within" the whistle's time). Four lists of the org's subtree, each item
// an event the web links to: overdue events (with their counts per community and per department), 督办 items and
// their age, whistled events whose department has not reported (报到) within its time, and events marked 不属于职责
// / 不合理诉求 waiting for the level above. It names no resident (the lists' shape, app/event/events.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/event/events.hpp"
#include "core/org/org.hpp"

namespace lianxin::app {

struct BoardCount {
    std::int64_t org_id = 0;
    std::string org_name;
    int count = 0;
};

struct LateWhistle {
    EventView event;
    core::ports::EventWhistle whistle;
};

struct SupervisionBoardView {
    core::org::Org org;
    std::int64_t at = 0;                     // the instant the board was computed
    std::vector<EventView> overdue;          // the earliest deadline first
    std::vector<BoardCount> by_community;    // overdue per place (community), most first
    std::vector<BoardCount> by_department;   // overdue per assignee, most first
    std::vector<EventView> supervised;       // open events with a 督办; the oldest 督办 first
    std::vector<LateWhistle> late_whistles;  // not reported past report-by, the latest first
    std::vector<EventView> marked;           // awaiting review
    bool truncated = false;                  // a list reached its cap (kBoardCap) and holds only the newest
};

inline constexpr int kBoardCap = 500;

// The board of `org_id`, which the actor must hold event_read on (404 otherwise, as for any org).
core::Result<SupervisionBoardView> SupervisionBoard(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id);

}  // namespace lianxin::app
