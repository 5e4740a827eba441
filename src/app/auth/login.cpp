#include "app/audit/audit.hpp"
#include "app/auth/auth.hpp"
#include "app/auth/session_cache.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::MakeError;
using core::ports::MfaState;
using core::ports::Tx;
using core::ports::User;
using core::ports::UserStatus;

namespace {

// Verifying against this hash makes an unknown user cost the same Argon2 work as a wrong password.
const std::string& DummyHash(const core::ports::Crypto& crypto) {
    static const std::string hash = crypto.HashPassword("lianxin-dummy-password-for-timing");
    return hash;
}

core::Error BadCredentials() { return MakeError(ErrorCode::kUnauthenticated, "auth.invalid_credentials"); }

// 429 whose Retry-After says when the lock ends.
core::Error LockedError(const core::auth::LoginFailureState& s, std::int64_t now) {
    std::int64_t seconds = (s.locked_until - now + 999) / 1000;
    return MakeError(ErrorCode::kTooManyRequests, "auth.locked").WithParam("retry_after", std::to_string(seconds));
}

core::auth::Actor ActorOf(const User& u, const ClientInfo& client) {
    return core::auth::Actor{u.id, u.username, u.display_name, u.member_id, u.grants, client.ip, client.request_id};
}

}  // namespace

core::Result<LoginResult> Login(Context& ctx, const std::string& username, const std::string& password,
                                const ClientInfo& client) {
    if (username.empty() || username.size() > 64 || password.size() > 1024) {
        ctx.crypto.VerifyPassword(DummyHash(ctx.crypto), password.substr(0, 64));
        return core::Fail(BadCredentials());
    }
    std::optional<User> user;
    LX_CHECK(ctx.db.Read([&](Tx& tx) -> core::Status {
        LX_ASSIGN(u, tx.Users().GetByUsername(username));
        user = std::move(u);
        return core::Ok();
    }));
    std::int64_t now = ctx.clock.NowMillis();
    bool usable = user && user->status == UserStatus::kActive && !user->password_hash.empty();
    if (usable && core::auth::IsLocked(user->failures, now)) {
        ctx.crypto.VerifyPassword(DummyHash(ctx.crypto), password);
        auto entry = AuditFor(ActorOf(*user, client), now, "auth.login", "user", std::to_string(user->id), "locked").On(user->grants);
        LX_CHECK(AppendAudit(ctx, entry));
        return core::Fail(LockedError(user->failures, now));
    }
    bool good = ctx.crypto.VerifyPassword(usable ? user->password_hash : DummyHash(ctx.crypto), password);
    if (!usable || !good) {
        core::Status st = ctx.db.Write([&](Tx& tx) -> core::Status {
            if (!user) {
                // Filed under the top org so that the audit administrator of the whole tree sees it.
                core::auth::Actor anonymous{0, "", "", 0, {}, client.ip, client.request_id};
                LX_ASSIGN(roots, tx.Orgs().Roots());
                if (!roots.empty())
                    anonymous.grants.push_back({0, core::auth::Role::kMember, roots[0].id, roots[0].path, roots[0].name});
                auto entry = AuditFor(anonymous, now, "auth.login", "user", "", "denied").On(kTopOrg);
                return tx.Audit().Append(entry);
            }
            LX_ASSIGN(fresh, tx.Users().Get(user->id));
            if (!fresh) return core::Ok();
            fresh->failures = core::auth::RecordFailure(fresh->failures, now, ctx.security.lockout);
            LX_CHECK(tx.Users().Update(*fresh));
            bool locked = core::auth::IsLocked(fresh->failures, now);
            auto entry = AuditFor(ActorOf(*fresh, client), now, locked ? "auth.lockout" : "auth.login", "user",
                                  std::to_string(fresh->id), "denied").On(fresh->grants);
            return tx.Audit().Append(entry);
        });
        if (!st) return core::Fail(st.error());
        return core::Fail(BadCredentials());
    }

    LoginResult out;
    out.token = ctx.crypto.RandomToken(32);
    out.session.id_hash = ctx.crypto.Sha256Hex(out.token);
    out.session.user_id = user->id;
    out.session.csrf_token = ctx.crypto.RandomToken(32);
    out.session.created_at = now;
    out.session.last_seen_at = now;
    bool admin = ActorOf(*user, client).HoldsAdminRole();
    out.session.mfa = !admin ? MfaState::kNone : user->totp_enrolled ? MfaState::kVerify : MfaState::kEnroll;
    LX_CHECK(ctx.db.Write([&](Tx& tx) -> core::Status {
        LX_ASSIGN(fresh, tx.Users().Get(user->id));
        if (!fresh) return core::Fail(BadCredentials());
        if (fresh->failures.failures != 0) {
            fresh->failures = {};
            LX_CHECK(tx.Users().Update(*fresh));
            LX_ASSIGN(again, tx.Users().Get(user->id));
            fresh = again;
        }
        LX_CHECK(tx.Sessions().Put(out.session));
        auto entry = AuditFor(ActorOf(*fresh, client), now, "auth.login", "user", std::to_string(fresh->id)).On(fresh->grants);
        LX_CHECK(tx.Audit().Append(entry));
        out.user = *fresh;
        return core::Ok();
    }));
    return out;
}

core::Result<Authenticated> Authenticate(Context& ctx, const std::string& token, const ClientInfo& client) {
    if (token.empty() || token.size() > 128) return core::Fail(MakeError(ErrorCode::kUnauthenticated, "auth.required"));
    std::string id_hash = ctx.crypto.Sha256Hex(token);
    std::int64_t now = ctx.clock.NowMillis();
    if (ctx.session_cache) {
        // A cached session is still checked against the expiry rules; its idle timer was refreshed in the
        // database less than a minute before it was cached.
        if (auto cached = ctx.session_cache->Get(id_hash, now)) {
            if (!core::auth::SessionExpired(cached->session.created_at, cached->session.last_seen_at, now,
                                            ctx.security.session) &&
                now - cached->session.last_seen_at <= 60'000) {
                cached->actor.ip = client.ip;
                cached->actor.request_id = client.request_id;
                return *cached;
            }
            ctx.session_cache->Forget(id_hash);
        }
    }
    Authenticated out;
    bool expired = false;
    LX_CHECK(ctx.db.Read([&](Tx& tx) -> core::Status {
        LX_ASSIGN(session, tx.Sessions().Get(id_hash));
        if (!session) return core::Fail(MakeError(ErrorCode::kUnauthenticated, "auth.required"));
        if (core::auth::SessionExpired(session->created_at, session->last_seen_at, now, ctx.security.session)) {
            expired = true;
            return core::Ok();
        }
        LX_ASSIGN(user, tx.Users().Get(session->user_id));
        if (!user || user->status != UserStatus::kActive)
            return core::Fail(MakeError(ErrorCode::kUnauthenticated, "auth.required"));
        out.session = *session;
        out.user = *user;
        return core::Ok();
    }));
    if (expired) {
        LX_CHECK(ctx.db.Write([&](Tx& tx) { return tx.Sessions().Delete(id_hash); }));
        return core::Fail(MakeError(ErrorCode::kUnauthenticated, "auth.expired"));
    }
    // Refresh the idle timer at most once a minute, so that reads stay reads.
    if (now - out.session.last_seen_at > 60'000) {
        LX_CHECK(ctx.db.Write([&](Tx& tx) { return tx.Sessions().Touch(id_hash, now); }));
        out.session.last_seen_at = now;
    }
    out.actor = ActorOf(out.user, client);
    if (ctx.session_cache) ctx.session_cache->Put(id_hash, out, now);
    return out;
}

core::Status Logout(Context& ctx, const Authenticated& who) {
    auto st = ctx.db.Write([&](Tx& tx) -> core::Status {
        LX_CHECK(tx.Sessions().Delete(who.session.id_hash));
        auto entry = AuditFor(who.actor, ctx.clock.NowMillis(), "auth.logout", "user", std::to_string(who.user.id)).On(who.actor.grants);
        return tx.Audit().Append(entry);
    });
    ForgetSession(ctx, who.session.id_hash);
    return st;
}

core::Status ChangePassword(Context& ctx, const Authenticated& who, const std::string& old_password,
                            const std::string& new_password) {
    if (!ctx.crypto.VerifyPassword(who.user.password_hash, old_password))
        return core::Fail(core::InvalidField("old_password", "auth.old_password_wrong"));
    LX_CHECK(core::auth::CheckPassword(new_password, who.user.username, ctx.security.password, "new_password"));
    std::string hash = ctx.crypto.HashPassword(new_password);
    auto st = ctx.db.Write([&](Tx& tx) -> core::Status {
        LX_ASSIGN(user, tx.Users().Get(who.user.id));
        if (!user) return core::Fail(MakeError(ErrorCode::kUnauthenticated, "auth.required"));
        user->password_hash = hash;
        LX_CHECK(tx.Users().Update(*user));
        // Every other session of the user ends; this one goes on.
        LX_CHECK(tx.Sessions().DeleteForUser(user->id));
        LX_CHECK(tx.Sessions().Put(who.session));
        auto entry = AuditFor(who.actor, ctx.clock.NowMillis(), "auth.password_change", "user", std::to_string(user->id)).On(who.actor.grants);
        return tx.Audit().Append(entry);
    });
    ForgetUser(ctx, who.user.id);  // its other sessions ended
    return st;
}

}  // namespace lianxin::app
