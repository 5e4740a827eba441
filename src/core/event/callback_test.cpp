// 回访 (call-back) of hotline events (domain.md §7 "What the software must enforce": "call-back records 'contacted
// in time? resolved? satisfied?'"; issue 17 "The closed loop": "Hotline events get a call-back (回访) record" and
// "'not resolved' reopens to the same handler"). The flow matrix (flow_test.cpp) holds where the step is allowed;
// these cases hold what it records and when it is refused.
#include <gtest/gtest.h>

#include "core/event/flow.hpp"

namespace lianxin::core::event {
namespace {

constexpr std::int64_t kNow = 1'780'000'000'000;

Event Verified(Channel channel = Channel::kHotline12345) {
    Event e;
    e.channel = channel;
    e.state = EventState::kVerified;
    e.owner_org_id = 1;
    e.owner_org_path = "/1/";
    e.assignee_org_id = 2;
    e.assignee_org_path = "/1/2/";
    e.assignee_name = "张伟";
    e.handled_by = 7;
    return e;
}

Relations Dispatcher() {
    Relations r;
    r.dispatcher = true;
    return r;
}

Step Callback(std::optional<bool> reached, std::string outcome = "", int score = 0) {
    Step s;
    s.action = EventAction::kCallback;
    s.actor_user_id = 9;
    s.reached = reached;
    s.outcome = std::move(outcome);
    s.score = score;
    return s;
}

TEST(EventCallback, AReachedResidentWhoSaysResolvedClosesTheEventWithTheirSatisfaction) {
    auto r = ApplyStep(Verified(), Callback(true, "resolved", 4), Dispatcher(), kNow);
    ASSERT_TRUE(r) << r.error().message_key;
    EXPECT_EQ(r->state, EventState::kRated);
    EXPECT_EQ(r->outcome, "resolved");
    EXPECT_EQ(r->score, 4);
    EXPECT_EQ(r->closed_at, kNow);
    auto partly = ApplyStep(Verified(Channel::kHotline81890), Callback(true, "partly", 3), Dispatcher(), kNow);
    ASSERT_TRUE(partly);
    EXPECT_EQ(partly->state, EventState::kRated);
}

TEST(EventCallback, NotResolvedReopensToTheSameHandlerAsTheResidentsOwnConfirmation) {
    auto e = Verified();
    e.state = EventState::kFeedback;
    auto r = ApplyStep(e, Callback(true, "not_resolved", 1), Dispatcher(), kNow);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->state, EventState::kInProgress);
    EXPECT_EQ(r->assignee_org_id, 2);  // the same handler
    EXPECT_EQ(r->assignee_name, "张伟");
    EXPECT_EQ(r->handled_by, 0);  // 办结 must be recorded again
    EXPECT_EQ(r->reopen_count, 1);
    EXPECT_FALSE(r->closed_at);
    // The resident's own "not resolved" (reopen) lands in the same place.
    Step reopen;
    reopen.action = EventAction::kReopen;
    reopen.outcome = "not_resolved";
    reopen.score = 1;
    auto own = ApplyStep(e, reopen, Dispatcher(), kNow);
    ASSERT_TRUE(own);
    EXPECT_EQ(own->state, r->state);
    EXPECT_EQ(own->reopen_count, r->reopen_count);
}

TEST(EventCallback, AnUnreachedResidentKeepsTheStateAndGivesNoVerdict) {
    auto r = ApplyStep(Verified(), Callback(false), Dispatcher(), kNow);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->state, EventState::kVerified);
    EXPECT_EQ(r->outcome, "");
    EXPECT_EQ(r->score, 0);
    auto bad = ApplyStep(Verified(), Callback(false, "resolved", 5), Dispatcher(), kNow);
    ASSERT_FALSE(bad);
    ASSERT_EQ(bad.error().fields.size(), 2u);
    EXPECT_EQ(bad.error().fields[0].field, "outcome");
    EXPECT_EQ(bad.error().fields[0].message_key, "event.callback.unreached");
}

TEST(EventCallback, EachMissingOrBadFieldIsNamed) {
    auto none = ApplyStep(Verified(), Callback(std::nullopt), Dispatcher(), kNow);
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().fields.at(0).field, "reached");
    EXPECT_EQ(none.error().fields.at(0).message_key, "event.callback.reached");
    auto verdict = ApplyStep(Verified(), Callback(true, "fine", 6), Dispatcher(), kNow);
    ASSERT_FALSE(verdict);
    ASSERT_EQ(verdict.error().fields.size(), 2u);
    EXPECT_EQ(verdict.error().fields[0].message_key, "event.outcome.callback");
    EXPECT_EQ(verdict.error().fields[1].field, "score");
    auto s = Callback(true, "resolved", 5);
    s.note = std::string(2001, 'a');
    auto note = ApplyStep(Verified(), s, Dispatcher(), kNow);
    ASSERT_FALSE(note);
    EXPECT_EQ(note.error().fields.at(0).field, "note");
}

TEST(EventCallback, OnlyHotlineEventsGetACallBackAndOnlyTheDispatcherRecordsIt) {
    auto resident = ApplyStep(Verified(Channel::kResident), Callback(true, "resolved", 5), Dispatcher(), kNow);
    ASSERT_FALSE(resident);
    EXPECT_EQ(resident.error().message_key, "event.callback.channel");
    EXPECT_EQ(resident.error().params.at("event_channel"), "resident");
    for (auto a : AllowedActions(Verified(Channel::kPatrol), Dispatcher())) EXPECT_NE(a, EventAction::kCallback);
    bool offered = false;
    for (auto a : AllowedActions(Verified(), Dispatcher())) offered = offered || a == EventAction::kCallback;
    EXPECT_TRUE(offered);
    Relations handler;
    handler.handler = true;
    auto by_handler = ApplyStep(Verified(), Callback(true, "resolved", 5), handler, kNow);
    ASSERT_FALSE(by_handler);
    EXPECT_EQ(by_handler.error().message_key, "event.rule.party");
    // Before the result is verified, or once closed, the state is named.
    for (auto state : {EventState::kInProgress, EventState::kHandled, EventState::kRated}) {
        auto e = Verified();
        e.state = state;
        auto r = ApplyStep(e, Callback(true, "resolved", 5), Dispatcher(), kNow);
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().message_key, "event.rule.state");
        EXPECT_EQ(r.error().params.at("event_state"), ToString(state));
    }
}

}  // namespace
}  // namespace lianxin::core::event
