#include "core/member/registry.hpp"

#include <algorithm>

#include "core/member/fields.hpp"
#include "core/member/status.hpp"

namespace lianxin::core::member {

namespace {
constexpr std::size_t kMaxSkills = 10;
const std::vector<std::string> kTags{"in_service", "retired", "floating", "lost_contact"};

std::string Trim(const std::string& s) {
    const auto* ws = " \t";
    const auto b = s.find_first_not_of(ws);
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

bool Has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }
}  // namespace

const std::vector<std::string>& OccupationCodes() {
    static const std::vector<std::string> kCodes{"worker",    "farmer",  "professional", "manager",
                                                 "party_gov", "student", "retired",      "other"};
    return kCodes;
}

Status ApplyRegistryEdit(const RegistryEdit& edit, const Date& today, Member& m) {
    Error errors = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    if (edit.phone) CheckPhone(*edit.phone, "phone", errors);
    CheckText(edit.education, 0, 20, "education", errors);
    CheckText(edit.work_unit, 0, 100, "work_unit", errors);
    if (edit.address) CheckText(*edit.address, 0, 100, "address", errors);
    if (!edit.occupation.empty() && !Has(OccupationCodes(), edit.occupation))
        errors.WithField("occupation", "member.occupation.unknown");
    std::vector<std::string> skills;
    for (std::size_t i = 0; i < edit.skills.size(); ++i) {
        const auto s = Trim(edit.skills[i]);
        const auto field = "skills[" + std::to_string(i) + "]";
        Error one = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
        CheckText(s, 1, 20, field.c_str(), one);
        if (s.find(',') != std::string::npos || s.find("，") != std::string::npos) one.WithField(field, "member.skill.comma");
        if (!one.fields.empty()) {
            errors.fields.push_back(one.fields.front());
        } else if (!Has(skills, s)) {
            skills.push_back(s);
        }
    }
    if (skills.size() > kMaxSkills) errors.WithField("skills", "json.too_many", {{"max", std::to_string(kMaxSkills)}});
    for (const auto& t : edit.tags)
        if (!Has(kTags, t)) errors.WithField("tags", "member.tag.unknown");
    const bool floating = Has(edit.tags, "floating"), lost = Has(edit.tags, "lost_contact");
    if (Has(edit.tags, "in_service") && Has(edit.tags, "retired")) errors.WithField("tags", "member.tag.in_service_retired");
    if (floating) CheckText(edit.floating_to, 2, 100, "floating_to", errors);
    std::optional<Date> lost_on;
    if (lost) lost_on = CheckDate(edit.lost_contact_on, today, "lost_contact_on", errors);
    if (!errors.fields.empty()) return Fail(errors);

    if (edit.phone) m.phone = *edit.phone;
    m.education = edit.education;
    m.work_unit = edit.work_unit;
    if (edit.address) m.address = *edit.address;
    m.occupation = edit.occupation;
    m.skills = std::move(skills);
    m.tags.clear();
    for (const auto& t : kTags)
        if (Has(edit.tags, t)) m.tags.push_back(t);
    m.floating_to = floating ? edit.floating_to : "";
    m.lost_contact_on = lost ? lost_on : std::nullopt;
    return Ok();
}

std::vector<Reminder> MemberReminders(const Member& m, const Date& today) {
    std::vector<Reminder> out;
    if (m.lost_contact_on && m.status == PartyStatus::kNormal && !m.left_on) {
        const Date due = m.lost_contact_on->AddMonths(kLostContactMonths);
        out.push_back({"member.due.lost_contact", due, today >= due, {}});
    }
    // Two years after stopping, a member still unreachable is removed by a branch decision (§2.5).
    if (m.status == PartyStatus::kStopped && m.status_since && !m.left_on) {
        const Date due = m.status_since->AddYears(kStoppedYears);
        out.push_back({"member.due.stopped_two_years", due, today >= due, {}});
    }
    return out;
}

}  // namespace lianxin::core::member
