// Health, roles and the org structure.
#include "app/org/org_queries.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/dto.hpp"

namespace lianxin::http::handlers {

core::Result<Response> Healthz(Call&) { return JsonResponse({{"status", "ok"}}); }

core::Result<Response> Readyz(Call& call) {
    LX_CHECK(call.ctx.db.Ping());
    return JsonResponse({{"status", "ready"}});
}

core::Result<Response> ListRoles(Call&) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : core::auth::AllRoles())
        items.push_back({{"role", r.key},
                         {"name_zh", r.name_zh},
                         {"name_en", r.name_en},
                         {"admin", r.admin},
                         {"permissions", PermissionsJson({r.role})}});
    return JsonResponse({{"items", items}});
}

static nlohmann::json OrgList(const std::vector<core::ports::OrgView>& views) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : views) items.push_back(OrgJson(v));
    return {{"items", items}};
}

core::Result<Response> OrgRoots(Call& call) {
    LX_ASSIGN(as_of, AsOfParam(call.req, call.ctx.clock.Today()));
    LX_ASSIGN(views, app::OrgRoots(call.ctx, call.actor(), as_of));
    return JsonResponse(OrgList(views));
}

core::Result<Response> OrgChildren(Call& call) {
    LX_ASSIGN(as_of, AsOfParam(call.req, call.ctx.clock.Today()));
    LX_ASSIGN(views, app::OrgChildren(call.ctx, call.actor(), PathId(call.req, "id"), as_of));
    return JsonResponse(OrgList(views));
}

core::Result<Response> OrgDetail(Call& call) {
    LX_ASSIGN(as_of, AsOfParam(call.req, call.ctx.clock.Today()));
    LX_ASSIGN(detail, app::GetOrg(call.ctx, call.actor(), PathId(call.req, "id"), as_of));
    nlohmann::json j = OrgJson(detail.view);
    j["ancestors"] = nlohmann::json::array();
    for (const auto& a : detail.ancestors) j["ancestors"].push_back({{"id", a.id}, {"name", a.name}});
    return JsonResponse(j);
}

}  // namespace lianxin::http::handlers
