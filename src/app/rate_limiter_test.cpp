// The keyed buckets of the request budgets (issue 15 defect 9): keys are apart, memory stays bounded (full
// buckets are forgotten first, then the least recently used), and SpendBudget answers 429 with Retry-After.
#include "app/rate_limiter.hpp"

#include <gtest/gtest.h>

#include "app/testing/app_fixture.hpp"

namespace lianxin::app {

namespace {
const core::RatePolicy kThreePerSecond{3, 1000, 3};
}

TEST(RateLimiter, KeysHaveTheirOwnBuckets) {
    RateLimiter l;
    for (int i = 0; i < 3; ++i) EXPECT_EQ(l.Take("s:a", kThreePerSecond, 1, 0), 0);
    EXPECT_GT(l.Take("s:a", kThreePerSecond, 1, 0), 0);
    EXPECT_EQ(l.Take("s:b", kThreePerSecond, 1, 0), 0);
    EXPECT_EQ(l.Size(), 2u);
}

TEST(RateLimiter, MemoryIsBoundedAndFullBucketsGoFirst) {
    RateLimiter l(16 * 4);  // 4 keys per shard
    for (int i = 0; i < 10'000; ++i) l.Take("k" + std::to_string(i), kThreePerSecond, 1, i);
    EXPECT_LE(l.Size(), 16u * 4);
    // A spent bucket survives a crowd of keys that are idle and full again: it is not reset by them.
    RateLimiter m(16 * 4);
    for (int i = 0; i < 3; ++i) m.Take("busy", kThreePerSecond, 1, 0);
    for (int i = 0; i < 1'000; ++i) m.Take("idle" + std::to_string(i), {3, 1000, 3}, 0, 0);  // cost 0: still full
    EXPECT_GT(m.Take("busy", kThreePerSecond, 1, 0), 0);
    EXPECT_LE(m.Size(), 16u * 4);
}

TEST(RateLimiter, TheLeastRecentlyUsedGoWhenNoneIsFull) {
    RateLimiter l(16);  // one key per shard
    for (int i = 0; i < 100; ++i) l.Take("k" + std::to_string(i), kThreePerSecond, 3, 0);
    EXPECT_LE(l.Size(), 16u);
}

class SpendBudgetTest : public testing::AppTest {};

TEST_F(SpendBudgetTest, Answers429WithRetryAfterOnceSpent) {
    const core::RatePolicy hourly{10, 3'600'000, 10};
    EXPECT_TRUE(SpendBudget(ctx(), "u:1", hourly, 10, "import.preview_limited"));  // no limiter wired: no limit
    EXPECT_TRUE(SpendBudget(ctx(), "u:1", hourly, 10, "import.preview_limited"));
    RateLimiter limiter;
    ctx().limiter = &limiter;
    EXPECT_TRUE(SpendBudget(ctx(), "u:1", hourly, 10, "import.preview_limited"));
    auto spent = SpendBudget(ctx(), "u:1", hourly, 1, "import.preview_limited");
    ASSERT_FALSE(spent);
    EXPECT_EQ(spent.error().code, core::ErrorCode::kTooManyRequests);
    EXPECT_EQ(spent.error().message_key, "import.preview_limited");
    EXPECT_EQ(spent.error().params.at("retry_after"), "360");  // one token every 6 minutes
    EXPECT_EQ(spent.error().params.at("minutes"), "6");
    EXPECT_TRUE(SpendBudget(ctx(), "u:2", hourly, 1, "import.preview_limited"));  // another actor
    clock_.Advance(360'000);
    EXPECT_TRUE(SpendBudget(ctx(), "u:1", hourly, 1, "import.preview_limited"));
    ctx().limiter = nullptr;
}

}  // namespace lianxin::app
