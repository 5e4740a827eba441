// The one place where an event's default deadlines are computed (issue 17 "SLA"). The sla area's working-day
// calendar and limits per category and urgency (policy keys) are wired here at merge; until then no default is
// set and the dispatcher gives the deadline (派遣 with 处理期限). Every caller — intake, dispatch — goes through this
// function, so that the SLA figures are applied in one call site.
#pragma once

#include <cstdint>
#include <optional>

#include "core/event/event.hpp"
#include "core/policy/policies.hpp"

namespace lianxin::app {

struct EventDeadlines {
    std::optional<std::int64_t> respond_by;
    std::optional<std::int64_t> handle_by;
};

// The default deadlines of `e` counted from `from` (UTC millis) under the policies of its org.
EventDeadlines DefaultDeadlines(const core::event::Event& e, const core::policy::Policies& policies, std::int64_t from);

// The window of "due soon" (policy event.due_soon_hours of the org on that day), in milliseconds.
std::int64_t DueSoonWindowMillis(const core::policy::Policies& policies, std::int64_t now);

}  // namespace lianxin::app
