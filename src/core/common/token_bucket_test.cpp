// The token bucket of the request limits (issue 15 defect 9): a burst, then the rate; the wait it answers is
// exact; a cost above the burst waits for a full bucket and is then owed; the clock is the caller's.
#include "core/common/token_bucket.hpp"

#include <gtest/gtest.h>

namespace lianxin::core {

namespace {
const RatePolicy kTenPerSecond{10, 1000, 5};  // 10 tokens a second, at most 5 at once
}

TEST(TokenBucket, ABurstThenTheRate) {
    std::int64_t now = 1'000'000;
    TokenBucket b(kTenPerSecond, now);
    for (int i = 0; i < 5; ++i) EXPECT_EQ(b.Take(kTenPerSecond, 1, now), 0) << i;
    EXPECT_EQ(b.Take(kTenPerSecond, 1, now), 100);  // one token every 100 ms
    now += 99;
    EXPECT_EQ(b.Take(kTenPerSecond, 1, now), 1);
    now += 1;
    EXPECT_EQ(b.Take(kTenPerSecond, 1, now), 0);
    EXPECT_EQ(b.Take(kTenPerSecond, 1, now), 100);
}

TEST(TokenBucket, RefillsUpToTheBurstOnly) {
    std::int64_t now = 0;
    TokenBucket b(kTenPerSecond, now);
    EXPECT_EQ(b.Take(kTenPerSecond, 5, now), 0);
    EXPECT_FALSE(b.FullAt(kTenPerSecond, now));
    now += 3'600'000;  // an hour idle holds no more than the burst
    EXPECT_TRUE(b.FullAt(kTenPerSecond, now));
    EXPECT_EQ(b.Take(kTenPerSecond, 5, now), 0);
    EXPECT_EQ(b.Take(kTenPerSecond, 1, now), 100);
}

TEST(TokenBucket, ARefusedTakeSpendsNothing) {
    std::int64_t now = 0;
    TokenBucket b(kTenPerSecond, now);
    EXPECT_EQ(b.Take(kTenPerSecond, 3, now), 0);
    EXPECT_EQ(b.Take(kTenPerSecond, 3, now), 100);  // 2 left, one more token needed
    EXPECT_EQ(b.Take(kTenPerSecond, 2, now), 0);
}

TEST(TokenBucket, ACostAboveTheBurstWaitsForAFullBucketAndIsOwed) {
    const RatePolicy hourly{100, 3'600'000, 10};  // 100 an hour, 10 at once
    std::int64_t now = 0;
    TokenBucket b(hourly, now);
    EXPECT_EQ(b.Take(hourly, 46, now), 0);  // a full bucket lets it through: 36 owed
    // 36 owed + 1 needed = 37 tokens at 36 s each.
    EXPECT_EQ(b.Take(hourly, 1, now), 37 * 36'000);
    now += 37 * 36'000;
    EXPECT_EQ(b.Take(hourly, 1, now), 0);
    EXPECT_EQ(b.Take(hourly, 46, now), 10 * 36'000);  // needs a full bucket again
}

TEST(TokenBucket, AClockSteppingBackRefillsNothing) {
    std::int64_t now = 10'000;
    TokenBucket b(kTenPerSecond, now);
    EXPECT_EQ(b.Take(kTenPerSecond, 5, now), 0);
    EXPECT_EQ(b.Take(kTenPerSecond, 1, now - 5'000), 100);
    EXPECT_EQ(b.Take(kTenPerSecond, 1, now + 100), 0);
}

TEST(TokenBucket, NoRefillMeansNoLimit) {
    const RatePolicy off{0, 1000, 1};
    TokenBucket b(off, 0);
    for (int i = 0; i < 1000; ++i) ASSERT_EQ(b.Take(off, 1'000, 0), 0);
    EXPECT_TRUE(b.FullAt(off, 0));
}

TEST(TokenBucket, LargeFiguresDoNotOverflow) {
    const RatePolicy big{1'000'000'000, 86'400'000, 1'000'000'000};
    std::int64_t now = 0;
    TokenBucket b(big, now);
    EXPECT_EQ(b.Take(big, 1'000'000'000, now), 0);
    EXPECT_GT(b.Take(big, 1, now), 0);
    now += 86'400'000LL * 365;
    EXPECT_TRUE(b.FullAt(big, now));
    EXPECT_EQ(b.Take(big, 1'000'000'000, now), 0);
}

}  // namespace lianxin::core
