// The request pipeline, framework-free: request id, language, the address's request budget (429), limits,
// routing (404/405), content type (415), authentication, the session's request budget (429), CSRF, the
// second-factor gate, the route's permission (403 when held on no org), a body where the route takes none (400),
// the handler, error mapping, security headers and one log line. Handle() never throws and never lets a request
// crash the server.
#pragma once

#include <atomic>
#include <functional>

#include "app/context.hpp"
#include "http/http_types.hpp"
#include "http/router.hpp"

namespace lianxin::http {

class Pipeline {
public:
    Pipeline(app::Context& ctx, HttpSettings settings) : ctx_(ctx), settings_(std::move(settings)) {}

    // Answers `req` through `send`, exactly once. Usually before returning; a response that carries an
    // audit row is sent from the audit writer's thread once the row is durable.
    void HandleAsync(Request req, std::function<void(Response)> send);
    // The same, waiting for the answer (tests and tools).
    Response Handle(Request& req);
    // From now on every request answers 503 with Retry-After (graceful stop).
    void BeginDrain() { draining_ = true; }
    const HttpSettings& settings() const { return settings_; }

private:
    struct Done;  // what is needed to finish a response after the request is gone
    Response SafeDispatch(Request& req, std::string& route_label);
    void Finish(const Done& done, Response& r) const;
    Response Dispatch(Request& req, std::string& route_label);
    Response Api(Request& req, std::string& route_label);
    core::Status Spend(const Request& req, const std::string& who, bool session) const;

    app::Context& ctx_;
    HttpSettings settings_;
    std::atomic<bool> draining_{false};
};

// Headers every response carries (security.md C6).
void AddSecurityHeaders(Response& r, bool api);

// Serves the built web app from settings.static_dir (GET/HEAD only; dot segments refused).
Response ServeStatic(const HttpSettings& settings, const Request& req);

}  // namespace lianxin::http
