// Errors are values: every fallible operation returns Result<T>. The closed ErrorCode set is mapped to HTTP
// in exactly one place (http/error_mapping.cpp). Messages are catalogue keys ("user.username.taken"),
// translated at the edge into the caller's language; `params` fills {placeholders} in the message.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace lianxin::core {

enum class ErrorCode {
    kInvalidArgument,     // 400: the input is malformed or breaks a field rule
    kUnauthenticated,     // 401: no valid session or credentials
    kPermissionDenied,    // 403: authenticated but not allowed (object existence is not hidden)
    kNotFound,            // 404: absent, or outside the actor's scope
    kConflict,            // 409: unique key taken, concurrent change
    kFailedPrecondition,  // 422: a business rule refuses the step in the current state
    kTooManyRequests,     // 429: throttled or locked out
    kUnavailable,         // 503: database busy, locked, full or unreachable; retry later
    kInternal,            // 500: a bug; details go to the log, never to the client
};

struct FieldError {
    std::string field;        // JSON path of the offending field, e.g. "password" or "grants[1].org_id"
    std::string message_key;  // catalogue key, e.g. "password.too_short"
    std::map<std::string, std::string> params;
};

struct Error {
    ErrorCode code = ErrorCode::kInternal;
    std::string message_key;
    std::vector<FieldError> fields;
    std::map<std::string, std::string> params;
    std::string detail;  // for the log only (never PII, never sent to clients)

    Error& WithField(std::string field, std::string key, std::map<std::string, std::string> p = {}) {
        fields.push_back({std::move(field), std::move(key), std::move(p)});
        return *this;
    }
    Error& WithParam(std::string name, std::string value) {
        params[std::move(name)] = std::move(value);
        return *this;
    }
};

inline Error MakeError(ErrorCode code, std::string key, std::string detail = {}) {
    Error e;
    e.code = code;
    e.message_key = std::move(key);
    e.detail = std::move(detail);
    return e;
}

inline Error InvalidField(std::string field, std::string key, std::map<std::string, std::string> params = {}) {
    Error e = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    e.WithField(std::move(field), std::move(key), std::move(params));
    return e;
}

inline Error NotFound(std::string what = "object") {
    return MakeError(ErrorCode::kNotFound, "not_found").WithParam("what", std::move(what));
}

inline Error Denied(std::string key = "permission.denied") {
    return MakeError(ErrorCode::kPermissionDenied, std::move(key));
}

}  // namespace lianxin::core
