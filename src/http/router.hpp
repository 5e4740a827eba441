// The route table and its matcher. Patterns are literal segments and ":name" parameters that match one
// segment of digits (ids) — e.g. "/api/v1/users/:id/grants/:grant_id". A path that matches a pattern with
// another method answers 405 with Allow; HEAD is served by GET routes.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/common/result.hpp"
#include "http/http_types.hpp"

namespace lianxin::http {

enum class Access {
    kPublic,         // no session needed
    kSession,        // a session, even one that still owes its second factor
    kAuthenticated,  // a session with the second factor done where the user's roles need it
};

using Handler = std::function<core::Result<Response>(Call&)>;

struct Route {
    std::string method;
    std::string pattern;
    Access access;
    Handler handler;
    std::string summary;       // one line for the OpenAPI document
    bool json_body = false;    // the route takes a JSON body (Content-Type checked, 415 otherwise)
    bool file_body = false;    // the route takes a file as the body (application/octet-stream, 415 otherwise)
};

const std::vector<Route>& Routes();  // the one table (routes.cpp)

struct Match {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    std::vector<std::string> allowed;  // methods of patterns matching the path, when none has this method
};

Match MatchRoute(const std::vector<Route>& routes, const std::string& method, const std::string& path);

}  // namespace lianxin::http
