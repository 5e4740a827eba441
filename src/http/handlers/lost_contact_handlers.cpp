// The search for a lost-contact member (docs/api.md "Lost-contact searches").
#include "app/member/lost_contact.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/body.hpp"
#include "http/json/lost_contact_dto.hpp"

namespace lianxin::http::handlers {

core::Result<Response> ListLostContactSearches(Call& call) {
    LX_ASSIGN(view, app::ViewLostContactSearches(call.ctx, call.actor(), PathId(call.req, "id")));
    Response r = JsonResponse(LostContactSearchesJson(view.value, call.req.lang));
    r.audit = std::move(view.entry);
    return r;
}

core::Result<Response> RecordLostContactSearch(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    app::LostContactInput in;
    in.on = body.Str("on", true, 16);
    in.method = body.Str("method", true, 32);
    in.searched_by = body.Str("searched_by", true, 120);
    in.result = body.Str("result", true, 2000);
    in.found = body.Bool("found");
    LX_CHECK(body.Finish());
    LX_ASSIGN(view, app::AddLostContactSearch(call.ctx, call.actor(), PathId(call.req, "id"), in));
    return JsonResponse(LostContactSearchesJson(view, call.req.lang), 201);
}

}  // namespace lianxin::http::handlers
