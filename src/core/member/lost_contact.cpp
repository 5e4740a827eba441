#include "core/member/lost_contact.hpp"

#include <algorithm>

#include "core/common/names.hpp"
#include "core/member/fields.hpp"
#include "core/member/status.hpp"

namespace lianxin::core::member {

bool LostContact(const Member& m) {
    return m.lost_contact_on && std::find(m.tags.begin(), m.tags.end(), "lost_contact") != m.tags.end();
}

Status CheckLostContactSearch(const Member& m, const LostContactSearch& s, const Date& today) {
    if (m.left_on) return Fail(MakeError(ErrorCode::kFailedPrecondition, "member.rule.left"));
    // Searching is for a lost-contact member (§2.4 field 15): tag the member and give the day first.
    if (!LostContact(m)) return Fail(MakeError(ErrorCode::kFailedPrecondition, "lost_contact.rule.not_lost"));
    Error errors = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    if (s.on > today) errors.WithField("on", "date.future", {{"latest", today.ToString()}});
    else if (s.on < *m.lost_contact_on)
        errors.WithField("on", "lost_contact.before_lost", {{"lost_contact_on", m.lost_contact_on->ToString()}});
    CheckText(s.searched_by, 1, 30, "searched_by", errors);
    CheckText(s.result, 1, 500, "result", errors);
    if (!errors.fields.empty()) return Fail(errors);
    return Ok();
}

void RestoreContact(Member& m) {
    m.tags.erase(std::remove(m.tags.begin(), m.tags.end(), std::string("lost_contact")), m.tags.end());
    m.lost_contact_on.reset();
}

std::vector<Date> EpisodeLostContactDates(const Member& m, const std::vector<LostContactSearch>& entries) {
    std::vector<Date> out;
    if (!LostContact(m)) return out;
    for (const auto& e : entries)
        if (e.on >= *m.lost_contact_on) out.push_back(e.on);
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<Reminder> LostContactReminder(const Member& m, const std::vector<LostContactSearch>& entries,
                                            const Date& today, const policy::Policies& policies) {
    if (!LostContact(m) || m.left_on) return std::nullopt;
    const auto dates = EpisodeLostContactDates(m, entries);
    const Date six = m.lost_contact_on->AddMonths(kLostContactMonths);
    // A duty of today: the interval in force today (a street that tightens it makes older searches due now).
    const int every = policies.Int(policy::kLostContactSearchEveryMonths, today);
    Date due = six;
    if (!dates.empty()) due = std::max(due, dates.back().AddMonths(every));
    if (today < six || today < due) return std::nullopt;
    return Reminder{"member.due.lost_contact_search", due, true, {{"months", std::to_string(every)}}};
}

namespace {
constexpr NameTable<LostContactMethod, 7> kMethods{{
    {LostContactMethod::kPhone, "phone"},
    {LostContactMethod::kVisit, "visit"},
    {LostContactMethod::kLetter, "letter"},
    {LostContactMethod::kRelatives, "relatives"},
    {LostContactMethod::kFormerEmployer, "former_employer"},
    {LostContactMethod::kNotice, "notice"},
    {LostContactMethod::kOther, "other"},
}};
}  // namespace

std::string_view ToString(LostContactMethod m) { return NameOf(kMethods, m); }
std::optional<LostContactMethod> ParseLostContactMethod(std::string_view s) { return ValueOf(kMethods, s); }

}  // namespace lianxin::core::member
