#include "core/sla/sla.hpp"

#include <algorithm>
#include <array>

namespace lianxin::core::sla {

namespace {
using calendar::Unit;
namespace keys = policy;

struct ClassKeys {
    std::string_view unit, respond, handle, close;
};

ClassKeys KeysOf(SlaClass c) {
    switch (c) {
        case SlaClass::kGeneral:
            return {keys::kEventSlaGeneralUnit, keys::kEventSlaGeneralRespondMinutes, keys::kEventSlaGeneralHandle,
                    keys::kEventSlaGeneralClose};
        case SlaClass::kComplex:
            return {keys::kEventSlaComplexUnit, keys::kEventSlaComplexRespondMinutes, keys::kEventSlaComplexHandle,
                    keys::kEventSlaComplexClose};
        case SlaClass::kUtility:
            return {keys::kEventSlaUtilityUnit, keys::kEventSlaUtilityRespondMinutes, keys::kEventSlaUtilityHandle,
                    keys::kEventSlaUtilityClose};
        case SlaClass::kEmergency:
            break;
    }
    return {keys::kEventSlaEmergencyUnit, keys::kEventSlaEmergencyRespondMinutes, keys::kEventSlaEmergencyHandle,
            keys::kEventSlaEmergencyClose};
}

constexpr std::array<std::string_view, 4> kClassNames{"general", "complex", "utility", "emergency"};

SlaDeadline Of(const calendar::WorkCalendar& cal, std::int64_t start, int limit, Unit unit, int warn_before_percent,
               std::span<const calendar::Interval> suspended, std::set<int>* unloaded) {
    SlaDeadline d;
    d.due = calendar::Deadline(cal, start, limit, unit, suspended, unloaded);
    d.warn_from = calendar::PointOfLimit(cal, start, limit, unit, 10 * (100 - warn_before_percent), suspended,
                                         unloaded);
    return d;
}
}  // namespace

std::string_view SlaClassName(SlaClass c) { return kClassNames[static_cast<std::size_t>(c)]; }

std::optional<SlaClass> ParseSlaClass(std::string_view name) {
    for (std::size_t i = 0; i < kClassNames.size(); ++i)
        if (kClassNames[i] == name) return static_cast<SlaClass>(i);
    return std::nullopt;
}

SlaClass EffectiveClass(SlaClass category_class, bool urgent) { return urgent ? SlaClass::kEmergency : category_class; }

SlaLimits LimitsFor(const policy::Policies& policies, SlaClass cls, const Date& on) {
    const ClassKeys k = KeysOf(cls);
    SlaLimits l;
    l.unit = static_cast<Unit>(policies.Int(k.unit, on));
    l.respond_minutes = policies.Int(k.respond, on);
    l.handle = policies.Int(k.handle, on);
    l.close = policies.Int(k.close, on);
    l.warn_before_percent = policies.Int(policy::kEventWarnBeforePercent, on);
    return l;
}

SlaDeadlines ComputeSla(SlaClass cls, std::int64_t start, std::span<const calendar::Interval> suspended,
                        const SlaLimits& limits, const calendar::WorkCalendar& cal) {
    SlaDeadlines out;
    out.sla_class = cls;
    out.limits = limits;
    const int warn = std::clamp(limits.warn_before_percent, 0, 100);
    // Respond counts calendar minutes.
    constexpr std::int64_t kMinute = 60'000;
    const std::int64_t respond = limits.respond_minutes * kMinute;
    SlaDeadline r;
    r.due = calendar::CalendarClock(start, respond, suspended);
    r.warn_from = calendar::CalendarClock(start, respond * (100 - warn) / 100, suspended);
    out.respond = r;
    out.handle = Of(cal, start, limits.handle, limits.unit, warn, suspended, &out.unloaded_years);
    out.close = Of(cal, start, limits.close, limits.unit, warn, suspended, &out.unloaded_years);
    return out;
}

SlaDeadlines ComputeSla(SlaClass cls, std::int64_t start, std::span<const calendar::Interval> suspended,
                        const policy::Policies& policies, const calendar::WorkCalendar& calendar) {
    return ComputeSla(cls, start, suspended, LimitsFor(policies, cls, Date::FromInstant(start)), calendar);
}

std::string_view DueStateName(DueState s) {
    switch (s) {
        case DueState::kOnTime:
            return "on_time";
        case DueState::kDueSoon:
            return "due_soon";
        case DueState::kOverdue:
            break;
    }
    return "overdue";
}

DueState StateAt(std::int64_t now, const SlaDeadline& d) {
    if (now >= d.due) return DueState::kOverdue;
    if (now >= d.warn_from) return DueState::kDueSoon;
    return DueState::kOnTime;
}

}  // namespace lianxin::core::sla
