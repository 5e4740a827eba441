#include "http/json/event_dto.hpp"

#include "core/member/masking.hpp"
#include "http/json/duplicate_dto.hpp"

namespace lianxin::http {

using nlohmann::json;
namespace ev = core::event;

namespace {
json Instant(const std::optional<std::int64_t>& t) { return t ? json(core::FormatInstant(*t)) : json(nullptr); }
json IdOrNull(std::int64_t id) { return id == 0 ? json(nullptr) : json(id); }
}  // namespace

json EventCategoryJson(const ev::Category& c) {
    return {{"code", c.code},
            {"parent_code", c.parent_code.empty() ? json(nullptr) : json(c.parent_code)},
            {"name_zh", c.name_zh},
            {"name_en", c.name_en},
            {"sla_class", c.sla_class ? json(std::string(ev::ToString(*c.sla_class))) : json(nullptr)}};
}

json EventJson(const app::EventView& v, Lang lang, bool full) {
    (void)lang;  // labels of states and actions are the web's (i18n); messages come with errors
    const auto& r = v.record;
    const auto& e = r.event;
    json out = {{"id", e.id},
                {"number", e.number},
                {"channel", std::string(ev::ToString(e.channel))},
                {"external_ref", e.external_ref},
                {"category_code", e.category_code},
                {"sla_class", std::string(ev::ToString(e.sla_class))},
                {"urgency", std::string(ev::ToString(e.urgency))},
                {"org_id", e.org_id},
                {"org_name", r.org_name},
                {"grid_id", IdOrNull(e.grid_id)},
                {"address", e.address},
                {"description", e.description},
                {"reported_at", core::FormatInstant(e.reported_at)},
                {"state", std::string(ev::ToString(e.state))},
                {"owner_org_id", e.owner_org_id},
                {"owner_org_name", r.owner_org_name},
                {"assignee_org_id", IdOrNull(e.assignee_org_id)},
                {"assignee_org_name", r.assignee_org_name},
                {"assignee_name", e.assignee_name},
                {"assignee_user_id", IdOrNull(e.assignee_user_id)},
                {"mark_kind", e.mark_kind},
                {"respond_by", Instant(e.respond_by)},
                {"handle_by", Instant(e.handle_by)},
                {"overdue", v.overdue},
                {"due_soon", v.due_soon},
                {"supervised_at", Instant(r.supervised_at)},
                {"closed_at", Instant(e.closed_at)},
                {"version", e.version},
                {"actions", v.actions}};
    json whistles = json::array();
    for (const auto& w : v.whistles)
        whistles.push_back({{"id", w.id},
                            {"target_kind", w.target_kind},
                            {"target_org_id", IdOrNull(w.target_org_id)},
                            {"overlay_unit_id", IdOrNull(w.overlay_unit_id)},
                            {"target_name", w.target_name},
                            {"report_within_minutes", w.report_within_minutes},
                            {"report_by", core::FormatInstant(w.report_by)},
                            {"blown_at", core::FormatInstant(w.blown_at)},
                            {"reported_at", Instant(w.reported_at)},
                            {"report_note", w.report_note},
                            {"closed_at", Instant(w.closed_at)},
                            {"close_note", w.close_note}});
    // a list shows whistles only in the department's queue (its own: app ListEvents)
    if (full || !v.whistles.empty()) out["whistles"] = whistles;
    if (!full) return out;
    out["location"] = e.location ? json{{"lng", e.location->lng}, {"lat", e.location->lat}} : json(nullptr);
    out["reporter_name"] = e.reporter_name;
    out["reporter_phone"] = v.reveal_phone ? e.reporter_phone : core::member::MaskPhone(e.reporter_phone);
    out["photo_ids"] = e.photo_ids;
    out["related"] = e.related;
    out["duplicate_of"] = IdOrNull(e.duplicate_of);
    out["suspended_since"] = Instant(e.suspended_since);
    out["suspended_minutes"] = e.suspended_millis / 60'000;
    out["outcome"] = e.outcome;
    out["score"] = e.score == 0 ? json(nullptr) : json(e.score);
    out["reopen_count"] = e.reopen_count;
    AddDuplicates(out, v);  // merged duplicates and the primary (duplicate_dto.cpp)
    json flow = json::array();
    for (const auto& f : v.flow)
        flow.push_back({{"seq", f.seq},
                        {"action", f.action},
                        {"from_state", f.from_state},
                        {"to_state", f.to_state},
                        {"actor_name", f.actor_name},
                        {"actor_org_id", IdOrNull(f.actor_org_id)},
                        {"reason", f.reason},
                        {"note", f.note},
                        {"photo_ids", f.photo_ids},
                        {"deadline", Instant(f.deadline)},
                        {"whistle_id", IdOrNull(f.whistle_id)},
                        {"at", core::FormatInstant(f.at)},
                        {"reached", f.reached ? json(*f.reached) : json(nullptr)},
                        {"outcome", f.outcome},
                        {"score", f.score == 0 ? json(nullptr) : json(f.score)}});
    out["flow"] = flow;
    out["callback_due"] = Instant(v.callback_due);
    return out;
}

}  // namespace lianxin::http
