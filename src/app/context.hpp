// The services every use case receives, wired once by the CLI. Use cases are free functions taking the
// context, the actor and a plain input struct; each is a checklist: validate -> load -> check policy ->
// call core -> persist and commit (with its audit row in the same transaction).
#pragma once

#include <cstdint>
#include <string>

#include "core/auth/credentials.hpp"
#include "core/common/date.hpp"
#include "core/member/transfer.hpp"
#include "core/ports/crypto.hpp"
#include "core/ports/repositories.hpp"
#include "core/ports/sheets.hpp"

namespace lianxin::app {

struct SecuritySettings {
    core::auth::PasswordPolicy password;
    core::auth::LockoutPolicy lockout;
    core::auth::SessionPolicy session;
    std::int64_t setup_link_ttl_millis = 24LL * 3600 * 1000;  // security.md B8: single use, expires in 24 h
    std::string totp_issuer = "lianxin";
};

class AuditWriter;
class SessionCache;

struct Context {
    core::ports::Database& db;
    const core::Clock& clock;
    const core::ports::Crypto& crypto;
    const core::ports::FieldCipher& cipher;
    SecuritySettings security;
    AuditWriter* audit_writer = nullptr;    // group-commits view audits; null = write inline
    SessionCache* session_cache = nullptr;  // resolved sessions for a moment; null = always read
    core::member::TransferPolicy transfer_policy;  // letter validity and alert figures (domain.md §5.2)
    const core::ports::Sheets* sheets = nullptr;   // .xlsx/.csv reading and writing (import, export)
    core::ports::AuditCheckpointStore* checkpoints = nullptr;  // the audit head checkpoint; null = none kept
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
