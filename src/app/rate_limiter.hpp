// The token buckets of the request budgets (issue 15 defect 9), one per key ("session reads of S", "address
// writes of A", "import preview rows of user U"), in shards with a lock each. Memory is bounded: a shard that
// reaches its share of `max_keys` first forgets the buckets that are full again (nothing is lost: a new bucket
// starts full), then the least recently used eighth.
#pragma once

#include <array>
#include <mutex>
#include <string>
#include <unordered_map>

#include "app/context.hpp"

namespace lianxin::app {

class RateLimiter {
public:
    explicit RateLimiter(std::size_t max_keys = 1 << 16);

    // Spends `cost` from the bucket of `key` under `policy` at `now`: 0, or the milliseconds to wait.
    std::int64_t Take(const std::string& key, const core::RatePolicy& policy, std::int64_t cost, std::int64_t now);
    std::size_t Size() const;

private:
    static constexpr std::size_t kShards = 16;
    struct Entry {
        core::RatePolicy policy;
        core::TokenBucket bucket;
    };
    struct Shard {
        mutable std::mutex mu;
        std::unordered_map<std::string, Entry> buckets;
    };
    void MakeRoom(Shard& s, std::int64_t now) const;

    std::size_t per_shard_;
    std::array<Shard, kShards> shards_;
};

// Spends `cost` of `key`'s budget through the context's limiter (none wired: always Ok); when it is spent,
// 429 `message_key` with the params retry_after (whole seconds, at least 1) and minutes (rounded up).
core::Status SpendBudget(Context& ctx, const std::string& key, const core::RatePolicy& policy, std::int64_t cost,
                         const std::string& message_key);

}  // namespace lianxin::app
