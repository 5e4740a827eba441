// Overlays (docs/api.md "Overlays"): 大工委 / 大党委 / 联合党委 / 联盟 / 联席会议 with their member units, the rotating
// convenor's roster, dual-identity links and the counts per community.
#include "app/org/overlays.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/body.hpp"
#include "http/json/overlay_dto.hpp"

namespace lianxin::http::handlers {

namespace {

core::Result<app::OverlayInput> OverlayBody(const Request& req, bool create) {
    LX_ASSIGN(body, JsonBody::Parse(req.body));
    app::OverlayInput in;
    if (create) in.host_org_id = body.Int("host_org_id", true);
    else in.version = body.Int("version", true);
    in.kind = body.Str("kind", false);  // the use case names what is missing (the label "kind" is a step)
    in.name = body.Str("name", false);
    in.founded_on = body.Str("founded_on", true, 16);
    in.meeting_period_months = body.Count("meeting_period_months", 0, 24);
    in.last_meeting_on = body.OptStr("last_meeting_on", 16).value_or("");
    in.note = body.Str("note", false);
    LX_CHECK(body.Finish());
    return in;
}

core::Result<app::UnitInput> UnitBody(const Request& req) {
    LX_ASSIGN(body, JsonBody::Parse(req.body));
    app::UnitInput in;
    in.name = body.Str("name", false);
    in.unit_type = body.Str("unit_type", true, 32);
    in.uscc = body.Str("uscc", false, 40);
    in.address = body.Str("address", false);
    in.two_new = body.OptBool("two_new");
    in.joined_on = body.Str("joined_on", true, 16);
    in.head_name = body.Str("head_name", false);
    in.head_post = body.Str("head_post", false);
    in.head_member_id = body.Int("head_member_id", false);
    LX_CHECK(body.Finish());
    return in;
}

}  // namespace

core::Result<Response> ListOverlays(Call& call) {
    LX_ASSIGN(org_id, IdParam(call.req, "org_id"));
    LX_ASSIGN(list, app::ListOverlays(call.ctx, call.actor(), org_id));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : list) items.push_back(OverlayJson(v, false, call.req.lang));
    return JsonResponse({{"items", items}});
}

core::Result<Response> CreateOverlay(Call& call) {
    LX_ASSIGN(in, OverlayBody(call.req, true));
    LX_ASSIGN(id, app::CreateOverlay(call.ctx, call.actor(), in));
    return JsonResponse({{"id", id}}, 201);
}

core::Result<Response> GetOverlay(Call& call) {
    LX_ASSIGN(v, app::GetOverlay(call.ctx, call.actor(), PathId(call.req, "id")));
    return JsonResponse(OverlayJson(v, true, call.req.lang));
}

core::Result<Response> UpdateOverlay(Call& call) {
    LX_ASSIGN(in, OverlayBody(call.req, false));
    const auto id = PathId(call.req, "id");
    LX_CHECK(app::UpdateOverlay(call.ctx, call.actor(), id, in));
    LX_ASSIGN(v, app::GetOverlay(call.ctx, call.actor(), id));
    return JsonResponse(OverlayJson(v, true, call.req.lang));
}

core::Result<Response> AddOverlayUnit(Call& call) {
    LX_ASSIGN(in, UnitBody(call.req));
    LX_ASSIGN(id, app::AddMemberUnit(call.ctx, call.actor(), PathId(call.req, "id"), in));
    return JsonResponse({{"id", id}}, 201);
}

core::Result<Response> EndOverlayUnit(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    std::string on = body.Str("on", false, 16);
    LX_CHECK(body.Finish());
    LX_CHECK(app::EndMemberUnit(call.ctx, call.actor(), PathId(call.req, "id"), PathId(call.req, "unit_id"), on));
    return NoContent();
}

core::Result<Response> SetOverlayRoster(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    app::RosterInput in;
    in.version = body.Int("version", true);
    in.unit_ids = body.IdList("unit_ids", 200);
    in.period_months = body.Count("period_months", 0, 24);
    in.start = body.Str("start", false, 16);
    LX_CHECK(body.Finish());
    const auto id = PathId(call.req, "id");
    LX_CHECK(app::SetRoster(call.ctx, call.actor(), id, in));
    LX_ASSIGN(v, app::GetOverlay(call.ctx, call.actor(), id));
    return JsonResponse(OverlayJson(v, true, call.req.lang));
}

core::Result<Response> ListOverlayMembers(Call& call) {
    LX_ASSIGN(m, app::ListLinkedMembers(call.ctx, call.actor(), PathId(call.req, "id")));
    return JsonResponse(LinkedMembersJson(m));
}

core::Result<Response> LinkOverlayMembers(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    auto ids = body.IdList("member_ids", 200);
    std::string since = body.Str("since", false, 16);
    LX_CHECK(body.Finish());
    LX_ASSIGN(r, app::LinkMembers(call.ctx, call.actor(), PathId(call.req, "id"), ids, since));
    return JsonResponse({{"linked", r.linked}, {"already", r.already}}, 201);
}

core::Result<Response> UnlinkOverlayMember(Call& call) {
    LX_CHECK(app::UnlinkMember(call.ctx, call.actor(), PathId(call.req, "id"), PathId(call.req, "member_id")));
    return NoContent();
}

core::Result<Response> OrgOverlayCounts(Call& call) {
    LX_ASSIGN(c, app::CountOverlays(call.ctx, call.actor(), PathId(call.req, "id")));
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : c.rows) {
        auto row = OverlayCountsJson(r.counts);
        row["org_id"] = r.org.id;
        row["org_name"] = r.org.name;
        rows.push_back(std::move(row));
    }
    return JsonResponse({{"org_id", c.total.org.id},
                         {"on", call.ctx.clock.Today().ToString()},
                         {"aggregates", "overlay_host"},
                         {"total", OverlayCountsJson(c.total.counts)},
                         {"items", rows}});
}

}  // namespace lianxin::http::handlers
