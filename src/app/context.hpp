// The services every use case receives, wired once by the CLI. Use cases are free functions taking the
// context, the actor and a plain input struct; each is a checklist: validate -> load -> check policy ->
// call core -> persist and commit (with its audit row in the same transaction).
#pragma once

#include <cstdint>
#include <string>

#include "core/auth/credentials.hpp"
#include "core/auth/throttle.hpp"
#include "core/common/date.hpp"
#include "core/common/token_bucket.hpp"
#include "core/ports/code_sender.hpp"
#include "core/ports/crypto.hpp"
#include "core/ports/gis_files.hpp"
#include "core/ports/media.hpp"
#include "core/ports/repositories.hpp"
#include "core/ports/sheets.hpp"

namespace lianxin::app {

struct SecuritySettings {
    core::auth::PasswordPolicy password;
    core::auth::LockoutPolicy lockout;    // the second factor: wrong codes lock it for a while
    core::auth::ThrottlePolicy throttle;  // log-ins: waits per name and address, never an account lock
    core::auth::SessionPolicy session;
    std::int64_t setup_link_ttl_millis = 24LL * 3600 * 1000;  // security.md B8: single use, expires in 24 h
    std::string totp_issuer = "lianxin";
};

// Request budgets (issue 15 defect 9; README "Configuration", limits.*). Reads are GET and HEAD, writes the
// unsafe methods; a session's budget is spent after authentication, an address's on every API request. The
// defaults leave the web app, imports (one request per file) and the test suites alone (the access matrix, the
// busiest, needs about a quarter of each burst); a secretary writing 1,400 records a second is held to 10.
struct RateLimits {
    core::RatePolicy session_reads{3000, 60'000, 1000};
    core::RatePolicy session_writes{600, 60'000, 1000};
    core::RatePolicy address_reads{30000, 60'000, 20000};
    core::RatePolicy address_writes{6000, 60'000, 10000};
    // ID numbers an actor's import previews may check against the registry (issue 15 defect 3).
    core::RatePolicy import_preview_rows{100000, 3'600'000, 100000};
};

class AuditWriter;
class SessionCache;
class RateLimiter;

struct Context {
    core::ports::Database& db;
    const core::Clock& clock;
    const core::ports::Crypto& crypto;
    const core::ports::FieldCipher& cipher;
    SecuritySettings security;
    AuditWriter* audit_writer = nullptr;          // group-commits view audits; null = write inline
    SessionCache* session_cache = nullptr;        // resolved sessions for a moment; null = always read
    const core::ports::Sheets* sheets = nullptr;  // .xlsx/.csv reading and writing (import, export)
    RateLimiter* limiter = nullptr;               // the buckets of `limits`; null = no limits (tests, CLI commands)
    RateLimits limits{};
    core::ports::AuditCheckpointStore* checkpoints = nullptr;  // the audit head checkpoint; null = none kept
    const core::ports::ImageCodec* images = nullptr;           // photo re-encoding (src/media); null = no uploads
    core::ports::CodeSender* code_sender = nullptr;            // residents' one-time codes (src/otp); null = none
    const core::ports::SentMessages* sent_messages = nullptr;  // the sink's outbox (demo, tests); null otherwise
    const core::ports::GisFiles* gis = nullptr;                // GeoJSON / zipped Shapefile reading (src/gis)
};

class SystemClock final : public core::Clock {
public:
    std::int64_t NowMillis() const override;
};

// A clock tests can move.
class ManualClock final : public core::Clock {
public:
    explicit ManualClock(std::int64_t now) : now_(now) {}
    std::int64_t NowMillis() const override { return now_; }
    void Advance(std::int64_t millis) { now_ += millis; }

private:
    std::int64_t now_;
};

}  // namespace lianxin::app
