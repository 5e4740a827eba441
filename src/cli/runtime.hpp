// Wiring, done once: configuration -> keys -> database -> app context. Every command builds a Runtime.
#pragma once

#include <memory>
#include <optional>

#include "app/audit/audit.hpp"
#include "app/auth/session_cache.hpp"
#include "app/context.hpp"
#include "app/rate_limiter.hpp"
#include "cli/config.hpp"
#include "crypto/checkpoint_file.hpp"
#include "crypto/sodium_crypto.hpp"
#include "gis/gis_files.hpp"
#include "media/photo_codec.hpp"
#include "otp/senders.hpp"
#include "sheet/sheet_files.hpp"
#include "storage/database.hpp"

namespace lianxin::cli {

struct Runtime {
    Config config;
    crypto::SodiumCrypto crypto;
    sheet::SheetFiles sheets;
    media::PhotoCodec images;
    gis::GisFiles gis;
    std::unique_ptr<core::ports::CodeSender> code_sender;  // otp.sender: none (null), sink or gateway
    otp::SinkSender* sink = nullptr;                       // the code sender when it is the sink
    std::unique_ptr<crypto::SodiumFieldCipher> cipher;
    std::unique_ptr<crypto::CheckpointFile> checkpoints;  // beside the key file (issue 15 defect 4)
    std::unique_ptr<storage::ManagedDatabase> db;
    app::SystemClock clock;
    std::unique_ptr<app::AuditWriter> audit_writer;
    std::unique_ptr<app::SessionCache> session_cache;
    std::unique_ptr<app::RateLimiter> limiter;
    std::unique_ptr<app::Context> ctx;
};

struct RuntimeOptions {
    bool create_key = false;     // create the key file (init, demo)
    bool migrate = false;        // apply migrations (init, demo, migrate)
    bool require_schema = true;  // refuse to run on a database with pending migrations (serve)
};

// Builds the runtime or prints why it cannot (naming the key or file) and returns nullopt.
std::unique_ptr<Runtime> MakeRuntime(const Config& config, const RuntimeOptions& opt);

// The local operator as an actor: `role` on every top org, named "cli" in the audit log; nullopt when the
// database holds no org tree yet.
std::optional<core::auth::Actor> OperatorActor(Runtime& rt, core::auth::Role role = core::auth::Role::kSysAdmin);

// Prints the error's key and its fields on stderr; returns the exit code 1.
int ReportError(const core::Error& e);

// Prints "key: message" lines for configuration errors; true when there were none.
bool ReportConfigErrors(const std::vector<ConfigError>& errors);

}  // namespace lianxin::cli
