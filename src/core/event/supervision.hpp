// 督办 on breach and the warnings before it (domain.md §7 "What the software must enforce": "automatic
// supervision (督办) on breach"; §7.2 "SUPERVISION (督办) is an overlay raised on any open event that passes its
// deadline"; issue 17 "SLA": "warnings before the deadline, overdue lists, 督办 by the level above on breach").
// The rule is pure: the server's sweep (app/event/supervision.hpp) asks it for each candidate with the instant of
// its own clock, and records one flow row "supervise" per breached deadline, for the level above the assignee.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "core/event/event.hpp"

namespace lianxin::core::event {

// The handler holds the event and its handle-by clock runs: dispatched, in progress, returned (the objection
// waits for the level above; the clock is not stopped) or waiting for an extension. A suspended event's clock
// stands still (挂起); handled and later states are past handling.
bool ClockRuns(const Event& e);

// Overdue at `now`: the clock runs and the handle-by deadline has passed (at the deadline instant itself).
bool Overdue(const Event& e, std::int64_t now);

// Due soon at `now`: the clock runs, not overdue, and the deadline lies within `window_millis` (policy
// event.due_soon_hours).
bool DueSoon(const Event& e, std::int64_t now, std::int64_t window_millis);

// Whether the server records a 督办 at `now`: overdue, assigned, and no 督办 recorded yet for this very deadline
// (`supervised_deadlines`: the deadlines of the automatic 督办 rows already in the flow log). An extension or a
// resumed suspension moves the deadline; passing the new one is a new breach.
bool NeedsSupervision(const Event& e, std::int64_t now, std::span<const std::int64_t> supervised_deadlines);

// The level above the assignee (the org that supervises it): the assignee's parent path, or the accepting org's
// path when the assignee is a top org. "" when the event is not assigned.
std::string LevelAbovePath(const Event& e);

// The org id a path ends with ("/1/5/23/" → 23), or 0.
std::int64_t OrgIdOfPath(const std::string& path);

}  // namespace lianxin::core::event
