// A token bucket (issue 15 defect 9): `refill` tokens every `period_millis`, holding at most `burst`. Pure —
// the caller passes the time — and in whole numbers: a token is `period_millis` units, so a refill of
// `refill` tokens per period is `refill` units per millisecond, exactly.
#pragma once

#include <cstdint>

namespace lianxin::core {

struct RatePolicy {
    std::int64_t refill = 0;  // tokens per period; 0 = no limit
    std::int64_t period_millis = 60'000;
    std::int64_t burst = 1;  // the most a bucket holds (a fresh bucket is full)

    bool Unlimited() const { return refill <= 0; }
};

class TokenBucket {
public:
    TokenBucket(const RatePolicy& p, std::int64_t now);  // full

    // Spends `cost` tokens at `now` when the bucket holds them and answers 0; else spends nothing and answers
    // the milliseconds until it will hold them (at least 1). A cost above the burst is spent from a full bucket
    // (the bucket then owes the rest), so a large request is slowed down to the rate, never refused forever.
    std::int64_t Take(const RatePolicy& p, std::int64_t cost, std::int64_t now);
    // Whether the bucket is full at `now`: forgetting it then loses nothing (a new one starts full).
    bool FullAt(const RatePolicy& p, std::int64_t now) const;
    std::int64_t touched() const { return last_; }

private:
    std::int64_t UnitsAt(const RatePolicy& p, std::int64_t now) const;

    std::int64_t units_;  // tokens × period_millis; negative while a large request is owed
    std::int64_t last_;   // when units_ was computed
};

}  // namespace lianxin::core
