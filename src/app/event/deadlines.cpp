#include "app/event/deadlines.hpp"

#include "app/calendar/calendar.hpp"
#include "core/sla/sla.hpp"

namespace lianxin::app {

core::Result<EventDeadlines> DefaultDeadlines(core::ports::Tx& tx, const core::event::Event& e,
                                              const core::policy::Policies& policies, std::int64_t from) {
    const auto cls = core::sla::EffectiveClass(e.sla_class, e.urgency == core::event::Urgency::kUrgent);
    // The longest limit the catalogue allows (999 working days) stays within a few years of the start.
    const int year = core::Date::FromInstant(from).year();
    LX_ASSIGN(calendar, WorkCalendarFor(tx, year, year + 4));
    const auto sla = core::sla::ComputeSla(cls, from, {}, policies, calendar);
    return EventDeadlines{sla.respond.due, sla.handle.due, sla.unloaded_years};
}

std::int64_t DueSoonWindowMillis(const core::policy::Policies& policies, std::int64_t now) {
    return std::int64_t{policies.Int(core::policy::kEventDueSoonHours, core::Date::FromInstant(now))} * 3'600'000;
}

}  // namespace lianxin::app
