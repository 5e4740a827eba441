// Transfers of the organizational relationship (docs/api.md "Transfers").
#include "app/member/transfer.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/body.hpp"
#include "http/json/dto.hpp"

namespace lianxin::http::handlers {

namespace {
app::LetterInput ReadLetter(JsonBody& letter) {
    app::LetterInput l;
    l.serial = letter.Str("serial", false, 120);
    l.issued_on = letter.Str("issued_on", false, 16);
    l.valid_days = letter.Count("valid_days", 0, 10000);
    l.dues_paid_to = letter.Str("dues_paid_to", false, 16);
    l.cross_province = letter.Bool("cross_province");
    return l;
}
}  // namespace

core::Result<Response> ListTransfers(Call& call) {
    app::TransferListInput in;
    LX_ASSIGN(limit, LimitParam(call.req));
    LX_ASSIGN(after, IdParam(call.req, "cursor"));
    LX_ASSIGN(org_id, IdParam(call.req, "org_id"));
    LX_ASSIGN(direction, TextParam(call.req, "direction", 8));
    LX_ASSIGN(open, TextParam(call.req, "open", 8));
    if (open != "" && open != "true" && open != "false") return core::Fail(core::InvalidField("open", "query.invalid"));
    in.limit = limit;
    in.after_id = after;
    in.org_id = org_id;
    in.direction = direction.empty() ? "out" : direction;
    in.open_only = open == "true";
    LX_ASSIGN(page, app::ListTransfers(call.ctx, call.actor(), in));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : page.items) items.push_back(TransferJson(v, call.req.lang));
    return JsonResponse({{"items", items}, {"next_cursor", CursorJson(page.next_after)}});
}

core::Result<Response> RequestTransfer(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    app::TransferRequestInput in;
    in.kind = body.Str("kind", true, 16);
    in.member_id = body.Int("member_id", true);
    in.to_org_id = body.Int("to_org_id", false);
    in.to_org_name = body.Str("to_org_name", false, 400);
    in.reason = body.Str("reason", false, 1000);
    in.on = body.Str("on", true, 16);
    LX_CHECK(body.Finish());
    LX_ASSIGN(id, app::RequestTransfer(call.ctx, call.actor(), in));
    return JsonResponse({{"id", id}}, 201);
}

core::Result<Response> RegisterIncomingTransfer(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    app::IncomingInput in;
    in.to_org_id = body.Int("to_org_id", true);
    in.from_org_name = body.Str("from_org_name", false, 400);
    for (auto [field, value] : {std::pair{"name", &in.name},
                                {"sex", &in.sex},
                                {"ethnicity", &in.ethnicity},
                                {"id_number", &in.id_number},
                                {"phone", &in.phone},
                                {"category", &in.category},
                                {"join_date", &in.join_date},
                                {"conversion_date", &in.conversion_date}})
        *value = MemberFieldStr(body, field);
    in.on = body.Str("on", false, 16);
    in.reason = body.Str("reason", false, 1000);
    if (auto letter = body.Object("letter")) {
        in.letter = ReadLetter(*letter);
        body.Absorb(*letter);
    }
    LX_CHECK(body.Finish());
    LX_ASSIGN(id, app::RegisterIncoming(call.ctx, call.actor(), in));
    return JsonResponse({{"id", id}}, 201);
}

core::Result<Response> GetTransfer(Call& call) {
    LX_ASSIGN(view, app::ViewTransfer(call.ctx, call.actor(), PathId(call.req, "id")));
    Response r = JsonResponse(TransferJson(view.value, call.req.lang));
    r.audit = std::move(view.entry);
    return r;
}

core::Result<Response> ActOnTransfer(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    app::TransferActionInput in;
    in.version = body.Int("version", true);
    in.action = body.Str("action", true, 16);
    in.on = body.Str("on", true, 16);
    in.org_id = body.Int("org_id", false);
    in.reason = body.Str("reason", false, 1000);
    if (auto letter = body.Object("letter")) {
        in.letter = ReadLetter(*letter);
        body.Absorb(*letter);
    }
    LX_CHECK(body.Finish());
    LX_ASSIGN(view, app::ActOnTransfer(call.ctx, call.actor(), PathId(call.req, "id"), in));
    return JsonResponse(TransferJson(view, call.req.lang));
}

core::Result<Response> TransferDestinations(Call& call) {
    LX_ASSIGN(q, TextParam(call.req, "q", 120));
    LX_ASSIGN(found, app::TransferDestinations(call.ctx, call.actor(), q));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& d : found)
        items.push_back({{"id", d.id}, {"name", d.name}, {"org_type", d.type}, {"parent_name", d.parent_name}});
    return JsonResponse({{"items", items}});
}

}  // namespace lianxin::http::handlers
