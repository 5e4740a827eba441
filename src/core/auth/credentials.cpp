#include "core/auth/credentials.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <string>

namespace lianxin::core::auth {

namespace {
// Passwords of 12 or more characters that appear in public breach corpora (shorter ones are refused by
// length already). Compared case-insensitively.
constexpr std::array<std::string_view, 60> kBreached{
    "123456789012",  "1234567890123",  "12345678901234", "123456789123",   "123123123123",  "111111111111",
    "000000000000",  "121212121212",   "123456123456",   "112233445566",   "qwertyuiop12",  "qwertyuiop123",
    "qwertyuiopas",  "qwerty123456",   "123456qwerty",   "1q2w3e4r5t6y",   "1qaz2wsx3edc",  "zaq12wsxcde3",
    "password1234",  "password123!",   "password12345",  "passw0rd1234",   "p@ssw0rd1234",  "p@ssword1234",
    "administrator", "administrator1", "admin1234567",   "admin123456789", "adminadmin123", "iloveyou1234",
    "abcdefghijkl",  "abcd12345678",   "abc123456789",   "asdfghjkl123",   "asdfasdfasdf",  "qazwsxedcrfv",
    "letmein12345",  "welcome12345",   "sunshine1234",   "football1234",   "baseball1234",  "princess1234",
    "woaini1314520", "woaini520520",   "5201314520",     "1314520520",     "aa1234567890",  "a12345678910",
    "qq1234567890",  "zxcvbnm12345",   "zxcvbnmasdfg",   "changeme1234",   "default12345",  "lianxin12345",
    "lianxin123456", "dangjian1234",   "dangjian123456", "china1234567",   "beijing12345",  "trustno1trustno1",
};

std::string Lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}
}  // namespace

int CodePointCount(std::string_view s) {
    int count = 0;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return -1;
        for (size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return -1;
        i += n;
        ++count;
    }
    return count;
}

Status CheckPassword(std::string_view pw, std::string_view username, const PasswordPolicy& policy, const char* field) {
    int len = CodePointCount(pw);
    auto minmax = std::map<std::string, std::string>{{"min", std::to_string(policy.min_length)},
                                                     {"max", std::to_string(policy.max_length)}};
    if (len < 0) return Fail(InvalidField(field, "password.encoding"));
    if (len < policy.min_length) return Fail(InvalidField(field, "password.too_short", minmax));
    if (len > policy.max_length) return Fail(InvalidField(field, "password.too_long", minmax));
    if (std::all_of(pw.begin(), pw.end(), [&](char c) { return c == pw.front(); }))
        return Fail(InvalidField(field, "password.breached"));
    std::string lower = Lower(pw);
    for (auto b : kBreached)
        if (lower == b) return Fail(InvalidField(field, "password.breached"));
    if (username.size() >= 3 && lower.find(Lower(username)) != std::string::npos)
        return Fail(InvalidField(field, "password.contains_username"));
    return Ok();
}

bool IsLocked(const LoginFailureState& s, std::int64_t now) { return s.locked_until > now; }

LoginFailureState RecordFailure(LoginFailureState s, std::int64_t now, const LockoutPolicy& p) {
    if (s.failures == 0 || now - s.first_failure_at > p.window_millis) {
        s.failures = 0;
        s.first_failure_at = now;
    }
    ++s.failures;
    if (s.failures >= p.max_failures) {
        s.locked_until = now + p.lock_millis;
        s.failures = 0;
    }
    return s;
}

bool SessionExpired(std::int64_t created_at, std::int64_t last_seen_at, std::int64_t now, const SessionPolicy& p) {
    return now - last_seen_at > p.idle_millis || now - created_at > p.absolute_millis;
}

}  // namespace lianxin::core::auth
