// The working-day calendar (工作日历, issue 17 "SLA"; ../shared/docs/calendar.md): the public holidays and the
// adjusted working days (调休上班) of each year are DATA, loaded from the State Council General Office's annual
// notice, never rules. A day is a working day when it is Monday–Friday and not a holiday, or when it is listed as
// an adjusted working day. Days are Asia/Shanghai civil dates (core/common/date.hpp: fixed UTC+8); instants are
// UTC milliseconds.
//
// A year with no data loaded is an explicit, flagged fallback, never a silent one: it is counted as weekdays
// only (Monday–Friday) AND every answer that looked at such a day names the year in `unloaded` — the caller
// shows a warning (calendar.md: "a clock that reaches a year with no calendar loaded must say so"). An error
// would stop the intake of an event whose deadline runs into a year the admin has not loaded yet.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "core/common/date.hpp"

namespace lianxin::core::calendar {

// What a listed day is: a public holiday (放假) or an adjusted working day (调休上班).
enum class DayKind { kHoliday, kWorkday };
std::string_view DayKindName(DayKind k);  // "holiday" | "workday"

struct CalendarDay {
    Date date;
    DayKind kind = DayKind::kHoliday;
    std::string name;  // the holiday it belongs to, e.g. 春节; may be empty
};

// A half-open span of instants [from, to) in UTC milliseconds.
struct Interval {
    std::int64_t from = 0;
    std::int64_t to = 0;
};

inline constexpr std::int64_t kDayMillis = 86'400'000;
// The first instant of the Asia/Shanghai civil day `d` (its 00:00, UTC+8).
std::int64_t StartOfDay(const Date& d);
// Monday–Friday.
bool IsWeekday(const Date& d);

// The years' listed days; pure and cheap to copy. Built from stored rows (app/calendar) or in tests from lists.
class WorkCalendar {
public:
    WorkCalendar() = default;
    // Sets the listed days of `year` (replacing what it had); days of another year are ignored. A year set with
    // no days at all is loaded (a year without holidays), unlike a year never set.
    void SetYear(int year, const std::vector<CalendarDay>& days);
    bool HasYear(int year) const { return years_.contains(year); }
    std::vector<int> Years() const;

    // Whether `d` is a working day. A day of a year with no data: Monday–Friday, and the year joins `*unloaded`.
    bool IsWorkingDay(const Date& d, std::set<int>* unloaded = nullptr) const;
    // The `n`th working day after `d` (n ≥ 1; `d` itself does not count); n ≤ 0 gives `d`.
    Date AddWorkingDays(const Date& d, int n, std::set<int>* unloaded = nullptr) const;
    // The working time between two instants: the part of [from, to) lying on working days (whole civil days of
    // 24 hours; the calendar knows no office hours). 0 when to ≤ from.
    std::int64_t WorkingMillis(std::int64_t from, std::int64_t to, std::set<int>* unloaded = nullptr) const;
    // The earliest instant t ≥ from with WorkingMillis(from, t) == amount (amount ≥ 0).
    std::int64_t AddWorkingMillis(std::int64_t from, std::int64_t amount, std::set<int>* unloaded = nullptr) const;

private:
    std::map<int, std::map<std::int64_t, DayKind>> years_;  // year → day number (DaysSinceEpoch) → kind
};

// How a time limit is counted (the order is the policy choice list's: core/policy/catalogue.cpp).
enum class Unit { kWorkingDays, kNaturalDays, kHours };

// The deadline of a limit of `limit` units started at `start`, with the clock stopped during `suspended` (挂起):
// - kHours: `limit` calendar hours after start;
// - kNaturalDays: the end (24:00) of the `limit`th civil day after the start's day;
// - kWorkingDays: the end (24:00) of the `limit`th working day after the start's day;
// and then each suspended span that begins before the (moving) deadline moves it by the time the span took from
// the clock: calendar time for hours and natural days, working time for working days. Spans may overlap and come
// in any order; the part of a span before `start` does not count. A suspension still open is passed as ending
// at the instant asked about (its clock is frozen there).
std::int64_t Deadline(const WorkCalendar& cal, std::int64_t start, int limit, Unit unit,
                      std::span<const Interval> suspended = {}, std::set<int>* unloaded = nullptr);

// The instant when `fraction_permille`‰ of the limit's own time (working time for working days) has run, with
// the same suspensions: Deadline's instant for 1000‰. For "due soon" warnings.
std::int64_t PointOfLimit(const WorkCalendar& cal, std::int64_t start, int limit, Unit unit, int fraction_permille,
                          std::span<const Interval> suspended = {}, std::set<int>* unloaded = nullptr);

// The instant when `millis` of calendar time has run from `start`, the clock stopped during `suspended`.
std::int64_t CalendarClock(std::int64_t start, std::int64_t millis, std::span<const Interval> suspended = {});

}  // namespace lianxin::core::calendar
