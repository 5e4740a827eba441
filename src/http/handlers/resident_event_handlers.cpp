// A resident's own events (docs/api.md "Residents' events"; issue 17): the report page's dictionary and places,
// the report, my events, the follow link (public: the token is the key) and the resident's confirmation.
#include "app/event/resident_events.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/body.hpp"
#include "http/json/event_dto.hpp"
#include "http/json/geojson.hpp"

namespace lianxin::http::handlers {

namespace {

using nlohmann::json;
namespace ev = core::event;

json Instant(const std::optional<std::int64_t>& t) { return t ? json(core::FormatInstant(*t)) : json(nullptr); }

// What a resident sees of their event: never the staff's names, the reasons or the notes, nor the phone.
json ResidentEventJson(const core::ports::EventRecord& r) {
    const auto& e = r.event;
    return {{"id", e.id},
            {"number", e.number},
            {"category_code", e.category_code},
            {"org_name", r.org_name},
            {"address", e.address},
            {"description", e.description},
            {"photo_count", e.photo_ids.size()},
            {"reported_at", core::FormatInstant(e.reported_at)},
            {"state", std::string(ev::ToString(e.state))},
            {"closed_at", Instant(e.closed_at)},
            {"outcome", e.outcome},
            {"score", e.score},
            {"follow_token", e.follow_token},
            {"merged", e.state == ev::EventState::kDismissed && e.mark_kind == "duplicate"}};
}

json FollowJson(const app::FollowView& v) {
    json out = ResidentEventJson(v.record);
    out.erase("follow_token");  // the link holder has it already
    json steps = json::array();
    for (const auto& s : v.steps)
        steps.push_back({{"action", s.action}, {"state", s.state}, {"at", core::FormatInstant(s.at)}});
    out["grid_name"] = v.grid_name;
    out["steps"] = steps;
    out["result"] = v.result;
    out["result_at"] = Instant(v.result_at);
    out["can_confirm"] = v.can_confirm;
    // the resident's own event, merged into the one shown (issue 17 "Duplicates"), or null
    out["merged_number"] = v.merged_number.empty() ? json(nullptr) : json(v.merged_number);
    return out;
}

}  // namespace

core::Result<Response> ResidentCategories(Call& call) {
    LX_ASSIGN(cats, app::ResidentCategories(call.ctx));
    json items = json::array();
    for (const auto& c : cats) items.push_back(EventCategoryJson(c));
    return JsonResponse({{"items", items}});
}

core::Result<Response> ResidentPlaces(Call& call) {
    LX_ASSIGN(places, app::ResidentPlacesToday(call.ctx));
    json communities = json::array();
    for (const auto& c : places.communities) communities.push_back({{"org_id", c.org_id}, {"name", c.name}});
    json features = json::array();
    for (const auto& g : places.grids)
        features.push_back(
            {{"type", "Feature"},
             {"id", g.code},
             {"geometry", GeometryJson(g.boundary)},
             {"properties",
              {{"grid_id", g.grid_id}, {"name", g.name}, {"org_id", g.org_id}, {"org_name", g.org_name}}}});
    return JsonResponse({{"communities", communities},
                         {"grids", {{"type", "FeatureCollection"}, {"features", features}}},
                         {"map",
                          {{"tile_url", call.settings.map_tile_url},
                           {"tile_crs", call.settings.map_tile_crs},
                           {"attribution", call.settings.map_attribution}}}});
}

core::Result<Response> ReportResidentEvent(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    app::ResidentReport in;
    in.category_code = body.Str("category_code", true, 64);
    in.description = body.Str("description", true, 8000);
    in.reporter_name = body.Str("reporter_name", false, 120);
    in.address = body.Str("address", false, 800);
    in.org_id = body.Int("org_id", false);
    if (auto loc = body.Object("location")) {
        auto lng = loc->OptNumber("lng");
        auto lat = loc->OptNumber("lat");
        if (lng && lat) in.location = ev::Coordinates{*lng, *lat};
        body.Absorb(*loc);
    }
    in.photo_ids = body.StrList("photo_ids", 20, 64);
    LX_CHECK(body.Finish());
    LX_ASSIGN(receipt, app::ReportEvent(call.ctx, *call.resident, in, call.client()));
    return JsonResponse({{"id", receipt.id},
                         {"number", receipt.number},
                         {"follow_token", receipt.follow_token},
                         {"org_name", receipt.org_name},
                         {"grid_name", receipt.grid_name}},
                        201);
}

core::Result<Response> MyResidentEvents(Call& call) {
    LX_ASSIGN(rows, app::MyEvents(call.ctx, *call.resident));
    json items = json::array();
    for (const auto& r : rows) items.push_back(ResidentEventJson(r));
    return JsonResponse({{"items", items}});
}

core::Result<Response> FollowResidentEvent(Call& call) {
    LX_ASSIGN(v, app::FollowEvent(call.ctx, call.req.params.at("follow_token")));
    Response r = JsonResponse(FollowJson(v));
    r.Header("Cache-Control", "no-store");
    return r;
}

core::Result<Response> ConfirmResidentEvent(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    app::ResidentConfirmInput in;
    in.outcome = body.Str("outcome", true, 32);
    in.score = static_cast<int>(body.Int("score", true));
    in.comment = body.Str("comment", false, 2000);
    LX_CHECK(body.Finish());
    LX_ASSIGN(v, app::ConfirmEvent(call.ctx, *call.resident, PathId(call.req, "id"), in, call.client()));
    return JsonResponse(FollowJson(v));
}

}  // namespace lianxin::http::handlers
