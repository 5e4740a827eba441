// 督办 on breach with an injected clock (domain.md §7 "What the software must enforce": "Deadlines per category
// and urgency as configurable SLA tables …; automatic supervision (督办) on breach"; §7.2 "SUPERVISION (督办) is an
// overlay raised on any open event that passes its deadline"; issue 17 "Done when": timers across weekends,
// public holidays and 调休 Saturdays). The deadline is the SLA's (core/sla, working days on the 2026 calendar of
// ../shared/docs/calendar.md); the rule is asked at instants the test chooses.
#include "core/event/supervision.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "core/calendar/testing_calendar.hpp"
#include "core/sla/sla.hpp"

namespace lianxin::core::event {
namespace {

using calendar::testing::At;

// A general event (7 working days by default, domain.md §7.4) taken in on Thursday 24 Sep 2026 09:00 and
// dispatched to a community under its street: 25 Sep is 中秋节, 26–27 a weekend, 1–7 Oct 国庆节, 10 Oct a 调休
// Saturday (worked), 11 Oct a Sunday. Working days: 28, 29, 30 Sep, 8, 9, 10, 12 Oct → due at the end of 12 Oct.
Event Dispatched() {
    static const calendar::WorkCalendar cal = calendar::testing::Calendar2025And2026();
    const auto sla = sla::ComputeSla(SlaClass::kGeneral, At("2026-09-24 09:00"), {}, policy::Policies{}, cal);
    Event e;
    e.state = EventState::kInProgress;
    e.owner_org_path = "/1/5/";
    e.assignee_org_path = "/1/5/23/";
    e.handle_by = sla.handle.due;
    return e;
}

TEST(Supervision, NoSupervisionOverTheHolidayAndTheWeekendTheBreachTheDayAfter) {
    const Event e = Dispatched();
    ASSERT_EQ(e.handle_by, At("2026-10-13 00:00"));
    const std::vector<std::int64_t> none;
    // Seven calendar days would have run out on 1 Oct; seven working days have not.
    EXPECT_FALSE(NeedsSupervision(e, At("2026-10-02 10:00"), none));  // 国庆节
    EXPECT_FALSE(NeedsSupervision(e, At("2026-10-11 18:00"), none));  // Sunday after the 调休 Saturday
    EXPECT_FALSE(NeedsSupervision(e, At("2026-10-12 23:59"), none));
    EXPECT_TRUE(NeedsSupervision(e, At("2026-10-13 00:00"), none));  // overdue from the deadline on (core/sla)
    EXPECT_TRUE(Overdue(e, At("2026-10-13 00:00")));
}

TEST(Supervision, RecordedOncePerDeadlineAndAgainAfterAnExtensionRunsOut) {
    Event e = Dispatched();
    const std::vector<std::int64_t> done{*e.handle_by};
    EXPECT_FALSE(NeedsSupervision(e, At("2026-10-14 09:00"), done));  // the sweep runs again: nothing new
    e.handle_by = At("2026-10-20 00:00");                             // 延期 approved by the level above
    EXPECT_FALSE(NeedsSupervision(e, At("2026-10-19 09:00"), done));
    EXPECT_TRUE(NeedsSupervision(e, At("2026-10-20 00:00"), done));
}

TEST(Supervision, OnlyWhileTheHandlersClockRuns) {
    Event e = Dispatched();
    const std::vector<std::int64_t> none;
    const auto late = At("2026-10-20 09:00");
    for (auto s : {EventState::kSuspended, EventState::kHandled, EventState::kVerified, EventState::kFeedback,
                   EventState::kRated, EventState::kMarked, EventState::kDismissed, EventState::kAccepted}) {
        e.state = s;
        EXPECT_FALSE(NeedsSupervision(e, late, none)) << ToString(s);
    }
    for (auto s :
         {EventState::kDispatched, EventState::kInProgress, EventState::kReturned, EventState::kExtensionRequested}) {
        e.state = s;
        EXPECT_TRUE(NeedsSupervision(e, late, none)) << ToString(s);
    }
    e.assignee_org_path.clear();
    EXPECT_FALSE(NeedsSupervision(e, late, none));
}

TEST(Supervision, DueSoonIsTheWindowBeforeTheDeadline) {
    const Event e = Dispatched();
    const std::int64_t day = 24 * 3'600'000LL;  // event.due_soon_hours 24 (the catalogue's default)
    EXPECT_FALSE(DueSoon(e, At("2026-10-11 23:59"), day));
    EXPECT_TRUE(DueSoon(e, At("2026-10-12 00:00"), day));
    EXPECT_FALSE(DueSoon(e, At("2026-10-13 00:00"), day));  // overdue, no longer "due soon"
}

TEST(Supervision, TheLevelAboveIsTheAssigneesParent) {
    Event e = Dispatched();
    EXPECT_EQ(LevelAbovePath(e), "/1/5/");
    EXPECT_EQ(OrgIdOfPath("/1/5/"), 5);
    e.assignee_org_path = "/1/";
    EXPECT_EQ(LevelAbovePath(e), "/1/5/");  // a top org: the accepting org supervises
    EXPECT_EQ(OrgIdOfPath("/1/x/"), 0);
    EXPECT_EQ(OrgIdOfPath(""), 0);
}

}  // namespace
}  // namespace lianxin::core::event
