// An org's committee, headcount and rule warnings; appointing and ending posts (docs/api.md "Committee").
#include "app/org/committee.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/body.hpp"
#include "http/messages.hpp"

namespace lianxin::http::handlers {

namespace {
nlohmann::json CommitteeJson(const app::CommitteeView& v, Lang lang) {
    nlohmann::json posts = nlohmann::json::array();
    for (const auto& p : v.posts)
        posts.push_back({{"id", p.id},
                         {"member_id", p.member_id},
                         {"member_name", p.member_name},
                         {"post", std::string(core::org::ToString(p.post))},
                         {"term_start", p.term_start.ToString()},
                         {"valid_from", p.valid_from.ToString()},
                         {"approval_doc", p.approval_doc}});
    nlohmann::json term = nullptr;
    if (v.term)
        term = {{"start", v.term->start.ToString()}, {"years", v.term->years}, {"end", v.term->End().ToString()}};
    return {{"org_id", v.org.id},
            {"org_type", std::string(core::org::ToString(v.org.type))},
            {"headcount", {{"full", v.headcount.full}, {"probationary", v.headcount.probationary}}},
            {"headcount_scope", core::org::IsBranchType(v.org.type) ? "own" : "subtree"},
            {"posts", posts},
            {"term", term},
            {"warnings", WarningsJson(v.warnings, lang)},
            {"covered_units", v.covered_units},
            {"suggested_type", std::string(core::org::ToString(v.suggested_type))}};
}
}  // namespace

core::Result<Response> OrgCommittee(Call& call) {
    LX_ASSIGN(as_of, AsOfParam(call.req, call.ctx.clock.Today()));
    LX_ASSIGN(v, app::GetCommittee(call.ctx, call.actor(), PathId(call.req, "id"), as_of));
    return JsonResponse(CommitteeJson(v, call.req.lang));
}

core::Result<Response> AppointPost(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    app::PostInput in;
    in.member_id = body.Int("member_id", true);
    in.post = body.Str("post", true, 32);
    in.term_start = body.Str("term_start", false, 16);
    in.valid_from = body.Str("valid_from", false, 16);
    in.approval_doc = body.Str("approval_doc", false, 200);
    LX_CHECK(body.Finish());
    LX_ASSIGN(id, app::AppointPost(call.ctx, call.actor(), PathId(call.req, "id"), in));
    return JsonResponse({{"id", id}}, 201);
}

core::Result<Response> EndPost(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    std::string on = body.Str("on", false, 16);
    LX_CHECK(body.Finish());
    LX_CHECK(app::EndPost(call.ctx, call.actor(), PathId(call.req, "id"), PathId(call.req, "post_id"), on));
    return NoContent();
}

}  // namespace lianxin::http::handlers
