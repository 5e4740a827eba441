// The one place where an event's default deadlines are computed (issue 17 "SLA"): the SLA class of its category
// (an urgent event takes the emergency limits), the limits in force for its org on the day (policy keys
// event.sla_<class>_*), counted on the working-day calendar as stored (holidays and 调休 days per year). Every
// caller — intake, dispatch — goes through this function; a dispatcher may still give the deadline (派遣 with
// 处理期限), which then wins.
#pragma once

#include <cstdint>
#include <optional>
#include <set>

#include "core/event/event.hpp"
#include "core/policy/policies.hpp"
#include "core/ports/repositories.hpp"

namespace lianxin::app {

struct EventDeadlines {
    std::optional<std::int64_t> respond_by;
    std::optional<std::int64_t> handle_by;
    std::set<int> unloaded_years;  // years the clock counted Monday–Friday because no calendar is loaded
};

// The default deadlines of `e` counted from `from` (UTC millis) under `policies` (its org's), inside `tx`.
core::Result<EventDeadlines> DefaultDeadlines(core::ports::Tx& tx, const core::event::Event& e,
                                              const core::policy::Policies& policies, std::int64_t from);

// The window of "due soon" (policy event.due_soon_hours of the org on that day), in milliseconds.
std::int64_t DueSoonWindowMillis(const core::policy::Policies& policies, std::int64_t now);

}  // namespace lianxin::app
