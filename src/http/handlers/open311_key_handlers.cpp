// The admin's Open311 api keys (docs/api.md "Open311"): issue (the key is answered once), list (masked), revoke.
#include "app/event/open311.hpp"
#include "core/event/open311.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/body.hpp"

namespace lianxin::http::handlers {

namespace {

using nlohmann::json;

json Instant(const std::optional<std::int64_t>& t) { return t ? json(core::FormatInstant(*t)) : json(nullptr); }

json KeyJson(const core::ports::Open311Key& k) {
    return {{"id", k.id},
            {"org_id", k.org_id},
            {"org_name", k.org_name},
            {"name", k.name},
            {"masked_key", core::event::MaskApiKey(k.last4)},
            {"created_by_name", k.created_by_name},
            {"created_at", core::FormatInstant(k.created_at)},
            {"revoked_at", Instant(k.revoked_at)},
            {"last_used_at", Instant(k.last_used_at)}};
}

}  // namespace

core::Result<Response> ListOpen311Keys(Call& call) {
    LX_ASSIGN(org_id, IdParam(call.req, "org_id"));
    LX_ASSIGN(keys, app::ListOpen311Keys(call.ctx, call.actor(), org_id));
    json items = json::array();
    for (const auto& k : keys) items.push_back(KeyJson(k));
    return JsonResponse({{"items", items}});
}

core::Result<Response> IssueOpen311Key(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    const auto org_id = body.Int("org_id", true);
    const auto name = body.Str("client_name", true, 240);
    LX_CHECK(body.Finish());
    LX_ASSIGN(issued, app::IssueOpen311Key(call.ctx, call.actor(), org_id, name));
    Response r = JsonResponse({{"key", KeyJson(issued.record)}, {"api_key", issued.key}}, 201);
    r.Header("Cache-Control", "no-store");
    return r;
}

core::Result<Response> RevokeOpen311Key(Call& call) {
    LX_ASSIGN(k, app::RevokeOpen311Key(call.ctx, call.actor(), PathId(call.req, "id")));
    return JsonResponse({{"key", KeyJson(k)}});
}

}  // namespace lianxin::http::handlers
