// The closed loop's table (domain.md §7.2; issue 17 "The closed loop", "Done when": a test for every allowed and
// refused transition). The expected matrix below is written out by hand, apart from flow.cpp's table: every
// (state, action) pair of AllStates() × AllActions() is tried, an allowed one must reach its state with the party
// named here and be refused (403) to everyone else, a refused one must be refused naming the current state.
#include "core/event/flow.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>

namespace lianxin::core::event {
namespace {

constexpr std::int64_t kNow = 1'780'000'000'000;

// state → {action → (next state or "" for unchanged, parties "D"ispatcher "H"andler "L"evel above "R"eporter)}.
// The reporter (a resident on the phone page) confirms and rates only (issue 17 "The closed loop").
const std::map<std::string, std::map<std::string, std::pair<std::string, std::string>>>& Expected() {
    static const std::map<std::string, std::map<std::string, std::pair<std::string, std::string>>> kExpected{
        {"accepted", {{"dispatch", {"dispatched", "D"}}}},
        {"dispatched",
         {{"start", {"in_progress", "H"}},
          {"return", {"returned", "H"}},
          {"reassign", {"dispatched", "D"}},
          {"mark", {"marked", "H"}},
          {"whistle", {"", "DH"}},
          {"report", {"", "DHW"}},
          {"supervise", {"", "L"}}}},
        {"in_progress",
         {{"handle", {"handled", "H"}},
          {"reassign", {"dispatched", "D"}},
          {"suspend", {"suspended", "H"}},
          {"request_extension", {"extension_requested", "H"}},
          {"mark", {"marked", "H"}},
          {"whistle", {"", "DH"}},
          {"report", {"", "DHW"}},
          {"supervise", {"", "L"}}}},
        {"returned",
         {{"approve_return", {"accepted", "L"}},
          {"deny_return", {"dispatched", "L"}},
          {"reassign", {"dispatched", "D"}},
          {"supervise", {"", "L"}}}},
        {"suspended",
         {{"resume", {"in_progress", "H"}}, {"whistle", {"", "DH"}}, {"report", {"", "DHW"}}, {"supervise", {"", "L"}}}},
        {"extension_requested",
         {{"approve_extension", {"in_progress", "L"}},
          {"deny_extension", {"in_progress", "L"}},
          {"whistle", {"", "DH"}},
          {"report", {"", "DHW"}},
          {"supervise", {"", "L"}}}},
        {"handled", {{"verify", {"verified", "DL"}}, {"reject", {"in_progress", "DL"}}, {"report", {"", "DHW"}}}},
        {"verified", {{"feedback", {"feedback", "D"}}, {"report", {"", "DHW"}}, {"callback", {"rated", "D"}}}},
        {"feedback",
         {{"rate", {"rated", "DR"}},
          {"reopen", {"in_progress", "DR"}},
          {"report", {"", "DHW"}},
          {"callback", {"rated", "D"}}}},
        {"rated", {{"close_whistle", {"", "DHW"}}}},
        {"marked", {{"confirm_mark", {"dismissed", "L"}}, {"reject_mark", {"in_progress", "L"}}}},
        {"dismissed", {{"close_whistle", {"", "DHW"}}}},
    };
    return kExpected;
}

Event At(EventState s) {
    Event e;
    e.state = s;
    e.owner_org_id = 1;
    e.owner_org_path = "/1/";
    e.assignee_org_id = 2;
    e.assignee_org_path = "/1/2/";
    e.handle_by = kNow + 86'400'000;
    if (s == EventState::kSuspended) e.suspended_since = kNow - 3'600'000;
    return e;
}

// A step with everything any row may need.
Step Full(EventAction a) {
    Step s;
    s.action = a;
    s.actor_user_id = 9;
    s.reason = "原因说明";
    s.note = "处置情况说明";
    s.assignee_org_id = 3;
    s.assignee_org_path = "/1/3/";
    s.deadline = kNow + 3 * 86'400'000LL;
    s.outcome = a == EventAction::kReopen ? "not_resolved" : "resolved";
    s.score = a == EventAction::kReopen ? 2 : 5;
    s.mark_kind = "not_our_duty";
    s.reached = true;  // a call-back that reached the resident (At() is a 12345 event)
    return s;
}

Relations Only(char party) {
    Relations r;
    r.dispatcher = party == 'D';
    r.handler = party == 'H';
    r.level_above = party == 'L';
    r.reporter = party == 'R';
    r.whistled = party == 'W';  // a whistled department's or unit's liaison (issue 17 "Roles and access")
    return r;
}

TEST(EventFlow, EveryStateAndActionPairIsAllowedOrRefusedAsTheMatrixSays) {
    int allowed = 0, refused = 0;
    for (auto state : AllStates()) {
        const auto& row = Expected().at(std::string(ToString(state)));
        for (auto action : AllActions()) {
            const std::string name(ToString(action));
            SCOPED_TRACE(std::string(ToString(state)) + " × " + name);
            auto it = row.find(name);
            if (it == row.end()) {
                ++refused;
                EXPECT_EQ(Find(state, action), nullptr);
                Relations all{true, true, true, false, true};
                auto r = ApplyStep(At(state), Full(action), all, kNow);
                ASSERT_FALSE(r);
                EXPECT_EQ(r.error().code, ErrorCode::kFailedPrecondition);
                EXPECT_EQ(r.error().message_key,
                          action == EventAction::kCloseWhistle ? "event.rule.whistle_open" : "event.rule.state");
                EXPECT_EQ(r.error().params.at("event_state"), ToString(state));  // the refusal names the state
                continue;
            }
            ++allowed;
            const auto& [to, parties] = it->second;
            for (char party : std::string("DHLRW")) {
                auto r = ApplyStep(At(state), Full(action), Only(party), kNow);
                if (parties.find(party) == std::string::npos) {
                    ASSERT_FALSE(r) << "party " << party;
                    EXPECT_EQ(r.error().code, ErrorCode::kPermissionDenied);
                    EXPECT_EQ(r.error().message_key, "event.rule.party");
                    continue;
                }
                ASSERT_TRUE(r) << "party " << party << ": " << r.error().message_key;
                EXPECT_EQ(ToString(r->state), to.empty() ? ToString(state) : to);
            }
        }
    }
    // Every row of the table is in the matrix (the loop would have failed otherwise) and the counts hold.
    EXPECT_EQ(allowed, static_cast<int>(Transitions().size()));
    EXPECT_EQ(allowed + refused, static_cast<int>(AllStates().size() * AllActions().size()));
}

TEST(EventFlow, AllowedActionsAreTheRowsOfTheStateTheActorMayTake) {
    Relations handler = Only('H');
    auto acts = AllowedActions(At(EventState::kInProgress), handler);
    std::set<std::string> names;
    for (auto a : acts) names.insert(std::string(ToString(a)));
    EXPECT_EQ(names, (std::set<std::string>{"handle", "suspend", "request_extension", "mark", "whistle", "report"}));
    // The handler of an event may not verify it (domain.md §7 "verification by someone other than the handler").
    Relations dispatcher_who_handled{true, true, false, true};
    for (auto a : AllowedActions(At(EventState::kHandled), dispatcher_who_handled)) EXPECT_NE(a, EventAction::kVerify);
}

TEST(EventFlow, TheHandlerMayNotVerifyTheirOwnHandling) {
    Relations r{true, true, true, true};
    auto v = ApplyStep(At(EventState::kHandled), Full(EventAction::kVerify), r, kNow);
    ASSERT_FALSE(v);
    EXPECT_EQ(v.error().message_key, "event.rule.verify_self");
    r.handled_it = false;
    EXPECT_TRUE(ApplyStep(At(EventState::kHandled), Full(EventAction::kVerify), r, kNow));
}

TEST(EventFlow, HandlingRecordsTheHandlerAndNeedsANote) {
    auto s = Full(EventAction::kHandle);
    s.note = "";
    auto r = ApplyStep(At(EventState::kInProgress), s, Only('H'), kNow);
    ASSERT_FALSE(r);
    ASSERT_EQ(r.error().fields.size(), 1u);
    EXPECT_EQ(r.error().fields[0].field, "note");
    s.note = "已清理完毕";
    s.photo_ids = {"not-a-hash"};
    r = ApplyStep(At(EventState::kInProgress), s, Only('H'), kNow);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().fields[0].field, "photo_ids[0]");
    s.photo_ids = {std::string(64, 'a')};
    r = ApplyStep(At(EventState::kInProgress), s, Only('H'), kNow);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->handled_by, 9);
}

// Closure needs evidence (domain.md §7 "What the software must enforce": "Closure requires evidence (after-photo /
// reply)"): with the policy event.after_photos_min at 1, 办结 without an after photo is refused naming photo_ids;
// with it at 0 the note alone is the evidence. More than event.photos_max photos are refused on any step.
TEST(EventFlow, HandlingNeedsTheAfterPhotosThePolicyAsks) {
    auto s = Full(EventAction::kHandle);
    s.after_photos_min = 1;
    auto r = ApplyStep(At(EventState::kInProgress), s, Only('H'), kNow);
    ASSERT_FALSE(r);
    ASSERT_EQ(r.error().fields.size(), 1u);
    EXPECT_EQ(r.error().fields[0].field, "photo_ids");
    EXPECT_EQ(r.error().fields[0].message_key, "event.photos.after_required");
    EXPECT_EQ(r.error().fields[0].params.at("min"), "1");
    s.photo_ids = {std::string(64, 'b')};
    EXPECT_TRUE(ApplyStep(At(EventState::kInProgress), s, Only('H'), kNow));
    s.photo_ids.clear();
    s.after_photos_min = 0;
    EXPECT_TRUE(ApplyStep(At(EventState::kInProgress), s, Only('H'), kNow));
    s.photos_max = 2;
    s.photo_ids.assign(3, std::string(64, 'c'));
    r = ApplyStep(At(EventState::kInProgress), s, Only('H'), kNow);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().fields[0].message_key, "event.photos.too_many");
    EXPECT_EQ(r.error().fields[0].params.at("max"), "2");
}

// 督办 by the level above keeps the state and needs a note; the handler may not press itself (domain.md §7.2).
TEST(EventFlow, SupervisionIsTheLevelAbovesAndKeepsTheState) {
    auto s = Full(EventAction::kSupervise);
    auto r = ApplyStep(At(EventState::kInProgress), s, Only('H'), kNow);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message_key, "event.rule.party");
    s.note = "";
    r = ApplyStep(At(EventState::kInProgress), s, Only('L'), kNow);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().fields[0].field, "note");
    auto ok = ApplyStep(At(EventState::kInProgress), Full(EventAction::kSupervise), Only('L'), kNow);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->state, EventState::kInProgress);
}

TEST(EventFlow, DispatchNeedsAnAssigneeAndADeadlineAfterNow) {
    auto s = Full(EventAction::kDispatch);
    s.assignee_org_id = 0;
    s.deadline = kNow - 1;
    auto r = ApplyStep(At(EventState::kAccepted), s, Only('D'), kNow);
    ASSERT_FALSE(r);
    ASSERT_EQ(r.error().fields.size(), 2u);
    EXPECT_EQ(r.error().fields[0].field, "assignee_org_id");
    EXPECT_EQ(r.error().fields[1].field, "deadline");
    EXPECT_EQ(r.error().fields[1].message_key, "event.deadline.past");
    auto ok = ApplyStep(At(EventState::kAccepted), Full(EventAction::kDispatch), Only('D'), kNow);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->assignee_org_path, "/1/3/");
    EXPECT_EQ(ok->handle_by, kNow + 3 * 86'400'000LL);
}

TEST(EventFlow, SuspensionStopsTheClockAndResumeMovesTheDeadlineByThePause) {
    auto suspended = ApplyStep(At(EventState::kInProgress), Full(EventAction::kSuspend), Only('H'), kNow);
    ASSERT_TRUE(suspended);
    EXPECT_EQ(suspended->suspended_since, kNow);
    auto resumed = ApplyStep(*suspended, Full(EventAction::kResume), Only('H'), kNow + 7'200'000);
    ASSERT_TRUE(resumed);
    EXPECT_EQ(resumed->suspended_millis, 7'200'000);
    EXPECT_EQ(*resumed->handle_by, kNow + 86'400'000 + 7'200'000);
    EXPECT_FALSE(resumed->suspended_since);
}

TEST(EventFlow, AnExtensionMustAskForALaterDeadlineAndTheApprovalSetsIt) {
    auto s = Full(EventAction::kRequestExtension);
    s.deadline = kNow + 3'600'000;  // before the current deadline
    auto r = ApplyStep(At(EventState::kInProgress), s, Only('H'), kNow);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().fields[0].message_key, "event.deadline.not_later");
    auto approved = ApplyStep(At(EventState::kExtensionRequested), Full(EventAction::kApproveExtension), Only('L'),
                              kNow);
    ASSERT_TRUE(approved);
    EXPECT_EQ(approved->handle_by, kNow + 3 * 86'400'000LL);
}

TEST(EventFlow, NotResolvedReopensToTheSameHandlerAndRatingCloses) {
    auto e = At(EventState::kFeedback);
    auto bad = Full(EventAction::kRate);
    bad.outcome = "not_resolved";  // "not resolved" is a reopen, not a rating that closes
    auto r = ApplyStep(e, bad, Only('D'), kNow);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().fields[0].field, "outcome");
    auto reopened = ApplyStep(e, Full(EventAction::kReopen), Only('D'), kNow);
    ASSERT_TRUE(reopened);
    EXPECT_EQ(reopened->state, EventState::kInProgress);
    EXPECT_EQ(reopened->assignee_org_path, "/1/2/");
    EXPECT_EQ(reopened->reopen_count, 1);
    auto rated = ApplyStep(e, Full(EventAction::kRate), Only('D'), kNow);
    ASSERT_TRUE(rated);
    EXPECT_TRUE(rated->Closed());
    EXPECT_EQ(rated->closed_at, kNow);
    EXPECT_EQ(rated->score, 5);
}

TEST(EventFlow, AMarkNeedsItsKindReasonAndEvidence) {
    Step s;
    s.action = EventAction::kMark;
    auto r = ApplyStep(At(EventState::kInProgress), s, Only('H'), kNow);
    ASSERT_FALSE(r);
    std::set<std::string> fields;
    for (const auto& f : r.error().fields) fields.insert(f.field);
    EXPECT_EQ(fields, (std::set<std::string>{"reason", "note", "mark_kind"}));
}

TEST(EventFlow, EveryActionAndStateHasAWireName) {
    for (auto a : AllActions()) EXPECT_EQ(ParseEventAction(ToString(a)), a);
    for (auto s : AllStates()) EXPECT_EQ(ParseEventState(ToString(s)), s);
    EXPECT_FALSE(ParseEventAction("close"));
}

}  // namespace
}  // namespace lianxin::core::event
