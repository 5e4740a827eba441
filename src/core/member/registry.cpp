#include "core/member/registry.hpp"

#include <algorithm>

#include "core/member/field_spec.hpp"
#include "core/member/fields.hpp"
#include "core/member/status.hpp"

namespace lianxin::core::member {

namespace {

std::string Trim(const std::string& s) {
    const auto* ws = " \t";
    const auto b = s.find_first_not_of(ws);
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

std::string Value(const std::map<std::string, std::string>& fields, const char* name) {
    auto it = fields.find(name);
    return it == fields.end() ? "" : it->second;
}

bool Has(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}
}  // namespace

Status ApplyRegistryEdit(const RegistryEdit& edit, const Date& today, Member& m) {
    Error errors = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    if (edit.phone) CheckPhone(*edit.phone, "phone", errors);
    for (const auto& f : MemberFields())
        if (f.registry) CheckField(f, Value(edit.fields, f.name), errors);
    if (edit.address) CheckField("address", *edit.address, errors);
    const auto& skill = MemberField("skills");
    std::vector<std::string> skills;
    for (std::size_t i = 0; i < edit.skills.size(); ++i) {
        const auto s = Trim(edit.skills[i]);
        const auto field = "skills[" + std::to_string(i) + "]";
        Error one = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
        CheckText(s, skill.min, skill.max, field.c_str(), one);
        if (s.find(',') != std::string::npos || s.find("，") != std::string::npos)
            one.WithField(field, "member.skill.comma");
        if (!one.fields.empty()) {
            errors.fields.push_back(one.fields.front());
        } else if (!Has(skills, s)) {
            skills.push_back(s);
        }
    }
    if (skills.size() > static_cast<std::size_t>(skill.max_items))
        errors.WithField("skills", "json.too_many", {{"max", std::to_string(skill.max_items)}});
    const auto tags = CodesOf(MemberField("tags").code_list);
    for (const auto& t : edit.tags)
        if (!Has(tags, t)) errors.WithField("tags", "member.tag.unknown");
    const bool floating = Has(edit.tags, "floating"), lost = Has(edit.tags, "lost_contact");
    if (Has(edit.tags, "in_service") && Has(edit.tags, "retired"))
        errors.WithField("tags", "member.tag.in_service_retired");
    if (floating) CheckField("floating_to", edit.floating_to, errors);
    std::optional<Date> lost_on;
    if (lost) lost_on = CheckDate(edit.lost_contact_on, today, "lost_contact_on", errors);
    if (!errors.fields.empty()) return Fail(errors);

    if (edit.phone) m.phone = *edit.phone;
    for (const auto& f : MemberFields())
        if (f.registry) m.*f.registry = Value(edit.fields, f.name);
    if (edit.address) m.address = *edit.address;
    m.skills = std::move(skills);
    m.tags.clear();
    for (const auto& t : tags)
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
