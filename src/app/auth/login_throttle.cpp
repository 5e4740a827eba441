#include "app/auth/login_throttle.hpp"

#include <algorithm>

namespace lianxin::app {

using core::auth::ThrottleState;

namespace {
// A keyed hash (the field key's blind index, as hex text for both engines' text columns).
std::string Key(const Context& ctx, const std::string& text) {
    return ctx.crypto.Sha256Hex(ctx.cipher.BlindIndex(text));
}
std::string NameKey(const Context& ctx, const std::string& username) {
    return Key(ctx, "login-throttle-name\n" + username);
}
}  // namespace

LoginThrottleKeys ThrottleKeysFor(const Context& ctx, const std::string& username, const std::string& ip) {
    return {Key(ctx, "login-throttle-pair\n" + username + "\n" + ip), Key(ctx, "login-throttle-address\n" + ip),
            NameKey(ctx, username)};
}

core::Result<LoginCharge> ChargeAttempt(Context& ctx, core::ports::Tx& tx, const LoginThrottleKeys& keys,
                                        std::int64_t now) {
    const auto& p = ctx.security.throttle;
    LX_ASSIGN(pair_raw, tx.Throttles().Get(keys.pair));
    LX_ASSIGN(address_raw, tx.Throttles().Get(keys.address));
    ThrottleState pair = core::auth::Current(pair_raw, now, p);
    ThrottleState address = core::auth::Current(address_raw, now, p);
    LoginCharge charge;
    charge.wait_millis = std::max(core::auth::WaitMillis(pair, now), core::auth::WaitMillis(address, now));
    if (charge.wait_millis > 0) return charge;
    ThrottleState pair_after = core::auth::AfterFailure(pair, now, p.free_failures, p);
    ThrottleState address_after = core::auth::AfterFailure(address, now, p.address_free_failures, p);
    charge.starts_waiting = core::auth::StartsWaiting(pair, pair_after) ||
                            core::auth::StartsWaiting(address, address_after);
    // Keys quiet for longer than any wait and the forgetting time are no longer needed.
    LX_CHECK(tx.Throttles().Prune(now - p.forget_millis - p.max_delay_millis));
    LX_CHECK(tx.Throttles().Put(keys.pair, keys.name, pair_after));
    LX_CHECK(tx.Throttles().Put(keys.address, "", address_after));
    return charge;
}

core::Status RefundAttempt(Context& ctx, core::ports::Tx& tx, const LoginThrottleKeys& keys) {
    LX_CHECK(tx.Throttles().Delete(keys.pair));  // the owner is in: their typos from here are forgotten
    LX_ASSIGN(address, tx.Throttles().Get(keys.address));
    return tx.Throttles().Put(keys.address, "",
                              core::auth::Refund(address, ctx.security.throttle.address_free_failures));
}

core::Status LiftThrottle(Context& ctx, core::ports::Tx& tx, const std::string& username) {
    return tx.Throttles().DeleteForName(NameKey(ctx, username));
}

core::Result<bool> NameThrottled(Context& ctx, core::ports::Tx& tx, const std::string& username, std::int64_t now) {
    LX_ASSIGN(until, tx.Throttles().BlockedUntilForName(NameKey(ctx, username)));
    return until > now;
}

}  // namespace lianxin::app
