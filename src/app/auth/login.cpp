#include "app/audit/audit.hpp"
#include "app/auth/auth.hpp"
#include "app/auth/login_throttle.hpp"
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

// 429 whose Retry-After says when the wait ends, and whose message says it in seconds or minutes.
core::Error ThrottledError(std::int64_t wait_millis) {
    std::int64_t seconds = (wait_millis + 999) / 1000;
    auto e =
        seconds < 60
            ? MakeError(ErrorCode::kTooManyRequests, "auth.throttled.seconds").WithParam("n", std::to_string(seconds))
            : MakeError(ErrorCode::kTooManyRequests, "auth.throttled.minutes")
                  .WithParam("n", std::to_string((seconds + 59) / 60));
    return e.WithParam("retry_after", std::to_string(seconds));
}

core::auth::Actor ActorOf(const User& u, const ClientInfo& client) {
    return core::auth::Actor{u.id, u.username, u.display_name, u.member_id, u.grants, client.ip, client.request_id};
}

// An attempt that did not sign in: filed under the user when the name is an account's, else under the top
// org, so that the audit administrator of the whole tree sees it.
core::Status AuditAttempt(Tx& tx, const std::optional<User>& user, const ClientInfo& client, std::int64_t now,
                          const char* action, const char* result) {
    if (user) {
        auto entry =
            AuditFor(ActorOf(*user, client), now, action, "user", std::to_string(user->id), result).On(user->grants);
        return tx.Audit().Append(entry);
    }
    core::auth::Actor anonymous{0, "", "", 0, {}, client.ip, client.request_id};
    LX_ASSIGN(roots, tx.Orgs().Roots());
    if (!roots.empty())
        anonymous.grants.push_back({0, core::auth::Role::kMember, roots[0].id, roots[0].path, roots[0].name});
    auto entry = AuditFor(anonymous, now, action, "user", "", result).On(kTopOrg);
    return tx.Audit().Append(entry);
}

}  // namespace

core::Result<LoginResult> Login(Context& ctx, const std::string& username, const std::string& password,
                                const ClientInfo& client) {
    if (username.empty() || username.size() > 64 || password.size() > 1024) {
        ctx.crypto.VerifyPassword(DummyHash(ctx.crypto), password.substr(0, 64));
        return core::Fail(BadCredentials());
    }
    // The name is counted whether or not an account has it, so known and unknown names answer alike (B3).
    auto keys = ThrottleKeysFor(ctx, username, client.ip);
    std::int64_t now = ctx.clock.NowMillis();
    std::optional<User> user;
    LoginCharge charge;
    // System scope (here and below): login and sessions are not done for an actor yet (the user, its grants).
    LX_CHECK(ctx.db.Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(c, ChargeAttempt(ctx, tx, keys, now));
        charge = c;
        LX_ASSIGN(u, tx.Users().GetByUsername(username));
        user = std::move(u);
        if (charge.wait_millis > 0) return AuditAttempt(tx, user, client, now, "auth.login", "throttled");
        return core::Ok();
    }));
    bool usable = user && user->status == UserStatus::kActive && !user->password_hash.empty();
    if (charge.wait_millis > 0) {
        ctx.crypto.VerifyPassword(DummyHash(ctx.crypto), password);  // the same work as any other answer
        return core::Fail(ThrottledError(charge.wait_millis));
    }
    bool good = ctx.crypto.VerifyPassword(usable ? user->password_hash : DummyHash(ctx.crypto), password);
    if (!usable || !good) {
        LX_CHECK(ctx.db.Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_CHECK(AuditAttempt(tx, user, client, now, "auth.login", "denied"));
            // The failure that starts a wait is the alert of security.md B2.
            if (charge.starts_waiting) return AuditAttempt(tx, user, client, now, "auth.throttle", "denied");
            return core::Ok();
        }));
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
    LX_CHECK(ctx.db.Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(fresh, tx.Users().Get(user->id));
        if (!fresh) return core::Fail(BadCredentials());
        LX_CHECK(RefundAttempt(ctx, tx, keys));
        LX_CHECK(tx.Sessions().Put(out.session));
        auto entry =
            AuditFor(ActorOf(*fresh, client), now, "auth.login", "user", std::to_string(fresh->id)).On(fresh->grants);
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
    LX_CHECK(ctx.db.Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
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
        LX_CHECK(ctx.db.Write(core::ports::Scope::System(), [&](Tx& tx) { return tx.Sessions().Delete(id_hash); }));
        return core::Fail(MakeError(ErrorCode::kUnauthenticated, "auth.expired"));
    }
    // Refresh the idle timer at most once a minute, so that reads stay reads.
    if (now - out.session.last_seen_at > 60'000) {
        LX_CHECK(ctx.db.Write(core::ports::Scope::System(), [&](Tx& tx) { return tx.Sessions().Touch(id_hash, now); }));
        out.session.last_seen_at = now;
    }
    out.actor = ActorOf(out.user, client);
    if (ctx.session_cache) ctx.session_cache->Put(id_hash, out, now);
    return out;
}

core::Status Logout(Context& ctx, const Authenticated& who) {
    auto st = ctx.db.Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_CHECK(tx.Sessions().Delete(who.session.id_hash));
        auto entry = AuditFor(who.actor, ctx.clock.NowMillis(), "auth.logout", "user", std::to_string(who.user.id))
                         .On(who.actor.grants);
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
    auto st = ctx.db.Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(user, tx.Users().Get(who.user.id));
        if (!user) return core::Fail(MakeError(ErrorCode::kUnauthenticated, "auth.required"));
        user->password_hash = hash;
        LX_CHECK(tx.Users().Update(*user));
        // Every other session of the user ends; this one goes on.
        LX_CHECK(tx.Sessions().DeleteForUser(user->id));
        LX_CHECK(tx.Sessions().Put(who.session));
        auto entry = AuditFor(who.actor, ctx.clock.NowMillis(), "auth.password_change", "user",
                              std::to_string(user->id))
                         .On(who.actor.grants);
        return tx.Audit().Append(entry);
    });
    ForgetUser(ctx, who.user.id);  // its other sessions ended
    return st;
}

}  // namespace lianxin::app
