// Identity use cases: first set-up and password links, login, sessions, the TOTP second factor and
// password change. Tokens given to clients are random 256-bit values; only their SHA-256 is stored.
#pragma once

#include <string>

#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/ports/records.hpp"

namespace lianxin::app {

struct ClientInfo {
    std::string ip;
    std::string request_id;
};

// ---- set-up links (security.md B8: no default accounts; single use; 24 h) ----

// Creates a link for the first system administrator; refused (kFailedPrecondition) once any user exists.
core::Result<std::string> CreateFirstAdminLink(Context& ctx);

struct SetupLinkInfo {
    core::ports::SetupPurpose purpose;
    std::string username;  // the account a password link is for; empty for the first admin
};
core::Result<SetupLinkInfo> InspectSetupLink(Context& ctx, const std::string& token);

struct CompleteSetupInput {
    std::string token;
    std::string username;      // first admin only
    std::string display_name;  // first admin only
    std::string password;
};
// Spends the link: creates the first admin (sys_admin on the root org) or sets the user's password.
core::Result<std::string> CompleteSetup(Context& ctx, const CompleteSetupInput& in, const ClientInfo& client);

// ---- login and sessions ----

struct LoginResult {
    std::string token;  // the cookie value (only time it exists outside the client)
    core::ports::Session session;
    core::ports::User user;
};
// Wrong user and wrong password answer the same 401 after the same work (security.md B3); the fifth
// failure inside 15 min locks the account for 30 min (B2), answered with 429.
core::Result<LoginResult> Login(Context& ctx, const std::string& username, const std::string& password,
                                const ClientInfo& client);

struct Authenticated {
    core::auth::Actor actor;
    core::ports::Session session;
    core::ports::User user;
};
// Resolves a cookie or bearer token; 401 when unknown, expired (idle 30 min, absolute 12 h) or the user is
// no longer active.
core::Result<Authenticated> Authenticate(Context& ctx, const std::string& token, const ClientInfo& client);

core::Status Logout(Context& ctx, const Authenticated& who);

// ---- second factor (TOTP, RFC 6238) ----

struct TotpEnrollment {
    std::string secret;  // base32
    std::string otpauth_uri;
    std::string qr_svg;
};
core::Result<TotpEnrollment> EnrollTotp(Context& ctx, const Authenticated& who);
// Checks the code (±1 step); a code of a step already used is refused (replay, security.md B5).
core::Result<core::ports::Session> VerifyTotp(Context& ctx, const Authenticated& who, const std::string& code);

core::Status ChangePassword(Context& ctx, const Authenticated& who, const std::string& old_password,
                            const std::string& new_password);

// QR code of `text` as a standalone SVG document.
std::string QrSvg(const std::string& text);

// Creates a single-use password link for `user_id` (used by user creation and reset).
core::Result<std::string> CreatePasswordLink(Context& ctx, core::ports::Tx& tx, std::int64_t user_id);

}  // namespace lianxin::app
