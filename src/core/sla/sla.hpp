// SLA deadlines of an event (issue 17 "SLA"; domain.md §7.4: time limits are [UNKNOWN], so they are policy keys,
// never constants — core/policy/catalogue.hpp event.sla_<class>_*). An event category carries an SLA class; an
// urgent event takes the emergency class's limits. From the moment of intake, three deadlines run: respond
// (签收/响应: minutes on the calendar clock), handle (处置 done) and close (办结 with feedback), the last two in the
// class's unit — working days on the working-day calendar (core/calendar), natural days or hours. 挂起 stops all
// three clocks. A deadline is "due soon" from the point where (100 − event.warn_before_percent) % of its own
// time has run, and overdue from the deadline on.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string_view>

#include "core/calendar/work_calendar.hpp"
#include "core/policy/policies.hpp"

namespace lianxin::core::sla {

// The agreed names (notes/common.md "Agreed shapes"): general | complex | utility | emergency.
enum class SlaClass { kGeneral, kComplex, kUtility, kEmergency };
std::string_view SlaClassName(SlaClass c);
std::optional<SlaClass> ParseSlaClass(std::string_view name);
// The class whose limits hold for an event: an urgent event (urgency "urgent") takes the emergency limits.
SlaClass EffectiveClass(SlaClass category_class, bool urgent);

// The policy values of one class on one date.
struct SlaLimits {
    calendar::Unit unit = calendar::Unit::kWorkingDays;  // of handle and close
    int respond_minutes = 0;
    int handle = 0;
    int close = 0;
    int warn_before_percent = 0;
};
// The limits of `cls` in force on `on` (the policy of the event's intake day: decisions are judged by the rule
// of their date, core/policy/policies.hpp).
SlaLimits LimitsFor(const policy::Policies& policies, SlaClass cls, const Date& on);

struct SlaDeadline {
    std::int64_t due = 0;        // UTC millis: overdue from this instant on
    std::int64_t warn_from = 0;  // UTC millis: due soon from this instant on (≤ due)
};

struct SlaDeadlines {
    SlaClass sla_class = SlaClass::kGeneral;
    SlaLimits limits;
    SlaDeadline respond;
    SlaDeadline handle;
    SlaDeadline close;
    // Years the working-day clock reached with no calendar loaded (counted as Monday–Friday): to be shown as a
    // warning beside the deadline (calendar.md). Empty for the calendar-time units.
    std::set<int> unloaded_years;
};

// The deadlines of an event of class `cls` (already the effective class) taken in at `start`, with the clock
// stopped during `suspended` (挂起 spans; one still open is passed as ending at the instant asked about), under
// the policy in force on the start's day.
SlaDeadlines ComputeSla(SlaClass cls, std::int64_t start, std::span<const calendar::Interval> suspended,
                        const policy::Policies& policies, const calendar::WorkCalendar& calendar);
// The same with the limits given.
SlaDeadlines ComputeSla(SlaClass cls, std::int64_t start, std::span<const calendar::Interval> suspended,
                        const SlaLimits& limits, const calendar::WorkCalendar& calendar);

enum class DueState { kOnTime, kDueSoon, kOverdue };
std::string_view DueStateName(DueState s);  // "on_time" | "due_soon" | "overdue"

// The state of one deadline at `now` (an injected instant, never a clock read here).
DueState StateAt(std::int64_t now, const SlaDeadline& deadline);

}  // namespace lianxin::core::sla
