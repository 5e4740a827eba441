#include "app/member/account.hpp"

#include <algorithm>

#include "app/audit/audit.hpp"
#include "app/auth/auth.hpp"
#include "app/auth/session_cache.hpp"
#include "app/auth/validation.hpp"
#include "app/member/member_queries.hpp"
#include "core/ports/repositories.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::MakeError;
using core::auth::Permission;
using core::ports::Tx;

namespace {

core::Result<MemberAccount> Load(Tx& tx, const core::auth::Actor& actor, const core::member::Member& m) {
    MemberAccount out;
    out.member_id = m.id;
    LX_ASSIGN(account, tx.Users().GetByMember(m.id));
    out.account = std::move(account);
    if (core::auth::Authorize(actor, Permission::kMemberWrite, m.org_path)) {
        if (out.account) out.actions = {"reset"};
        else if (!m.left_on) out.actions = {"open"};
    }
    return out;
}

// The audit row of an act on the member's account: filed as an act on the member, with the account's id.
core::Status Audit(Tx& tx, const core::auth::Actor& actor, std::int64_t now, const char* action,
                   const core::member::Member& m, std::int64_t user_id) {
    auto entry = AuditFor(actor, now, action, "member", std::to_string(m.id)).On(m.org_id, m.org_path);
    entry.subject_member_id = m.id;
    entry.detail = "user=" + std::to_string(user_id);
    return tx.Audit().Append(entry);
}

}  // namespace

core::Result<MemberAccount> ViewMemberAccount(Context& ctx, const core::auth::Actor& actor, std::int64_t member_id) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberRead));
    MemberAccount out;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, VisibleMember(tx, actor, member_id, Permission::kMemberRead));
        LX_ASSIGN(view, Load(tx, actor, m));
        out = std::move(view);
        return core::Ok();
    }));
    return out;
}

core::Result<AccountLink> OpenMemberAccount(Context& ctx, const core::auth::Actor& actor, std::int64_t member_id,
                                            const std::string& username) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberWrite));
    core::Error errors = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    CheckUsername(username, errors);
    if (!errors.fields.empty()) return core::Fail(errors);
    AccountLink out;
    const std::int64_t now = ctx.clock.NowMillis();
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, VisibleMember(tx, actor, member_id, Permission::kMemberWrite));
        LX_ASSIGN(existing, tx.Users().GetByMember(member_id));
        if (existing) return core::Fail(MakeError(ErrorCode::kConflict, "member.account.exists"));
        if (m.left_on) return core::Fail(MakeError(ErrorCode::kFailedPrecondition, "member.account.left"));
        LX_ASSIGN(taken, tx.Users().GetByUsername(username));
        if (taken) return core::Fail(core::InvalidField("username", "user.username.taken"));
        LX_ASSIGN(org, tx.Orgs().Get(m.org_id));
        if (!org) return core::Fail(core::NotFound("member"));
        core::ports::User user;
        user.username = username;
        user.display_name = m.name;
        user.status = core::ports::UserStatus::kPending;
        user.member_id = member_id;
        user.created_at = now;
        LX_ASSIGN(id, tx.Users().Insert(user));
        user.id = id;
        core::auth::Grant grant{0, core::auth::Role::kMember, org->id, org->path, org->name};
        LX_ASSIGN(grant_id, tx.Users().AddGrant(id, grant, actor.user_id, now));
        grant.id = grant_id;
        user.grants.push_back(grant);
        LX_ASSIGN(token, CreatePasswordLink(ctx, tx, id));
        out.setup_token = std::move(token);
        LX_CHECK(Audit(tx, actor, now, "member.account.open", m, id));
        out.view = {member_id, std::move(user), {"reset"}};
        return core::Ok();
    }));
    return out;
}

core::Result<AccountLink> ResetMemberAccountLink(Context& ctx, const core::auth::Actor& actor, std::int64_t member_id) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberWrite));
    AccountLink out;
    const std::int64_t now = ctx.clock.NowMillis();
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, VisibleMember(tx, actor, member_id, Permission::kMemberWrite));
        LX_ASSIGN(account, tx.Users().GetByMember(member_id));
        if (!account) return core::Fail(core::NotFound("account"));
        if (account->id == actor.user_id) return core::Fail(core::Denied("user.reset.self"));
        // The link signs in as the account: the writer must hold member_write wherever the account holds a grant,
        // and never reaches an administrator's duties this way (issue 15 defects 1 and 2).
        const auto& grants = account->grants;
        if (std::any_of(grants.begin(), grants.end(), [](const auto& g) { return core::auth::Info(g.role).admin; }))
            return core::Fail(core::Denied("member.account.admin"));
        LX_CHECK(core::auth::AuthorizeAll(actor, Permission::kMemberWrite, core::auth::GrantPaths(grants), "account"));
        LX_ASSIGN(token, CreatePasswordLink(ctx, tx, account->id));
        out.setup_token = std::move(token);
        LX_CHECK(Audit(tx, actor, now, "member.account.reset", m, account->id));
        out.view = {member_id, std::move(*account), {"reset"}};
        return core::Ok();
    }));
    return out;
}

}  // namespace lianxin::app
