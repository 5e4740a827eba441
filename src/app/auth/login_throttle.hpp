// Login throttling in the store (core/auth/throttle.hpp; issue 15 defect 7). Each attempt is counted as a
// failure before its password is checked — in a write transaction, so that parallel guesses cannot pass the
// budget — and a right password gives the charge back. Keys are keyed hashes (the field key's blind index),
// so the database holds no name or address in the clear.
#pragma once

#include <string>

#include "app/context.hpp"

namespace lianxin::app {

struct LoginThrottleKeys {
    std::string pair;     // this name from this address
    std::string address;  // this address, any name
    std::string name;     // this name, any address (to lift them all)
};
LoginThrottleKeys ThrottleKeysFor(const Context& ctx, const std::string& username, const std::string& ip);

struct LoginCharge {
    std::int64_t wait_millis = 0;  // > 0: refused; the next attempt may come after this
    bool starts_waiting = false;   // if this attempt fails, it starts a wait (the B2 alert)
};
core::Result<LoginCharge> ChargeAttempt(Context& ctx, core::ports::Tx& tx, const LoginThrottleKeys& keys,
                                        std::int64_t now);
core::Status RefundAttempt(Context& ctx, core::ports::Tx& tx, const LoginThrottleKeys& keys);

// The security admin's unlock and a new password lift every wait of the name.
core::Status LiftThrottle(Context& ctx, core::ports::Tx& tx, const std::string& username);
// Whether some address must wait before trying this name again (shown as "locked" to the admins).
core::Result<bool> NameThrottled(Context& ctx, core::ports::Tx& tx, const std::string& username, std::int64_t now);

}  // namespace lianxin::app
