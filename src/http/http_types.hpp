// Framework-free request and response values. RESTinio is confined to server.cpp; everything else in the
// HTTP layer (routing, middleware, handlers) works on these, so it compiles fast and tests without sockets.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/auth/auth.hpp"
#include "app/otp/resident.hpp"

namespace lianxin::http {

enum class Lang { kZh, kEn };

struct Request {
    std::string method;  // upper case
    std::string path;    // decoded path without the query
    std::map<std::string, std::string> query;
    std::map<std::string, std::string> headers;  // names lower-cased
    std::string body;
    std::string ip;
    std::string request_id;
    Lang lang = Lang::kZh;
    std::map<std::string, std::string> params;  // path parameters from the route pattern
    bool malformed_target = false;              // the path or query had a bad %-escape or an encoded NUL

    const std::string* Header(const std::string& lower_name) const;
    std::optional<std::string> Cookie(const std::string& name) const;
    const std::string* Query(const std::string& name) const;
};

struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string file_path;  // when set, the server sends this file as the body
    // When set, this audit row is committed before the response is sent; a failed commit turns the
    // response into 503 (security.md E4). The commit is group-committed without holding a request thread.
    std::optional<core::ports::AuditEntry> audit;

    Response& Header(std::string name, std::string value) {
        headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }
};

struct HttpSettings {
    bool cookie_secure = true;                // Secure + __Host- prefix (browsers allow both on http://localhost)
    std::size_t max_body_bytes = 1 << 20;     // API bodies above this answer 413
    std::size_t max_upload_bytes = 16 << 20;  // … and file bodies (Body::kFile: sheets, photos) above this
    std::string static_dir;                   // the built web app (web/dist); empty = no static files
    std::vector<std::string> admin_allow;     // client IPs allowed to use admin roles (empty = any; security.md B7)
    // Map tiles under the grids' polygons (issue 17 "a tile URL is configuration"): none by default; a tile
    // server that draws in GCJ-02 (most Chinese web maps) says so, and the web app shifts the polygons for display.
    std::string map_tile_url;            // e.g. https://t{s}.tianditu.gov.cn/vec_w/wmts?…&tk=KEY
    std::string map_tile_crs = "wgs84";  // wgs84 | gcj02
    std::string map_attribution;

    std::string CookieName() const { return cookie_secure ? "__Host-lx_sid" : "lx_sid"; }
};

// What a handler gets: the request, the app context and (for authenticated routes) who is calling.
struct Call {
    Request& req;
    app::Context& ctx;
    const HttpSettings& settings;
    const app::Authenticated* who = nullptr;  // null on public routes
    const app::Resident* resident = nullptr;  // a verified resident (Access::kResident…); then `who` is null
    const core::auth::Actor& actor() const { return who->actor; }
    app::ClientInfo client() const { return {req.ip, req.request_id}; }
};

}  // namespace lianxin::http
