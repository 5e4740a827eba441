// A resident without an account (issue 17 "Events and their intake"): a phone number confirmed by a one-time code
// (core/otp). RequestCode counts the send per phone and per source address (otp.sends_per_hour_*; a flood from
// one number is refused with 429 and the figure), stores the code as a keyed hash with its expiry
// (otp.code_ttl_minutes) and sends it through the code-sender port. VerifyCode counts the try before it compares
// (otp.max_tries: a guessed code is locked), spends the code and issues a resident token: 32 random bytes whose
// SHA-256 is stored with the phone, valid otp.token_ttl_minutes. The token's bearer acts only as that phone.
// Phone numbers are encrypted at rest and never logged; the figures are the top org's policies on the day.
#pragma once

#include <string>

#include "app/auth/auth.hpp"
#include "app/context.hpp"
#include "core/otp/otp.hpp"

namespace lianxin::app {

// The otp.* figures in force today (the top org's policies).
core::Result<core::otp::OtpPolicy> OtpPolicyToday(Context& ctx, core::ports::Tx& tx);

// Sends a code to `phone` (any spelling NormalizePhone reads). The answer says nothing of whether the number was
// seen before.
core::Status RequestCode(Context& ctx, const std::string& phone, const ClientInfo& client);

struct ResidentSession {
    std::string token;  // "r." + 43 characters: the bearer token of the resident routes
    std::int64_t expires_at = 0;
};
core::Result<ResidentSession> VerifyCode(Context& ctx, const std::string& phone, const std::string& code,
                                         const ClientInfo& client);

// The resident behind a bearer token; 401 ("auth.resident_token") when unknown or expired.
struct Resident {
    std::string phone_key;  // the keyed blind index of the phone: what the resident's rows are keyed by
    std::string phone;      // the number itself (for their own reports); never logged
    std::string token_hash;
    std::int64_t expires_at = 0;
};
core::Result<Resident> AuthenticateResident(Context& ctx, const std::string& token);

// Whether a bearer token is a resident's (and not a staff session's).
inline bool IsResidentToken(const std::string& token) { return token.rfind("r.", 0) == 0; }

// The keyed blind index of a normalized phone (also the owner key of a resident's photos: "r:" + hex of it).
std::string PhoneKey(const Context& ctx, const std::string& phone);
// The owner key of the photos a resident uploaded: "r:" + hex of their phone key.
std::string ResidentPhotoOwner(const std::string& phone_key);

// A resident is no user: the actor of their audit rows names no account and is filed under the top org, like a
// failed login under an unknown name (inside `tx`, which reads the top org).
core::Result<core::auth::Actor> ResidentActor(core::ports::Tx& tx, const ClientInfo& client);

}  // namespace lianxin::app
