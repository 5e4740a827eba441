#include "core/member/transfer.hpp"

#include <algorithm>
#include <charconv>

#include "core/auth/credentials.hpp"
#include "core/common/names.hpp"
#include "core/member/fields.hpp"

namespace lianxin::core::member {

namespace {
constexpr int kMaxSerial = 30;
constexpr int kMinReason = 2;  // characters (UTF-8 code points)
constexpr int kMaxReason = 200;

Error Rule(std::string key) { return MakeError(ErrorCode::kFailedPrecondition, std::move(key)); }

// The newest date already recorded: a step may not be dated before it.
Date Latest(const Transfer& t) {
    Date latest = t.requested_on;
    for (const auto& d :
         {t.letter ? std::optional<Date>(t.letter->issued_on) : std::nullopt, t.accepted_on, t.receipt_on})
        if (d && *d > latest) latest = *d;
    return latest;
}

}  // namespace

TransferPolicy TransferPolicyOn(const policy::Policies& policies, const Date& on) {
    return {policies.Int(policy::kTransferMaxValidityDays, on),
            policies.Int(policy::kTransferMaxValidityDaysCrossProvince, on),
            policies.Int(policy::kTransferReceiptWithinMonths, on),
            policies.Int(policy::kTransferInTransitAlertMonths, on)};
}

namespace {
Status CheckLetter(const std::optional<Letter>& letter, const Date& not_before, const TransferPolicy& policy) {
    if (!letter) return Fail(InvalidField("letter", "transfer.letter.missing"));
    Error errors = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    const auto& l = *letter;
    CheckText(l.serial, 1, kMaxSerial, "letter.serial", errors);
    const int max = l.cross_province ? policy.max_validity_days_cross_province : policy.max_validity_days;
    if (l.valid_days < 1 || l.valid_days > max)
        errors.WithField("letter.valid_days", "transfer.letter.validity", {{"max", std::to_string(max)}});
    if (!ValidDuesMonth(l.dues_paid_to, l.issued_on))
        errors.WithField("letter.dues_paid_to", "transfer.letter.dues_month");
    if (!errors.fields.empty()) return Fail(errors);
    if (l.issued_on < not_before)
        return Fail(Rule("transfer.rule.date_order").WithParam("latest", not_before.ToString()));
    return Ok();
}

Status CheckReason(const std::string& reason) {
    const int n = auth::CodePointCount(reason);  // -1 for invalid UTF-8
    if (n < kMinReason || n > kMaxReason) return Fail(InvalidField("reason", "transfer.rule.reason"));
    return Ok();
}

bool Allowed(const Transfer& t, TransferAction a) {
    auto next = NextActions(t);
    return std::find(next.begin(), next.end(), a) != next.end();
}
}  // namespace

std::optional<Date> Transfer::LetterExpires() const {
    if (!letter) return std::nullopt;
    return letter->issued_on.AddDays(letter->valid_days - 1);
}

bool ValidDuesMonth(std::string_view text, const Date& latest) {
    if (text.size() != 7 || text[4] != '-') return false;
    int y = 0, m = 0;
    auto r1 = std::from_chars(text.data(), text.data() + 4, y);
    auto r2 = std::from_chars(text.data() + 5, text.data() + 7, m);
    if (r1.ptr != text.data() + 4 || r2.ptr != text.data() + 7 || y < 1921 || m < 1 || m > 12) return false;
    return y * 12 + m <= latest.year() * 12 + static_cast<int>(latest.month());
}

Result<Transfer> StartTransfer(TransferKind kind, const Date& on, const std::optional<Letter>& letter,
                               const TransferPolicy& policy) {
    Transfer t;
    t.kind = kind;
    t.requested_on = on;
    if (kind != TransferKind::kIn) return t;
    // An arriving letter: registered on the day it arrives, which cannot precede its issue.
    LX_CHECK(CheckLetter(letter, Date(), policy));
    if (on < letter->issued_on)
        return Fail(Rule("transfer.rule.date_order").WithParam("latest", letter->issued_on.ToString()));
    t.letter = letter;
    t.state = TransferState::kIssued;
    return t;
}

std::vector<TransferAction> NextActions(const Transfer& t) {
    using A = TransferAction;
    switch (t.state) {
        case TransferState::kRequested:
            return {A::kIssue, A::kCancel};
        case TransferState::kIssued:
            if (t.kind == TransferKind::kOut) return {A::kReceipt, A::kCancel};
            if (t.kind == TransferKind::kIn) return {A::kAccept, A::kRefuse};
            return {A::kAccept, A::kRefuse, A::kCancel};
        case TransferState::kAccepted:
            return {A::kReceipt};
        default:
            return {};
    }
}

Result<Transfer> ApplyTransferStep(const Transfer& t, const TransferStep& step, const TransferPolicy& policy) {
    if (!Allowed(t, step.action))
        return Fail(Rule("transfer.rule.state")
                        .WithParam("state", std::string(ToString(t.state)))
                        .WithParam("action", std::string(ToString(step.action))));
    Transfer next = t;
    const Date latest = Latest(t);
    if (step.action == TransferAction::kIssue) {
        Letter l = step.letter.value_or(Letter{});
        l.issued_on = step.on;
        LX_CHECK(CheckLetter(step.letter ? std::optional<Letter>(l) : std::nullopt, latest, policy));
        next.letter = l;
        next.state = TransferState::kIssued;
        return next;
    }
    if (step.on < latest) return Fail(Rule("transfer.rule.date_order").WithParam("latest", latest.ToString()));
    switch (step.action) {
        case TransferAction::kAccept:
            // An expired letter is not accepted: the member obtains a new one from the sending org (§5.2).
            if (step.on > *t.LetterExpires())
                return Fail(Rule("transfer.rule.expired").WithParam("expires", t.LetterExpires()->ToString()));
            next.accepted_on = step.on;
            next.state = TransferState::kAccepted;
            break;
        case TransferAction::kReceipt:
            next.receipt_on = step.on;
            next.state = TransferState::kClosed;
            break;
        case TransferAction::kRefuse:
        case TransferAction::kCancel:
            LX_CHECK(CheckReason(step.reason));
            next.ended_on = step.on;
            next.end_reason = step.reason;
            next.state = step.action == TransferAction::kRefuse ? TransferState::kRefused : TransferState::kCancelled;
            break;
        case TransferAction::kIssue:
            break;
    }
    return next;
}

std::vector<Reminder> TransferReminders(const Transfer& t, const TransferPolicy& policy, const Date& today) {
    std::vector<Reminder> out;
    auto add = [&](std::string key, Date due, int months) {
        std::map<std::string, std::string> params;
        if (months) params["months"] = std::to_string(months);
        out.push_back({std::move(key), due, today > due, std::move(params)});
    };
    if (t.state == TransferState::kIssued) {
        add("transfer.due.letter_expires", *t.LetterExpires(), 0);
        add("transfer.due.in_transit", t.letter->issued_on.AddMonths(policy.in_transit_alert_months),
            policy.in_transit_alert_months);
    } else if (t.state == TransferState::kAccepted) {
        add("transfer.due.receipt", t.accepted_on->AddMonths(policy.receipt_within_months),
            policy.receipt_within_months);
    }
    std::sort(out.begin(), out.end(), [](const Reminder& a, const Reminder& b) { return a.due < b.due; });
    return out;
}

namespace {
constexpr NameTable<TransferKind, 3> kKinds{{
    {TransferKind::kWithin, "within"},
    {TransferKind::kOut, "out"},
    {TransferKind::kIn, "in"},
}};
constexpr NameTable<TransferState, 6> kStates{{
    {TransferState::kRequested, "requested"},
    {TransferState::kIssued, "issued"},
    {TransferState::kAccepted, "accepted"},
    {TransferState::kClosed, "closed"},
    {TransferState::kRefused, "refused"},
    {TransferState::kCancelled, "cancelled"},
}};
constexpr NameTable<TransferAction, 5> kActions{{
    {TransferAction::kIssue, "issue"},
    {TransferAction::kAccept, "accept"},
    {TransferAction::kReceipt, "receipt"},
    {TransferAction::kRefuse, "refuse"},
    {TransferAction::kCancel, "cancel"},
}};
}  // namespace

std::string_view ToString(TransferKind k) { return NameOf(kKinds, k); }
std::optional<TransferKind> ParseTransferKind(std::string_view s) { return ValueOf(kKinds, s); }
std::string_view ToString(TransferState s) { return NameOf(kStates, s); }
std::optional<TransferState> ParseTransferState(std::string_view s) { return ValueOf(kStates, s); }
std::string_view ToString(TransferAction a) { return NameOf(kActions, a); }
std::optional<TransferAction> ParseTransferAction(std::string_view s) { return ValueOf(kActions, s); }

}  // namespace lianxin::core::member
