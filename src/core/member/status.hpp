// Decisions on a member's party status (domain.md §2.5, seed 004): stop party status (停止党籍), restore it
// (恢复党籍) within two years, or remove a member who is still unreachable two years after stopping (按自行脱党
// 予以除名); and record a member's death (党员逝世), which takes them out of the registry. Each is a branch decision
// with its record (document number) and is never taken automatically; the six-month and two-year marks are reminders
// (registry.hpp, MemberReminders).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/date.hpp"
#include "core/common/result.hpp"
#include "core/member/member.hpp"

namespace lianxin::core::member {

// 2019 党员教育管理工作条例 [HIGH] (domain.md §2.4, §2.5): stop party status after six months without contact;
// restore within two years of stopping, or remove as self-lapsed after two years.
inline constexpr int kLostContactMonths = 6;
inline constexpr int kStoppedYears = 2;
// How often a lost-contact member is looked for is [LOCAL] policy (core/policy, lost_contact.search_every_months).

enum class StatusAction { kStop, kRestore, kRemove, kDeceased };
// Grounds for stopping party status (2019 党员教育管理工作条例, domain.md §2.5).
enum class StopGround { kLostContact, kSettledAbroad, kStudyAbroad };

struct StatusDecision {
    StatusAction action = StatusAction::kStop;
    Date on;
    std::optional<StopGround> ground;  // kStop
    std::string doc_ref;  // the decision's record: minutes or document number (death: the certificate or notice)
    std::string reason;
};

// Applies the decision to `m` (status, status_since, or leaving the registry), or refuses it with the rule
// named ("member.rule.*"). `m` is changed only on success. `search_dates` are the days the branch looked for
// the member in the current lost-contact episode (lost_contact.hpp, EpisodeLostContactDates): stopping on the ground of
// lost contact needs one on or before the decision ("应先组织寻找，寻找无果再作处理", seed 004, §2.5).
Status ApplyStatusDecision(const StatusDecision& d, Member& m, const std::vector<Date>& search_dates = {});

std::string_view ToString(StatusAction a);
std::optional<StatusAction> ParseStatusAction(std::string_view s);
std::string_view ToString(StopGround g);
std::optional<StopGround> ParseStopGround(std::string_view s);

}  // namespace lianxin::core::member
