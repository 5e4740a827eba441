#include <qrencode.h>

#include <cctype>

#include "app/audit/audit.hpp"
#include "app/auth/auth.hpp"
#include "app/auth/session_cache.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::MakeError;
using core::ports::MfaState;
using core::ports::Tx;

std::string QrSvg(const std::string& text) {
    QRcode* qr = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!qr) return {};
    const int margin = 4, size = qr->width + 2 * margin;
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(size) + " " +
                      std::to_string(size) +
                      "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" "
                      "fill=\"#fff\"/><path fill=\"#000\" d=\"";
    for (int y = 0; y < qr->width; ++y)
        for (int x = 0; x < qr->width; ++x)
            if (qr->data[y * qr->width + x] & 1)
                svg += "M" + std::to_string(x + margin) + " " + std::to_string(y + margin) + "h1v1h-1z";
    svg += "\"/></svg>";
    QRcode_free(qr);
    return svg;
}

static std::string UriEscape(const std::string& s) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.') out += static_cast<char>(c);
        else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

core::Result<TotpEnrollment> EnrollTotp(Context& ctx, const Authenticated& who) {
    if (who.session.mfa != MfaState::kEnroll)
        return core::Fail(MakeError(ErrorCode::kFailedPrecondition, "auth.totp.not_enrolling"));
    TotpEnrollment out;
    out.secret = ctx.crypto.NewTotpSecret();
    out.otpauth_uri = "otpauth://totp/" + UriEscape(ctx.security.totp_issuer) + ":" + UriEscape(who.user.username) +
                      "?secret=" + out.secret + "&issuer=" + UriEscape(ctx.security.totp_issuer) +
                      "&algorithm=SHA1&digits=6&period=30";
    out.qr_svg = QrSvg(out.otpauth_uri);
    // System scope (both): the user's own second factor, a users row (no member data).
    LX_CHECK(ctx.db.Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(user, tx.Users().Get(who.user.id));
        if (!user) return core::Fail(MakeError(ErrorCode::kUnauthenticated, "auth.required"));
        user->totp_secret_enc = ctx.cipher.Encrypt(out.secret);
        user->totp_enrolled = false;
        LX_CHECK(tx.Users().Update(*user));
        // Each new secret is a security event: a second enrolment replaces the first one's secret.
        auto entry = AuditFor(who.actor, ctx.clock.NowMillis(), "auth.totp_enroll_start", "user",
                              std::to_string(user->id))
                         .On(who.actor.grants);
        return tx.Audit().Append(entry);
    }));
    return out;
}

core::Result<core::ports::Session> VerifyTotp(Context& ctx, const Authenticated& who, const std::string& code) {
    if (who.session.mfa != MfaState::kEnroll && who.session.mfa != MfaState::kVerify)
        return core::Fail(MakeError(ErrorCode::kFailedPrecondition, "auth.totp.not_required"));
    bool digits = code.size() == 6;
    for (char c : code) digits = digits && c >= '0' && c <= '9';
    if (!digits) return core::Fail(core::InvalidField("code", "auth.totp.format"));
    std::int64_t now = ctx.clock.NowMillis();
    core::ports::Session session = who.session;
    bool accepted = false;
    LX_CHECK(ctx.db.Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(user, tx.Users().Get(who.user.id));
        if (!user || user->totp_secret_enc.empty())
            return core::Fail(MakeError(ErrorCode::kFailedPrecondition, "auth.totp.not_enrolling"));
        if (core::auth::IsLocked(user->failures, now))
            return core::Fail(
                MakeError(ErrorCode::kTooManyRequests, "auth.locked")
                    .WithParam("retry_after", std::to_string((user->failures.locked_until - now + 999) / 1000))
                    .WithParam("minutes", std::to_string(ctx.security.lockout.lock_millis / 60'000)));
        LX_ASSIGN(secret, ctx.cipher.Decrypt(user->totp_secret_enc));
        std::int64_t step = now / 1000 / 30;
        std::int64_t matched = 0;
        for (std::int64_t s = step - 1; s <= step + 1; ++s)
            if (ctx.crypto.TotpCode(secret, s) == code) matched = s;
        if (matched == 0 || matched <= user->totp_last_step) {
            user->failures = core::auth::RecordFailure(user->failures, now, ctx.security.lockout);
            LX_CHECK(tx.Users().Update(*user));
            auto entry = AuditFor(who.actor, now, "auth.totp", "user", std::to_string(user->id),
                                  matched ? "replayed" : "denied")
                             .On(who.actor.grants);
            return tx.Audit().Append(entry);  // commit the failure, then refuse below
        }
        user->totp_last_step = matched;
        user->totp_enrolled = true;
        user->failures = {};
        LX_CHECK(tx.Users().Update(*user));
        session.mfa = MfaState::kOk;
        LX_CHECK(tx.Sessions().Put(session));
        auto entry = AuditFor(who.actor, now, who.session.mfa == MfaState::kEnroll ? "auth.totp_enroll" : "auth.totp",
                              "user", std::to_string(user->id))
                         .On(who.actor.grants);
        LX_CHECK(tx.Audit().Append(entry));
        accepted = true;
        return core::Ok();
    }));
    ForgetSession(ctx, who.session.id_hash);  // its second-factor state changed (or its user was locked)
    if (!accepted) return core::Fail(core::InvalidField("code", "auth.totp.wrong"));
    return session;
}

}  // namespace lianxin::app
