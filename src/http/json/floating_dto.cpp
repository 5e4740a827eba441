#include "http/json/floating_dto.hpp"

#include "core/member/masking.hpp"
#include "http/json/dto.hpp"
#include "http/messages.hpp"

namespace lianxin::http {

using nlohmann::json;

namespace {
json NoteJson(const core::ports::FloatingNote& n) {
    return {{"seq", n.seq},
            {"kind", core::member::ToString(n.report.kind)},
            {"on", n.report.on.ToString()},
            {"text", n.report.text},
            {"side", n.side},
            {"actor_name", n.actor_name},
            {"recorded_at", core::FormatInstant(n.recorded_at)}};
}

json ParticipatingJson(const core::ports::FloatingRecord& r) {
    const auto& p = r.facts.participating;
    if (!p) return nullptr;
    return {{"org_id", p->org_id == 0 ? json(nullptr) : json(p->org_id)},
            {"name", p->name},
            {"since", OptDateJson(p->since)}};
}
}  // namespace

json FloatingJson(const app::FloatingView& v, Lang lang) {
    namespace mm = core::member;
    const auto& r = v.record;
    const auto& f = r.facts;
    json notes = json::array();
    for (const auto& n : v.notes) notes.push_back(NoteJson(n));
    json out{{"id", r.id},
             {"name", r.name},
             {"sex", mm::ToString(r.sex)},
             {"age", v.age},
             {"category", mm::ToString(r.category)},
             {"org_name", r.org_name},
             {"certificate_no", f.certificate_no},
             {"participating_org", ParticipatingJson(r)},
             {"open", f.Open()},
             {"minimal", v.minimal},
             {"side", {{"outflow", v.outflow}, {"inflow", v.inflow}}},
             {"actions", v.actions},
             {"notes", notes}};
    if (v.minimal) return out;
    json reminders = json::array();
    for (const auto& m : v.reminders) reminders.push_back(ReminderJson(m, lang));
    out.update({{"member_id", r.member_id},
                {"org_id", r.org_id},
                {"left_on", f.left_on.ToString()},
                {"reason", mm::ToString(f.reason)},
                {"province", f.province},
                {"city", f.city},
                {"county", f.county},
                {"destination", f.Destination()},
                {"employer", f.employer},
                {"phone", mm::MaskPhone(f.phone)},
                {"expected_return", OptDateJson(f.expected_return)},
                {"fixed_place", f.fixed_place},
                {"cannot_transfer", f.cannot_transfer},
                {"cannot_transfer_reason", f.cannot_transfer_reason},
                {"returned_on", OptDateJson(f.returned_on)},
                {"return_note", f.return_note},
                {"last_report_on", OptDateJson(r.last_report_on)},
                {"version", r.version},
                {"reminders", reminders}});
    return out;
}

json MemberFloatingJson(const app::MemberFloating& m, Lang lang) {
    json past = json::array();
    for (const auto& v : m.past) past.push_back(FloatingJson(v, lang));
    return {{"current", m.current ? FloatingJson(*m.current, lang) : json(nullptr)},
            {"past", past},
            {"actions", m.actions}};
}

}  // namespace lianxin::http
