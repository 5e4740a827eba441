#include "app/event/deadlines.hpp"

namespace lianxin::app {

EventDeadlines DefaultDeadlines(const core::event::Event& e, const core::policy::Policies& policies,
                                std::int64_t from) {
    // The sla area's computation replaces this body (category class, urgency, working days, holidays).
    (void)e;
    (void)policies;
    (void)from;
    return {};
}

std::int64_t DueSoonWindowMillis(const core::policy::Policies& policies, std::int64_t now) {
    return std::int64_t{policies.Int(core::policy::kEventDueSoonHours, core::Date::FromInstant(now))} * 3'600'000;
}

}  // namespace lianxin::app
