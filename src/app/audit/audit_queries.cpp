#include "app/audit/audit_queries.hpp"

#include "app/audit/audit.hpp"

#include <map>

namespace lianxin::app {

using core::auth::Permission;
using core::ports::Tx;

core::Result<AuditPage> ListAudit(Context& ctx, const core::auth::Actor& actor, const AuditListInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kAuditRead));
    AuditPage page;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        core::ports::AuditQuery q{core::auth::ScopeRoots(actor, Permission::kAuditRead), in.action, in.actor, in.from,
                                  in.to, in.before_id, in.limit + 1};
        LX_ASSIGN(entries, tx.Audit().List(q));
        if (static_cast<int>(entries.size()) > in.limit) {
            entries.resize(static_cast<size_t>(in.limit));
            page.next_before = entries.back().id;
        }
        std::map<std::int64_t, std::string> names;
        for (auto& e : entries) {
            if (!e.actor_org_id) continue;
            auto it = names.find(e.actor_org_id);
            if (it == names.end()) {
                LX_ASSIGN(org, tx.Orgs().Get(e.actor_org_id));
                it = names.emplace(e.actor_org_id, org ? org->name : "").first;
            }
            e.actor_org_name = it->second;
        }
        page.items = std::move(entries);
        return core::Ok();
    }));
    LX_CHECK(AppendAudit(ctx, AuditFor(actor, ctx.clock.NowMillis(), "audit.read", "audit_log", "")));
    return page;
}

core::Result<core::ports::AuditVerification> VerifyAudit(Context& ctx, const core::auth::Actor& actor) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kAuditRead));
    core::ports::AuditVerification out;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(v, tx.Audit().Verify());
        out = v;
        return core::Ok();
    }));
    LX_CHECK(AppendAudit(ctx, AuditFor(actor, ctx.clock.NowMillis(), "audit.verify", "audit_log", "",
                                       out.ok ? "ok" : "broken")));
    return out;
}

}  // namespace lianxin::app
