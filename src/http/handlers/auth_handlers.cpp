// Set-up links, login, logout, session, second factor, password change (docs/api.md "First set-up and
// authentication").
#include "http/handlers/handlers.hpp"

#include "app/auth/auth.hpp"
#include "http/handlers/common.hpp"
#include "http/json/body.hpp"
#include "http/json/dto.hpp"

namespace lianxin::http::handlers {

namespace {
std::string SessionCookie(const HttpSettings& s, const std::string& token, bool clear) {
    std::string c = s.CookieName() + "=" + (clear ? "" : token) + "; Path=/; HttpOnly; SameSite=Strict";
    if (s.cookie_secure) c += "; Secure";
    if (clear) c += "; Max-Age=0";
    return c;
}
}  // namespace

core::Result<Response> SetupInfo(Call& call) {
    const std::string* token = call.req.Query("token");
    LX_ASSIGN(info, app::InspectSetupLink(call.ctx, token ? *token : ""));
    bool first = info.purpose == core::ports::SetupPurpose::kFirstAdmin;
    return JsonResponse({{"valid", true},
                         {"purpose", first ? "first_admin" : "user_password"},
                         {"username_hint", first ? nlohmann::json(nullptr) : nlohmann::json(info.username)}});
}

core::Result<Response> SetupComplete(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    app::CompleteSetupInput in;
    in.token = body.Str("token", true, 128);
    in.username = body.Str("username", false, 64);
    in.display_name = body.Str("display_name", false, 200);
    in.password = body.Str("password", true, 1024);
    LX_CHECK(body.Finish());
    LX_ASSIGN(username, app::CompleteSetup(call.ctx, in, call.client()));
    return JsonResponse({{"username", username}}, 201);
}

core::Result<Response> Login(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    std::string username = body.Str("username", true, 64);
    std::string password = body.Str("password", true, 1024);
    LX_CHECK(body.Finish());
    LX_ASSIGN(result, app::Login(call.ctx, username, password, call.client()));
    Response r = JsonResponse(SessionJson(result.user, result.session));
    r.Header("Set-Cookie", SessionCookie(call.settings, result.token, false));
    return r;
}

core::Result<Response> Logout(Call& call) {
    LX_CHECK(app::Logout(call.ctx, *call.who));
    Response r = NoContent();
    r.Header("Set-Cookie", SessionCookie(call.settings, "", true));
    return r;
}

core::Result<Response> SessionInfo(Call& call) { return JsonResponse(SessionJson(call.who->user, call.who->session)); }

core::Result<Response> TotpEnroll(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    LX_CHECK(body.Finish());
    LX_ASSIGN(e, app::EnrollTotp(call.ctx, *call.who));
    return JsonResponse({{"secret", e.secret}, {"otpauth_uri", e.otpauth_uri}, {"qr_svg", e.qr_svg}});
}

core::Result<Response> TotpVerify(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    std::string code = body.Str("code", true, 16);
    LX_CHECK(body.Finish());
    LX_ASSIGN(session, app::VerifyTotp(call.ctx, *call.who, code));
    return JsonResponse(SessionJson(call.who->user, session));
}

core::Result<Response> ChangePassword(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    std::string old_pw = body.Str("old_password", true, 1024);
    std::string new_pw = body.Str("new_password", true, 1024);
    LX_CHECK(body.Finish());
    LX_CHECK(app::ChangePassword(call.ctx, *call.who, old_pw, new_pw));
    return NoContent();
}

}  // namespace lianxin::http::handlers
