// Grids (docs/api.md "Grids"): list, one, create, edit, redraw, history, the grid of a point, the GeoJSON export
// and the map's tile configuration.
#include <cmath>

#include "app/grid/grids.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/body.hpp"
#include "http/json/geojson.hpp"

namespace lianxin::http::handlers {

namespace {

nlohmann::json IdOrNull(std::int64_t id) { return id ? nlohmann::json(id) : nlohmann::json(nullptr); }

nlohmann::json PersonJson(const core::grid::Person& p) {
    return {
        {"member_id", IdOrNull(p.member_id)}, {"user_id", IdOrNull(p.user_id)}, {"name", p.name}, {"phone", p.phone}};
}

nlohmann::json VersionJson(const core::grid::GridVersion& v) {
    return {{"id", v.id},
            {"geometry", GeometryJson(v.boundary)},
            {"bbox", {v.box.min_lng, v.box.min_lat, v.box.max_lng, v.box.max_lat}},
            {"area_m2", static_cast<std::int64_t>(std::llround(v.area_m2))},
            {"valid_from", v.valid_from.ToString()},
            {"valid_to", v.valid_to ? nlohmann::json(v.valid_to->ToString()) : nlohmann::json(nullptr)}};
}

nlohmann::json GridJson(const app::GridView& v, Lang lang) {
    const auto& g = v.grid;
    nlohmann::json team = nlohmann::json::array();
    for (const auto& t : g.team) {
        auto p = PersonJson(t.person);
        p["role"] = std::string(ToString(t.role));
        p["post"] = std::string(ToString(t.post));
        p["note"] = t.note;
        team.push_back(p);
    }
    nlohmann::json cover = nullptr;
    if (g.covering_org_id || g.covering_group_id)
        cover = {{"org_id", IdOrNull(g.covering_org_id)},
                 {"group_id", IdOrNull(g.covering_group_id)},
                 {"name", g.covering_name}};
    return {{"id", g.id},
            {"org", {{"id", g.org_id}, {"name", g.org_name}}},
            {"code", g.code},
            {"name", g.name},
            {"households", g.households},
            {"residents", g.residents},
            {"buildings", g.buildings},
            {"leader", g.leader.name.empty() ? nlohmann::json(nullptr) : PersonJson(g.leader)},
            {"covering", cover},
            {"note", g.note},
            {"team", team},
            {"boundary", v.boundary ? VersionJson(*v.boundary) : nlohmann::json(nullptr)},
            {"warnings", WarningsJson(v.warnings, lang)},
            {"can_edit", v.can_edit},
            {"version", g.version}};
}

core::grid::Person ReadPerson(JsonBody& body) {
    core::grid::Person p;
    p.member_id = body.Int("member_id", false);
    p.user_id = body.Int("user_id", false);
    p.name = body.Str("name", false, 200);
    p.phone = body.Str("phone", false, 120);
    return p;
}

// The attribute fields of a grid body (create takes org_id, code, boundary and valid_from too; edits take version).
app::GridInput ReadInput(JsonBody& body, core::Error& bad) {
    app::GridInput in;
    in.name = body.Str("name", true, 400);
    in.note = body.Str("note", false, 8000);
    in.households = body.Count("households", 0, 100000);
    in.residents = body.Count("residents", 0, 1000000);
    in.buildings = body.StrList("buildings", 200, 400);
    if (auto leader = body.Object("leader")) {
        in.leader = ReadPerson(*leader);
        body.Absorb(*leader);
    }
    in.covering_org_id = body.Int("covering_org_id", false);
    in.covering_group_id = body.Int("covering_group_id", false);
    auto team = body.Objects("team", 200);
    for (std::size_t i = 0; i < team.size(); ++i) {
        core::grid::TeamEntry t;
        const auto role = team[i].Str("role", true, 16);
        const auto post = team[i].Str("post", false, 16);
        t.person = ReadPerson(team[i]);
        t.note = team[i].Str("note", false, 800);
        body.Absorb(team[i]);
        const auto r = core::grid::ParseTeamRole(role);
        const auto k = core::grid::ParsePostKind(post);
        if (r) t.role = *r;
        if (k) t.post = *k;
        const std::string field = "team[" + std::to_string(i) + "].";
        if (!r) bad.WithField(field + "role", "grid.team.role");
        if (!k) bad.WithField(field + "post", "grid.team.post");
        in.team.push_back(std::move(t));
    }
    return in;
}

core::Result<core::grid::Boundary> ReadBoundary(JsonBody& body, bool required) {
    auto raw = body.Raw("boundary");
    if (!raw) {
        if (required) return core::Fail(core::InvalidField("boundary", "field.required"));
        return core::grid::Boundary{};
    }
    return ReadGeometry(*raw, "boundary");
}

// Role and post names that are not in their lists, found while reading the team.
core::Error Unread() { return core::MakeError(core::ErrorCode::kInvalidArgument, "request.invalid"); }
core::Status Refuse(const core::Error& bad) {
    if (bad.fields.empty()) return core::Ok();
    return core::Fail(bad);
}

core::Result<core::Date> OnParam(Call& call) { return AsOfParam(call.req, call.ctx.clock.Today()); }

core::Result<double> NumberParam(const Request& req, const std::string& name) {
    auto it = req.query.find(name);
    if (it == req.query.end() || it->second.empty() || it->second.size() > 32)
        return core::Fail(core::InvalidField(name, "field.required"));
    try {
        std::size_t used = 0;
        const double v = std::stod(it->second, &used);
        if (used == it->second.size() && std::isfinite(v)) return v;
    } catch (const std::exception&) {}
    return core::Fail(core::InvalidField(name, "grid.point.range"));
}

}  // namespace

core::Result<Response> ListGrids(Call& call) {
    LX_ASSIGN(org_id, IdParam(call.req, "org_id"));
    LX_ASSIGN(on, OnParam(call));
    LX_ASSIGN(list, app::ListGrids(call.ctx, call.actor(), org_id, on));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : list.items) items.push_back(GridJson(v, call.req.lang));
    return JsonResponse(
        {{"items", items}, {"warnings", WarningsJson(list.warnings, call.req.lang)}, {"on", on.ToString()}});
}

core::Result<Response> GetGrid(Call& call) {
    LX_ASSIGN(on, OnParam(call));
    LX_ASSIGN(v, app::GetGrid(call.ctx, call.actor(), PathId(call.req, "id"), on));
    return JsonResponse(GridJson(v, call.req.lang));
}

core::Result<Response> CreateGrid(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    const auto org_id = body.Int("org_id", true);
    auto bad = Unread();
    auto in = ReadInput(body, bad);
    in.code = body.Str("code", true, 32);
    const auto valid_from = body.Str("valid_from", false, 16);
    auto boundary = ReadBoundary(body, false);
    LX_CHECK(body.Finish());
    LX_CHECK(Refuse(bad));
    if (!boundary) return core::Fail(boundary.error());
    std::optional<core::grid::Boundary> shape;
    if (!boundary->empty()) shape = std::move(*boundary);
    LX_ASSIGN(id, app::CreateGrid(call.ctx, call.actor(), org_id, in, shape, valid_from));
    return JsonResponse({{"id", id}}, 201);
}

core::Result<Response> UpdateGrid(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    const auto version = body.Int("version", true);
    auto bad = Unread();
    auto in = ReadInput(body, bad);
    LX_CHECK(body.Finish());
    LX_CHECK(Refuse(bad));
    LX_CHECK(app::UpdateGrid(call.ctx, call.actor(), PathId(call.req, "id"), version, in));
    LX_ASSIGN(v, app::GetGrid(call.ctx, call.actor(), PathId(call.req, "id"), call.ctx.clock.Today()));
    return JsonResponse(GridJson(v, call.req.lang));
}

core::Result<Response> RedrawGrid(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    const auto valid_from = body.Str("valid_from", false, 16);
    auto boundary = ReadBoundary(body, true);
    LX_CHECK(body.Finish());
    if (!boundary) return core::Fail(boundary.error());
    LX_CHECK(app::RedrawGrid(call.ctx, call.actor(), PathId(call.req, "id"), *boundary, valid_from));
    LX_ASSIGN(v, app::GetGrid(call.ctx, call.actor(), PathId(call.req, "id"), call.ctx.clock.Today()));
    return JsonResponse(GridJson(v, call.req.lang));
}

core::Result<Response> GridHistory(Call& call) {
    LX_ASSIGN(list, app::GridHistory(call.ctx, call.actor(), PathId(call.req, "id")));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : list) items.push_back(VersionJson(v));
    return JsonResponse({{"items", items}});
}

core::Result<Response> LocateGrid(Call& call) {
    LX_ASSIGN(lng, NumberParam(call.req, "lng"));
    LX_ASSIGN(lat, NumberParam(call.req, "lat"));
    LX_ASSIGN(on, OnParam(call));
    LX_ASSIGN(found, app::LocateGrid(call.ctx, call.actor(), {lng, lat}, on));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : found) items.push_back(GridJson(v, call.req.lang));
    return JsonResponse({{"items", items}, {"on", on.ToString()}});
}

core::Result<Response> ExportGrids(Call& call) {
    LX_ASSIGN(org_id, IdParam(call.req, "org_id"));
    LX_ASSIGN(on, OnParam(call));
    LX_ASSIGN(list, app::ListGrids(call.ctx, call.actor(), org_id, on));
    nlohmann::json features = nlohmann::json::array();
    for (const auto& v : list.items) {
        if (!v.boundary) continue;
        const auto& g = v.grid;
        features.push_back({{"type", "Feature"},
                            {"id", g.code},
                            {"geometry", GeometryJson(v.boundary->boundary)},
                            {"properties",
                             {{"code", g.code},
                              {"name", g.name},
                              {"org", g.org_name},
                              {"households", g.households},
                              {"residents", g.residents},
                              {"area_m2", static_cast<std::int64_t>(std::llround(v.boundary->area_m2))},
                              {"valid_from", v.boundary->valid_from.ToString()}}}});
    }
    auto r = JsonResponse({{"type", "FeatureCollection"}, {"features", features}});
    r.content_type = "application/geo+json; charset=utf-8";
    r.Header("Content-Disposition", "attachment; filename=\"grids-" + on.ToString() + ".geojson\"");
    return r;
}

core::Result<Response> GridMap(Call& call) {
    return JsonResponse({{"tile_url", call.settings.map_tile_url},
                         {"tile_crs", call.settings.map_tile_crs},
                         {"attribution", call.settings.map_attribution}});
}

}  // namespace lianxin::http::handlers
