#include "core/calendar/work_calendar.hpp"

#include <algorithm>

namespace lianxin::core::calendar {

namespace {
constexpr std::int64_t kHourMillis = 3'600'000;
constexpr std::int64_t kOffsetMillis = 8 * kHourMillis;  // Asia/Shanghai, fixed UTC+8 (core/common/date.hpp)
constexpr int kMaxDaysWalked = 100 * 366;                // a calendar listing no working day at all stops here

Date DayOf(std::int64_t instant) { return Date::FromInstant(instant); }

// The clock of a unit: calendar time, or working time for working days.
std::int64_t Counted(const WorkCalendar& cal, Unit unit, std::int64_t from, std::int64_t to, std::set<int>* unl) {
    if (unit == Unit::kWorkingDays) return cal.WorkingMillis(from, to, unl);
    return std::max<std::int64_t>(0, to - from);
}
std::int64_t AddCounted(const WorkCalendar& cal, Unit unit, std::int64_t from, std::int64_t amount,
                        std::set<int>* unl) {
    if (unit == Unit::kWorkingDays) return cal.AddWorkingMillis(from, amount, unl);
    return from + amount;
}

// The suspended spans from `start` on, sorted and merged into disjoint ones.
std::vector<Interval> Merged(std::span<const Interval> spans, std::int64_t start) {
    std::vector<Interval> in;
    for (auto s : spans) {
        s.from = std::max(s.from, start);
        if (s.to > s.from) in.push_back(s);
    }
    std::sort(in.begin(), in.end(), [](const Interval& a, const Interval& b) { return a.from < b.from; });
    std::vector<Interval> out;
    for (const auto& s : in) {
        if (!out.empty() && s.from <= out.back().to) out.back().to = std::max(out.back().to, s.to);
        else out.push_back(s);
    }
    return out;
}
// The instant when `amount` of the unit's clock has run from `start`: the clock stops at a span's start with
// Counted(a, t) still to run, and runs it off from the span's end.
std::int64_t Run(const WorkCalendar& cal, Unit unit, std::int64_t start, std::int64_t amount,
                 std::span<const Interval> suspended, std::set<int>* unl) {
    std::int64_t t = AddCounted(cal, unit, start, amount, unl);
    for (const auto& s : Merged(suspended, start)) {
        if (s.from >= t) break;
        t = AddCounted(cal, unit, s.to, Counted(cal, unit, s.from, t, unl), unl);
    }
    return t;
}
}  // namespace

std::string_view DayKindName(DayKind k) { return k == DayKind::kWorkday ? "workday" : "holiday"; }

std::int64_t StartOfDay(const Date& d) { return d.DaysSinceEpoch() * kDayMillis - kOffsetMillis; }

bool IsWeekday(const Date& d) {
    // 1970-01-01 was a Thursday: day 0 → weekday index 3 (Monday = 0).
    const std::int64_t n = d.DaysSinceEpoch();
    const std::int64_t wd = ((n % 7) + 7 + 3) % 7;
    return wd < 5;
}

void WorkCalendar::SetYear(int year, const std::vector<CalendarDay>& days) {
    auto& y = years_[year];
    y.clear();
    for (const auto& d : days)
        if (d.date.year() == year) y[d.date.DaysSinceEpoch()] = d.kind;
}

std::vector<int> WorkCalendar::Years() const {
    std::vector<int> out;
    for (const auto& [y, _] : years_) out.push_back(y);
    return out;
}

bool WorkCalendar::IsWorkingDay(const Date& d, std::set<int>* unloaded) const {
    auto y = years_.find(d.year());
    if (y == years_.end()) {
        if (unloaded) unloaded->insert(d.year());
        return IsWeekday(d);
    }
    auto listed = y->second.find(d.DaysSinceEpoch());
    if (listed != y->second.end()) return listed->second == DayKind::kWorkday;
    return IsWeekday(d);
}

Date WorkCalendar::AddWorkingDays(const Date& d, int n, std::set<int>* unloaded) const {
    Date at = d;
    for (int walked = 0; n > 0 && walked < kMaxDaysWalked; ++walked) {
        at = at.AddDays(1);
        if (IsWorkingDay(at, unloaded)) --n;
    }
    return at;
}

std::int64_t WorkCalendar::WorkingMillis(std::int64_t from, std::int64_t to, std::set<int>* unloaded) const {
    if (to <= from) return 0;
    std::int64_t total = 0;
    const Date last = DayOf(to - 1);
    for (Date d = DayOf(from); d <= last; d = d.AddDays(1)) {
        if (!IsWorkingDay(d, unloaded)) continue;
        const std::int64_t s = StartOfDay(d);
        total += std::min(to, s + kDayMillis) - std::max(from, s);
    }
    return total;
}

std::int64_t WorkCalendar::AddWorkingMillis(std::int64_t from, std::int64_t amount, std::set<int>* unloaded) const {
    if (amount <= 0) return from;
    std::int64_t t = from;
    Date d = DayOf(from);
    for (int walked = 0; walked < kMaxDaysWalked; ++walked, d = d.AddDays(1)) {
        const std::int64_t s = std::max(t, StartOfDay(d));
        const std::int64_t e = StartOfDay(d) + kDayMillis;
        if (!IsWorkingDay(d, unloaded)) continue;
        if (amount <= e - s) return s + amount;
        amount -= e - s;
        t = e;
    }
    return t;
}

std::int64_t PointOfLimit(const WorkCalendar& cal, std::int64_t start, int limit, Unit unit, int fraction_permille,
                          std::span<const Interval> suspended, std::set<int>* unloaded) {
    limit = std::max(limit, 0);
    std::int64_t plain = start;  // the deadline without any suspension
    switch (unit) {
        case Unit::kHours:
            plain = start + limit * kHourMillis;
            break;
        case Unit::kNaturalDays:
            plain = StartOfDay(DayOf(start).AddDays(limit + 1));
            break;
        case Unit::kWorkingDays:
            plain = StartOfDay(cal.AddWorkingDays(DayOf(start), limit, unloaded).AddDays(1));
            break;
    }
    const std::int64_t budget = Counted(cal, unit, start, plain, unloaded);
    return Run(cal, unit, start, budget * std::clamp(fraction_permille, 0, 1000) / 1000, suspended, unloaded);
}

std::int64_t CalendarClock(std::int64_t start, std::int64_t millis, std::span<const Interval> suspended) {
    return Run(WorkCalendar{}, Unit::kHours, start, millis, suspended, nullptr);
}

std::int64_t Deadline(const WorkCalendar& cal, std::int64_t start, int limit, Unit unit,
                      std::span<const Interval> suspended, std::set<int>* unloaded) {
    return PointOfLimit(cal, start, limit, unit, 1000, suspended, unloaded);
}

}  // namespace lianxin::core::calendar
