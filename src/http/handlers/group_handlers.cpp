// Party groups of a branch and the units a joint branch covers (docs/api.md "Party groups and covered units").
#include "app/org/party_groups.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/body.hpp"

namespace lianxin::http::handlers {

namespace {

nlohmann::json OptDay(const std::optional<core::Date>& d) {
    return d ? nlohmann::json(d->ToString()) : nlohmann::json(nullptr);
}

nlohmann::json GroupJson(const core::ports::PartyGroupRecord& g) {
    nlohmann::json members = nlohmann::json::array();
    for (const auto& m : g.members) members.push_back({{"id", m.id}, {"name", m.name}});
    nlohmann::json leader = nullptr;
    if (g.leader_member_id != 0) leader = {{"id", g.leader_member_id}, {"name", g.leader_name}};
    return {{"id", g.id},
            {"name", g.name},
            {"scope", std::string(core::org::ToString(g.scope))},
            {"scope_name", g.scope_name},
            {"leader", leader},
            {"members", members},
            {"valid_from", g.valid_from.ToString()},
            {"valid_to", OptDay(g.valid_to)},
            {"version", g.version}};
}

nlohmann::json UnitJson(const core::ports::CoveredUnitRecord& u) {
    return {{"id", u.id},
            {"name", u.name},
            {"unit_type", std::string(core::org::ToString(u.type))},
            {"uscc", u.uscc},
            {"valid_from", u.valid_from.ToString()},
            {"valid_to", OptDay(u.valid_to)}};
}

// The fields of a group body (edits take version; create may list the first members).
app::GroupInput ReadGroup(JsonBody& body) {
    app::GroupInput in;
    in.name = body.Str("name", true, 120);
    in.scope = body.Str("scope", true, 32);
    in.scope_name = body.Str("scope_name", false, 160);
    in.leader_member_id = body.Int("leader_member_id", false);
    return in;
}

}  // namespace

core::Result<Response> OrgGroups(Call& call) {
    LX_ASSIGN(as_of, AsOfParam(call.req, call.ctx.clock.Today()));
    LX_ASSIGN(v, app::GetGroups(call.ctx, call.actor(), PathId(call.req, "id"), as_of));
    nlohmann::json groups = nlohmann::json::array();
    for (const auto& g : v.groups) groups.push_back(GroupJson(g));
    nlohmann::json units = nlohmann::json::array();
    for (const auto& u : v.units) units.push_back(UnitJson(u));
    return JsonResponse({{"org_id", v.org.id},
                         {"org_type", std::string(core::org::ToString(v.org.type))},
                         {"groups", groups},
                         {"units", units},
                         {"may_hold_groups", v.may_hold_groups},
                         {"may_cover_units", v.may_cover_units},
                         {"can_edit_groups", v.can_edit_groups},
                         {"can_edit_units", v.can_edit_units},
                         {"warnings", WarningsJson(v.warnings, call.req.lang)}});
}

core::Result<Response> CreateGroup(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    auto in = ReadGroup(body);
    in.member_ids = body.IdList("member_ids", 200);
    LX_CHECK(body.Finish());
    LX_ASSIGN(id, app::CreateGroup(call.ctx, call.actor(), PathId(call.req, "id"), in));
    return JsonResponse({{"id", id}}, 201);
}

core::Result<Response> UpdateGroup(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    const auto version = body.Int("version", true);
    auto in = ReadGroup(body);
    LX_CHECK(body.Finish());
    LX_CHECK(app::UpdateGroup(call.ctx, call.actor(), PathId(call.req, "id"), version, in));
    return NoContent();
}

core::Result<Response> SetGroupMembers(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    const auto version = body.Int("version", true);
    const auto ids = body.IdList("member_ids", 200);
    LX_CHECK(body.Finish());
    LX_CHECK(app::SetGroupMembers(call.ctx, call.actor(), PathId(call.req, "id"), version, ids));
    return NoContent();
}

core::Result<Response> CloseGroup(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    const auto version = body.Int("version", true);
    const auto on = body.Str("on", true, 16);
    LX_CHECK(body.Finish());
    LX_CHECK(app::CloseGroup(call.ctx, call.actor(), PathId(call.req, "id"), version, on));
    return NoContent();
}

core::Result<Response> AddCoveredUnit(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    app::CoveredUnitInput in;
    in.name = body.Str("name", true, 240);
    in.unit_type = body.Str("unit_type", true, 32);
    in.uscc = body.Str("uscc", false, 40);
    LX_CHECK(body.Finish());
    LX_ASSIGN(id, app::AddCoveredUnit(call.ctx, call.actor(), PathId(call.req, "id"), in));
    return JsonResponse({{"id", id}}, 201);
}

core::Result<Response> EndCoveredUnit(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    const auto on = body.Str("on", true, 16);
    LX_CHECK(body.Finish());
    LX_CHECK(app::EndCoveredUnit(call.ctx, call.actor(), PathId(call.req, "id"), PathId(call.req, "unit_id"), on));
    return NoContent();
}

}  // namespace lianxin::http::handlers
