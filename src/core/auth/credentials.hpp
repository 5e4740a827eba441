// Rules for passwords, login failures and sessions (security.md B1, B2, B4; ASVS 2.1, 3.3; 等保 8.1.4.1).
// All limits are policy values passed in, with the defaults the security doc names.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/common/result.hpp"

namespace lianxin::core::auth {

struct PasswordPolicy {
    int min_length = 12;   // ASVS 2.1.1: at least 12 characters
    int max_length = 128;  // ASVS 2.1.2: 64 must be allowed; more than 128 refused
};

// Checks a new password: length in code points (no truncation; Chinese and emoji count one each), not a
// known-breached password, not containing the username, not a single repeated character. Field errors name
// `field`.
Status CheckPassword(std::string_view password, std::string_view username, const PasswordPolicy& policy,
                     const char* field = "password");

// Number of Unicode code points in UTF-8 text; -1 when the text is not valid UTF-8.
int CodePointCount(std::string_view utf8);

struct LockoutPolicy {
    int max_failures = 5;                         // failures inside the window that lock
    std::int64_t window_millis = 15 * 60 * 1000;  // 15 min
    std::int64_t lock_millis = 30 * 60 * 1000;    // 30 min
};

struct LoginFailureState {
    int failures = 0;
    std::int64_t first_failure_at = 0;
    std::int64_t locked_until = 0;
};

bool IsLocked(const LoginFailureState& s, std::int64_t now);
// The state after one more failed attempt at `now`: failures older than the window are forgotten; reaching
// the limit sets locked_until.
LoginFailureState RecordFailure(LoginFailureState s, std::int64_t now, const LockoutPolicy& p);

struct SessionPolicy {
    std::int64_t idle_millis = 30 * 60 * 1000;           // ASVS 3.3.2: 30 min idle
    std::int64_t absolute_millis = 12 * 60 * 60 * 1000;  // 12 h absolute
};

bool SessionExpired(std::int64_t created_at, std::int64_t last_seen_at, std::int64_t now, const SessionPolicy& p);

}  // namespace lianxin::core::auth
