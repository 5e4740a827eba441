// JSON of transfers (docs/api.md "Transfers"): the receiving side's minimal view carries no birth date and no
// dates of joining; ID numbers and phones never appear.
#include "http/json/dto.hpp"
#include "http/messages.hpp"

namespace lianxin::http {

using nlohmann::json;

json TransferJson(const app::TransferView& v, Lang lang) {
    namespace mm = core::member;
    const auto& r = v.record;
    const auto& f = r.facts;
    json letter = nullptr;
    if (f.letter)
        letter = {{"serial", f.letter->serial},
                  {"issued_on", f.letter->issued_on.ToString()},
                  {"valid_days", f.letter->valid_days},
                  {"expires_on", f.LetterExpires()->ToString()},
                  {"dues_paid_to", f.letter->dues_paid_to},
                  {"cross_province", f.letter->cross_province}};
    json reminders = json::array();
    for (const auto& m : v.reminders) reminders.push_back(ReminderJson(m, lang));
    json events = json::array();
    for (const auto& e : v.events)
        events.push_back({{"seq", e.seq},
                          {"action", e.action},
                          {"on", e.on.ToString()},
                          {"note", e.note},
                          {"actor_name", e.actor_name},
                          {"recorded_at", core::FormatInstant(e.recorded_at)}});
    return {{"id", r.id},
            {"kind", mm::ToString(f.kind)},
            {"state", mm::ToString(f.state)},
            {"member_id", r.member_id == 0 || v.minimal ? json(nullptr) : json(r.member_id)},
            {"from_org_id", r.from_org_id == 0 ? json(nullptr) : json(r.from_org_id)},
            {"from_org_name", r.from_org_name},
            {"to_org_id", r.to_org_id == 0 ? json(nullptr) : json(r.to_org_id)},
            {"to_org_name", r.to_org_name},
            {"placed_org_id", r.placed_org_id == 0 ? json(nullptr) : json(r.placed_org_id)},
            {"placed_org_name", v.placed_org_name},
            {"name", r.name},
            {"sex", mm::ToString(r.sex)},
            {"age", v.age},
            {"birth_date", v.minimal ? json(nullptr) : json(r.birth_date.ToString())},
            {"ethnicity", r.ethnicity},
            {"category", mm::ToString(r.category)},
            {"join_date", OptDateJson(r.join_date)},
            {"conversion_date", OptDateJson(r.conversion_date)},
            {"reason", r.reason},
            {"requested_on", f.requested_on.ToString()},
            {"letter", letter},
            {"accepted_on", OptDateJson(f.accepted_on)},
            {"receipt_on", OptDateJson(f.receipt_on)},
            {"ended_on", OptDateJson(f.ended_on)},
            {"end_reason", f.end_reason},
            {"version", r.version},
            {"side", {{"sender", v.sender}, {"receiver", v.receiver}}},
            {"minimal", v.minimal},
            {"actions", v.actions},
            {"reminders", reminders},
            {"events", events}};
}

json MyTransferJson(const core::ports::TransferRecord& r) {
    namespace mm = core::member;
    return {{"id", r.id},
            {"kind", mm::ToString(r.facts.kind)},
            {"state", mm::ToString(r.facts.state)},
            {"from_org_name", r.from_org_name},
            {"to_org_name", r.to_org_name},
            {"requested_on", r.facts.requested_on.ToString()},
            {"accepted_on", OptDateJson(r.facts.accepted_on)},
            {"receipt_on", OptDateJson(r.facts.receipt_on)}};
}

}  // namespace lianxin::http
