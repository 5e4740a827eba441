#include "http/error_mapping.hpp"

#include <nlohmann/json.hpp>
#include <utility>

#include "http/messages.hpp"

namespace lianxin::http {

using core::ErrorCode;

int HttpStatus(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidArgument:
            return 400;
        case ErrorCode::kUnauthenticated:
            return 401;
        case ErrorCode::kPermissionDenied:
            return 403;
        case ErrorCode::kNotFound:
            return 404;
        case ErrorCode::kConflict:
            return 409;
        case ErrorCode::kFailedPrecondition:
            return 422;
        case ErrorCode::kTooManyRequests:
            return 429;
        case ErrorCode::kUnavailable:
            return 503;
        case ErrorCode::kInternal:
            return 500;
    }
    return 500;
}

std::string CodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidArgument:
            return "invalid_argument";
        case ErrorCode::kUnauthenticated:
            return "unauthenticated";
        case ErrorCode::kPermissionDenied:
            return "permission_denied";
        case ErrorCode::kNotFound:
            return "not_found";
        case ErrorCode::kConflict:
            return "conflict";
        case ErrorCode::kFailedPrecondition:
            return "failed_precondition";
        case ErrorCode::kTooManyRequests:
            return "too_many_requests";
        case ErrorCode::kUnavailable:
            return "unavailable";
        case ErrorCode::kInternal:
            return "internal";
    }
    return "internal";
}

static Response Build(int status, const std::string& code_name, const std::string& message,
                      const nlohmann::json& fields, const Request& req, const nlohmann::json& rows = nullptr) {
    nlohmann::json body = {
        {"error", {{"code", code_name}, {"message", message}, {"request_id", req.request_id}, {"fields", fields}}}};
    if (!rows.is_null()) body["error"]["rows"] = rows;
    Response r;
    r.status = status;
    r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return r;
}

Response ErrorResponse(const core::Error& e, const Request& req) {
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& f : e.fields)
        fields.push_back({{"field", f.field}, {"message", Translate(req.lang, f.message_key, f.params, f.field)}});
    // Internal errors say nothing of their cause; the log has it under the request id.
    std::string key = e.code == ErrorCode::kInternal ? "internal" : e.message_key;
    std::string code_name = CodeName(e.code);
    if (e.message_key == "auth.mfa_required") code_name = "mfa_required";
    // The sheet rows an import undo is refused for (import.undo_changed, import.undo_org_changed: the param
    // "rows", "3,5") also as numbers, so that a client can show them (docs/api.md "Import and export").
    nlohmann::json rows = nullptr;
    if (auto it = e.params.find("rows"); it != e.params.end() && e.code == ErrorCode::kConflict) {
        rows = nlohmann::json::array();
        std::int64_t n = -1;
        for (char c : it->second + ",") {
            if (c >= '0' && c <= '9') n = (n < 0 ? 0 : n * 10) + (c - '0');
            else if (c == ',' && n >= 0) rows.push_back(std::exchange(n, -1));
        }
    }
    Response r = Build(HttpStatus(e.code), code_name, Translate(req.lang, key, e.params), fields, req, rows);
    if (e.code == ErrorCode::kUnavailable || e.code == ErrorCode::kTooManyRequests) {
        auto it = e.params.find("retry_after");
        r.Header("Retry-After", it != e.params.end() ? it->second : "5");
    }
    return r;
}

Response ProtocolError(int status, const std::string& code_name, const std::string& key, const Request& req,
                       const std::map<std::string, std::string>& params) {
    return Build(status, code_name, Translate(req.lang, key, params), nlohmann::json::array(), req);
}

}  // namespace lianxin::http
