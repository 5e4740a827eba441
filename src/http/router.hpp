// The route table and its matcher. Patterns are literal segments and ":name" parameters that match one
// segment of digits (ids) — e.g. "/api/v1/users/:id/grants/:grant_id" — except ":photo_id", which matches up to
// 64 lowercase hex digits (a photo is named by the SHA-256 of its bytes; the use case wants exactly 64), and
// ":follow_token" and ":token", which match up to 64 URL-safe base64 characters (a resident's follow link, issue 17),
// and ":service_code" (a category code). A last segment ending in ".:format" (Open311: "services.:format",
// ":id.:format") matches ".json" or ".xml" and gives the parameter "format". A path that
// matches a pattern with another method answers 405 with Allow; HEAD is served by GET routes.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/role.hpp"
#include "core/common/result.hpp"
#include "http/http_types.hpp"

namespace lianxin::http {

enum class Access {
    kPublic,         // no session needed
    kSession,        // a session, even one that still owes its second factor
    kAuthenticated,  // a session with the second factor done where the user's roles need it
    // A verified resident's bearer token ("r.…", app/otp/resident.hpp; issue 17): the bearer acts only as the phone
    // it proved. kResident admits only residents; kAuthenticatedOrResident admits a resident or a signed-in user.
    kResident,
    kAuthenticatedOrResident,
};

// Who may call a route: the access level and, for a signed-in caller, the permission it must hold on at
// least one org (the pipeline answers 403 before the handler otherwise; the use case still checks the target's
// scope). Access::kAuthenticated alone means any signed-in user: the own record, self-service, empty templates.
struct Guard {
    Access access;
    std::optional<core::auth::Permission> permission;
    Guard(Access a) : access(a) {}  // NOLINT: implicit, so that rows read Access::kPublic, Access::kSession …
};

inline Guard Needs(core::auth::Permission p) {
    Guard g(Access::kAuthenticated);
    g.permission = p;
    return g;
}

// What a route takes as its body.
enum class Body {
    kNone,  // nothing, or an empty JSON object (any field is refused by name)
    kJson,  // a JSON object (Content-Type application/json, 415 otherwise)
    kFile,  // a file (Content-Type application/octet-stream, 415 otherwise)
    kForm,  // form fields (Content-Type application/x-www-form-urlencoded, 415 otherwise): Open311's POST
};

std::string_view BodyName(Body b);  // "none", "json", "file"

using Handler = std::function<core::Result<Response>(Call&)>;

struct Route {
    std::string method;
    std::string pattern;
    Guard guard;
    Handler handler;
    std::string summary;  // one line for the OpenAPI document
    Body body = Body::kNone;
};

const std::vector<Route>& Routes();  // the one table (routes.cpp)

struct Match {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    std::vector<std::string> allowed;  // methods of patterns matching the path, when none has this method
};

Match MatchRoute(const std::vector<Route>& routes, const std::string& method, const std::string& path);

}  // namespace lianxin::http
