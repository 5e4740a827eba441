// Reorganizations of the org tree (docs/api.md "Reorganizations"): preview, commit, the list of the scope and an
// org's history.
#include "app/org/reorganize.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/body.hpp"
#include "http/json/dto.hpp"
#include "http/messages.hpp"

namespace lianxin::http::handlers {

namespace {

core::Result<app::ReorgInput> ReorgBody(const Request& req) {
    LX_ASSIGN(body, JsonBody::Parse(req.body));
    app::ReorgInput in;
    in.kind = body.Str("kind", true, 16);
    in.on = body.Str("on", true, 16);
    in.approval_doc = body.Str("approval_doc", false, 200);
    in.org_id = body.Int("org_id", true);
    in.new_parent_id = body.Int("new_parent_id", false);
    in.merged = body.IdList("merged", 20);
    in.member_ids = body.IdList("member_ids", 200);
    if (auto spec = body.Object("spec")) {
        in.spec.name = spec->Str("name", false, 240);
        in.spec.short_name = spec->Str("short_name", false, 80);
        in.spec.type = spec->Str("type", false, 32);
        in.spec.place_kind = spec->Str("place_kind", false, 16);
        in.spec.place_name = spec->Str("place_name", false, 240);
        body.Absorb(*spec);
    }
    LX_CHECK(body.Finish());
    return in;
}

nlohmann::json Lines(const std::vector<app::ReorgOrgLine>& lines) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& l : lines)
        out.push_back({{"id", l.id ? nlohmann::json(l.id) : nlohmann::json(nullptr)},
                       {"name", l.name},
                       {"parent_name", l.parent_name},
                       {"new_version", l.new_version}});
    return out;
}

nlohmann::json CountsJson(const core::org::ReorgCounts& c) {
    return {{"orgs_created", c.orgs_created},
            {"orgs_closed", c.orgs_closed},
            {"orgs_updated", c.orgs_updated},
            {"members_moved", c.members_moved},
            {"posts_carried", c.posts_carried},
            {"posts_ended", c.posts_ended},
            {"grants_moved", c.grants_moved},
            {"grants_revoked", c.grants_revoked},
            {"development_cases_moved", c.development_cases_moved},
            {"positions_moved", c.positions_moved},
            {"positions_closed", c.positions_closed}};
}

nlohmann::json PreviewJson(const app::ReorgPreview& p, Lang lang) {
    nlohmann::json after = nlohmann::json::array();
    for (const auto& a : p.plan.after)
        after.push_back({{"id", a.ref.IsNew() ? nlohmann::json(nullptr) : nlohmann::json(a.ref.id)},
                         {"name", a.name},
                         {"org_type", std::string(core::org::ToString(a.type))},
                         {"org_type_name", OrgTypeName(a.type)},
                         {"parent_name", a.parent_name},
                         {"headcount", {{"full", a.headcount.full}, {"probationary", a.headcount.probationary}}},
                         {"posts", a.posts},
                         {"warnings", WarningsJson(a.warnings, lang)}});
    return {{"kind", std::string(core::org::ToString(p.request.kind))},
            {"on", p.request.on.ToString()},
            {"can_commit", p.plan.blockers.empty()},
            {"blockers", WarningsJson(p.plan.blockers, lang)},
            {"counts", CountsJson(p.plan.counts)},
            {"created", Lines(p.created)},
            {"closed", Lines(p.closed)},
            {"updated", Lines(p.updated)},
            {"after", after}};
}

}  // namespace

core::Result<Response> PreviewReorganization(Call& call) {
    LX_ASSIGN(in, ReorgBody(call.req));
    LX_ASSIGN(p, app::PreviewReorganization(call.ctx, call.actor(), in));
    return JsonResponse(PreviewJson(p, call.req.lang));
}

core::Result<Response> Reorganize(Call& call) {
    LX_ASSIGN(in, ReorgBody(call.req));
    LX_ASSIGN(done, app::Reorganize(call.ctx, call.actor(), in));
    return JsonResponse({{"id", done.reorg_id}, {"created_ids", done.created_ids}, {"counts", CountsJson(done.counts)}},
                        201);
}

core::Result<Response> ListReorganizations(Call& call) {
    LX_ASSIGN(list, app::ListReorganizations(call.ctx, call.actor()));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : list)
        items.push_back({{"id", r.id},
                         {"kind", std::string(core::org::ToString(r.kind))},
                         {"on", r.on.ToString()},
                         {"approval_doc", r.approval_doc},
                         {"org_id", r.org_id},
                         {"by", r.created_by_name},
                         {"at", r.created_at}});
    return JsonResponse({{"items", items}});
}

core::Result<Response> OrgHistory(Call& call) {
    LX_ASSIGN(list, app::OrgHistory(call.ctx, call.actor(), PathId(call.req, "id")));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& e : list)
        items.push_back(
            {{"org_id", e.org_id},
             {"event", std::string(core::org::ToString(e.event))},
             {"on", e.on.ToString()},
             {"old_name", e.old_name},
             {"new_name", e.new_name},
             {"other_org", e.other_org_id ? nlohmann::json{{"id", e.other_org_id}, {"name", e.other_org_name}}
                                          : nlohmann::json(nullptr)},
             {"approval_doc", e.approval_doc},
             {"by", e.by_name}});
    return JsonResponse({{"items", items}});
}

}  // namespace lianxin::http::handlers
