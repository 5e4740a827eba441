// A resident's side of an event (issue 17 "Events and their intake", "The closed loop", "Bad input"; domain.md §7):
// the confirmation a resident gives at the feedback step ("resolved / partly" rates and closes, "not resolved"
// reopens to the same handler — both with a score 1–5), the refusal of a report flood from one number
// (event.resident_reports_per_day), which steps of the flow log a resident's timeline shows (no staff names,
// reasons or notes; only the result told to them), and the retention cut-off of residents' data
// (event.resident_data_retention_days after closure). Pure: the use cases (app/event/resident_events) do the I/O.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/common/result.hpp"
#include "core/event/flow.hpp"

namespace lianxin::core::event {

// The step of a resident's confirmation: outcome resolved | partly (rate) or not_resolved (reopen), score 1–5,
// an optional comment (≤ 500 characters). Field errors name outcome, score, comment.
Result<Step> ResidentConfirmation(std::string_view outcome, int score, const std::string& comment);

// 429 "event.resident.flood" {max, retry_after} naming the field phone: the number reported `limit` events today
// already (the day of Asia/Shanghai); retry_after is the seconds until the next day begins, from `now`.
Error ReportFlood(int limit, std::int64_t now);

// A resident's timeline shows these flow actions (the state changes a resident understands, and whistles as
// "a department was called in"); report and close_whistle are the departments' own bookkeeping.
bool ShownToResident(std::string_view action);

// Residents' data of an event closed before this instant is purged (`days` after closure, counted from `now`).
std::int64_t RetentionCutoff(std::int64_t now, int days);

}  // namespace lianxin::core::event
