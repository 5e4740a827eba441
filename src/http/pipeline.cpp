#include "http/pipeline.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include <chrono>
#include <future>

#include "app/audit/audit.hpp"
#include "app/rate_limiter.hpp"
#include "core/auth/actor.hpp"
#include "http/error_mapping.hpp"
#include "http/json/body.hpp"
#include "http/open311_format.hpp"

namespace lianxin::http {

using core::ErrorCode;
using core::MakeError;

namespace {

bool ValidRequestId(const std::string& s) {
    if (s.size() < 8 || s.size() > 64) return false;
    for (char c : s)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
    return true;
}

bool ConstantTimeEquals(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

bool IsUnsafe(const std::string& m) { return m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE"; }

bool IsOctetStream(const std::string* content_type) {
    if (!content_type) return false;
    std::string ct = *content_type;
    for (auto& c : ct) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ct.rfind("application/octet-stream", 0) == 0;
}

bool IsForm(const std::string* content_type) {
    if (!content_type) return false;
    std::string ct = *content_type;
    for (auto& c : ct) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ct.rfind("application/x-www-form-urlencoded", 0) == 0;
}

bool IsJson(const std::string* content_type) {
    if (!content_type) return false;
    std::string ct = *content_type;
    for (auto& c : ct) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string_view v(ct);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    if (v.rfind("application/json", 0) != 0) return false;
    v.remove_prefix(16);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    return v.empty() || v.front() == ';';  // parameters such as charset may follow, nothing else
}

}  // namespace

void AddSecurityHeaders(Response& r, bool api) {
    r.Header("Content-Security-Policy",
             "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
             "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
             "frame-ancestors 'none'");
    r.Header("X-Content-Type-Options", "nosniff");
    r.Header("X-Frame-Options", "DENY");
    r.Header("Referrer-Policy", "no-referrer");
    r.Header("Cross-Origin-Opener-Policy", "same-origin");
    // An answer that chose its own caching (an immutable photo, `private`) keeps it; every other API answer: no-store.
    const bool cached = std::any_of(r.headers.begin(), r.headers.end(),
                                    [](const auto& h) { return h.first == "Cache-Control"; });
    if (api && !cached) r.Header("Cache-Control", "no-store");
}

struct Pipeline::Done {
    std::string request_id;
    std::string method;
    Lang lang;
    std::string route_label;
    std::chrono::steady_clock::time_point started;
};

Response Pipeline::SafeDispatch(Request& req, std::string& route_label) {
    try {
        return Dispatch(req, route_label);
    } catch (const std::exception& e) {
        spdlog::error(
            "{{\"request_id\":\"{}\",\"event\":\"handler_exception\",\"what\":{}}}", req.request_id,
            nlohmann::json(std::string(e.what())).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        return ErrorResponse(MakeError(ErrorCode::kInternal, "internal"), req);
    }
}

void Pipeline::Finish(const Done& done, Response& r) const {
    r.Header("X-Request-Id", done.request_id);
    AddSecurityHeaders(r, done.route_label != "static");
    auto us =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - done.started).count();
    spdlog::info("{{\"request_id\":\"{}\",\"method\":\"{}\",\"route\":\"{}\",\"status\":{},\"us\":{}}}",
                 done.request_id, done.method, done.route_label, r.status, us);
}

void Pipeline::HandleAsync(Request req, std::function<void(Response)> send) {
    auto started = std::chrono::steady_clock::now();
    const std::string* rid = req.Header("x-request-id");
    req.request_id = rid && ValidRequestId(*rid) ? *rid : ctx_.crypto.RandomToken(12);
    const std::string* lang = req.Header("accept-language");
    req.lang = lang && lang->rfind("en", 0) == 0 ? Lang::kEn : Lang::kZh;

    std::string route_label = "static";
    Response r = SafeDispatch(req, route_label);
    Done done{req.request_id, req.method, req.lang, route_label, started};
    if (!r.audit) {
        Finish(done, r);
        send(std::move(r));
        return;
    }
    core::ports::AuditEntry entry = std::move(*r.audit);
    r.audit.reset();
    auto complete = [this, done = std::move(done), r = std::move(r), send = std::move(send)](core::Status st) mutable {
        if (!st) {
            Request shell;  // only what ErrorResponse reads
            shell.request_id = done.request_id;
            shell.lang = done.lang;
            spdlog::error(
                "{{\"request_id\":\"{}\",\"event\":\"audit_failed\",\"detail\":{}}}", done.request_id,
                nlohmann::json(st.error().detail).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
            r = ErrorResponse(st.error(), shell);
        }
        Finish(done, r);
        send(std::move(r));
    };
    if (ctx_.audit_writer) ctx_.audit_writer->AppendAsync(std::move(entry), std::move(complete));
    else complete(app::AppendAudit(ctx_, std::move(entry)));
}

Response Pipeline::Handle(Request& req) {
    std::promise<Response> answer;
    auto future = answer.get_future();
    HandleAsync(req, [&answer](Response r) { answer.set_value(std::move(r)); });
    return future.get();
}

Response Pipeline::Dispatch(Request& req, std::string& route_label) {
    if (draining_) {
        Response r = ProtocolError(503, "unavailable", "http.shutting_down", req);
        r.Header("Retry-After", "2").Header("Connection", "close");
        route_label = "draining";
        return r;
    }
    if (req.malformed_target) return ProtocolError(400, "invalid_argument", "http.bad_request", req);
    const bool open311 = req.path.rfind("/open311/", 0) == 0;  // GeoReport v2: its own error shape (open311_format)
    bool api = req.path.rfind("/api/", 0) == 0 || req.path == "/healthz" || req.path == "/readyz" || open311;
    if (!api) return ServeStatic(settings_, req);
    route_label = "unmatched";
    if (open311) return Open311Errors(Api(req, route_label), req);
    return Api(req, route_label);
}

// Spends one request from the budget of `who` (a session or an address): reads for GET and HEAD, writes for
// the rest (issue 15 defect 9). 429 http.rate_limited with Retry-After when it is spent.
core::Status Pipeline::Spend(const Request& req, const std::string& who, bool session) const {
    const auto& l = ctx_.limits;
    const bool write = IsUnsafe(req.method);
    const auto& policy = session ? (write ? l.session_writes : l.session_reads)
                                 : (write ? l.address_writes : l.address_reads);
    return app::SpendBudget(ctx_, std::string(session ? "s" : "a") + (write ? "w:" : "r:") + who, policy, 1,
                            "http.rate_limited");
}

Response Pipeline::Api(Request& req, std::string& route_label) {
    if (auto st = Spend(req, req.ip, false); !st) return ErrorResponse(st.error(), req);
    if (req.body.size() > std::max(settings_.max_body_bytes, settings_.max_upload_bytes))
        return ProtocolError(413, "payload_too_large", "http.body_too_large", req,
                             {{"max", std::to_string(std::max(settings_.max_body_bytes, settings_.max_upload_bytes))}});
    Match m = MatchRoute(Routes(), req.method, req.path);
    // A file (an upload: a sheet, a photo) may be larger than a JSON body (server.max_upload_bytes).
    if (const std::size_t limit = m.route && m.route->body == Body::kFile ? settings_.max_upload_bytes
                                                                          : settings_.max_body_bytes;
        req.body.size() > limit)
        return ProtocolError(413, "payload_too_large", "http.body_too_large", req, {{"max", std::to_string(limit)}});
    if (!m.route) {
        if (m.allowed.empty()) return ProtocolError(404, "not_found", "http.not_found", req);
        std::string allow;
        for (const auto& a : m.allowed) allow += (allow.empty() ? "" : ", ") + a;
        Response r = ProtocolError(405, "method_not_allowed", "http.method_not_allowed", req);
        r.Header("Allow", allow);
        return r;
    }
    route_label = m.route->pattern;
    req.params = std::move(m.params);
    const Body body_kind = m.route->body;
    if (body_kind == Body::kFile) {
        if (!req.body.empty() && !IsOctetStream(req.Header("content-type")))
            return ProtocolError(415, "unsupported_media_type", "http.unsupported_media_type", req);
    } else if (body_kind == Body::kForm) {
        if (!req.body.empty() && !IsForm(req.Header("content-type")))
            return ProtocolError(415, "unsupported_media_type", "http.unsupported_media_type", req);
    } else if (IsUnsafe(req.method) && !req.body.empty() && !IsJson(req.Header("content-type"))) {
        return ProtocolError(415, "unsupported_media_type", "http.unsupported_media_type", req);
    }

    Call call{req, ctx_, settings_, nullptr};
    app::Authenticated who;
    app::Resident resident;
    const Guard& guard = m.route->guard;
    const std::string* bearer = req.Header("authorization");
    const bool resident_bearer = bearer && bearer->rfind("Bearer ", 0) == 0 && app::IsResidentToken(bearer->substr(7));
    if (guard.access == Access::kResident || (guard.access == Access::kAuthenticatedOrResident && resident_bearer)) {
        // A resident (issue 17): a bearer token from POST /public/codes/verify; no cookie, so no CSRF to check.
        auto found = app::AuthenticateResident(ctx_, resident_bearer ? bearer->substr(7) : "");
        if (!found) return ErrorResponse(found.error(), req);
        resident = std::move(*found);
        if (auto st = Spend(req, resident.token_hash, true); !st) return ErrorResponse(st.error(), req);
        call.resident = &resident;
    } else if (guard.access != Access::kPublic) {
        std::string token;
        bool from_cookie = false;
        const std::string* auth = bearer;
        if (auth && auth->rfind("Bearer ", 0) == 0) {
            token = auth->substr(7);
        } else if (auto c = req.Cookie(settings_.CookieName())) {
            token = *c;
            from_cookie = true;
        }
        auto authed = app::Authenticate(ctx_, token, {req.ip, req.request_id});
        if (!authed) return ErrorResponse(authed.error(), req);
        who = std::move(*authed);
        if (auto st = Spend(req, who.session.id_hash, true); !st) return ErrorResponse(st.error(), req);
        if (from_cookie && IsUnsafe(req.method)) {
            const std::string* csrf = req.Header("x-csrf-token");
            if (!csrf || !ConstantTimeEquals(*csrf, who.session.csrf_token))
                return ErrorResponse(MakeError(ErrorCode::kPermissionDenied, "auth.csrf"), req);
        }
        bool admin = who.actor.HoldsAdminRole();
        if (admin && !settings_.admin_allow.empty() &&
            std::find(settings_.admin_allow.begin(), settings_.admin_allow.end(), req.ip) ==
                settings_.admin_allow.end())
            return ErrorResponse(core::Denied("permission.denied"), req);
        if (guard.access != Access::kSession && who.session.mfa != core::ports::MfaState::kNone &&
            who.session.mfa != core::ports::MfaState::kOk)
            return ErrorResponse(MakeError(ErrorCode::kPermissionDenied, "auth.mfa_required"), req);
        // The coarse fence (issue 16, "Each shape once"): a caller holding the route's permission on no org at
        // all is refused before the handler reads anything, with the use case's own 403. The use case still
        // checks that the target lies in a subtree where the caller holds it (404 otherwise).
        if (guard.permission) {
            if (auto st = core::auth::AuthorizeAny(who.actor, *guard.permission); !st)
                return ErrorResponse(st.error(), req);
        }
        call.who = &who;
    }
    if (body_kind == Body::kNone && !req.body.empty()) {
        // A route that takes no body accepts at most an empty object: any field would be silently ignored
        // (security.md A7), so it is refused by name — once the caller is known to be allowed to call it.
        auto body = JsonBody::Parse(req.body);
        if (!body) return ErrorResponse(body.error(), req);
        if (auto st = body->Finish(); !st) return ErrorResponse(st.error(), req);
    }
    auto result = m.route->handler(call);
    if (!result) {
        const auto& e = result.error();
        if (e.code == ErrorCode::kInternal || e.code == ErrorCode::kUnavailable)
            spdlog::error("{{\"request_id\":\"{}\",\"event\":\"{}\",\"key\":\"{}\",\"detail\":{}}}", req.request_id,
                          e.code == ErrorCode::kInternal ? "internal_error" : "unavailable", e.message_key,
                          nlohmann::json(e.detail).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        return ErrorResponse(e, req);
    }
    return std::move(*result);
}

}  // namespace lianxin::http
