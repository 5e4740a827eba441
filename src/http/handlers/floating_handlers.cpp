// The floating-member register (docs/api.md "Floating members").
#include "app/member/floating.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/body.hpp"
#include "http/json/dto.hpp"
#include "http/json/floating_dto.hpp"

namespace lianxin::http::handlers {

namespace {
app::FloatingInput ReadRecord(JsonBody& body) {
    app::FloatingInput in;
    in.left_on = body.Str("left_on", true, 16);
    in.reason = body.Str("reason", true, 16);
    in.province = body.Str("province", true, 120);
    in.city = body.Str("city", true, 120);
    in.county = body.Str("county", true, 120);
    in.employer = body.Str("employer", false, 400);
    in.phone = body.OptStr("phone", 32);
    in.expected_return = body.OptStr("expected_return", 16).value_or("");
    in.fixed_place = body.OptBool("fixed_place").value_or(true);
    in.certificate_no = body.Str("certificate_no", false, 120);
    in.cannot_transfer = body.Bool("cannot_transfer");
    in.cannot_transfer_reason = body.Str("cannot_transfer_reason", false, 800);
    in.participating_org_id = body.Int("participating_org_id", false);
    in.participating_org_name = body.Str("participating_org_name", false, 400);
    in.participating_since = body.OptStr("participating_since", 16).value_or("");
    return in;
}

core::Result<Response> List(Call& call, bool inflow) {
    app::FloatingListInput in;
    in.inflow = inflow;
    in.org_id = PathId(call.req, "id");
    LX_ASSIGN(limit, LimitParam(call.req));
    LX_ASSIGN(after, IdParam(call.req, "cursor"));
    LX_ASSIGN(open, TextParam(call.req, "open", 8));
    in.limit = limit;
    in.after_id = after;
    in.open_only = open != "false";
    if (!open.empty() && open != "true" && in.open_only) return core::Fail(core::InvalidField("open", "query.invalid"));
    LX_ASSIGN(page, app::ListFloating(call.ctx, call.actor(), in));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : page.items) items.push_back(FloatingJson(v, call.req.lang));
    return JsonResponse({{"items", items}, {"next_cursor", CursorJson(page.next_after)}});
}
}  // namespace

core::Result<Response> GetMemberFloating(Call& call) {
    LX_ASSIGN(view, app::ViewMemberFloating(call.ctx, call.actor(), PathId(call.req, "id")));
    Response r = JsonResponse(MemberFloatingJson(view.value, call.req.lang));
    r.audit = std::move(view.entry);
    return r;
}

core::Result<Response> OpenFloating(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    auto in = ReadRecord(body);
    LX_CHECK(body.Finish());
    LX_ASSIGN(view, app::OpenFloating(call.ctx, call.actor(), PathId(call.req, "id"), in));
    return JsonResponse(FloatingJson(view, call.req.lang), 201);
}

core::Result<Response> UpdateFloating(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    const auto version = body.Int("version", true);
    auto in = ReadRecord(body);
    LX_CHECK(body.Finish());
    LX_ASSIGN(view, app::EditFloating(call.ctx, call.actor(), PathId(call.req, "id"), version, in));
    return JsonResponse(FloatingJson(view, call.req.lang));
}

core::Result<Response> AddFloatingNote(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    app::FloatingNoteInput in;
    in.kind = body.Str("kind", true, 16);
    in.on = body.Str("on", true, 16);
    in.text = body.Str("text", true, 2000);
    LX_CHECK(body.Finish());
    LX_ASSIGN(view, app::AddFloatingNote(call.ctx, call.actor(), PathId(call.req, "id"), in));
    return JsonResponse(FloatingJson(view, call.req.lang), 201);
}

core::Result<Response> ReturnFloating(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    app::FloatingReturnInput in;
    in.version = body.Int("version", true);
    in.on = body.Str("returned_on", true, 16);
    in.note = body.Str("note", false, 800);
    LX_CHECK(body.Finish());
    LX_ASSIGN(view, app::ReturnFloatingMember(call.ctx, call.actor(), PathId(call.req, "id"), in));
    return JsonResponse(FloatingJson(view, call.req.lang));
}

core::Result<Response> ListFloatingOut(Call& call) { return List(call, false); }
core::Result<Response> ListFloatingIn(Call& call) { return List(call, true); }

}  // namespace lianxin::http::handlers
