#include "app/audit/audit.hpp"
#include "app/auth/auth.hpp"
#include "app/auth/login_throttle.hpp"
#include "app/auth/session_cache.hpp"
#include "app/auth/validation.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::MakeError;
using core::ports::SetupLink;
using core::ports::SetupPurpose;
using core::ports::Tx;

static core::Result<std::string> NewLink(Context& ctx, Tx& tx, SetupPurpose purpose, std::int64_t user_id) {
    // A new link for a user revokes every earlier one in the same transaction (issue 15 defect 8).
    if (user_id != 0) LX_CHECK(tx.SetupLinks().RevokeForUser(user_id, ctx.clock.NowMillis()));
    std::string token = ctx.crypto.RandomToken(32);
    SetupLink link{ctx.crypto.Sha256Hex(token), purpose, user_id,
                   ctx.clock.NowMillis() + ctx.security.setup_link_ttl_millis, 0};
    LX_CHECK(tx.SetupLinks().Insert(link));
    return token;
}

core::Result<std::string> CreatePasswordLink(Context& ctx, Tx& tx, std::int64_t user_id) {
    return NewLink(ctx, tx, SetupPurpose::kUserPassword, user_id);
}

core::Result<std::string> CreateFirstAdminLink(Context& ctx) {
    std::string token;
    // System scope (all three): set-up links run before there is an actor.
    LX_CHECK(ctx.db.Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(users, tx.Users().CountAll());
        if (users > 0) return core::Fail(MakeError(ErrorCode::kFailedPrecondition, "setup.already_done"));
        LX_ASSIGN(t, NewLink(ctx, tx, SetupPurpose::kFirstAdmin, 0));
        token = std::move(t);
        return core::Ok();
    }));
    return token;
}

// A link that is unknown, spent or expired is "not found": the answer does not say which.
static core::Result<SetupLink> LiveLink(Context& ctx, Tx& tx, const std::string& token) {
    if (token.empty() || token.size() > 128) return core::Fail(core::NotFound("setup_link"));
    LX_ASSIGN(link, tx.SetupLinks().Get(ctx.crypto.Sha256Hex(token)));
    if (!link || link->used_at != 0 || link->expires_at <= ctx.clock.NowMillis())
        return core::Fail(core::NotFound("setup_link"));
    return *link;
}

core::Result<SetupLinkInfo> InspectSetupLink(Context& ctx, const std::string& token) {
    SetupLinkInfo info{};
    LX_CHECK(ctx.db.Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(link, LiveLink(ctx, tx, token));
        info.purpose = link.purpose;
        if (link.user_id) {
            LX_ASSIGN(user, tx.Users().Get(link.user_id));
            if (user) info.username = user->username;
        }
        return core::Ok();
    }));
    return info;
}

core::Result<std::string> CompleteSetup(Context& ctx, const CompleteSetupInput& in, const ClientInfo& client) {
    std::string username;
    std::int64_t changed_user = 0;
    LX_CHECK(ctx.db.Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(link, LiveLink(ctx, tx, in.token));
        std::int64_t now = ctx.clock.NowMillis();
        core::ports::User user;
        if (link.purpose == SetupPurpose::kFirstAdmin) {
            core::Error errors = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
            CheckUsername(in.username, errors);
            CheckDisplayName(in.display_name, errors);
            auto pw = core::auth::CheckPassword(in.password, in.username, ctx.security.password);
            if (!pw) errors.fields.insert(errors.fields.end(), pw.error().fields.begin(), pw.error().fields.end());
            if (!errors.fields.empty()) return core::Fail(errors);
            LX_ASSIGN(count, tx.Users().CountAll());
            if (count > 0) return core::Fail(MakeError(ErrorCode::kFailedPrecondition, "setup.already_done"));
            LX_ASSIGN(root, RootOrg(tx));
            user.username = in.username;
            user.display_name = in.display_name;
            user.password_hash = ctx.crypto.HashPassword(in.password);
            user.status = core::ports::UserStatus::kActive;
            user.created_at = now;
            LX_ASSIGN(id, tx.Users().Insert(user));
            user.id = id;
            core::auth::Grant g{0, core::auth::Role::kSysAdmin, root.id, root.path, root.name};
            LX_CHECK(tx.Users().AddGrant(id, g, 0, now));
            user.grants.push_back(g);
        } else {
            LX_ASSIGN(found, tx.Users().Get(link.user_id));
            if (!found) return core::Fail(core::NotFound("setup_link"));
            user = *found;
            LX_CHECK(core::auth::CheckPassword(in.password, user.username, ctx.security.password));
            user.password_hash = ctx.crypto.HashPassword(in.password);
            if (user.status == core::ports::UserStatus::kPending) user.status = core::ports::UserStatus::kActive;
            user.failures = {};
            LX_CHECK(tx.Users().Update(user));
            LX_CHECK(LiftThrottle(ctx, tx, user.username));  // a new password: waits set for the old one end
            LX_CHECK(tx.Sessions().DeleteForUser(user.id));
            changed_user = user.id;
        }
        LX_CHECK(tx.SetupLinks().MarkUsed(link.token_hash, now));
        // Using a link revokes any other link of the user still live (issue 15 defect 8).
        if (changed_user) LX_CHECK(tx.SetupLinks().RevokeForUser(changed_user, now));
        core::auth::Actor actor{user.id,     user.username, user.display_name, 0,
                                user.grants, client.ip,     client.request_id};
        auto entry = AuditFor(actor, now,
                              link.purpose == SetupPurpose::kFirstAdmin ? "setup.first_admin" : "setup.password",
                              "user", std::to_string(user.id))
                         .On(user.grants);
        LX_CHECK(tx.Audit().Append(entry));
        username = user.username;
        return core::Ok();
    }));
    if (changed_user) ForgetUser(ctx, changed_user);
    return username;
}

}  // namespace lianxin::app
