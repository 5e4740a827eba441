// A resident's confirmation, the report flood and the retention cut-off (issue 17 "The closed loop": the resident
// confirms "resolved / not resolved / partly" and rates 1–5, "not resolved" reopens to the same handler; "Bad
// input": a report flood from one number; "Residents' data is kept for the event only ... with a retention policy").
#include "core/event/resident.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::event {
namespace {

constexpr std::int64_t kNow = 1'780'000'000'000;

Event AtFeedback() {
    Event e;
    e.state = EventState::kFeedback;
    e.owner_org_path = "/1/";
    e.assignee_org_id = 2;
    e.assignee_org_path = "/1/2/";
    e.handled_by = 7;
    return e;
}

Relations Reporter() {
    Relations r;
    r.reporter = true;
    return r;
}

TEST(ResidentConfirmation, NotResolvedReopensToTheSameHandlerAndResolvedCloses) {
    auto reopen = ResidentConfirmation("not_resolved", 2, "灯还是不亮");
    ASSERT_TRUE(reopen);
    auto back = ApplyStep(AtFeedback(), *reopen, Reporter(), kNow);
    ASSERT_TRUE(back) << back.error().message_key;
    EXPECT_EQ(back->state, EventState::kInProgress);
    EXPECT_EQ(back->assignee_org_id, 2);  // the same handler
    EXPECT_EQ(back->reopen_count, 1);
    EXPECT_EQ(back->outcome, "not_resolved");

    auto rate = ResidentConfirmation("partly", 4, "");
    ASSERT_TRUE(rate);
    auto closed = ApplyStep(AtFeedback(), *rate, Reporter(), kNow);
    ASSERT_TRUE(closed);
    EXPECT_EQ(closed->state, EventState::kRated);
    EXPECT_EQ(closed->score, 4);
    EXPECT_EQ(closed->closed_at, kNow);
}

TEST(ResidentConfirmation, BadFieldsAreNamedAndTheReporterActsOnlyAtTheFeedbackStep) {
    auto bad = ResidentConfirmation("maybe", 6, std::string(501, 'x'));
    ASSERT_FALSE(bad);
    ASSERT_EQ(bad.error().fields.size(), 3u);
    EXPECT_EQ(bad.error().fields[0].field, "outcome");
    EXPECT_EQ(bad.error().fields[1].field, "score");
    EXPECT_EQ(bad.error().fields[2].field, "comment");
    // In progress the reporter's step is refused, naming the state.
    auto e = AtFeedback();
    e.state = EventState::kInProgress;
    auto refused = ApplyStep(e, *ResidentConfirmation("resolved", 5, ""), Reporter(), kNow);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message_key, "event.rule.state");
    EXPECT_EQ(refused.error().params.at("event_state"), "in_progress");
    // The reporter is no party of any other step.
    for (auto a : AllActions()) {
        if (a == EventAction::kRate || a == EventAction::kReopen) continue;
        for (const auto& t : Transitions())
            if (t.action == a) { EXPECT_FALSE(MayAct(t, Reporter())) << ToString(a); }
    }
}

TEST(ResidentReports, AFloodNamesThePhoneAndTheFigure) {
    // 2026-05-28 12:00 Asia/Shanghai (04:00 UTC): twelve hours to the next day.
    auto e = ReportFlood(5, 1'779'940'800'000);
    EXPECT_EQ(e.code, ErrorCode::kTooManyRequests);
    EXPECT_EQ(e.params.at("max"), "5");
    EXPECT_EQ(e.params.at("retry_after"), "43200");
    ASSERT_EQ(e.fields.size(), 1u);
    EXPECT_EQ(e.fields[0].field, "phone");
}

TEST(ResidentReports, TheTimelineHidesTheDepartmentsBookkeepingAndTheCutoffCountsDays) {
    EXPECT_TRUE(ShownToResident("dispatch"));
    EXPECT_TRUE(ShownToResident("feedback"));
    EXPECT_FALSE(ShownToResident("report"));
    EXPECT_FALSE(ShownToResident("close_whistle"));
    EXPECT_EQ(RetentionCutoff(kNow, 180), kNow - 180LL * 86'400'000);
}

}  // namespace
}  // namespace lianxin::core::event
