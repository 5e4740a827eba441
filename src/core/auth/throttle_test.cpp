// Login throttling (issue 15 defect 7: no hard lock that anyone can set off; security.md B2, B3).
#include <gtest/gtest.h>

#include "core/auth/throttle.hpp"

namespace lianxin::core::auth {

TEST(Throttle, FreeFailuresThenWaitsThatDouble) {
    ThrottlePolicy p;  // 5 free, first wait 30 s, at most 30 min
    ThrottleState s;
    std::int64_t t = 1'000'000;
    for (int i = 0; i < 4; ++i) {
        s = AfterFailure(s, t, p.free_failures, p);
        EXPECT_EQ(WaitMillis(s, t), 0) << "failure " << i + 1 << " is free";
    }
    ThrottleState before = s;
    s = AfterFailure(s, t, p.free_failures, p);  // the fifth
    EXPECT_TRUE(StartsWaiting(before, s));
    EXPECT_EQ(WaitMillis(s, t), 30'000);
    t += 30'000;
    EXPECT_EQ(WaitMillis(s, t), 0) << "the wait ends by itself";
    before = s;
    s = AfterFailure(s, t, p.free_failures, p);
    EXPECT_FALSE(StartsWaiting(before, s));
    EXPECT_EQ(WaitMillis(s, t), 60'000);
    t += 60'000;
    s = AfterFailure(s, t, p.free_failures, p);
    EXPECT_EQ(WaitMillis(s, t), 120'000);
}

TEST(Throttle, TheWaitStopsAtTheCeiling) {
    ThrottlePolicy p;
    ThrottleState s;
    std::int64_t t = 0;
    for (int i = 0; i < 60; ++i) {
        s = AfterFailure(s, t, p.free_failures, p);
        t = s.blocked_until;  // an attacker who always waits exactly as long as told
    }
    EXPECT_EQ(WaitMillis(s, t - 1), 1);
    s = AfterFailure(s, t, p.free_failures, p);
    EXPECT_EQ(WaitMillis(s, t), p.max_delay_millis);
}

TEST(Throttle, AQuietKeyStartsAfresh) {
    ThrottlePolicy p;
    ThrottleState s;
    for (int i = 0; i < 5; ++i) s = AfterFailure(s, 0, p.free_failures, p);
    ASSERT_EQ(s.blocked_until, 30'000);
    // Quiet for 15 minutes after the wait ended: forgotten.
    EXPECT_EQ(Current(s, 30'000 + p.forget_millis + 1, p).failures, 0);
    EXPECT_EQ(Current(s, 30'000 + p.forget_millis, p).failures, 5);
    s = AfterFailure(s, 30'000 + p.forget_millis + 1, p.free_failures, p);
    EXPECT_EQ(s.failures, 1);
    EXPECT_EQ(WaitMillis(s, 30'000 + p.forget_millis + 1), 0);
}

TEST(Throttle, TheAddressBudgetIsItsOwn) {
    ThrottlePolicy p;  // 20 failures of one address over all names before it waits
    ThrottleState s;
    for (int i = 0; i < 19; ++i) s = AfterFailure(s, 0, p.address_free_failures, p);
    EXPECT_EQ(WaitMillis(s, 0), 0);
    s = AfterFailure(s, 0, p.address_free_failures, p);
    EXPECT_EQ(WaitMillis(s, 0), p.first_delay_millis);
}

TEST(Throttle, ARightPasswordGivesItsChargeBack) {
    ThrottlePolicy p;
    ThrottleState s;
    for (int i = 0; i < 4; ++i) s = AfterFailure(s, 0, p.free_failures, p);
    ThrottleState charged = AfterFailure(s, 0, p.free_failures, p);  // counted before the password is checked
    ASSERT_GT(WaitMillis(charged, 0), 0);
    ThrottleState refunded = Refund(charged, p.free_failures);
    EXPECT_EQ(refunded.failures, 4);
    EXPECT_EQ(WaitMillis(refunded, 0), 0) << "a right password never leaves a wait it set itself";
    // A wait that others' failures set stays.
    ThrottleState more = AfterFailure(charged, 0, p.free_failures, p);
    EXPECT_GT(WaitMillis(Refund(more, p.free_failures), 0), 0);
}

}  // namespace lianxin::core::auth
