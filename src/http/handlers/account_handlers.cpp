// A member's sign-in account, opened from the member's record (docs/api.md "Member accounts").
#include "app/member/account.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/body.hpp"
#include "http/json/dto.hpp"

namespace lianxin::http::handlers {

static nlohmann::json AccountViewJson(const app::MemberAccount& v) {
    return {{"member_id", v.member_id},
            {"account", v.account ? MemberAccountJson(*v.account) : nlohmann::json(nullptr)},
            {"actions", v.actions}};
}

static nlohmann::json LinkJson(const app::AccountLink& link) {
    auto j = AccountViewJson(link.view);
    j["setup_link"] = SetupLinkPath(link.setup_token);
    return j;
}

core::Result<Response> GetMemberAccount(Call& call) {
    LX_ASSIGN(view, app::ViewMemberAccount(call.ctx, call.actor(), PathId(call.req, "id")));
    return JsonResponse(AccountViewJson(view));
}

core::Result<Response> OpenMemberAccount(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    std::string username = body.Str("username", true, 64);
    LX_CHECK(body.Finish());
    LX_ASSIGN(link, app::OpenMemberAccount(call.ctx, call.actor(), PathId(call.req, "id"), username));
    return JsonResponse(LinkJson(link), 201);
}

core::Result<Response> ResetMemberAccount(Call& call) {
    LX_ASSIGN(link, app::ResetMemberAccountLink(call.ctx, call.actor(), PathId(call.req, "id")));
    return JsonResponse(LinkJson(link));
}

}  // namespace lianxin::http::handlers
