// The working-day calendar and deadlines (issue 17 "SLA" and "Done when": SLA timers tested with an injected clock
// across weekends, public holidays and 调休 Saturdays; ../shared/docs/calendar.md 2025 and 2026). Every instant is
// explicit (At: Asia/Shanghai wall-clock time); nothing reads a clock.
#include "core/calendar/work_calendar.hpp"

#include <gtest/gtest.h>

#include "core/calendar/testing_calendar.hpp"

namespace lianxin::core::calendar {
namespace {

using testing::At;
Date D(const char* s) { return *Date::Parse(s); }

const WorkCalendar& Cal() {
    static const WorkCalendar cal = testing::Calendar2025And2026();
    return cal;
}

TEST(WorkCalendar, ADayIsWorkingWhenAWeekdayNotOnHolidayOrAnAdjustedWorkingDay) {
    std::set<int> unloaded;
    EXPECT_TRUE(Cal().IsWorkingDay(D("2026-02-13"), &unloaded));   // Friday
    EXPECT_TRUE(Cal().IsWorkingDay(D("2026-02-14"), &unloaded));   // Saturday, 调休上班 (春节)
    EXPECT_FALSE(Cal().IsWorkingDay(D("2026-02-16"), &unloaded));  // Monday, 春节
    EXPECT_FALSE(Cal().IsWorkingDay(D("2026-02-23"), &unloaded));  // Monday, the 9th day of 春节
    EXPECT_TRUE(Cal().IsWorkingDay(D("2026-02-28"), &unloaded));   // Saturday, 调休上班
    EXPECT_FALSE(Cal().IsWorkingDay(D("2026-03-07"), &unloaded));  // an ordinary Saturday
    EXPECT_FALSE(Cal().IsWorkingDay(D("2026-10-07"), &unloaded));  // Wednesday, 国庆节
    EXPECT_TRUE(Cal().IsWorkingDay(D("2026-10-10"), &unloaded));   // Saturday, 调休上班
    EXPECT_TRUE(Cal().IsWorkingDay(D("2025-01-26"), &unloaded));   // Sunday, 调休上班 (2025 春节)
    EXPECT_TRUE(unloaded.empty());
}

TEST(WorkCalendar, AddWorkingDaysSkipsWeekendsAndHolidaysAndCountsAdjustedWorkingDays) {
    EXPECT_EQ(Cal().AddWorkingDays(D("2026-03-06"), 1), D("2026-03-09"));  // Friday → Monday over a weekend
    // Friday before 春节: the 调休 Saturday is the 1st; the 2nd is after the nine days off.
    EXPECT_EQ(Cal().AddWorkingDays(D("2026-02-13"), 1), D("2026-02-14"));
    EXPECT_EQ(Cal().AddWorkingDays(D("2026-02-13"), 2), D("2026-02-24"));
    // … 24, 25, 26, 27, the 调休 Saturday 28th (6th), Monday 2 March (7th).
    EXPECT_EQ(Cal().AddWorkingDays(D("2026-02-13"), 7), D("2026-03-02"));
    EXPECT_EQ(Cal().AddWorkingDays(D("2026-09-30"), 3), D("2026-10-10"));  // 8th, 9th, the 调休 Saturday 10th
    EXPECT_EQ(Cal().AddWorkingDays(D("2026-09-18"), 1), D("2026-09-20"));  // Sunday 20th is 调休上班
    EXPECT_EQ(Cal().AddWorkingDays(D("2026-09-18"), 0), D("2026-09-18"));
}

TEST(WorkCalendar, WorkingTimeBetweenInstantsCountsOnlyWorkingDays) {
    const std::int64_t day = kDayMillis;
    // 13th (Fri), 14th (调休 Sat) and 24th: three working days between 13 Feb 00:00 and 25 Feb 00:00.
    EXPECT_EQ(Cal().WorkingMillis(At("2026-02-13 00:00"), At("2026-02-25 00:00")), 3 * day);
    // Friday 18:00 → Monday 09:00: six hours of Friday, nine of Monday.
    EXPECT_EQ(Cal().WorkingMillis(At("2026-03-06 18:00"), At("2026-03-09 09:00")), 15 * 3'600'000LL);
    EXPECT_EQ(Cal().WorkingMillis(At("2026-03-09 09:00"), At("2026-03-06 18:00")), 0);
    // Adding it back lands on the earliest instant: the end of Friday for exactly Friday's hours.
    EXPECT_EQ(Cal().AddWorkingMillis(At("2026-03-06 18:00"), 6 * 3'600'000LL), At("2026-03-07 00:00"));
    EXPECT_EQ(Cal().AddWorkingMillis(At("2026-03-06 18:00"), 7 * 3'600'000LL), At("2026-03-09 01:00"));
}

TEST(Deadline, WorkingDaysEndAtTheEndOfTheNthWorkingDayAfterTheStart) {
    std::set<int> unloaded;
    // A weekend: Friday 10:00 + 1 working day = the end of Monday.
    EXPECT_EQ(Deadline(Cal(), At("2026-03-06 10:00"), 1, Unit::kWorkingDays, {}, &unloaded), At("2026-03-10 00:00"));
    // The 2026 Spring Festival, and the 调休 Saturday 28 February counted: 7 working days from 13 Feb.
    EXPECT_EQ(Deadline(Cal(), At("2026-02-13 10:00"), 7, Unit::kWorkingDays, {}, &unloaded), At("2026-03-03 00:00"));
    // A deadline that lands on the 调休 Saturday before the festival.
    EXPECT_EQ(Deadline(Cal(), At("2026-02-13 16:30"), 1, Unit::kWorkingDays, {}, &unloaded), At("2026-02-15 00:00"));
    // National Day 2026: from 30 Sep, 8th, 9th, 10th (调休 Saturday), 12th … 15th.
    EXPECT_EQ(Deadline(Cal(), At("2026-09-30 15:00"), 7, Unit::kWorkingDays, {}, &unloaded), At("2026-10-16 00:00"));
    // Started on a day off: the first working day after it is the first counted.
    EXPECT_EQ(Deadline(Cal(), At("2026-10-03 11:00"), 1, Unit::kWorkingDays, {}, &unloaded), At("2026-10-09 00:00"));
    EXPECT_TRUE(unloaded.empty());
}

TEST(Deadline, NaturalDaysAndHoursIgnoreTheCalendar) {
    EXPECT_EQ(Deadline(Cal(), At("2026-02-13 10:00"), 7, Unit::kNaturalDays), At("2026-02-21 00:00"));
    EXPECT_EQ(Deadline(Cal(), At("2026-02-13 23:59"), 1, Unit::kNaturalDays), At("2026-02-15 00:00"));
    EXPECT_EQ(Deadline(Cal(), At("2026-02-14 10:00"), 24, Unit::kHours), At("2026-02-15 10:00"));
    EXPECT_EQ(Deadline(Cal(), At("2026-10-01 22:00"), 2, Unit::kHours), At("2026-10-02 00:00"));
}

// 挂起 stops the clock (issue 17 "The closed loop"): the deadline moves by the suspended working time.
TEST(Deadline, ASuspensionMovesTheDeadlineByTheTimeItTookFromTheClock) {
    const std::int64_t start = At("2026-03-02 09:00");  // Monday; 1 working day → end of Tuesday
    ASSERT_EQ(Deadline(Cal(), start, 1, Unit::kWorkingDays), At("2026-03-04 00:00"));
    // Tuesday 12:00 → Wednesday 12:00: one working day off the clock.
    const Interval tue_wed[] = {{At("2026-03-03 12:00"), At("2026-03-04 12:00")}};
    EXPECT_EQ(Deadline(Cal(), start, 1, Unit::kWorkingDays, tue_wed), At("2026-03-05 00:00"));
    // Over a weekend only Friday's and Monday's hours count: Fri 12:00 → Mon 12:00 moves it one working day.
    const Interval weekend[] = {{At("2026-03-06 12:00"), At("2026-03-09 12:00")}};
    EXPECT_EQ(Deadline(Cal(), At("2026-03-05 09:00"), 1, Unit::kWorkingDays, weekend), At("2026-03-10 00:00"));
    // A suspension on a Saturday takes no working time; one after the deadline changes nothing.
    const Interval saturday[] = {{At("2026-03-07 08:00"), At("2026-03-07 20:00")}};
    EXPECT_EQ(Deadline(Cal(), At("2026-03-05 09:00"), 2, Unit::kWorkingDays, saturday), At("2026-03-10 00:00"));
    const Interval later[] = {{At("2026-03-20 08:00"), At("2026-03-21 20:00")}};
    EXPECT_EQ(Deadline(Cal(), start, 1, Unit::kWorkingDays, later), At("2026-03-04 00:00"));
    // Calendar units move by the calendar time; overlapping spans count once, any part before the start not at all.
    const Interval overlapping[] = {{At("2026-03-02 10:00"), At("2026-03-02 12:00")},
                                    {At("2026-03-02 11:00"), At("2026-03-02 13:00")},
                                    {At("2026-03-01 08:00"), At("2026-03-02 09:30")}};
    EXPECT_EQ(Deadline(Cal(), start, 24, Unit::kHours, overlapping), At("2026-03-03 12:30"));
    EXPECT_EQ(Deadline(Cal(), start, 1, Unit::kNaturalDays, overlapping), At("2026-03-04 03:30"));
}

TEST(Deadline, ASuspensionOverTheSpringFestivalTakesOnlyTheWorkingDaysInIt) {
    // Friday 13 Feb 09:00, 2 working days: the 调休 Saturday 14th and Tuesday 24th → end of the 24th.
    const std::int64_t start = At("2026-02-13 09:00");
    ASSERT_EQ(Deadline(Cal(), start, 2, Unit::kWorkingDays), At("2026-02-25 00:00"));
    // Suspended from Saturday 14th 00:00 until Tuesday 24th 00:00: one working day (the 14th) off the clock.
    const Interval festival[] = {{At("2026-02-14 00:00"), At("2026-02-24 00:00")}};
    EXPECT_EQ(Deadline(Cal(), start, 2, Unit::kWorkingDays, festival), At("2026-02-26 00:00"));
}

TEST(WorkCalendar, AYearWithNoDataIsCountedAsWeekdaysAndNamedNeverSilently) {
    std::set<int> unloaded;
    // 31 Dec 2026 (Thursday) + 2 working days runs into 2027, which calendar.md does not give.
    EXPECT_EQ(Deadline(Cal(), At("2026-12-31 10:00"), 2, Unit::kWorkingDays, {}, &unloaded), At("2027-01-05 00:00"));
    EXPECT_EQ(unloaded, std::set<int>{2027});
    EXPECT_FALSE(Cal().HasYear(2027));
    // A year loaded with no listed day is loaded.
    WorkCalendar cal;
    cal.SetYear(2030, {});
    std::set<int> none;
    EXPECT_TRUE(cal.IsWorkingDay(D("2030-01-01"), &none));
    EXPECT_TRUE(none.empty());
    // Replacing a year drops its old days; days of another year are ignored.
    cal.SetYear(2026, {{D("2026-03-09"), DayKind::kHoliday, "x"}, {D("2025-03-10"), DayKind::kHoliday, "y"}});
    EXPECT_FALSE(cal.IsWorkingDay(D("2026-03-09")));
    cal.SetYear(2026, {});
    EXPECT_TRUE(cal.IsWorkingDay(D("2026-03-09")));
    EXPECT_EQ(cal.Years(), (std::vector<int>{2026, 2030}));
}

TEST(Deadline, PointOfLimitRunsAFractionOfTheLimitsOwnTime) {
    // 24 hours: 80 % is 19.2 h; working days: 80 % of the working time.
    EXPECT_EQ(PointOfLimit(Cal(), At("2026-03-02 00:00"), 24, Unit::kHours, 800), At("2026-03-02 19:12"));
    // Monday 00:00, 4 working days = Mon…Fri (5 days of working time); 80 % = 4 days → end of Thursday.
    EXPECT_EQ(PointOfLimit(Cal(), At("2026-03-02 00:00"), 4, Unit::kWorkingDays, 800), At("2026-03-06 00:00"));
    EXPECT_EQ(PointOfLimit(Cal(), At("2026-03-02 00:00"), 4, Unit::kWorkingDays, 1000), At("2026-03-07 00:00"));
}

}  // namespace
}  // namespace lianxin::core::calendar
