// The search for a lost-contact member (寻找失联党员, domain.md §2.4, §2.5; seed 004 "党组织找党员、党员找
// 党组织、党员找党员"): while a member is tagged lost contact the branch records each attempt to find them —
// the day, how (a short fixed list), who searched, what came of it, and whether contact was restored. The
// entries are append-only; an entry that restores contact is the last of the episode and clears the tag. The
// branch may stop party status on the ground of lost contact only after a search (status.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/date.hpp"
#include "core/common/result.hpp"
#include "core/member/member.hpp"
#include "core/member/reminder.hpp"
#include "core/policy/policies.hpp"

namespace lianxin::core::member {

// 寻找方式: 电话 / 上门走访 / 函询 / 亲友 / 原工作单位 / 网络媒体（寻人启事） / 其他.
enum class LostContactMethod { kPhone, kVisit, kLetter, kRelatives, kFormerEmployer, kNotice, kOther };

struct LostContactSearch {
    Date on;  // 寻找日期
    LostContactMethod method = LostContactMethod::kPhone;
    std::string searched_by;  // 寻找人, free text ≤ 30 (e.g. 支部书记李某), not a member id
    std::string result;       // 寻找情况, 1–500 characters
    bool found = false;       // 已联系上: contact restored
};

// Whether the member is a lost-contact member now (tag and date).
bool LostContact(const Member& m);

// Checks an entry before it is appended for `m`: the member is tagged lost contact ("lost_contact.rule.not_lost",
// which says to tag the member first) and still in the registry; then every field (one error naming each): the
// day not in the future and not before contact was lost, who searched 1–30 characters, the result 1–500.
Status CheckLostContactSearch(const Member& m, const LostContactSearch& s, const Date& today);

// A "found" entry restores contact: the lost-contact tag and its date are cleared (domain.md §2.4 field 15).
void RestoreContact(Member& m);

// The dates of the entries that belong to the member's current lost-contact episode (on or after the day
// contact was lost); empty when the member is not lost.
std::vector<Date> EpisodeLostContactDates(const Member& m, const std::vector<LostContactSearch>& entries);

// "member.due.lost_contact_search": lost for six months or more and no entry of the episode in the last N months, N the
// policy lost_contact.search_every_months (default 3) in force today (a reminder is a duty of today, not a
// decision of a past date); due six months after the loss or N months after the last entry. The reminder's
// params carry "months" (N).
std::optional<Reminder> LostContactReminder(const Member& m, const std::vector<LostContactSearch>& entries,
                                            const Date& today, const policy::Policies& policies);

std::string_view ToString(LostContactMethod m);
std::optional<LostContactMethod> ParseLostContactMethod(std::string_view s);

}  // namespace lianxin::core::member
