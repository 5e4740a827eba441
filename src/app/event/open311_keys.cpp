// Open311 api keys (open311.hpp): issued, listed and revoked by an admin with org_write on the key's org; each
// issue and revoke is one transaction with its audit row. The key itself is answered once and never stored.
#include "app/audit/audit.hpp"
#include "app/event/open311.hpp"
#include "app/org/org_queries.hpp"
#include "core/event/open311.hpp"
#include "core/member/fields.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::auth::Permission;
using core::ports::Open311Key;
using core::ports::Scope;
using core::ports::Tx;

namespace {
// An org named in a body or a filter that is absent or outside the scope: 400 naming org_id (as a nonexistent one).
core::Error InScope(const core::Error& e) {
    return e.code == ErrorCode::kNotFound ? core::InvalidField("org_id", "org.not_in_scope") : e;
}
}  // namespace

core::Result<IssuedOpen311Key> IssueOpen311Key(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                               const std::string& name) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgWrite));
    core::Error errors = core::MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    core::member::CheckText(name, 2, 60, "client_name", errors);
    if (org_id <= 0) errors.WithField("org_id", "open311.key.org_missing");
    if (!errors.fields.empty()) return core::Fail(errors);
    const auto now = ctx.clock.NowMillis();
    IssuedOpen311Key out;
    out.key = std::string(core::event::kApiKeyPrefix) + ctx.crypto.RandomToken(24);  // 32 URL-safe characters
    LX_CHECK(ctx.db.Write(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        auto visible = VisibleOrg(tx, actor, org_id, Permission::kOrgWrite, ctx.clock.Today());
        if (!visible) return core::Fail(InScope(visible.error()));
        const auto& org = *visible;
        Open311Key k;
        k.org_id = org.id;
        k.org_path = org.path;
        k.org_name = org.name;
        k.name = name;
        k.key_hash = ctx.crypto.Sha256Hex(out.key);
        k.last4 = out.key.substr(out.key.size() - 4);
        k.created_by = actor.user_id;
        k.created_by_name = actor.display_name.empty() ? actor.username : actor.display_name;
        k.created_at = now;
        LX_ASSIGN(id, tx.Open311Keys().Insert(k));
        k.id = id;
        auto entry = AuditFor(actor, now, "open311.key.issue", "open311_key", std::to_string(id)).On(org);
        LX_CHECK(tx.Audit().Append(entry));
        out.record = std::move(k);
        return core::Ok();
    }));
    return out;
}

core::Result<std::vector<Open311Key>> ListOpen311Keys(Context& ctx, const core::auth::Actor& actor,
                                                      std::int64_t org_id) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgWrite));
    std::vector<Open311Key> out;
    LX_CHECK(ctx.db.Read(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        std::vector<std::string> roots = core::auth::ScopeRoots(actor, Permission::kOrgWrite);
        if (org_id > 0) {
            auto org = VisibleOrg(tx, actor, org_id, Permission::kOrgWrite);
            if (!org) return core::Fail(InScope(org.error()));
            roots = {org->path};
        }
        LX_ASSIGN(keys, tx.Open311Keys().List(roots));
        out = std::move(keys);
        return core::Ok();
    }));
    return out;
}

core::Result<Open311Key> RevokeOpen311Key(Context& ctx, const core::auth::Actor& actor, std::int64_t id) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgWrite));
    const auto now = ctx.clock.NowMillis();
    Open311Key out;
    LX_CHECK(ctx.db.Write(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(k, tx.Open311Keys().Get(id));
        if (!k) return core::Fail(core::NotFound("open311_key"));
        LX_CHECK(core::auth::Authorize(actor, Permission::kOrgWrite, k->org_path, "open311_key"));
        LX_ASSIGN(revoked, tx.Open311Keys().Revoke(id, actor.user_id, now));
        if (!revoked) return core::Fail(core::MakeError(ErrorCode::kConflict, "open311.key.revoked"));
        auto entry = AuditFor(actor, now, "open311.key.revoke", "open311_key", std::to_string(id))
                         .On(AuditOrg{k->org_id, k->org_path});
        LX_CHECK(tx.Audit().Append(entry));
        out = std::move(*k);
        out.revoked_at = now;
        out.revoked_by = actor.user_id;
        return core::Ok();
    }));
    return out;
}

}  // namespace lianxin::app
