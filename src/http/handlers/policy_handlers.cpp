// The policy store (docs/api.md "Policies"): what holds for an org on a date, a key's history, a change.
#include "app/policy/policies.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/body.hpp"
#include "http/json/policy_dto.hpp"

namespace lianxin::http::handlers {

namespace {
using core::policy::Spec;

nlohmann::json SettingJson(const Spec& spec, const app::PolicySettingView& v) {
    const auto& s = v.setting;
    return {{"id", s.id},
            {"org", {{"id", s.org_id}, {"name", v.org_name}}},
            {"valid_from", s.valid_from.ToString()},
            {"valid_to", s.valid_to ? nlohmann::json(s.valid_to->ToString()) : nlohmann::json(nullptr)},
            {"withdrawn", s.Withdrawn()},
            {"value", PolicyValueJson(spec, s.value)},
            {"doc", s.doc},
            {"set_by", s.set_by_name},
            {"set_at", core::FormatInstant(s.set_at)}};
}
}  // namespace

core::Result<Response> ListPolicies(Call& call) {
    LX_ASSIGN(on, AsOfParam(call.req, call.ctx.clock.Today()));
    LX_ASSIGN(list, app::ListPolicies(call.ctx, call.actor(), PathId(call.req, "id"), on));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& e : list.entries) {
        auto j = PolicySpecJson(*e.spec, call.req.lang);
        j["value"] = PolicyValueJson(*e.spec, e.value);
        j["in_force"] = e.in_force ? SettingJson(*e.spec, *e.in_force) : nlohmann::json(nullptr);
        nlohmann::json pending = nlohmann::json::array();
        for (const auto& p : e.pending) pending.push_back(SettingJson(*e.spec, p));
        j["pending"] = pending;
        items.push_back(j);
    }
    return JsonResponse({{"org", {{"id", list.org_id}, {"name", list.org_name}}},
                         {"as_of", list.on.ToString()},
                         {"can_edit", list.can_edit},
                         {"items", items}});
}

core::Result<Response> PolicyHistory(Call& call) {
    LX_ASSIGN(key, TextParam(call.req, "key", 80));
    LX_ASSIGN(rows, app::PolicyHistory(call.ctx, call.actor(), PathId(call.req, "id"), key));
    const Spec& spec = *core::policy::Find(key);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : rows) items.push_back(SettingJson(spec, r));
    return JsonResponse({{"policy", PolicySpecJson(spec, call.req.lang)}, {"items", items}});
}

core::Result<Response> SetPolicy(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    app::PolicyChangeInput in;
    in.org_id = PathId(call.req, "id");
    in.key = body.Str("key", true, 80);
    in.value = body.ScalarText("value", true, 40);
    in.valid_from = body.Str("valid_from", true, 16);
    in.doc = body.Str("doc", true, 400);
    LX_CHECK(body.Finish());
    LX_ASSIGN(id, app::SetPolicy(call.ctx, call.actor(), in));
    return JsonResponse({{"id", id}}, 201);
}

}  // namespace lianxin::http::handlers
