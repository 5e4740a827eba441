// Editing a member's registry entry (domain.md §2.4, §5.3, §11): the fields a branch keeps up to date —
// contact, education, work unit, address, skills, occupation, and the attributes in-service, retired,
// floating (with where the member went, collected by the outflow org) and lost contact (with the day contact
// was lost). Identity (name, ID number, dates of joining) is not edited here: it comes from the development
// pipeline, a transfer or an import. Lost contact for six months becomes a reminder for a branch decision,
// never an automatic change of status.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/date.hpp"
#include "core/common/result.hpp"
#include "core/member/member.hpp"
#include "core/member/reminder.hpp"

namespace lianxin::core::member {

struct RegistryEdit {
    // Phone and address are shown masked, so a form cannot send them back: absent means "keep as stored".
    std::optional<std::string> phone, address;
    // The plain fields of the spec marked `registry` (education, work unit, occupation …) by name; absent = "".
    std::map<std::string, std::string> fields;
    std::vector<std::string> skills;
    std::vector<std::string> tags;  // in_service, retired, floating, lost_contact
    std::string floating_to;        // 外出流向, required for a floating member
    std::string lost_contact_on;    // 失去联系日期 YYYY-MM-DD, required for a lost-contact member
};

// Checks every field (one error naming each wrong field) and applies the edit to `m`: skills trimmed and
// de-duplicated, tags in a fixed order, destination and lost-contact date cleared when their tag is absent.
Status ApplyRegistryEdit(const RegistryEdit& edit, const Date& today, Member& m);

// Deadlines of the member's status for the branch (§2.5): lost contact for 6 months ("member.due.lost_contact":
// search, then the branch may decide to stop party status).
std::vector<Reminder> MemberReminders(const Member& m, const Date& today);

}  // namespace lianxin::core::member
