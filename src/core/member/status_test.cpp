#include "core/member/status.hpp"

#include <gtest/gtest.h>

#include "core/member/registry.hpp"

namespace lianxin::core::member {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

StatusDecision Decide(StatusAction a, const char* on, std::optional<StopGround> g = std::nullopt) {
    return StatusDecision{a, D(on), g, "支委会〔2026〕3号", ""};
}

std::string RuleOf(const Status& st) { return st ? "" : st.error().message_key; }

// domain.md §2.5: stop party status when contact has been lost for six months and the search failed.
TEST(StatusRules, StopForLostContactOnlyAfterSixMonths) {
    Member m;
    EXPECT_EQ(RuleOf(ApplyStatusDecision(Decide(StatusAction::kStop, "2026-09-01", StopGround::kLostContact), m)),
              "member.rule.stop_not_lost");
    m.lost_contact_on = D("2026-03-10");
    auto early = ApplyStatusDecision(Decide(StatusAction::kStop, "2026-09-09", StopGround::kLostContact), m);
    EXPECT_EQ(RuleOf(early), "member.rule.stop_six_months");
    EXPECT_EQ(early.error().params.at("earliest"), "2026-09-10");
    EXPECT_EQ(m.status, PartyStatus::kNormal);  // unchanged on refusal
    // §2.5 / seed 004: "应先组织寻找，寻找无果再作处理" — no search in the episode, or only after the decision day.
    EXPECT_EQ(RuleOf(ApplyStatusDecision(Decide(StatusAction::kStop, "2026-09-10", StopGround::kLostContact), m)),
              "member.rule.stop_no_search");
    EXPECT_EQ(RuleOf(ApplyStatusDecision(Decide(StatusAction::kStop, "2026-09-10", StopGround::kLostContact), m,
                                         {D("2026-03-01"), D("2026-09-11")})),
              "member.rule.stop_no_search");
    ASSERT_TRUE(
        ApplyStatusDecision(Decide(StatusAction::kStop, "2026-09-10", StopGround::kLostContact), m, {D("2026-05-02")}));
    EXPECT_EQ(m.status, PartyStatus::kStopped);
    EXPECT_EQ(m.status_since, D("2026-09-10"));
    // Settling abroad is a ground of its own, with no six-month wait.
    Member abroad;
    EXPECT_TRUE(ApplyStatusDecision(Decide(StatusAction::kStop, "2026-09-10", StopGround::kSettledAbroad), abroad));
}

// §2.5: within two years of stopping a member may be restored; after two years, still unreachable, removed.
TEST(StatusRules, RestoreWithinTwoYearsRemoveAfterTwoYears) {
    Member m;
    m.status = PartyStatus::kStopped;
    m.status_since = D("2024-09-10");
    auto early = ApplyStatusDecision(Decide(StatusAction::kRemove, "2026-09-09"), m);
    EXPECT_EQ(RuleOf(early), "member.rule.remove_two_years");
    Member r = m;
    ASSERT_TRUE(ApplyStatusDecision(Decide(StatusAction::kRestore, "2026-09-10"), r));
    EXPECT_EQ(r.status, PartyStatus::kNormal);
    Member late = m;
    EXPECT_EQ(RuleOf(ApplyStatusDecision(Decide(StatusAction::kRestore, "2026-09-11"), late)),
              "member.rule.restore_two_years");
    ASSERT_TRUE(ApplyStatusDecision(Decide(StatusAction::kRemove, "2026-09-10"), m));
    EXPECT_EQ(m.left_on, D("2026-09-10"));
    EXPECT_EQ(m.left_reason, "removed");
    EXPECT_EQ(RuleOf(ApplyStatusDecision(Decide(StatusAction::kRestore, "2026-09-11"), m)), "member.rule.left");
}

TEST(StatusRules, EveryDecisionHasItsRecordAndOrder) {
    Member m;
    StatusDecision d = Decide(StatusAction::kStop, "2026-09-10", StopGround::kSettledAbroad);
    d.doc_ref = "";
    auto st = ApplyStatusDecision(d, m);
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().fields.at(0).field, "doc_ref");
    EXPECT_EQ(RuleOf(ApplyStatusDecision(Decide(StatusAction::kRestore, "2026-09-10"), m)), "member.rule.not_stopped");
    auto no_ground = ApplyStatusDecision(Decide(StatusAction::kStop, "2026-09-10"), m);
    EXPECT_EQ(no_ground.error().fields.at(0).field, "ground");
    m.status = PartyStatus::kStopped;
    m.status_since = D("2026-09-10");
    EXPECT_EQ(RuleOf(ApplyStatusDecision(Decide(StatusAction::kRestore, "2026-09-01"), m)),
              "member.rule.status_date_order");
}

// domain.md §2.5 (leaving the party): a member's death takes them out of the registry whatever their party status,
// with its record; it cannot precede joining, and a member who has left cannot die in the registry again.
TEST(StatusRules, ADeathTakesTheMemberOutOfTheRegistry) {
    Member m;
    m.join_date = D("1975-07-01");
    m.status = PartyStatus::kStopped;
    m.status_since = D("2025-01-01");
    EXPECT_EQ(RuleOf(ApplyStatusDecision(Decide(StatusAction::kDeceased, "1970-01-01"), m)),
              "member.rule.status_date_order");
    m.status_since.reset();
    EXPECT_EQ(RuleOf(ApplyStatusDecision(Decide(StatusAction::kDeceased, "1970-01-01"), m)),
              "member.rule.deceased_before_join");
    ASSERT_TRUE(ApplyStatusDecision(Decide(StatusAction::kDeceased, "2026-11-20"), m));
    EXPECT_EQ(m.left_on, D("2026-11-20"));
    EXPECT_EQ(m.left_reason, "deceased");
    EXPECT_EQ(RuleOf(ApplyStatusDecision(Decide(StatusAction::kDeceased, "2026-11-21"), m)), "member.rule.left");
    EXPECT_EQ(ParseStatusAction("deceased"), StatusAction::kDeceased);
}

// §2.5 "2 years after stopping … removal case": a reminder, never automatic.
TEST(StatusRules, TwoYearsAfterStoppingIsAReminder) {
    Member m;
    m.status = PartyStatus::kStopped;
    m.status_since = D("2024-11-23");
    auto r = MemberReminders(m, D("2026-11-23"));
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].key, "member.due.stopped_two_years");
    EXPECT_TRUE(r[0].overdue);
    EXPECT_FALSE(m.left_on);
}

}  // namespace
}  // namespace lianxin::core::member
