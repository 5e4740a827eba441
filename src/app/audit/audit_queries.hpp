// The audit admin's reading of the log (filed under the objects' orgs, scoped to the subtree of its grant), the
// chain check against the head checkpoint kept outside the database, and the acceptance of a restored backup.
#pragma once

#include "app/context.hpp"
#include "core/auth/actor.hpp"

namespace lianxin::app {

struct AuditListInput {
    std::string action;
    std::string actor;
    std::int64_t from = 0, to = 0;
    std::int64_t before_id = 0;
    int limit = 50;
};
struct AuditPage {
    std::vector<core::ports::AuditEntry> items;
    std::int64_t next_before = 0;
};
core::Result<AuditPage> ListAudit(Context& ctx, const core::auth::Actor& actor, const AuditListInput& in);

// What a check of the chain found: the verification, and whether a checkpoint was read (and valid).
struct AuditCheck {
    core::ports::AuditVerification v;
    std::optional<core::ports::AuditCheckpoint> checkpoint;
    bool checkpoint_invalid = false;  // the checkpoint file exists but fails its MAC (v.ok is false then)
};
// Walks every row with the key and compares the chain with the checkpoint (issue 15 defect 4). Audits nothing:
// `lianxin check` and VerifyAudit share it.
core::Result<AuditCheck> CheckAuditChain(Context& ctx);
core::Result<AuditCheck> VerifyAudit(Context& ctx, const core::auth::Actor& actor);

// After a backup was restored: when the database is behind the checkpoint (rows the checkpoint records are not in
// it), and its own chain is intact, the restore is recorded in the log ("audit.restore", naming the checkpoint's
// head and the restored head), the old checkpoint is set aside (renamed) and a new one written. Fails
// ("audit.restore_broken") when the restored chain itself is broken. Returns the audit check before the step.
struct RestoreAcceptance {
    AuditCheck before;
    bool recorded = false;  // the database was behind the checkpoint: the restore row was written
    std::string kept_as;    // where the superseded checkpoint was kept
};
core::Result<RestoreAcceptance> AcceptRestoredLog(Context& ctx, const core::auth::Actor& actor);

}  // namespace lianxin::app
