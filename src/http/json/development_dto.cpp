// JSON shapes of the development pipeline (docs/api.md "Development"). Identity fields are masked; the
// reminders carry their message in the caller's language.
#include "core/member/masking.hpp"
#include "http/json/dto.hpp"
#include "http/messages.hpp"

namespace lianxin::http {

using nlohmann::json;

json OptDateJson(const std::optional<core::Date>& d) { return d ? json(d->ToString()) : json(nullptr); }

json ReminderJson(const std::string& key, const core::Date& due, bool overdue, Lang lang) {
    return ReminderJson(core::member::Reminder{key, due, overdue, {}}, lang);
}

json ReminderJson(const core::member::Reminder& r, Lang lang) {
    auto params = r.params;
    params["due"] = r.due.ToString();
    return {
        {"key", r.key}, {"due", r.due.ToString()}, {"overdue", r.overdue}, {"message", Translate(lang, r.key, params)}};
}

namespace {

json StepJson(const core::ports::StepRecord& r, const std::map<std::int64_t, std::string>& names) {
    namespace mm = core::member;
    const auto& s = r.step;
    json people = json::array();
    for (const auto& p : s.people) {
        auto it = names.find(p.member_id);
        people.push_back({{"member_id", p.member_id},
                          {"name", it == names.end() ? "" : it->second},
                          {"full_member", p.full_member}});
    }
    json j = {{"seq", r.seq},
              {"kind", mm::ToString(s.kind)},
              {"on", s.on.ToString()},
              {"body", s.evidence.body},
              {"doc_ref", s.evidence.doc_ref},
              {"note", s.evidence.note},
              {"people", people},
              {"higher_approval", s.higher_approval},
              {"recorded_at", core::FormatInstant(r.recorded_at)}};
    if (s.vote)
        j["vote"] = {{"electorate", s.vote->electorate},
                     {"present", s.vote->present},
                     {"yes", s.vote->yes},
                     {"written_yes", s.vote->written_yes},
                     {"written_total", s.vote->written_total}};
    if (s.kind == mm::StepKind::kTraining) {
        j["training_days"] = s.training_days;
        j["training_hours"] = s.training_hours;
    }
    if (s.kind == mm::StepKind::kConversionMeeting) {
        j["decision"] = mm::ToString(s.decision);
        j["extension_months"] = s.extension_months;
    }
    return j;
}
}  // namespace

json DevelopmentCaseJson(const core::ports::DevelopmentRecord& c, const std::string& org_name, const core::Date& today,
                         Lang lang) {
    namespace mm = core::member;
    json due = nullptr;
    if (c.due_on) due = ReminderJson(c.due_key, *c.due_on, today > *c.due_on, lang);
    return {{"id", c.id},
            {"org_id", c.org_id},
            {"org_name", org_name},
            {"name", c.name},
            {"sex", mm::ToString(c.sex)},
            {"ethnicity", c.ethnicity},
            {"birth_date", c.birth_date.ToString()},
            {"id_number", mm::MaskIdNumber(c.id_number)},
            {"phone", mm::MaskPhone(c.phone)},
            {"education", c.education},
            {"work_unit", c.work_unit},
            {"stage", mm::ToString(c.stage)},
            {"applied_on", c.applied_on.ToString()},
            {"due", due},
            {"member_id", c.member_id ? json(c.member_id) : json(nullptr)},
            {"version", c.version}};
}

json DevelopmentCaseDetailJson(const app::DevelopmentCaseView& v, const core::Date& today, Lang lang) {
    json j = DevelopmentCaseJson(v.record, v.org_name, today, lang);
    const auto& f = v.facts;
    j["facts"] = {
        {"talked_on", OptDateJson(f.talked_on)},
        {"activist_on", OptDateJson(f.activist_on)},
        {"target_on", OptDateJson(f.target_on)},
        {"political_review_on", OptDateJson(f.political_review_on)},
        {"trained_on", OptDateJson(f.trained_on)},
        {"pre_reviewed_on", OptDateJson(f.pre_reviewed_on)},
        {"join_date", OptDateJson(f.admitted_on)},
        {"admission_approved_on", OptDateJson(f.admission_approved_on)},
        {"probation_end", OptDateJson(f.ProbationEnd())},
        {"extension_months", f.extension_months},
        {"pending_decision", f.pending_decision ? json(core::member::ToString(*f.pending_decision)) : json(nullptr)},
        {"conversion_date", OptDateJson(f.converted_on)}};
    json steps = json::array();
    for (const auto& s : v.steps) steps.push_back(StepJson(s, v.people_names));
    j["steps"] = steps;
    json reminders = json::array();
    for (const auto& r : v.reminders) reminders.push_back(ReminderJson(r, lang));
    j["reminders"] = reminders;
    j["electorate"] = v.electorate;
    return j;
}

}  // namespace lianxin::http
