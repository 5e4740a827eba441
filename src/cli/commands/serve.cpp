#include <signal.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>

#include "app/audit/checkpoint_writer.hpp"
#include "app/event/resident_events.hpp"
#include "app/event/supervision.hpp"
#include "cli/commands/commands.hpp"
#include "cli/runtime.hpp"
#include "http/server.hpp"

namespace lianxin::cli {

// The retention of residents' data (issue 17; docs/architecture.md "Residents' data"): purged once at start and
// then every 24 hours while the server runs, the same as `lianxin events purge`.
static std::jthread DailyPurge(app::Context& ctx) {
    return std::jthread([&ctx](std::stop_token stop) {
        std::mutex m;
        std::condition_variable_any cv;
        do {
            auto n = app::PurgeResidentData(ctx);
            if (!n) spdlog::error("{{\"event\":\"resident_purge\",\"key\":\"{}\"}}", n.error().message_key);
            else if (*n > 0) spdlog::info("{{\"event\":\"resident_purge\",\"events\":{}}}", *n);
            std::unique_lock lock(m);
            cv.wait_for(lock, stop, std::chrono::hours(24), [] { return false; });
        } while (!stop.stop_requested());
    });
}

// 督办 on breach (issue 17 "SLA"; app/event/supervision.hpp): recorded once before the server listens — so that
// what is overdue at start is on the boards from the first request — and then every 10 minutes while it runs, the
// same as `lianxin events supervise` (idempotent: a breached deadline is recorded once).
static void SuperviseNow(app::Context& ctx) {
    auto n = app::SuperviseOverdue(ctx);
    if (!n) spdlog::error("{{\"event\":\"supervise_overdue\",\"key\":\"{}\"}}", n.error().message_key);
    else if (*n > 0) spdlog::info("{{\"event\":\"supervise_overdue\",\"events\":{}}}", *n);
}

static std::jthread SupervisionSweep(app::Context& ctx) {
    return std::jthread([&ctx](std::stop_token stop) {
        std::mutex m;
        std::condition_variable_any cv;
        for (;;) {
            std::unique_lock lock(m);
            cv.wait_for(lock, stop, std::chrono::minutes(10), [] { return false; });
            if (stop.stop_requested()) return;
            SuperviseNow(ctx);
        }
    });
}

// Serves until SIGTERM or SIGINT, then stops gracefully (toolchain.md §4: RESTinio itself ignores
// SIGTERM). The caller must have blocked both signals before any thread started.
static int ServeRuntime(Runtime& rt) {
    rt.audit_writer = std::make_unique<app::AuditWriter>(*rt.db);
    rt.ctx->audit_writer = rt.audit_writer.get();
    rt.session_cache = std::make_unique<app::SessionCache>();
    auto checkpoints = std::make_unique<app::CheckpointWriter>(
        *rt.ctx, rt.config.audit_checkpoint_seconds * 1000LL, [](const std::string& problem) {
            spdlog::error("{{\"event\":\"audit_checkpoint\",\"detail\":\"{}\"}}", problem);
        });
    rt.ctx->session_cache = rt.session_cache.get();
    rt.limiter = std::make_unique<app::RateLimiter>();
    rt.ctx->limiter = rt.limiter.get();
    rt.ctx->limits = rt.config.limits;
    SuperviseNow(*rt.ctx);
    http::Pipeline pipeline(*rt.ctx, rt.config.http);
    std::unique_ptr<http::Server> server;
    try {
        server = std::make_unique<http::Server>(pipeline, rt.config.server);
    } catch (const std::exception& e) {
        std::cerr << "server.port: cannot listen on " << rt.config.server.address << ":" << rt.config.server.port
                  << " (" << e.what() << ") / 端口无法监听\n";
        return 1;
    }
    std::cout << "lianxin 已启动 / serving: " << rt.config.PublicUrl() << "  (" << rt.db->Engine() << ")" << std::endl;
    if (rt.sink)
        std::cout
            << "注意：居民验证码只进入演示短信箱（otp.sender: sink），不得用于生产 / note: one-time codes go to the "
               "demo sink (otp.sender: sink), readable at /api/v1/dev/sent-codes; never in production"
            << std::endl;
    auto purge = DailyPurge(*rt.ctx);
    auto supervise = SupervisionSweep(*rt.ctx);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    int sig = 0;
    sigwait(&set, &sig);
    std::cout << "lianxin 正在停止 / stopping (signal " << sig << ")" << std::endl;
    server->Stop(10);
    purge.request_stop();
    purge.join();
    supervise.request_stop();
    supervise.join();
    rt.ctx->audit_writer = nullptr;
    rt.audit_writer.reset();
    checkpoints.reset();  // the last checkpoint, once every audit row is written
    return 0;
}

int RunServe(const Config& config) {
    auto rt = MakeRuntime(config, {});
    if (!rt) return 1;
    return ServeRuntime(*rt);
}

int ServeWith(Runtime& rt) { return ServeRuntime(rt); }

}  // namespace lianxin::cli
