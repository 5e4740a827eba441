// Transfer of the organizational relationship (组织关系转接, domain.md §5): a member's one formal
// affiliation moves from a sending org to a receiving org by an introduction letter (介绍信). The sending
// org stays responsible until the receiving org has accepted; the receiving committee returns the receipt
// (回执) within one month of receiving the member. Orgs may not refuse to send or receive without a reason.
//
//   within: requested → issued → accepted → closed      (both orgs in this deployment)
//   out:    requested → issued → closed                 (receiving org elsewhere; closed by the receipt)
//   in:     issued → accepted → closed                  (a letter from elsewhere, registered on arrival)
//   requested/issued → cancelled (by the sender, reason);  issued → refused (by the receiver, reason)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/date.hpp"
#include "core/common/result.hpp"
#include "core/member/reminder.hpp"
#include "core/policy/policies.hpp"

namespace lianxin::core::member {

enum class TransferKind { kWithin, kOut, kIn };
enum class TransferState { kRequested, kIssued, kAccepted, kClosed, kRefused, kCancelled };
enum class TransferAction { kIssue, kAccept, kReceipt, kRefuse, kCancel };

// Figures of §5.2, read from the policy store (core/policy: transfer.*) for the org a transfer is filed under.
// The validity is chosen by the issuer and sources disagree on its maximum ([LOCAL]/[LOW]).
struct TransferPolicy {
    int max_validity_days = 0;                 // "最长不超过3个月" (national default 90)
    int max_validity_days_cross_province = 0;  // "跨省…不超过6个月" (180)
    int receipt_within_months = 0;             // the receiving committee returns the receipt within 1 month
    int in_transit_alert_months = 0;           // a letter in transit longer than this is flagged (3)
};
// The figures in force on `on` for the org whose settings `policies` holds.
TransferPolicy TransferPolicyOn(const policy::Policies& policies, const Date& on);

// The introduction letter (党员组织关系介绍信), as the sending org fills it.
struct Letter {
    std::string serial;  // 编号, set by the sending org
    Date issued_on;
    int valid_days = 0;        // 有效期（天）
    std::string dues_paid_to;  // 党费已交到: YYYY-MM
    bool cross_province = false;
};

struct Transfer {
    TransferKind kind = TransferKind::kWithin;
    TransferState state = TransferState::kRequested;
    Date requested_on;
    std::optional<Letter> letter;
    std::optional<Date> accepted_on;  // received and placed in a branch: the affiliation moves on this day
    std::optional<Date> receipt_on;   // the receipt returned (within, out) or sent back (in)
    std::optional<Date> ended_on;     // refused or cancelled
    std::string end_reason;

    // The last day the letter is valid: issue date + validity days − 1; nullopt before it is issued.
    std::optional<Date> LetterExpires() const;
};

struct TransferStep {
    TransferAction action = TransferAction::kIssue;
    Date on;
    std::optional<Letter> letter;  // kIssue
    std::string reason;            // kRefuse, kCancel
};

// A transfer's start: a request (within, out) on `on`, or an arriving letter (in) already issued.
Result<Transfer> StartTransfer(TransferKind kind, const Date& on, const std::optional<Letter>& letter,
                               const TransferPolicy& policy);

// Applies `step`, or refuses it with the rule named (error key "transfer.rule.*"). `t` is not changed.
Result<Transfer> ApplyTransferStep(const Transfer& t, const TransferStep& step, const TransferPolicy& policy);

// The actions that may come next in the transfer's state (for the forms).
std::vector<TransferAction> NextActions(const Transfer& t);

// Deadlines pending: the letter's validity, a letter in transit too long, the receipt due.
std::vector<Reminder> TransferReminders(const Transfer& t, const TransferPolicy& policy, const Date& today);

// Checks a "YYYY-MM" month (dues paid to); the month may not lie after `latest`'s month.
bool ValidDuesMonth(std::string_view text, const Date& latest);

std::string_view ToString(TransferKind k);
std::optional<TransferKind> ParseTransferKind(std::string_view s);
std::string_view ToString(TransferState s);
std::optional<TransferState> ParseTransferState(std::string_view s);
std::string_view ToString(TransferAction a);
std::optional<TransferAction> ParseTransferAction(std::string_view s);

}  // namespace lianxin::core::member
