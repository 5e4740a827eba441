// The request pipeline, framework-free: request id, language, limits, routing (404/405), content type
// (415), authentication, CSRF, the second-factor gate, the handler, error mapping, security headers and
// one log line. Handle() never throws and never lets a request crash the server.
#pragma once

#include <atomic>

#include "app/context.hpp"
#include "http/http_types.hpp"
#include "http/router.hpp"

namespace lianxin::http {

class Pipeline {
public:
    Pipeline(app::Context& ctx, HttpSettings settings) : ctx_(ctx), settings_(std::move(settings)) {}

    Response Handle(Request& req);
    // From now on every request answers 503 with Retry-After (graceful stop).
    void BeginDrain() { draining_ = true; }
    const HttpSettings& settings() const { return settings_; }

private:
    Response Dispatch(Request& req, std::string& route_label);
    Response Api(Request& req, std::string& route_label);

    app::Context& ctx_;
    HttpSettings settings_;
    std::atomic<bool> draining_{false};
};

// Headers every response carries (security.md C6).
void AddSecurityHeaders(Response& r, bool api);

// Serves the built web app from settings.static_dir (GET/HEAD only; dot segments refused).
Response ServeStatic(const HttpSettings& settings, const Request& req);

}  // namespace lianxin::http
