// SLA deadlines from policy (issue 17 "SLA": limits per category and urgency as policy, counted on working days
// where the policy says so; "Done when": timers tested with an injected clock across weekends, public holidays and
// 调休 Saturdays; domain.md §7.4: the time limits are [UNKNOWN], so policy keys with the explainer's defaults).
#include "core/sla/sla.hpp"

#include <gtest/gtest.h>

#include "core/calendar/testing_calendar.hpp"

namespace lianxin::core::sla {
namespace {

using calendar::Interval;
using calendar::Unit;
using calendar::testing::At;

const calendar::WorkCalendar& Cal() {
    static const calendar::WorkCalendar cal = calendar::testing::Calendar2025And2026();
    return cal;
}

policy::Setting S(std::string_view key, const char* from, std::int64_t value) {
    policy::Setting s;
    s.id = 1;
    s.key = std::string(key);
    s.org_id = 2;
    s.org_path = "/1/2/";
    s.valid_from = *Date::Parse(from);
    s.value = value;
    s.doc = "测街工委〔2026〕3号";
    return s;
}

TEST(SlaClass, TheAgreedNamesReadBackAndUrgentTakesTheEmergencyLimits) {
    for (auto c : {SlaClass::kGeneral, SlaClass::kComplex, SlaClass::kUtility, SlaClass::kEmergency})
        EXPECT_EQ(ParseSlaClass(SlaClassName(c)), c);
    EXPECT_EQ(SlaClassName(SlaClass::kUtility), "utility");
    EXPECT_FALSE(ParseSlaClass("urgent"));
    EXPECT_EQ(EffectiveClass(SlaClass::kGeneral, true), SlaClass::kEmergency);
    EXPECT_EQ(EffectiveClass(SlaClass::kComplex, false), SlaClass::kComplex);
}

TEST(Sla, TheDefaultsAreTheExplainersFiguresOfDomain74) {
    const policy::Policies national;
    const Date on = *Date::Parse("2026-03-02");
    auto g = LimitsFor(national, SlaClass::kGeneral, on);
    EXPECT_EQ(g.unit, Unit::kWorkingDays);
    EXPECT_EQ(g.handle, 7);
    EXPECT_EQ(g.respond_minutes, 24 * 60);  // the "24-hour sign-for"
    EXPECT_EQ(LimitsFor(national, SlaClass::kComplex, on).handle, 15);
    auto u = LimitsFor(national, SlaClass::kUtility, on);
    EXPECT_EQ(u.unit, Unit::kHours);
    EXPECT_EQ(u.handle, 24);
    auto e = LimitsFor(national, SlaClass::kEmergency, on);
    EXPECT_EQ(e.unit, Unit::kHours);
    EXPECT_EQ(e.handle, 2);
    EXPECT_EQ(g.warn_before_percent, 20);
}

TEST(Sla, AGeneralEventOverTheSpringFestivalCountsTheAdjustedSaturdays) {
    // Taken in on Friday 13 Feb 2026 10:00: respond within 24 calendar hours; handle in 7 working days = the end
    // of Monday 2 March (14 Feb and 28 Feb are 调休 Saturdays; 15–23 Feb are off).
    auto d = ComputeSla(SlaClass::kGeneral, At("2026-02-13 10:00"), {}, policy::Policies{}, Cal());
    EXPECT_EQ(d.respond.due, At("2026-02-14 10:00"));
    EXPECT_EQ(d.handle.due, At("2026-03-03 00:00"));
    EXPECT_EQ(d.close.due, At("2026-03-03 00:00"));
    EXPECT_TRUE(d.unloaded_years.empty());
    // Due soon when 80 % of the working time has run: 14 h + 7 days of working time = 182 h; 80 % = 145.6 h →
    // 14 h (13th) + 24 (14th) + 24 × 4 (24th–27th) = 134 h, then 11.6 h of the 28th: 11:36 on Saturday 28 Feb.
    EXPECT_EQ(d.handle.warn_from, At("2026-02-28 11:36"));
    EXPECT_EQ(StateAt(At("2026-02-20 12:00"), d.handle), DueState::kOnTime);  // during the festival
    EXPECT_EQ(StateAt(d.handle.warn_from - 1, d.handle), DueState::kOnTime);
    EXPECT_EQ(StateAt(d.handle.warn_from, d.handle), DueState::kDueSoon);
    EXPECT_EQ(StateAt(d.handle.due - 1, d.handle), DueState::kDueSoon);
    EXPECT_EQ(StateAt(d.handle.due, d.handle), DueState::kOverdue);
}

TEST(Sla, EachUnitFromPolicyAndTheRuleOfTheIntakeDay) {
    // The street sets general events to natural days from 1 March 2026, and complex ones to hours.
    policy::Policies street(
        "/1/2/", {S(policy::kEventSlaGeneralUnit, "2026-03-01", 1), S(policy::kEventSlaComplexUnit, "2026-03-01", 2),
                  S(policy::kEventSlaComplexHandle, "2026-03-01", 48)});
    // Taken in before the change: working days (Fri 27 Feb + 7: 28 Feb (调休), 2–6 Mar, 9 Mar → end of 9 Mar).
    auto before = ComputeSla(SlaClass::kGeneral, At("2026-02-27 09:00"), {}, street, Cal());
    EXPECT_EQ(before.limits.unit, Unit::kWorkingDays);
    EXPECT_EQ(before.handle.due, At("2026-03-10 00:00"));
    // After it: natural days (Mon 2 Mar + 7 → end of Mon 9 Mar), and hours for complex.
    auto after = ComputeSla(SlaClass::kGeneral, At("2026-03-02 09:00"), {}, street, Cal());
    EXPECT_EQ(after.limits.unit, Unit::kNaturalDays);
    EXPECT_EQ(after.handle.due, At("2026-03-10 00:00"));
    auto complex = ComputeSla(SlaClass::kComplex, At("2026-03-02 09:00"), {}, street, Cal());
    EXPECT_EQ(complex.handle.due, At("2026-03-04 09:00"));
    // Emergency: 2 hours, responded within 30 minutes, on a holiday as on any day.
    auto e = ComputeSla(SlaClass::kEmergency, At("2026-10-01 23:00"), {}, policy::Policies{}, Cal());
    EXPECT_EQ(e.handle.due, At("2026-10-02 01:00"));
    EXPECT_EQ(e.respond.due, At("2026-10-01 23:30"));
    EXPECT_EQ(e.handle.warn_from, At("2026-10-02 00:36"));  // 80 % of 2 h
}

TEST(Sla, ASuspensionStopsEveryClock) {
    // A complex event (15 working days) taken in on Thursday 24 Sep 2026 09:00 and suspended from Monday 28 Sep
    // 09:00 to Friday 9 Oct 09:00: it took 28, 29, 30 Sep (and 8 Oct, 9 Oct to 09:00) off the working clock.
    SlaLimits l{Unit::kWorkingDays, 24 * 60, 15, 15, 20};
    const std::int64_t start = At("2026-09-24 09:00");
    auto plain = ComputeSla(SlaClass::kComplex, start, {}, l, Cal());
    // 25 Sep … 27 Sep off (中秋节); working days: 28, 29, 30 Sep, 8, 9, 10 (调休 Sat), 12–16, 19–22 Oct → 22 Oct.
    EXPECT_EQ(plain.handle.due, At("2026-10-23 00:00"));
    const Interval hold[] = {{At("2026-09-28 09:00"), At("2026-10-09 09:00")}};
    auto held = ComputeSla(SlaClass::kComplex, start, hold, l, Cal());
    // Off the clock: 28 Sep 09:00–24:00 (15 h), 29, 30 Sep, 8 Oct (72 h), 9 Oct 00:00–09:00 (9 h) = 96 h = 4 days.
    // From the end of 22 Oct, four more working days: 23, 26, 27, 28 Oct → the end of Wednesday 28 October.
    EXPECT_EQ(held.handle.due, At("2026-10-29 00:00"));
    // The respond clock (calendar minutes) was already met before the hold; a hold from the start moves it.
    EXPECT_EQ(held.respond.due, At("2026-09-25 09:00"));
    const Interval at_once[] = {{start, At("2026-09-24 12:00")}};
    EXPECT_EQ(ComputeSla(SlaClass::kComplex, start, at_once, l, Cal()).respond.due, At("2026-09-25 12:00"));
}

TEST(Sla, ADeadlineIntoAYearNotLoadedSaysSo) {
    auto d = ComputeSla(SlaClass::kComplex, At("2026-12-24 10:00"), {}, policy::Policies{}, Cal());
    EXPECT_EQ(d.unloaded_years, std::set<int>{2027});
    auto hours = ComputeSla(SlaClass::kUtility, At("2026-12-31 10:00"), {}, policy::Policies{}, Cal());
    EXPECT_TRUE(hours.unloaded_years.empty());  // calendar time needs no calendar
}

TEST(Sla, DueStateNames) {
    EXPECT_EQ(DueStateName(DueState::kOnTime), "on_time");
    EXPECT_EQ(DueStateName(DueState::kDueSoon), "due_soon");
    EXPECT_EQ(DueStateName(DueState::kOverdue), "overdue");
    // A zero warning percentage: due soon never comes before overdue.
    SlaLimits l{Unit::kHours, 60, 10, 10, 0};
    auto d = ComputeSla(SlaClass::kGeneral, At("2026-03-02 09:00"), {}, l, Cal());
    EXPECT_EQ(d.handle.warn_from, d.handle.due);
    EXPECT_EQ(StateAt(d.handle.due - 1, d.handle), DueState::kOnTime);
}

}  // namespace
}  // namespace lianxin::core::sla
