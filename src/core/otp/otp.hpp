// The resident's one-time code (issue 17 "Events and their intake", "Bad input"; security.md B2): a resident
// with no account proves a phone number by a 6-digit code sent to it. Codes expire, a code is locked after a
// number of wrong tries, and sending is throttled per phone and per source address within an hour, so that a
// guessed code and a report flood from one number are refused with the figure. Every figure is a policy key
// (otp.*). Pure: the caller passes the time, the random code and whether the typed code matched.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/result.hpp"

namespace lianxin::core::otp {

inline constexpr int kCodeDigits = 6;
inline constexpr std::int64_t kWindowMillis = 3'600'000;  // the throttle counts sends per hour

struct OtpPolicy {
    int code_ttl_minutes = 10;        // otp.code_ttl_minutes
    int max_tries = 5;                // otp.max_tries: wrong codes before the code is locked
    int sends_per_hour_phone = 5;     // otp.sends_per_hour_phone
    int sends_per_hour_address = 20;  // otp.sends_per_hour_address
    int token_ttl_minutes = 120;      // otp.token_ttl_minutes: how long a verified resident may act
};

// A mainland mobile number as 11 digits (1[3-9]…); spaces, dashes and a +86 / 86 prefix are dropped.
// InvalidField("phone", "otp.phone.format") otherwise.
Result<std::string> NormalizePhone(std::string_view text);

// "123456": `n` below 10^6 (from a CSPRNG) with its leading zeros.
std::string FormatCode(std::uint32_t n);

// A typed code: exactly six digits; InvalidField("code", "otp.code.format") otherwise.
Status CheckCodeFormat(std::string_view code);

// The live code of a phone, as stored (the code itself only as a keyed hash).
struct CodeState {
    std::string code_hash;
    std::int64_t expires_at = 0;
    int failures = 0;
};

enum class Verdict { kOk, kWrong, kExpired, kLocked, kNone };

// What a typed code amounts to at `now`. Each try is counted before the code is compared (in the same write
// transaction, so that parallel guesses cannot pass the limit): `state.failures` already counts this try. None
// sent (or used), locked (more than max_tries tries), expired, right or wrong. `matches`: the typed code's keyed
// hash equals the stored one.
Verdict Judge(const std::optional<CodeState>& state, std::int64_t now, const OtpPolicy& p, bool matches);

// The error of a verdict other than kOk, naming the field `code`: "otp.code.none", "otp.code.expired",
// "otp.code.locked" {max} (429), "otp.code.wrong" {left} (tries left after this one; the last wrong try locks).
Error VerdictError(Verdict v, int tries, const OtpPolicy& p);

// Sends of one key (a phone, an address) in the current hour.
struct SendWindow {
    std::int64_t start = 0;
    int count = 0;
};

// The window after one more send at `now`: a window that began an hour ago or more starts afresh. Each request
// is counted first (storage does this as one atomic upsert), then judged.
SendWindow AfterSend(SendWindow w, std::int64_t now);
// Milliseconds until the window ends when the counted request is over `limit` (0 = allowed).
std::int64_t WaitAfterCharge(const SendWindow& charged, std::int64_t now, int limit);
// The refusal of a send (429): "otp.send.phone_throttled" or "otp.send.address_throttled" with {max} and
// {retry_after} seconds, naming the field `phone` for the phone's own limit.
Error ThrottledError(bool phone, int limit, std::int64_t wait_millis);

// The text of the message that carries the code.
std::string CodeText(std::string_view code, int ttl_minutes);

}  // namespace lianxin::core::otp
