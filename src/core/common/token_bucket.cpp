#include "core/common/token_bucket.hpp"

#include <algorithm>

namespace lianxin::core {

namespace {
std::int64_t Capacity(const RatePolicy& p) { return p.burst * p.period_millis; }
}  // namespace

TokenBucket::TokenBucket(const RatePolicy& p, std::int64_t now) : units_(Capacity(p)), last_(now) {}

std::int64_t TokenBucket::UnitsAt(const RatePolicy& p, std::int64_t now) const {
    const std::int64_t cap = Capacity(p);
    if (units_ >= cap) return cap;
    const std::int64_t elapsed = std::max<std::int64_t>(0, now - last_);  // a clock stepping back refills nothing
    const std::int64_t to_full = (cap - units_ + p.refill - 1) / p.refill;
    return elapsed >= to_full ? cap : units_ + elapsed * p.refill;
}

std::int64_t TokenBucket::Take(const RatePolicy& p, std::int64_t cost, std::int64_t now) {
    if (p.Unlimited()) return 0;
    units_ = UnitsAt(p, now);
    last_ = std::max(last_, now);
    cost = std::clamp<std::int64_t>(cost, 0, 1'000'000'000);
    const std::int64_t need = std::min(cost, p.burst) * p.period_millis;
    if (units_ >= need) {
        units_ -= cost * p.period_millis;
        return 0;
    }
    return std::max<std::int64_t>(1, (need - units_ + p.refill - 1) / p.refill);
}

bool TokenBucket::FullAt(const RatePolicy& p, std::int64_t now) const {
    return p.Unlimited() || UnitsAt(p, now) >= Capacity(p);
}

}  // namespace lianxin::core
