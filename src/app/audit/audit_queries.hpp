// The audit admin's reading of the log (scoped to the subtree of its grant) and the chain check.
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
core::Result<core::ports::AuditVerification> VerifyAudit(Context& ctx, const core::auth::Actor& actor);

}  // namespace lianxin::app
