#include "app/rate_limiter.hpp"

#include <algorithm>
#include <functional>
#include <vector>

namespace lianxin::app {

RateLimiter::RateLimiter(std::size_t max_keys) : per_shard_(std::max<std::size_t>(1, max_keys / kShards)) {}

void RateLimiter::MakeRoom(Shard& s, std::int64_t now) const {
    std::erase_if(s.buckets, [&](const auto& kv) { return kv.second.bucket.FullAt(kv.second.policy, now); });
    if (s.buckets.size() < per_shard_) return;
    std::vector<std::int64_t> touched;
    touched.reserve(s.buckets.size());
    for (const auto& [_, e] : s.buckets) touched.push_back(e.bucket.touched());
    const auto nth = touched.begin() + static_cast<std::ptrdiff_t>(touched.size() / 8);
    std::nth_element(touched.begin(), nth, touched.end());
    const std::int64_t oldest = *nth;
    std::erase_if(s.buckets, [&](const auto& kv) { return kv.second.bucket.touched() <= oldest; });
}

std::int64_t RateLimiter::Take(const std::string& key, const core::RatePolicy& policy, std::int64_t cost,
                               std::int64_t now) {
    if (policy.Unlimited()) return 0;
    Shard& s = shards_[std::hash<std::string>{}(key) % kShards];
    std::lock_guard lock(s.mu);
    auto it = s.buckets.find(key);
    if (it == s.buckets.end()) {
        if (s.buckets.size() >= per_shard_) MakeRoom(s, now);
        it = s.buckets.emplace(key, Entry{policy, core::TokenBucket(policy, now)}).first;
    }
    it->second.policy = policy;
    return it->second.bucket.Take(policy, cost, now);
}

std::size_t RateLimiter::Size() const {
    std::size_t n = 0;
    for (const auto& s : shards_) {
        std::lock_guard lock(s.mu);
        n += s.buckets.size();
    }
    return n;
}

core::Status SpendBudget(Context& ctx, const std::string& key, const core::RatePolicy& policy, std::int64_t cost,
                         const std::string& message_key) {
    if (!ctx.limiter) return core::Ok();
    const std::int64_t wait = ctx.limiter->Take(key, policy, cost, ctx.clock.NowMillis());
    if (wait == 0) return core::Ok();
    const std::int64_t seconds = (wait + 999) / 1000;
    return core::Fail(core::MakeError(core::ErrorCode::kTooManyRequests, message_key)
                          .WithParam("retry_after", std::to_string(seconds))
                          .WithParam("minutes", std::to_string((seconds + 59) / 60)));
}

}  // namespace lianxin::app
