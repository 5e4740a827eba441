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
        core::ports::AuditQuery q{core::auth::ScopeRoots(actor, Permission::kAuditRead),
                                  in.action,
                                  in.actor,
                                  in.from,
                                  in.to,
                                  in.before_id,
                                  in.limit + 1};
        LX_ASSIGN(entries, tx.Audit().List(q));
        if (static_cast<int>(entries.size()) > in.limit) {
            entries.resize(static_cast<size_t>(in.limit));
            page.next_before = entries.back().id;
        }
        std::map<std::int64_t, std::string> names;
        auto name = [&](std::int64_t id) -> core::Result<std::string> {
            if (!id) return std::string();
            auto it = names.find(id);
            if (it == names.end()) {
                LX_ASSIGN(org, tx.Orgs().Get(id));
                it = names.emplace(id, org ? org->name : "").first;
            }
            return it->second;
        };
        for (auto& e : entries) {
            LX_ASSIGN(actor_org, name(e.actor_org_id));
            LX_ASSIGN(object_org, name(e.object_org_id));
            e.actor_org_name = std::move(actor_org);
            e.object_org_name = std::move(object_org);
        }
        page.items = std::move(entries);
        return core::Ok();
    }));
    LX_CHECK(AppendAudit(ctx, AuditFor(actor, ctx.clock.NowMillis(), "audit.read", "audit_log", "")
                                  .On(ListedOrg(ctx, actor, Permission::kAuditRead, 0))));
    return page;
}

core::Result<AuditCheck> CheckAuditChain(Context& ctx) {
    AuditCheck out;
    if (ctx.checkpoints) {
        auto cp = ctx.checkpoints->Load();
        if (cp) {
            out.checkpoint = *cp;
        } else if (cp.error().message_key == "audit.checkpoint_invalid") {
            out.checkpoint_invalid = true;  // a forged or damaged checkpoint is itself evidence: the chain is not ok
        } else {
            return core::Fail(cp.error());
        }
    }
    LX_CHECK(ctx.db.Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(v, tx.Audit().Verify(out.checkpoint ? &*out.checkpoint : nullptr, false));
        out.v = std::move(v);
        return core::Ok();
    }));
    if (out.checkpoint_invalid && out.v.ok) {
        out.v.ok = false;
        out.v.problem = "checkpoint_invalid";
    }
    return out;
}

core::Result<AuditCheck> VerifyAudit(Context& ctx, const core::auth::Actor& actor) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kAuditRead));
    LX_ASSIGN(out, CheckAuditChain(ctx));
    LX_CHECK(AppendAudit(
        ctx, AuditFor(actor, ctx.clock.NowMillis(), "audit.verify", "audit_log", "", out.v.ok ? "ok" : "broken")
                 .On(ListedOrg(ctx, actor, Permission::kAuditRead, 0))));
    return out;
}

core::Result<RestoreAcceptance> AcceptRestoredLog(Context& ctx, const core::auth::Actor& actor) {
    RestoreAcceptance out;
    LX_ASSIGN(before, CheckAuditChain(ctx));
    out.before = before;
    const auto& v = before.v;
    const bool behind = v.problem == "missing_tail" || v.problem == "checkpoint" || v.problem == "checkpoint_invalid";
    if (!v.ok && !behind)
        return core::Fail(core::MakeError(core::ErrorCode::kFailedPrecondition, "audit.restore_broken"));
    if (!ctx.checkpoints) return out;
    const auto now = ctx.clock.NowMillis();
    if (behind) {
        LX_ASSIGN(kept, ctx.checkpoints->Retire(now));
        out.kept_as = kept;
        auto entry = AuditFor(actor, now, "audit.restore", "audit_log", "").On(kTopOrg);
        entry.detail = before.checkpoint ? "checkpoint_head=" + std::to_string(before.checkpoint->head_id) +
                                               " checkpoint_at=" + core::FormatInstant(before.checkpoint->written_at)
                                         : std::string("checkpoint=invalid");
        entry.detail += " restored_head=" + std::to_string(v.last_id);
        LX_CHECK(ctx.db.Write(core::ports::Scope::System(), [&](Tx& tx) { return tx.Audit().Append(entry); }));
        out.recorded = true;
    }
    // The new checkpoint: the restored chain (and the restore row), walked in full.
    core::ports::AuditVerification now_v;
    LX_CHECK(ctx.db.Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(r, tx.Audit().Verify(nullptr, false));
        now_v = std::move(r);
        return core::Ok();
    }));
    if (now_v.ok && now_v.last_id)
        LX_CHECK(ctx.checkpoints->Store({now_v.last_id, now_v.last_hash, now_v.first_mac_id, now}));
    return out;
}

}  // namespace lianxin::app
