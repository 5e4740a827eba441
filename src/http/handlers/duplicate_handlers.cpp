// Duplicate events, the merge and the people of an assignee org (docs/api.md "Duplicates").
#include <cmath>

#include "app/event/duplicates.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/body.hpp"
#include "http/json/duplicate_dto.hpp"
#include "http/json/event_dto.hpp"

namespace lianxin::http::handlers {

namespace {
// An optional decimal degree of the query (lng, lat): absent or empty is none.
core::Result<std::optional<double>> DegreeParam(const Request& req, const std::string& name) {
    auto it = req.query.find(name);
    if (it == req.query.end() || it->second.empty()) return std::optional<double>{};
    if (it->second.size() <= 32) {
        try {
            std::size_t used = 0;
            const double v = std::stod(it->second, &used);
            if (used == it->second.size() && std::isfinite(v)) return std::optional<double>(v);
        } catch (const std::exception&) {}
    }
    return core::Fail(core::InvalidField(name, "field.range"));
}
}  // namespace

core::Result<Response> ListEventDuplicates(Call& call) {
    LX_ASSIGN(list, app::EventDuplicates(call.ctx, call.actor(), PathId(call.req, "id")));
    return JsonResponse(DuplicateListJson(list));
}

core::Result<Response> ProbeEventDuplicates(Call& call) {
    app::DuplicateProbeInput in;
    LX_ASSIGN(category, TextParam(call.req, "category_code", 64));
    LX_ASSIGN(org_id, IdParam(call.req, "org_id"));
    LX_ASSIGN(grid_id, IdParam(call.req, "grid_id"));
    in.grid_id = grid_id;
    LX_ASSIGN(lng, DegreeParam(call.req, "lng"));
    LX_ASSIGN(lat, DegreeParam(call.req, "lat"));
    LX_ASSIGN(reported_at, TextParam(call.req, "reported_at", 40));
    in.category_code = category;
    in.org_id = org_id;
    if (lng && lat) in.location = core::event::Coordinates{*lng, *lat};
    in.reported_at = reported_at;
    LX_ASSIGN(list, app::IntakeDuplicates(call.ctx, call.actor(), in));
    return JsonResponse(DuplicateListJson(list));
}

core::Result<Response> MergeEvent(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    app::MergeInput in;
    in.version = static_cast<int>(body.Int("version", true));
    in.primary_id = body.Int("primary_id", true);
    in.reason = body.Str("reason", true, 2000);
    LX_CHECK(body.Finish());
    LX_ASSIGN(view, app::MergeEvent(call.ctx, call.actor(), PathId(call.req, "id"), in));
    return JsonResponse(EventJson(view, call.req.lang, true));
}

core::Result<Response> ListEventAssignees(Call& call) {
    LX_ASSIGN(org_id, IdParam(call.req, "org_id"));
    if (org_id <= 0) return core::Fail(core::InvalidField("org_id", "field.required"));
    LX_ASSIGN(users, app::AssignableUsers(call.ctx, call.actor(), PathId(call.req, "id"), org_id));
    return JsonResponse(AssignableUsersJson(users));
}

}  // namespace lianxin::http::handlers
