// The development pipeline (docs/api.md "Development"): the board, one case, applications and steps.
#include "app/member/development.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/body.hpp"
#include "http/json/dto.hpp"

namespace lianxin::http::handlers {

namespace {
core::member::Evidence ReadEvidence(JsonBody& body) {
    return {body.Str("body", false, 200), body.Str("doc_ref", false, 200), body.Str("note", false, 2000)};
}
}  // namespace

core::Result<Response> ListDevelopmentCases(Call& call) {
    app::DevelopmentCaseListInput in;
    LX_ASSIGN(limit, LimitParam(call.req));
    LX_ASSIGN(after, IdParam(call.req, "cursor"));
    LX_ASSIGN(org_id, IdParam(call.req, "org_id"));
    LX_ASSIGN(stage, TextParam(call.req, "stage", 32));
    in.limit = limit;
    in.after_id = after;
    in.org_id = org_id;
    in.stage = stage;
    LX_ASSIGN(page, app::ListDevelopmentCases(call.ctx, call.actor(), in));
    nlohmann::json items = nlohmann::json::array();
    const auto today = call.ctx.clock.Today();
    for (const auto& c : page.items) items.push_back(DevelopmentCaseJson(c.record, c.org_name, today, call.req.lang));
    return JsonResponse({{"items", items}, {"next_cursor", CursorJson(page.next_after)}});
}

core::Result<Response> CreateDevelopmentCase(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    app::DevelopmentCaseInput in;
    // Text fields are checked by the use case, so that one answer names every wrong field.
    in.org_id = body.Int("org_id", true);
    in.name = MemberFieldStr(body, "name");
    in.sex = MemberFieldStr(body, "sex");
    in.ethnicity = MemberFieldStr(body, "ethnicity");
    in.id_number = MemberFieldStr(body, "id_number");
    in.phone = MemberFieldStr(body, "phone");
    in.education = MemberFieldStr(body, "education");
    in.work_unit = MemberFieldStr(body, "work_unit");
    in.applied_on = body.Str("applied_on", false, 16);
    in.evidence = ReadEvidence(body);
    LX_CHECK(body.Finish());
    LX_ASSIGN(id, app::CreateDevelopmentCase(call.ctx, call.actor(), in));
    return JsonResponse({{"id", id}}, 201);
}

core::Result<Response> GetDevelopmentCase(Call& call) {
    LX_ASSIGN(view, app::ViewDevelopmentCase(call.ctx, call.actor(), PathId(call.req, "id")));
    Response r = JsonResponse(DevelopmentCaseDetailJson(view.value, call.ctx.clock.Today(), call.req.lang));
    r.audit = std::move(view.entry);
    return r;
}

core::Result<Response> OrgElectorate(Call& call) {
    LX_ASSIGN(on, AsOfParam(call.req, call.ctx.clock.Today()));
    LX_ASSIGN(n, app::VotingElectorate(call.ctx, call.actor(), PathId(call.req, "id"), on));
    return JsonResponse({{"org_id", PathId(call.req, "id")}, {"on", on.ToString()}, {"electorate", n}});
}

core::Result<Response> RecordDevelopmentStep(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    app::StepInput in;
    in.version = body.Int("version", true);
    in.kind = body.Str("kind", true, 32);
    in.on = body.Str("on", true, 16);
    in.evidence = ReadEvidence(body);
    in.people = body.IdList("people", 2);
    if (auto vote = body.Object("vote")) {
        app::VoteInput v;
        v.present = vote->Count("present", 0, 100000);
        v.yes = vote->Count("yes", 0, 100000);
        v.written_yes = vote->Count("written_yes", 0, 100000);
        v.written_total = vote->Count("written_total", 0, 100000);
        body.Absorb(*vote);
        in.vote = v;
    }
    in.training_days = body.Count("training_days", 0, 366);
    in.training_hours = body.Count("training_hours", 0, 9999);
    in.decision = body.Str("decision", false, 16);
    in.extension_months = body.Count("extension_months", 0, 24);
    in.higher_approval = body.Bool("higher_approval");
    LX_CHECK(body.Finish());
    LX_ASSIGN(view, app::RecordStep(call.ctx, call.actor(), PathId(call.req, "id"), in));
    return JsonResponse(DevelopmentCaseDetailJson(view, call.ctx.clock.Today(), call.req.lang), 201);
}

}  // namespace lianxin::http::handlers
