#include "core/otp/otp.hpp"

#include <algorithm>

namespace lianxin::core::otp {

namespace {
bool AllDigits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}
}  // namespace

Result<std::string> NormalizePhone(std::string_view text) {
    std::string s;
    for (char c : text)
        if (c != ' ' && c != '-') s += c;
    if (s.rfind("+86", 0) == 0) s.erase(0, 3);
    else if (s.size() == 13 && s.rfind("86", 0) == 0) s.erase(0, 2);
    if (s.size() != 11 || !AllDigits(s) || s[0] != '1' || s[1] < '3')
        return Fail(InvalidField("phone", "otp.phone.format"));
    return s;
}

std::string FormatCode(std::uint32_t n) {
    std::string s = std::to_string(n % 1'000'000);
    return std::string(kCodeDigits - s.size(), '0') + s;
}

Status CheckCodeFormat(std::string_view code) {
    if (code.size() != kCodeDigits || !AllDigits(code)) return Fail(InvalidField("code", "otp.code.format"));
    return Ok();
}

Verdict Judge(const std::optional<CodeState>& state, std::int64_t now, const OtpPolicy& p, bool matches) {
    if (!state) return Verdict::kNone;
    // A locked code stays locked until a new one is sent: the right code no longer helps.
    if (state->failures > p.max_tries) return Verdict::kLocked;
    if (now >= state->expires_at) return Verdict::kExpired;
    return matches ? Verdict::kOk : Verdict::kWrong;
}

Error VerdictError(Verdict v, int tries, const OtpPolicy& p) {
    switch (v) {
        case Verdict::kNone:
            return InvalidField("code", "otp.code.none");
        case Verdict::kExpired:
            return InvalidField("code", "otp.code.expired");
        case Verdict::kLocked: {
            Error e = MakeError(ErrorCode::kTooManyRequests, "otp.locked");
            e.WithParam("max", std::to_string(p.max_tries));
            e.WithField("code", "otp.code.locked", {{"max", std::to_string(p.max_tries)}});
            return e;
        }
        case Verdict::kWrong:
        case Verdict::kOk:
            break;
    }
    const int left = std::max(0, p.max_tries - tries);
    if (left == 0) return VerdictError(Verdict::kLocked, tries, p);
    return InvalidField("code", "otp.code.wrong", {{"left", std::to_string(left)}});
}

std::int64_t WaitAfterCharge(const SendWindow& charged, std::int64_t now, int limit) {
    if (charged.count <= limit) return 0;
    return std::max<std::int64_t>(1, charged.start + kWindowMillis - now);
}

SendWindow AfterSend(SendWindow w, std::int64_t now) {
    if (now - w.start >= kWindowMillis) return {now, 1};
    return {w.start, w.count + 1};
}

Error ThrottledError(bool phone, int limit, std::int64_t wait_millis) {
    const std::string seconds = std::to_string((wait_millis + 999) / 1000);
    Error e = MakeError(ErrorCode::kTooManyRequests, phone ? "otp.send.phone_throttled" : "otp.send.address_throttled");
    e.WithParam("max", std::to_string(limit)).WithParam("retry_after", seconds);
    if (phone)
        e.WithField("phone", "otp.send.phone_throttled", {{"max", std::to_string(limit)}, {"retry_after", seconds}});
    return e;
}

std::string CodeText(std::string_view code, int ttl_minutes) {
    return "【连心】您的验证码是 " + std::string(code) + "，" + std::to_string(ttl_minutes) +
           " 分钟内有效。请勿告诉他人。";
}

}  // namespace lianxin::core::otp
