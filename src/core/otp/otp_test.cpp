// The resident's one-time code (issue 17 "Events and their intake"; "Bad input": a resident code guessed many
// times, a report flood from one number; security.md B2). The clock is the caller's: every case moves it.
#include <gtest/gtest.h>

#include "core/otp/otp.hpp"

namespace lianxin::core::otp {

TEST(OtpPhone, MainlandMobileNumbersInAnySpelling) {
    EXPECT_EQ(*NormalizePhone("13812345678"), "13812345678");
    EXPECT_EQ(*NormalizePhone("+86 138-1234-5678"), "13812345678");
    EXPECT_EQ(*NormalizePhone("8613812345678"), "13812345678");
    for (const char* bad :
         {"", "1381234567", "23812345678", "12812345678", "138123456789", "1381234567x", "010-12345678"}) {
        auto r = NormalizePhone(bad);
        ASSERT_FALSE(r) << bad;
        EXPECT_EQ(r.error().fields.at(0).field, "phone");
        EXPECT_EQ(r.error().fields.at(0).message_key, "otp.phone.format");
    }
}

TEST(OtpCode, SixDigitsWithLeadingZeros) {
    EXPECT_EQ(FormatCode(42), "000042");
    EXPECT_EQ(FormatCode(999999), "999999");
    EXPECT_TRUE(CheckCodeFormat("012345"));
    EXPECT_EQ(CheckCodeFormat("12345").error().fields.at(0).field, "code");
    EXPECT_FALSE(CheckCodeFormat("12345a"));
}

TEST(OtpCode, ExpiresAtItsTime) {
    OtpPolicy p;
    CodeState s{"h", 1'000'000 + 10 * 60'000, 1};
    EXPECT_EQ(Judge(s, 1'000'000, p, true), Verdict::kOk);
    EXPECT_EQ(Judge(s, 1'000'000 + 10 * 60'000 - 1, p, true), Verdict::kOk);
    EXPECT_EQ(Judge(s, 1'000'000 + 10 * 60'000, p, true), Verdict::kExpired);
    EXPECT_EQ(Judge(std::nullopt, 0, p, true), Verdict::kNone);
    EXPECT_EQ(VerdictError(Verdict::kExpired, 1, p).fields.at(0).message_key, "otp.code.expired");
}

// A guessed code: each try counts (before the comparison); the max_tries-th wrong one locks it, and after that
// not even the right code helps.
TEST(OtpCode, LockedAfterMaxTriesEvenForTheRightCode) {
    OtpPolicy p;  // 5 tries
    CodeState s{"h", 10'000'000, 0};
    for (int tries = 1; tries < p.max_tries; ++tries) {
        s.failures = tries;
        ASSERT_EQ(Judge(s, 0, p, false), Verdict::kWrong);
        Error e = VerdictError(Verdict::kWrong, tries, p);
        EXPECT_EQ(e.code, ErrorCode::kInvalidArgument);
        EXPECT_EQ(e.fields.at(0).field, "code");
        EXPECT_EQ(e.fields.at(0).params.at("left"), std::to_string(p.max_tries - tries));
    }
    s.failures = p.max_tries;
    EXPECT_EQ(Judge(s, 0, p, true), Verdict::kOk) << "the fifth try may still be right";
    Error last = VerdictError(Judge(s, 0, p, false), p.max_tries, p);
    EXPECT_EQ(last.code, ErrorCode::kTooManyRequests) << "the fifth wrong try locks";
    EXPECT_EQ(last.params.at("max"), "5");
    s.failures = p.max_tries + 1;
    EXPECT_EQ(Judge(s, 0, p, true), Verdict::kLocked);
    EXPECT_EQ(VerdictError(Verdict::kLocked, 6, p).fields.at(0).message_key, "otp.code.locked");
}

// A flood from one number: at most `limit` sends an hour; the refusal says when the window ends.
TEST(OtpThrottle, AtMostLimitAnHourThenRefusedWithTheWait) {
    const int limit = 5;
    SendWindow w;
    std::int64_t t = 50'000'000;
    for (int i = 1; i <= limit; ++i) {
        w = AfterSend(w, t + i * 1000);
        EXPECT_EQ(WaitAfterCharge(w, t + i * 1000, limit), 0) << i;
    }
    w = AfterSend(w, t + 10'000);
    EXPECT_EQ(w.count, limit + 1);
    EXPECT_EQ(WaitAfterCharge(w, t + 10'000, limit), kWindowMillis - 9'000) << "the window began at t + 1 s";
    Error e = ThrottledError(true, limit, kWindowMillis - 9'000);
    EXPECT_EQ(e.code, ErrorCode::kTooManyRequests);
    EXPECT_EQ(e.params.at("max"), "5");
    EXPECT_EQ(e.params.at("retry_after"), "3591");
    EXPECT_EQ(e.fields.at(0).field, "phone");
    // An hour after the window began, it starts afresh.
    w = AfterSend(w, t + 1000 + kWindowMillis);
    EXPECT_EQ(w.count, 1);
    EXPECT_EQ(WaitAfterCharge(w, t + 1000 + kWindowMillis, limit), 0);
}

TEST(OtpCode, TheTextCarriesTheCodeAndItsValidity) {
    const std::string text = CodeText("012345", 10);
    EXPECT_NE(text.find("012345"), std::string::npos);
    EXPECT_NE(text.find("10"), std::string::npos);
}

}  // namespace lianxin::core::otp
