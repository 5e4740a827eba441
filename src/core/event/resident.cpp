#include "core/event/resident.hpp"

#include "core/member/fields.hpp"

namespace lianxin::core::event {

Result<Step> ResidentConfirmation(std::string_view outcome, int score, const std::string& comment) {
    Error errors = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    const bool reopen = outcome == "not_resolved";
    if (!reopen && outcome != "resolved" && outcome != "partly") errors.WithField("outcome", "event.resident.outcome");
    if (score < 1 || score > 5) errors.WithField("score", "event.score.range");
    member::CheckText(comment, 0, 500, "comment", errors);
    if (!errors.fields.empty()) return Fail(errors);
    Step s;
    s.action = reopen ? EventAction::kReopen : EventAction::kRate;
    s.outcome = std::string(outcome);
    s.score = score;
    s.note = comment;
    return s;
}

Error ReportFlood(int limit, std::int64_t now) {
    constexpr std::int64_t kDay = 86'400'000, kShanghai = 8 * 3'600'000;
    const std::int64_t next_day = ((now + kShanghai) / kDay + 1) * kDay - kShanghai;
    Error e = MakeError(ErrorCode::kTooManyRequests, "event.resident.flood");
    e.WithParam("max", std::to_string(limit)).WithParam("retry_after", std::to_string((next_day - now + 999) / 1000));
    e.WithField("phone", "event.resident.flood", {{"max", std::to_string(limit)}});
    return e;
}

bool ShownToResident(std::string_view action) { return action != "report" && action != "close_whistle"; }

std::int64_t RetentionCutoff(std::int64_t now, int days) { return now - std::int64_t{days} * 86'400'000; }

}  // namespace lianxin::core::event
