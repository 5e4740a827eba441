// A resident's intake (docs/api.md "Residents' intake"; issue 17): the one-time code that confirms a phone, and
// photos. The code routes are public (no session, like the log-in); a photo is uploaded as the file itself
// (application/octet-stream) by a signed-in user or a verified resident and read back as image/jpeg.
#include "app/media/photos.hpp"
#include "app/otp/resident.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/body.hpp"

namespace lianxin::http::handlers {

namespace {
app::PhotoCaller CallerOf(const Call& call) { return {call.who ? &call.who->actor : nullptr, call.resident}; }
}  // namespace

core::Result<Response> RequestCode(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    std::string phone = body.Str("phone", true, 32);
    LX_CHECK(body.Finish());
    LX_CHECK(app::RequestCode(call.ctx, phone, call.client()));
    return JsonResponse({{"sent", true}}, 202);
}

core::Result<Response> VerifyCode(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    std::string phone = body.Str("phone", true, 32);
    std::string code = body.Str("code", true, 16);
    LX_CHECK(body.Finish());
    LX_ASSIGN(s, app::VerifyCode(call.ctx, phone, code, call.client()));
    return JsonResponse({{"token", s.token}, {"expires_at", s.expires_at}}, 201);
}

core::Result<Response> IntakeLimits(Call& call) {
    LX_ASSIGN(v, app::PhotoLimitsToday(call.ctx));
    return JsonResponse({{"photos_max", v.photos_per_event},
                         {"photo_max_bytes", v.limits.max_bytes},
                         {"photo_max_pixels", v.limits.max_pixels},
                         {"photo_max_edge", v.limits.max_edge},
                         {"code_digits", core::otp::kCodeDigits}});
}

core::Result<Response> SentCodes(Call& call) {
    // Only while the sink is the configured sender (the demo and the tests): otherwise no such address.
    if (!call.ctx.sent_messages) return core::Fail(core::MakeError(core::ErrorCode::kNotFound, "http.not_found"));
    auto it = call.req.query.find("phone");
    std::string phone;
    if (it != call.req.query.end()) {
        auto p = core::otp::NormalizePhone(it->second);
        if (!p) return core::Fail(p.error());
        phone = *p;
    }
    nlohmann::json items = nlohmann::json::array();
    for (const auto& m : call.ctx.sent_messages->Recent(phone))
        items.push_back({{"phone", m.phone}, {"text", m.text}, {"at", m.at}});
    return JsonResponse({{"items", items}});
}

core::Result<Response> UploadPhoto(Call& call) {
    LX_ASSIGN(p, app::UploadPhoto(call.ctx, CallerOf(call), call.req.body, call.client()));
    return JsonResponse({{"photo_id", p.photo_id}, {"width", p.width}, {"height", p.height}, {"bytes", p.bytes}}, 201);
}

core::Result<Response> GetPhoto(Call& call) {
    const std::string& id = call.req.params.at("photo_id");
    LX_ASSIGN(photo, app::ReadPhoto(call.ctx, CallerOf(call), id));
    Response r;
    const std::string etag = "\"" + photo.photo_id + "\"";
    // A photo never changes (its name is its hash): the browser may keep it, but only for this user (private).
    r.Header("Cache-Control", "private, max-age=31536000, immutable").Header("ETag", etag);
    if (const std::string* seen = call.req.Header("if-none-match"); seen && *seen == etag) {
        r.status = 304;
        r.content_type.clear();
        return r;
    }
    r.content_type = "image/jpeg";
    r.body = std::move(photo.jpeg);
    // security.md G2: served as what it is, never sniffed or run, under a name that is its id.
    r.Header("Content-Disposition", "inline; filename=\"" + photo.photo_id + ".jpg\"")
        .Header("Content-Security-Policy", "sandbox");
    return r;
}

}  // namespace lianxin::http::handlers
