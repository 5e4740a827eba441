// Login throttling (issue 15 defect 7; security.md B2, B3). Failed logins are counted per (name, source
// address) and per source address, never per account alone: a stranger who types someone's name from
// elsewhere slows down only their own address, so the owner can still sign in from theirs. After a number of
// free failures each further one makes that key wait, twice as long each time, up to a ceiling. The
// submitted name is counted whether or not an account has it, so a known and an unknown name answer alike.
#pragma once

#include <cstdint>

namespace lianxin::core::auth {

struct ThrottlePolicy {
    int free_failures = 5;                           // per (name, address): failures before the first wait
    int address_free_failures = 20;                  // per address, over all names
    std::int64_t first_delay_millis = 30 * 1000;     // the first wait; each further failure doubles it
    std::int64_t max_delay_millis = 30 * 60 * 1000;  // the longest wait (the old lock's 30 minutes)
    std::int64_t forget_millis = 15 * 60 * 1000;     // a key quiet this long after its wait starts afresh
};

struct ThrottleState {
    int failures = 0;
    std::int64_t last_failure_at = 0;
    std::int64_t blocked_until = 0;
};

// Milliseconds to wait before the next attempt may be tried (0 = now).
std::int64_t WaitMillis(const ThrottleState& s, std::int64_t now);

// The state with its old failures forgotten when the key has been quiet for `forget_millis` after its
// last failure or the end of its wait, whichever is later.
ThrottleState Current(ThrottleState s, std::int64_t now, const ThrottlePolicy& p);

// The state after one more failure at `now`: from the `free`-th failure on, the key waits
// first_delay × 2^(failures − free), at most max_delay.
ThrottleState AfterFailure(ThrottleState s, std::int64_t now, int free, const ThrottlePolicy& p);

// Gives back one counted attempt that turned out right (an attempt is counted before its password is
// checked, so that a burst of parallel guesses cannot pass the budget): below the free failures no wait stays.
ThrottleState Refund(ThrottleState s, int free);

// True when this failure is the one that starts the waiting (the alert of B2).
bool StartsWaiting(const ThrottleState& before, const ThrottleState& after);

}  // namespace lianxin::core::auth
