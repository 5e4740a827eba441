#include "core/member/transfer.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::member {
namespace {

Date D(const char* s) { return *Date::Parse(s); }
// The national defaults of the policy store (domain.md §5.2): 90 and 180 days, 1 and 3 months.
const TransferPolicy kPolicy = TransferPolicyOn(policy::Policies(), *Date::Parse("2026-01-01"));

Letter LetterOf(int days = 30, const char* dues = "2026-10", bool cross_province = false) {
    return Letter{"2026-017", Date(), days, dues, cross_province};
}

TransferStep Step(TransferAction a, const char* on) {
    TransferStep s;
    s.action = a;
    s.on = D(on);
    return s;
}

TransferStep Issue(const char* on, Letter l = LetterOf()) {
    TransferStep s = Step(TransferAction::kIssue, on);
    s.letter = l;
    return s;
}

Transfer Issued(TransferKind kind = TransferKind::kWithin) {
    auto t = *StartTransfer(kind, D("2026-11-02"), std::nullopt, kPolicy);
    return *ApplyTransferStep(t, Issue("2026-11-03"), kPolicy);
}

std::string RuleOf(const Result<Transfer>& r) { return r ? "" : r.error().message_key; }
std::string FieldKeyOf(const Result<Transfer>& r) {
    return r || r.error().fields.empty() ? "" : r.error().fields[0].field + ":" + r.error().fields[0].message_key;
}

// domain.md §5 "What the software must enforce": request → letter issued → received and placed → receipt.
TEST(TransferRules, WithinWalksRequestIssueAcceptReceipt) {
    auto t = Issued();
    EXPECT_EQ(t.state, TransferState::kIssued);
    EXPECT_EQ(t.letter->issued_on, D("2026-11-03"));
    auto accepted = ApplyTransferStep(t, Step(TransferAction::kAccept, "2026-11-10"), kPolicy);
    ASSERT_TRUE(accepted);
    EXPECT_EQ(accepted->state, TransferState::kAccepted);
    EXPECT_EQ(accepted->accepted_on, D("2026-11-10"));
    auto closed = ApplyTransferStep(*accepted, Step(TransferAction::kReceipt, "2026-11-20"), kPolicy);
    ASSERT_TRUE(closed);
    EXPECT_EQ(closed->state, TransferState::kClosed);
    EXPECT_TRUE(NextActions(*closed).empty());
}

// A transfer out of the deployment closes with the receipt that the receiving committee returns (§5.2).
TEST(TransferRules, OutClosesWithTheReturnedReceiptAndCannotBeAcceptedHere) {
    auto t = Issued(TransferKind::kOut);
    EXPECT_EQ(RuleOf(ApplyTransferStep(t, Step(TransferAction::kAccept, "2026-11-10"), kPolicy)),
              "transfer.rule.state");
    auto closed = ApplyTransferStep(t, Step(TransferAction::kReceipt, "2026-11-25"), kPolicy);
    ASSERT_TRUE(closed);
    EXPECT_EQ(closed->state, TransferState::kClosed);
}

// An arriving letter starts issued; its registration cannot precede its issue date.
TEST(TransferRules, IncomingLetterStartsIssuedNotBeforeItsIssueDate) {
    Letter l = LetterOf();
    l.issued_on = D("2026-11-01");
    auto t = StartTransfer(TransferKind::kIn, D("2026-11-05"), l, kPolicy);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->state, TransferState::kIssued);
    EXPECT_EQ(NextActions(*t), (std::vector<TransferAction>{TransferAction::kAccept, TransferAction::kRefuse}));
    EXPECT_EQ(RuleOf(StartTransfer(TransferKind::kIn, D("2026-10-31"), l, kPolicy)), "transfer.rule.date_order");
    EXPECT_EQ(FieldKeyOf(StartTransfer(TransferKind::kIn, D("2026-11-05"), std::nullopt, kPolicy)),
              "letter:transfer.letter.missing");
}

// §5.2: validity chosen by the issuer, at most 3 months by default; 6 months across provinces as an option.
TEST(TransferRules, ValidityIsBoundedByPolicy) {
    auto t = *StartTransfer(TransferKind::kWithin, D("2026-11-02"), std::nullopt, kPolicy);
    EXPECT_TRUE(ApplyTransferStep(t, Issue("2026-11-03", LetterOf(90)), kPolicy));
    EXPECT_EQ(FieldKeyOf(ApplyTransferStep(t, Issue("2026-11-03", LetterOf(91)), kPolicy)),
              "letter.valid_days:transfer.letter.validity");
    EXPECT_EQ(FieldKeyOf(ApplyTransferStep(t, Issue("2026-11-03", LetterOf(0)), kPolicy)),
              "letter.valid_days:transfer.letter.validity");
    EXPECT_TRUE(ApplyTransferStep(t, Issue("2026-11-03", LetterOf(180, "2026-10", true)), kPolicy));
    TransferPolicy strict = kPolicy;
    strict.max_validity_days = 10;  // a city rule: "一般为10天左右" [LOCAL]
    EXPECT_FALSE(ApplyTransferStep(t, Issue("2026-11-03", LetterOf(30)), strict));
}

// §5.2: the letter states "dues paid up to" a year-month, which cannot lie after the issue month.
TEST(TransferRules, DuesPaidToIsAMonthNotAfterTheIssue) {
    auto t = *StartTransfer(TransferKind::kWithin, D("2026-11-02"), std::nullopt, kPolicy);
    EXPECT_TRUE(ApplyTransferStep(t, Issue("2026-11-03", LetterOf(30, "2026-11")), kPolicy));
    for (const char* bad : {"2026-12", "2026-13", "2026/10", "26-10", ""})
        EXPECT_EQ(FieldKeyOf(ApplyTransferStep(t, Issue("2026-11-03", LetterOf(30, bad)), kPolicy)),
                  "letter.dues_paid_to:transfer.letter.dues_month")
            << bad;
}

// §5.2: an expired letter is not accepted; the member re-applies with a certificate from the branch.
TEST(TransferRules, ExpiredLetterIsRefusedOnAcceptance) {
    auto t = Issued();  // issued 2026-11-03, valid 30 days: last valid day 2026-12-02
    EXPECT_EQ(t.LetterExpires(), D("2026-12-02"));
    EXPECT_TRUE(ApplyTransferStep(t, Step(TransferAction::kAccept, "2026-12-02"), kPolicy));
    auto late = ApplyTransferStep(t, Step(TransferAction::kAccept, "2026-12-03"), kPolicy);
    EXPECT_EQ(RuleOf(late), "transfer.rule.expired");
    EXPECT_EQ(late.error().params.at("expires"), "2026-12-02");
}

// §5.1: orgs may not refuse to send or receive without a reason.
TEST(TransferRules, RefusalAndCancellationNeedAReason) {
    auto t = Issued();
    auto bare = Step(TransferAction::kRefuse, "2026-11-05");
    EXPECT_EQ(FieldKeyOf(ApplyTransferStep(t, bare, kPolicy)), "reason:transfer.rule.reason");
    bare.reason = "拟接收支部已撤销";
    auto refused = ApplyTransferStep(t, bare, kPolicy);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->state, TransferState::kRefused);
    EXPECT_EQ(refused->end_reason, "拟接收支部已撤销");
    auto cancel = Step(TransferAction::kCancel, "2026-11-05");
    cancel.reason = "本人暂缓迁移";
    EXPECT_EQ(ApplyTransferStep(t, cancel, kPolicy)->state, TransferState::kCancelled);
}

// Until the receiving org accepts, the sender is responsible; after acceptance it can no longer cancel.
TEST(TransferRules, NoCancelOrRefuseAfterAcceptance) {
    auto accepted = *ApplyTransferStep(Issued(), Step(TransferAction::kAccept, "2026-11-10"), kPolicy);
    auto cancel = Step(TransferAction::kCancel, "2026-11-11");
    cancel.reason = "写错了";
    EXPECT_EQ(RuleOf(ApplyTransferStep(accepted, cancel, kPolicy)), "transfer.rule.state");
    EXPECT_EQ(RuleOf(ApplyTransferStep(accepted, Issue("2026-11-11"), kPolicy)), "transfer.rule.state");
}

TEST(TransferRules, StepsGoInDateOrder) {
    auto t = *StartTransfer(TransferKind::kWithin, D("2026-11-02"), std::nullopt, kPolicy);
    EXPECT_EQ(RuleOf(ApplyTransferStep(t, Issue("2026-11-01"), kPolicy)), "transfer.rule.date_order");
    auto issued = Issued();
    EXPECT_EQ(RuleOf(ApplyTransferStep(issued, Step(TransferAction::kAccept, "2026-11-02"), kPolicy)),
              "transfer.rule.date_order");
}

// §5 alerts: letter expiring, receipt overdue (1 month after receiving), in transit more than 3 months.
TEST(TransferRules, RemindersFollowTheState) {
    auto t = Issued();
    auto r = TransferReminders(t, kPolicy, D("2026-11-20"));
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].key, "transfer.due.letter_expires");
    EXPECT_EQ(r[0].due, D("2026-12-02"));
    EXPECT_FALSE(r[0].overdue);
    EXPECT_EQ(r[1].key, "transfer.due.in_transit");
    EXPECT_EQ(r[1].due, D("2027-02-03"));
    EXPECT_TRUE(TransferReminders(t, kPolicy, D("2026-12-03"))[0].overdue);

    auto accepted = *ApplyTransferStep(t, Step(TransferAction::kAccept, "2026-11-10"), kPolicy);
    r = TransferReminders(accepted, kPolicy, D("2026-12-11"));
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].key, "transfer.due.receipt");
    EXPECT_EQ(r[0].due, D("2026-12-10"));
    EXPECT_TRUE(r[0].overdue);
    auto closed = *ApplyTransferStep(accepted, Step(TransferAction::kReceipt, "2026-11-30"), kPolicy);
    EXPECT_TRUE(TransferReminders(closed, kPolicy, D("2027-06-01")).empty());
}

TEST(TransferRules, WireNamesRoundTrip) {
    for (auto a : {TransferAction::kIssue, TransferAction::kAccept, TransferAction::kReceipt, TransferAction::kRefuse,
                   TransferAction::kCancel})
        EXPECT_EQ(ParseTransferAction(ToString(a)), a);
    EXPECT_EQ(ParseTransferState("closed"), TransferState::kClosed);
    EXPECT_EQ(ParseTransferKind("in"), TransferKind::kIn);
    EXPECT_FALSE(ParseTransferKind("sideways"));
}

}  // namespace
}  // namespace lianxin::core::member
