#include "http/json/overlay_dto.hpp"

#include <map>

#include "http/json/dto.hpp"

namespace lianxin::http {

using nlohmann::json;

namespace {

json UnitJson(const core::org::MemberUnit& u, const std::vector<std::int64_t>& order) {
    json head = nullptr;
    if (!u.head.name.empty())
        head = {{"name", u.head.name},
                {"post", u.head.post},
                {"member_id", u.head.member_id ? json(u.head.member_id) : json(nullptr)}};
    json pos = nullptr;
    for (std::size_t i = 0; i < order.size(); ++i)
        if (order[i] == u.id) pos = static_cast<int>(i);
    return {{"id", u.id},
            {"name", u.name},
            {"unit_type", std::string(core::org::ToString(u.type))},
            {"uscc", u.uscc},
            {"address", u.address},
            {"two_new", u.two_new},
            {"joined_on", u.joined_on.ToString()},
            {"left_on", OptDateJson(u.left_on)},
            {"head", head},
            {"roster_pos", pos}};
}

}  // namespace

json OverlayCountsJson(const core::org::OverlayCounts& c) {
    return {{"overlays", c.overlays},
            {"units", c.units},
            {"part_time_members", c.part_time_members},
            {"linked_members", c.linked_members}};
}

json OverlayJson(const app::OverlayView& v, bool detail, Lang lang) {
    const auto& o = v.overlay;
    json convenor = nullptr;
    if (v.convenor)
        convenor = {{"unit_id", v.convenor->unit_id},
                    {"name", v.convenor_name},
                    {"from", v.convenor->from.ToString()},
                    {"until", v.convenor->until.ToString()}};
    json meeting = nullptr;
    if (v.meeting) meeting = ReminderJson(v.meeting->key, v.meeting->due, v.meeting->overdue, lang);
    json counts = OverlayCountsJson(v.counts);
    counts.erase("overlays");
    json out = {{"id", o.id},
                {"kind", std::string(core::org::ToString(o.kind))},
                {"name", o.name},
                {"host_org", {{"id", o.host_org_id}, {"name", o.host_org_name}}},
                {"founded_on", o.founded_on.ToString()},
                {"meeting_period_months", o.meeting_period_months},
                {"last_meeting_on", OptDateJson(o.last_meeting_on)},
                {"meeting", meeting},
                {"note", o.note},
                {"counts", counts},
                {"rotation",
                 {{"period_months", o.rotation.period_months},
                  {"start", OptDateJson(o.rotation.start)},
                  {"order", o.rotation.order}}},
                {"convenor", convenor},
                {"next_handover", OptDateJson(v.next_handover)},
                {"can_edit", v.can_edit},
                {"version", o.version}};
    if (!detail) return out;
    std::map<std::int64_t, std::string> names;
    json units = json::array();
    for (const auto& u : v.units) {
        names[u.id] = u.name;
        units.push_back(UnitJson(u, o.rotation.order));
    }
    json turns = json::array();
    for (const auto& t : v.turns)
        turns.push_back({{"unit_id", t.unit_id},
                         {"name", names[t.unit_id]},
                         {"from", t.from.ToString()},
                         {"until", t.until.ToString()},
                         {"current", v.convenor && *v.convenor == t}});
    out["units"] = units;
    out["turns"] = turns;
    return out;
}

json LinkedMembersJson(const app::LinkedMembers& m) {
    json items = json::array();
    for (const auto& l : m.items)
        items.push_back({{"member_id", l.member_id},
                         {"name", l.member_name},
                         {"org_id", l.org_id},
                         {"org_name", l.org_name},
                         {"since", l.valid_from.ToString()}});
    return {{"items", items}, {"outside_scope", m.outside_scope}};
}

}  // namespace lianxin::http
