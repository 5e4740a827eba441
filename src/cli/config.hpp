// Configuration: one YAML file checked against the declared keys below, then LIANXIN_<SECTION>_<KEY>
// environment overrides (e.g. LIANXIN_DATABASE_URL, LIANXIN_SERVER_PORT). An unknown key or a bad value
// stops start-up with a message naming the key.
#pragma once

#include <string>
#include <vector>

#include "app/context.hpp"
#include "http/http_types.hpp"
#include "http/server.hpp"
#include "storage/database.hpp"

namespace lianxin::cli {

// How residents' one-time codes are sent (otp.*; issue 17): "none" (requests answer 503 otp.no_sender), "sink"
// (kept in memory for the demo and the tests, readable at GET /api/v1/dev/sent-codes — never in production) or
// "gateway" (an HTTP POST of {phone, text} to gateway_url, given up after gateway_timeout_ms).
struct OtpSettings {
    std::string sender = "none";
    std::string gateway_url;
    int gateway_timeout_ms = 5000;
};

struct Config {
    http::ServerOptions server;
    http::HttpSettings http;
    storage::DatabaseOptions database;
    app::SecuritySettings security;
    app::RateLimits limits;  // request budgets (limits.*; issue 15 defects 3 and 9)
    OtpSettings otp;
    std::string key_file = "data/lianxin.key";
    // The audit head checkpoint (issue 15 defect 4): "" = "audit-checkpoint" beside the key file.
    std::string audit_checkpoint_file;
    int audit_checkpoint_seconds = 5;  // how often the server records a moved head
    std::string log_level = "info";
    std::string public_url;  // how users reach the server, for printed links; default http://localhost:<port>

    std::string PublicUrl() const;
    std::string CheckpointPath() const;
};

struct ConfigError {
    std::string key;
    std::string message;
};

// Defaults, then the file (when path is non-empty), then the environment.
Config DefaultConfig();
std::vector<ConfigError> LoadConfig(const std::string& path, char** envp, Config& config);

}  // namespace lianxin::cli
