// The resident's one-time code end to end in the use cases (issue 17 "Events and their intake"; "Bad input": a
// resident code guessed many times, a report flood from one number). The clock is the fixture's ManualClock; the
// sender records what it was given instead of sending.
#include "app/otp/resident.hpp"

#include "app/testing/app_fixture.hpp"

namespace lianxin::app::testing {

namespace {
struct Recorder final : core::ports::CodeSender {
    std::vector<std::pair<std::string, std::string>> sent;
    bool fail = false;
    core::Status Send(const std::string& phone, const std::string& text) override {
        if (fail) return core::Fail(core::MakeError(core::ErrorCode::kUnavailable, "otp.sender_unavailable"));
        sent.emplace_back(phone, text);
        return core::Ok();
    }
    // The six digits of the last message.
    std::string LastCode() const {
        const std::string& t = sent.back().second;
        for (std::size_t i = 0; i + 6 <= t.size(); ++i)
            if (std::all_of(t.begin() + i, t.begin() + i + 6, [](char c) { return c >= '0' && c <= '9'; }))
                return t.substr(i, 6);
        return "";
    }
};
}  // namespace

class ResidentCode : public AppTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        ctx().code_sender = &sender_;
    }
    ClientInfo From(const std::string& ip) { return {ip, "req-1"}; }
    Recorder sender_;
    const std::string phone_ = "13812345678";
};

TEST_F(ResidentCode, ARightCodeGivesATokenForThatPhoneOnce) {
    ASSERT_TRUE(RequestCode(ctx(), "+86 138 1234 5678", From("10.0.0.1")));
    ASSERT_EQ(sender_.sent.size(), 1u);
    EXPECT_EQ(sender_.sent[0].first, phone_) << "normalized";
    const std::string code = sender_.LastCode();
    auto s = VerifyCode(ctx(), phone_, code, From("10.0.0.1"));
    ASSERT_TRUE(s) << s.error().message_key;
    EXPECT_TRUE(IsResidentToken(s->token));
    EXPECT_EQ(s->expires_at, clock_.NowMillis() + 120 * 60'000) << "otp.token_ttl_minutes";
    auto who = AuthenticateResident(ctx(), s->token);
    ASSERT_TRUE(who);
    EXPECT_EQ(who->phone, phone_);
    EXPECT_EQ(who->phone_key, PhoneKey(ctx(), phone_));
    // The code is spent.
    auto again = VerifyCode(ctx(), phone_, code, From("10.0.0.1"));
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().fields.at(0).message_key, "otp.code.none");
    EXPECT_EQ(CountAudit("otp.send"), 1);
    EXPECT_EQ(CountAudit("otp.verify"), 2);
    // The token ends with its time.
    clock_.Advance(120 * 60'000);
    EXPECT_EQ(AuthenticateResident(ctx(), s->token).error().code, core::ErrorCode::kUnauthenticated);
    EXPECT_FALSE(AuthenticateResident(ctx(), "r.not-a-token"));
}

TEST_F(ResidentCode, ACodeExpiresAfterItsMinutes) {
    ASSERT_TRUE(RequestCode(ctx(), phone_, From("10.0.0.1")));
    clock_.Advance(10 * 60'000);  // otp.code_ttl_minutes
    auto s = VerifyCode(ctx(), phone_, sender_.LastCode(), From("10.0.0.1"));
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().fields.at(0).field, "code");
    EXPECT_EQ(s.error().fields.at(0).message_key, "otp.code.expired");
}

// A guessed code: four wrong tries say how many are left, the fifth locks it, and then the right code fails too.
TEST_F(ResidentCode, AGuessedCodeIsLockedAfterMaxTries) {
    ASSERT_TRUE(RequestCode(ctx(), phone_, From("10.0.0.1")));
    const std::string right = sender_.LastCode();
    const std::string wrong = right == "000000" ? "000001" : "000000";
    for (int i = 1; i <= 4; ++i) {
        auto s = VerifyCode(ctx(), phone_, wrong, From("10.0.0.1"));
        ASSERT_FALSE(s);
        EXPECT_EQ(s.error().code, core::ErrorCode::kInvalidArgument);
        EXPECT_EQ(s.error().fields.at(0).params.at("left"), std::to_string(5 - i));
    }
    auto fifth = VerifyCode(ctx(), phone_, wrong, From("10.0.0.1"));
    ASSERT_FALSE(fifth);
    EXPECT_EQ(fifth.error().code, core::ErrorCode::kTooManyRequests);
    auto locked = VerifyCode(ctx(), phone_, right, From("10.0.0.2"));
    ASSERT_FALSE(locked);
    EXPECT_EQ(locked.error().code, core::ErrorCode::kTooManyRequests);
    EXPECT_EQ(locked.error().fields.at(0).message_key, "otp.code.locked");
    // A new code starts afresh.
    ASSERT_TRUE(RequestCode(ctx(), phone_, From("10.0.0.1")));
    EXPECT_TRUE(VerifyCode(ctx(), phone_, sender_.LastCode(), From("10.0.0.1")));
}

// A flood from one number: the sixth code of the hour is refused with the figure and the wait; an hour later
// codes go out again. Another phone from the same address is not held up until the address's own limit.
TEST_F(ResidentCode, AFloodFromOneNumberIsRefusedWithTheFigure) {
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(RequestCode(ctx(), phone_, From("10.0.0." + std::to_string(i))));
        clock_.Advance(1000);
    }
    auto sixth = RequestCode(ctx(), phone_, From("10.0.0.9"));
    ASSERT_FALSE(sixth);
    EXPECT_EQ(sixth.error().code, core::ErrorCode::kTooManyRequests);
    EXPECT_EQ(sixth.error().message_key, "otp.send.phone_throttled");
    EXPECT_EQ(sixth.error().params.at("max"), "5");
    EXPECT_EQ(sixth.error().params.at("retry_after"), "3595");
    EXPECT_EQ(sender_.sent.size(), 5u) << "nothing sent for the refused one";
    EXPECT_TRUE(RequestCode(ctx(), "13900000000", From("10.0.0.9")));
    clock_.Advance(3595 * 1000);
    EXPECT_TRUE(RequestCode(ctx(), phone_, From("10.0.0.9")));
}

TEST_F(ResidentCode, OneAddressIsLimitedOverAllPhones) {
    for (int i = 0; i < 30; ++i)
        ASSERT_TRUE(RequestCode(ctx(), "139000000" + std::to_string(10 + i), From("10.9.9.9")));
    auto next = RequestCode(ctx(), "13700000000", From("10.9.9.9"));
    ASSERT_FALSE(next);
    EXPECT_EQ(next.error().message_key, "otp.send.address_throttled");
    EXPECT_EQ(next.error().params.at("max"), "30");
}

TEST_F(ResidentCode, FieldsAreNamedAndASenderFailureIsUnavailable) {
    auto bad = VerifyCode(ctx(), "12", "abc", From("10.0.0.1"));
    ASSERT_FALSE(bad);
    ASSERT_EQ(bad.error().fields.size(), 2u);
    EXPECT_EQ(bad.error().fields[0].field, "phone");
    EXPECT_EQ(bad.error().fields[1].field, "code");
    EXPECT_EQ(RequestCode(ctx(), "abc", From("10.0.0.1")).error().fields.at(0).field, "phone");
    sender_.fail = true;
    EXPECT_EQ(RequestCode(ctx(), phone_, From("10.0.0.1")).error().code, core::ErrorCode::kUnavailable);
    ctx().code_sender = nullptr;
    EXPECT_EQ(RequestCode(ctx(), phone_, From("10.0.0.1")).error().message_key, "otp.no_sender");
}

}  // namespace lianxin::app::testing
