#include "http/json/fieldwork_dto.hpp"

#include <algorithm>

#include "core/member/masking.hpp"

namespace lianxin::http {

using nlohmann::json;
namespace pt = core::patrol;
namespace vi = core::visit;

namespace {
json IdOrNull(std::int64_t id) { return id == 0 ? json(nullptr) : json(id); }
json Items(const std::vector<pt::Item>& items) {
    json out = json::array();
    for (const auto& i : items) out.push_back(ItemJson(i));
    return out;
}
}  // namespace

json ItemJson(const pt::Item& i) {
    return {{"seq", i.seq},
            {"text", i.text},
            {"photo_ids", i.photo_ids},
            {"location", i.location ? json{{"lng", i.location->lng}, {"lat", i.location->lat}} : json(nullptr)},
            {"category_code", i.category_code},
            {"event_id", IdOrNull(i.event_id)},
            {"event_number", i.event_id ? json(i.event_number) : json(nullptr)},
            {"created_at", core::FormatInstant(i.created_at)}};
}

json PatrolJson(const pt::Patrol& p, int findings, bool can_edit, bool full) {
    json out = {{"id", p.id},
                {"grid_id", p.grid_id},
                {"grid_code", p.grid_code},
                {"grid_name", p.grid_name},
                {"org_id", p.org_id},
                {"org_name", p.org_name},
                {"day", p.day.ToString()},
                {"start_time", p.start_time},
                {"end_time", p.end_time},
                {"route", p.route},
                {"note", p.note},
                {"worker_user_id", p.worker_user_id},
                {"worker_name", p.worker_name},
                {"findings_count", full ? static_cast<int>(p.findings.size()) : findings},
                {"can_edit", can_edit},
                {"version", p.version}};
    if (full) out["findings"] = Items(p.findings);
    return out;
}

json DutyJson(const app::DutyList& d) {
    json items = json::array();
    for (const auto& g : d.items) {
        json days = json::array();
        for (const auto& day : g.short_days) days.push_back(day.ToString());
        items.push_back({{"grid_id", g.grid_id},
                         {"code", g.code},
                         {"name", g.name},
                         {"org_name", g.org_name},
                         {"expected", g.expected},
                         {"today", g.today},
                         {"short_today", d.working_day && g.today < g.expected},
                         {"short_days", days}});
    }
    json unloaded = json::array();
    for (int y : d.unloaded_years) unloaded.push_back(y);
    return {{"on", d.on.ToString()},
            {"week_from", d.week_from.ToString()},
            {"working_day", d.working_day},
            {"unloaded_years", unloaded},
            {"items", items}};
}

json ClearsJson() {
    json items = json::array();
    for (const auto& c : vi::Clears())
        items.push_back(
            {{"code", std::string(c.code)}, {"name_zh", std::string(c.name_zh)}, {"name_en", std::string(c.name_en)}});
    return {{"items", items}};
}

json HouseholdVisitJson(const app::HouseholdVisitView& view, bool full) {
    const auto& v = view.visit;
    json clears = json::object();
    if (view.reveal)
        for (std::size_t i = 0; i < vi::kClearCount; ++i)
            clears[std::string(vi::Clears()[i].code)] = std::string(vi::ToString(v.clears[i]));
    json known = json::array();  // which items are clear (not what they are): the roster shows this
    for (std::size_t i = 0; i < vi::kClearCount; ++i)
        if (v.clears[i] != vi::Answer::kUnknown) known.push_back(std::string(vi::Clears()[i].code));
    json out = {{"id", v.id},
                {"grid_id", v.grid_id},
                {"grid_code", v.grid_code},
                {"grid_name", v.grid_name},
                {"org_id", v.org_id},
                {"org_name", v.org_name},
                {"day", v.day.ToString()},
                {"building", v.building},
                {"door", v.door},
                {"resident_name", view.reveal ? v.resident_name : core::member::MaskName(v.resident_name)},
                {"resident_phone", view.reveal ? v.resident_phone : core::member::MaskPhone(v.resident_phone)},
                {"visitor_member_id", IdOrNull(v.visitor_member_id)},
                {"visitor_name", v.visitor_name},
                {"clears_known", known},
                {"clears", view.reveal ? clears : json(nullptr)},
                {"note", v.note},
                {"needs_count", static_cast<int>(v.needs.size())},
                {"can_edit", view.can_edit},
                {"version", v.version}};
    if (full) out["needs"] = Items(v.needs);
    return out;
}

json SessionJson(const app::SessionView& view, bool full) {
    const auto& s = view.session;
    json members = json::array();
    for (std::size_t i = 0; i < s.member_ids.size(); ++i)
        members.push_back(
            {{"member_id", s.member_ids[i]}, {"name", i < s.member_names.size() ? s.member_names[i] : std::string()}});
    json out = {{"id", s.id},
                {"org_id", s.org_id},
                {"org_name", s.org_name},
                {"grid_id", IdOrNull(s.grid_id)},
                {"day", s.day.ToString()},
                {"place", s.place},
                {"topic", s.topic},
                {"members", members},
                {"residents_count", s.residents_count},
                {"residents_text", s.residents_text},
                {"note", s.note},
                {"created_by_name", s.created_by_name},
                {"problems_count", static_cast<int>(s.problems.size())},
                {"raised_count", static_cast<int>(std::count_if(s.problems.begin(), s.problems.end(),
                                                                [](const auto& p) { return p.event_id != 0; }))},
                {"can_edit", view.can_edit},
                {"version", s.version}};
    if (full) out["problems"] = Items(s.problems);
    return out;
}

json OriginJson(const std::optional<core::ports::ItemOrigin>& o) {
    if (!o) return {{"origin", nullptr}};
    return {{"origin",
             {{"kind", std::string(pt::ToString(o->kind))},
              {"record_id", o->record_id},
              {"seq", o->seq},
              {"day", o->day.ToString()}}}};
}

pt::Item ReadItem(JsonBody& body) {
    pt::Item item;
    item.text = body.Str("text", true, 4000);
    item.photo_ids = body.StrList("photo_ids", 20, 64);
    if (auto loc = body.Object("location")) {
        auto lng = loc->OptNumber("lng");
        auto lat = loc->OptNumber("lat");
        if (lng && lat) item.location = core::event::Coordinates{*lng, *lat};
        body.Absorb(*loc);
    }
    item.category_code = body.Str("category_code", false, 64);
    return item;
}

}  // namespace lianxin::http
