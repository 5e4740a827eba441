#include "core/auth/throttle.hpp"

#include <algorithm>

namespace lianxin::core::auth {

std::int64_t WaitMillis(const ThrottleState& s, std::int64_t now) {
    return std::max<std::int64_t>(0, s.blocked_until - now);
}

ThrottleState Current(ThrottleState s, std::int64_t now, const ThrottlePolicy& p) {
    if (s.failures > 0 && now - std::max(s.last_failure_at, s.blocked_until) > p.forget_millis) s = {};
    return s;
}

ThrottleState AfterFailure(ThrottleState s, std::int64_t now, int free, const ThrottlePolicy& p) {
    s = Current(s, now, p);
    ++s.failures;
    s.last_failure_at = now;
    if (s.failures >= free) {
        int doublings = std::min(s.failures - free, 40);  // 2^40 × any delay is past every ceiling
        std::int64_t delay = p.first_delay_millis;
        for (int i = 0; i < doublings && delay < p.max_delay_millis; ++i) delay *= 2;
        s.blocked_until = now + std::min(delay, p.max_delay_millis);
    }
    return s;
}

ThrottleState Refund(ThrottleState s, int free) {
    s.failures = std::max(0, s.failures - 1);
    if (s.failures < free) s.blocked_until = 0;
    return s;
}

bool StartsWaiting(const ThrottleState& before, const ThrottleState& after) {
    return before.blocked_until == 0 && after.blocked_until != 0;
}

}  // namespace lianxin::core::auth
