// Party-mass service positions (docs/api.md "Service positions"): list, one, register, edit and close.
#include "app/org/positions.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/body.hpp"

namespace lianxin::http::handlers {

namespace {

nlohmann::json PositionJson(const app::PositionView& v) {
    const auto& r = v.record;
    nlohmann::json hours = nlohmann::json::object();
    for (std::size_t d = 0; d < r.hours.days.size(); ++d) {
        nlohmann::json day = nlohmann::json::array();
        for (const auto& range : r.hours.days[d]) day.push_back(core::org::FormatRange(range));
        hours[std::string(core::org::kWeekdayKeys[d])] = day;
    }
    nlohmann::json point = nullptr;
    if (r.point) point = {{"lat", r.point->lat_e6 / 1e6}, {"lng", r.point->lng_e6 / 1e6}};
    return {{"id", r.id},
            {"org", {{"id", r.org_id}, {"name", r.org_name}}},
            {"level", std::string(core::org::ToString(r.level))},
            {"name", r.name},
            {"address", r.address},
            {"point", point},
            {"area_m2", r.area_m2 ? nlohmann::json(*r.area_m2) : nlohmann::json(nullptr)},
            {"phone", r.phone},
            {"hours", hours},
            {"services", r.services},
            {"note", r.note},
            {"open_now", v.open_now},
            {"can_edit", v.can_edit},
            {"valid_from", r.valid_from.ToString()},
            {"valid_to", r.valid_to ? nlohmann::json(r.valid_to->ToString()) : nlohmann::json(nullptr)},
            {"version", r.version}};
}

// The fields of a position body (create takes org_id too; edits take version).
app::PositionInput ReadInput(JsonBody& body) {
    app::PositionInput in;
    in.level = body.Str("level", true, 32);
    in.name = body.Str("name", true, 240);
    in.address = body.Str("address", true, 480);
    in.phone = body.Str("phone", false, 40);
    in.note = body.Str("note", false, 2000);
    in.lat = body.OptNumber("lat");
    in.lng = body.OptNumber("lng");
    in.area_m2 = body.Count("area_m2", 0, 100000);
    in.services = body.StrList("services", 30, 40);
    if (auto hours = body.Object("hours")) {
        for (std::size_t d = 0; d < in.hours.size(); ++d)
            in.hours[d] = hours->StrList(std::string(core::org::kWeekdayKeys[d]), 8, 20);
        body.Absorb(*hours);
    }
    return in;
}

}  // namespace

core::Result<Response> ListPositions(Call& call) {
    LX_ASSIGN(org_id, IdParam(call.req, "org_id"));
    LX_ASSIGN(level, TextParam(call.req, "level", 32));
    LX_ASSIGN(list, app::ListPositions(call.ctx, call.actor(), org_id, level));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : list) items.push_back(PositionJson(v));
    return JsonResponse({{"items", items}});
}

core::Result<Response> GetPosition(Call& call) {
    LX_ASSIGN(v, app::GetPosition(call.ctx, call.actor(), PathId(call.req, "id")));
    return JsonResponse(PositionJson(v));
}

core::Result<Response> CreatePosition(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    const auto org_id = body.Int("org_id", true);
    auto in = ReadInput(body);
    LX_CHECK(body.Finish());
    LX_ASSIGN(id, app::CreatePosition(call.ctx, call.actor(), org_id, in));
    return JsonResponse({{"id", id}}, 201);
}

core::Result<Response> UpdatePosition(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    const auto version = body.Int("version", true);
    auto in = ReadInput(body);
    LX_CHECK(body.Finish());
    LX_CHECK(app::UpdatePosition(call.ctx, call.actor(), PathId(call.req, "id"), version, in));
    LX_ASSIGN(v, app::GetPosition(call.ctx, call.actor(), PathId(call.req, "id")));
    return JsonResponse(PositionJson(v));
}

core::Result<Response> ClosePosition(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    const auto version = body.Int("version", true);
    const auto on = body.Str("on", true, 16);
    LX_CHECK(body.Finish());
    LX_CHECK(app::ClosePosition(call.ctx, call.actor(), PathId(call.req, "id"), version, on));
    return NoContent();
}

}  // namespace lianxin::http::handlers
