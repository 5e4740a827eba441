// Events and their closed loop (docs/api.md "Events").
#include "app/event/events.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/body.hpp"
#include "http/json/dto.hpp"
#include "http/json/event_dto.hpp"

namespace lianxin::http::handlers {

core::Result<Response> ListEventCategories(Call& call) {
    LX_ASSIGN(cats, app::EventCategories(call.ctx, call.actor()));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& c : cats) items.push_back(EventCategoryJson(c));
    return JsonResponse({{"items", items}});
}

core::Result<Response> ListEvents(Call& call) {
    app::EventListInput in;
    LX_ASSIGN(limit, LimitParam(call.req));
    LX_ASSIGN(after, IdParam(call.req, "cursor"));
    LX_ASSIGN(queue, TextParam(call.req, "queue", 16));
    LX_ASSIGN(state, TextParam(call.req, "state", 32));
    LX_ASSIGN(category, TextParam(call.req, "category", 64));
    LX_ASSIGN(whistle_state, TextParam(call.req, "whistle_state", 16));
    in.whistle_state = whistle_state;
    in.limit = limit;
    in.after_id = after;
    in.queue = queue.empty() ? "all" : queue;
    in.state = state;
    in.category = category;
    LX_ASSIGN(page, app::ListEvents(call.ctx, call.actor(), in));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : page.items) items.push_back(EventJson(v, call.req.lang, false));
    return JsonResponse({{"items", items}, {"next_cursor", CursorJson(page.next_after)}});
}

core::Result<Response> CreateEvent(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    core::event::Intake in;
    in.channel = body.Str("channel", true, 32);
    in.external_ref = body.Str("external_ref", false, 160);
    in.category_code = body.Str("category_code", true, 64);
    in.urgency = body.Str("urgency", false, 16);
    if (in.urgency.empty()) in.urgency = "normal";
    in.org_id = body.Int("org_id", true);
    in.grid_id = body.Int("grid_id", false);
    if (auto loc = body.Object("location")) {
        auto lng = loc->OptNumber("lng");
        auto lat = loc->OptNumber("lat");
        if (lng && lat) in.location = core::event::Coordinates{*lng, *lat};
        body.Absorb(*loc);
    }
    in.address = body.Str("address", false, 800);
    in.reporter_name = body.Str("reporter_name", false, 120);
    in.reporter_phone = body.Str("reporter_phone", false, 32);
    in.description = body.Str("description", true, 8000);
    in.photo_ids = body.StrList("photo_ids", 20, 64);  // the most event.photos_max allows; the policy decides
    in.related = body.Str("related", false, 2000);
    in.duplicate_of = body.Int("duplicate_of", false);
    in.reported_at = body.Str("reported_at", false, 40);
    in.handle_by = body.Str("handle_by", false, 40);
    LX_CHECK(body.Finish());
    LX_ASSIGN(id, app::CreateEvent(call.ctx, call.actor(), in));
    return JsonResponse({{"id", id}}, 201);
}

core::Result<Response> GetEvent(Call& call) {
    LX_ASSIGN(view, app::ViewEvent(call.ctx, call.actor(), PathId(call.req, "id")));
    Response r = JsonResponse(EventJson(view.value, call.req.lang, true));
    r.audit = std::move(view.entry);
    return r;
}

core::Result<Response> ActOnEvent(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    app::EventActionInput in;
    in.version = static_cast<int>(body.Int("version", true));
    in.action = body.Str("action", true, 32);
    in.reason = body.Str("reason", false, 2000);
    in.note = body.Str("note", false, 8000);
    in.photo_ids = body.StrList("photo_ids", 20, 64);  // the most event.photos_max allows; the policy decides
    in.assignee_org_id = body.Int("assignee_org_id", false);
    in.assignee_name = body.Str("assignee_name", false, 120);
    in.assignee_user_id = body.Int("assignee_user_id", false);
    in.deadline = body.Str("deadline", false, 40);
    in.outcome = body.Str("outcome", false, 16);
    in.score = body.Count("score", 0, 5);
    in.reached = body.OptBool("reached");
    in.mark_kind = body.Str("mark_kind", false, 16);
    in.target_kind = body.Str("target_kind", false, 16);
    in.target_org_id = body.Int("target_org_id", false);
    in.overlay_id = body.Int("overlay_id", false);
    in.overlay_unit_id = body.Int("overlay_unit_id", false);
    in.whistle_id = body.Int("whistle_id", false);
    LX_CHECK(body.Finish());
    LX_ASSIGN(view, app::ActOnEvent(call.ctx, call.actor(), PathId(call.req, "id"), in));
    return JsonResponse(EventJson(view, call.req.lang, true));
}

}  // namespace lianxin::http::handlers
