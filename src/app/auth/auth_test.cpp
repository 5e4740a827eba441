// Identity use cases: set-up links, login, lockout, sessions and the second factor (security.md B1–B5, B8).
#include "app/auth/auth.hpp"

#include "app/auth/session_cache.hpp"
#include "app/users/users.hpp"

#include "app/testing/app_fixture.hpp"

namespace lianxin::app::testing {

using core::ErrorCode;
using core::ports::MfaState;

class AuthTest : public AppTest {};

TEST_F(AuthTest, FirstAdminLinkIsSingleUseAndCreatesASysAdminOnTheRoot) {
    // security.md B8: no default account; a single-use link instead.
    auto token = CreateFirstAdminLink(ctx());
    ASSERT_TRUE(token);
    auto info = InspectSetupLink(ctx(), *token);
    ASSERT_TRUE(info);
    EXPECT_EQ(info->purpose, core::ports::SetupPurpose::kFirstAdmin);
    auto done = CompleteSetup(ctx(), {*token, "admin", "系统管理员", "Songyu-street-2026"}, {"127.0.0.1", "r1"});
    ASSERT_TRUE(done) << done.error().message_key;
    auto again = CompleteSetup(ctx(), {*token, "admin2", "另一个", "Songyu-street-2026"}, {"127.0.0.1", "r2"});
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
    auto login = Login(ctx(), "admin", "Songyu-street-2026", {"127.0.0.1", "r3"});
    ASSERT_TRUE(login);
    ASSERT_EQ(login->user.grants.size(), 1u);
    EXPECT_EQ(login->user.grants[0].role, core::auth::Role::kSysAdmin);
    EXPECT_EQ(login->user.grants[0].org_id, street_);
    EXPECT_EQ(login->session.mfa, MfaState::kEnroll);  // admin roles need TOTP
    // Once a user exists, no further first-admin link is issued.
    EXPECT_EQ(CreateFirstAdminLink(ctx()).error().code, ErrorCode::kFailedPrecondition);
}

TEST_F(AuthTest, SetupRefusesAWeakPasswordNamingTheField) {
    auto token = CreateFirstAdminLink(ctx());
    auto r = CompleteSetup(ctx(), {*token, "admin", "系统管理员", "short"}, {"127.0.0.1", "r"});
    ASSERT_FALSE(r);
    ASSERT_EQ(r.error().fields.size(), 1u);
    EXPECT_EQ(r.error().fields[0].field, "password");
    // The refused attempt did not spend the link.
    EXPECT_TRUE(InspectSetupLink(ctx(), *token));
}

TEST_F(AuthTest, ExpiredLinkIsNotFound) {
    auto token = CreateFirstAdminLink(ctx());
    clock_.Advance(24LL * 3600 * 1000 + 1);
    EXPECT_EQ(InspectSetupLink(ctx(), *token).error().code, ErrorCode::kNotFound);
}

TEST_F(AuthTest, WrongUserAndWrongPasswordAnswerAlike) {
    // security.md B3: no user enumeration by message.
    AddUser("secretary1", "Secretary-pass-2026", core::auth::Role::kBranchSecretary, branch_a_);
    auto unknown = Login(ctx(), "nobody", "whatever-password", {"127.0.0.1", "a"});
    auto wrong = Login(ctx(), "secretary1", "wrong-password-1", {"127.0.0.1", "b"});
    ASSERT_FALSE(unknown);
    ASSERT_FALSE(wrong);
    EXPECT_EQ(unknown.error().code, wrong.error().code);
    EXPECT_EQ(unknown.error().message_key, wrong.error().message_key);
    EXPECT_EQ(CountAudit("auth.login"), 2);  // both failures are audited
}

// Issue 15 defect 7: five failures no longer lock the account for everyone; they make that name wait at that
// address only (security.md B2: each failure audited, an alert at the threshold, the wait ends by itself).
TEST_F(AuthTest, FailuresFromOneAddressDoNotLockTheOwnerOutOfAnother) {
    AddUser("secretary1", "Secretary-pass-2026", core::auth::Role::kBranchSecretary, branch_a_);
    for (int i = 0; i < 5; ++i) {
        auto r = Login(ctx(), "secretary1", "wrong-password-1", {"203.0.113.9", "x"});
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().code, ErrorCode::kUnauthenticated) << "failure " << i + 1;
    }
    auto waits = Login(ctx(), "secretary1", "Secretary-pass-2026", {"203.0.113.9", "y"});
    ASSERT_FALSE(waits);
    EXPECT_EQ(waits.error().code, ErrorCode::kTooManyRequests) << "even the right password waits at that address";
    EXPECT_EQ(waits.error().params.at("retry_after"), "30");
    EXPECT_EQ(CountAudit("auth.throttle"), 1);  // the alert
    // The owner at their own address signs in (before: 429, the account was locked for 30 minutes).
    EXPECT_TRUE(Login(ctx(), "secretary1", "Secretary-pass-2026", {"198.51.100.7", "z"}));
    clock_.Advance(30 * 1000);
    EXPECT_TRUE(Login(ctx(), "secretary1", "Secretary-pass-2026", {"203.0.113.9", "w"})) << "the wait ended by itself";
}

TEST_F(AuthTest, AKnownAndAnUnknownNameAreThrottledAlike) {
    // Issue 15 defect 7 / security.md B3: before, the sixth try answered 429 for an account and 401 for a name
    // nobody has, which told the two apart.
    AddUser("secretary1", "Secretary-pass-2026", core::auth::Role::kBranchSecretary, branch_a_);
    for (const char* name : {"secretary1", "nobody-here"}) {
        for (int i = 0; i < 5; ++i)
            EXPECT_EQ(Login(ctx(), name, "wrong-password-1", {"203.0.113.9", "x"}).error().code,
                      ErrorCode::kUnauthenticated);
        auto sixth = Login(ctx(), name, "wrong-password-1", {"203.0.113.9", "x"});
        EXPECT_EQ(sixth.error().code, ErrorCode::kTooManyRequests) << name;
        EXPECT_EQ(sixth.error().message_key, "auth.throttled.seconds") << name;
    }
}

TEST_F(AuthTest, WaitsDoubleAndTheSecurityAdminLiftsThem) {
    auto id = AddUser("secretary1", "Secretary-pass-2026", core::auth::Role::kBranchSecretary, branch_a_);
    auto fail = [&] { return Login(ctx(), "secretary1", "wrong-password-1", {"203.0.113.9", "x"}); };
    for (int i = 0; i < 5; ++i) ASSERT_EQ(fail().error().code, ErrorCode::kUnauthenticated);
    clock_.Advance(30 * 1000);
    ASSERT_EQ(fail().error().code, ErrorCode::kUnauthenticated);  // the sixth failure: now a minute
    auto waits = fail();
    EXPECT_EQ(waits.error().message_key, "auth.throttled.minutes");
    EXPECT_EQ(waits.error().params.at("retry_after"), "60");
    auto user = GetUser(ctx(), ActorWith(core::auth::Role::kSysAdmin, street_), id);
    ASSERT_TRUE(user);
    EXPECT_TRUE(user->login_throttled) << "the admins see that the name is being slowed down";
    ASSERT_TRUE(ChangeAccount(ctx(), ActorWith(core::auth::Role::kSecAdmin, street_), id, AccountChange::kUnlock));
    EXPECT_TRUE(Login(ctx(), "secretary1", "Secretary-pass-2026", {"203.0.113.9", "y"}));
}

TEST_F(AuthTest, OneAddressTryingManyNamesWaits) {
    // Issue 15 defect 7: per source address over all names (password spraying), 20 free failures.
    for (int i = 0; i < 20; ++i)
        ASSERT_EQ(Login(ctx(), "name" + std::to_string(i), "wrong-password-1", {"203.0.113.9", "x"}).error().code,
                  ErrorCode::kUnauthenticated);
    EXPECT_EQ(Login(ctx(), "another-name", "wrong-password-1", {"203.0.113.9", "x"}).error().code,
              ErrorCode::kTooManyRequests);
    EXPECT_EQ(Login(ctx(), "another-name", "wrong-password-1", {"198.51.100.7", "x"}).error().code,
              ErrorCode::kUnauthenticated);
}

TEST_F(AuthTest, SessionsExpireWhenIdleAndAtTheAbsoluteLimit) {
    // security.md B4: idle 30 min, absolute 12 h.
    AddUser("secretary1", "Secretary-pass-2026", core::auth::Role::kBranchSecretary, branch_a_);
    auto login = Login(ctx(), "secretary1", "Secretary-pass-2026", {"127.0.0.1", "a"});
    ASSERT_TRUE(login);
    clock_.Advance(29 * 60 * 1000);
    ASSERT_TRUE(Authenticate(ctx(), login->token, {"127.0.0.1", "b"}));
    clock_.Advance(31 * 60 * 1000);
    auto idle = Authenticate(ctx(), login->token, {"127.0.0.1", "c"});
    ASSERT_FALSE(idle);
    EXPECT_EQ(idle.error().message_key, "auth.expired");

    auto second = Login(ctx(), "secretary1", "Secretary-pass-2026", {"127.0.0.1", "d"});
    // Active every 20 minutes: valid through 12 h, refused at 12 h 20 min.
    for (int i = 1; i <= 12 * 3; ++i) {
        clock_.Advance(20 * 60 * 1000);
        ASSERT_TRUE(Authenticate(ctx(), second->token, {"127.0.0.1", "e"})) << "refused after " << i * 20 << " min";
    }
    clock_.Advance(20 * 60 * 1000);
    EXPECT_FALSE(Authenticate(ctx(), second->token, {"127.0.0.1", "f"}));
}

TEST_F(AuthTest, LogoutEndsTheSession) {
    AddUser("secretary1", "Secretary-pass-2026", core::auth::Role::kBranchSecretary, branch_a_);
    auto login = Login(ctx(), "secretary1", "Secretary-pass-2026", {"127.0.0.1", "a"});
    auto who = Authenticate(ctx(), login->token, {"127.0.0.1", "b"});
    ASSERT_TRUE(Logout(ctx(), *who));
    EXPECT_FALSE(Authenticate(ctx(), login->token, {"127.0.0.1", "c"}));
}

TEST_F(AuthTest, TotpEnrolmentThenReplayIsRefused) {
    // security.md B5: a TOTP code replayed in the same window is refused and logged.
    AddUser("auditor", "Auditor-pass-2026", core::auth::Role::kAuditAdmin, street_);
    auto login = Login(ctx(), "auditor", "Auditor-pass-2026", {"127.0.0.1", "a"});
    ASSERT_EQ(login->session.mfa, MfaState::kEnroll);
    auto who = Authenticate(ctx(), login->token, {"127.0.0.1", "b"});
    auto enrol = EnrollTotp(ctx(), *who);
    ASSERT_TRUE(enrol);
    EXPECT_NE(enrol->qr_svg.find("<svg"), std::string::npos);
    std::int64_t step = clock_.NowMillis() / 1000 / 30;
    auto bad = VerifyTotp(ctx(), *who, "000000" == ctx().crypto.TotpCode(enrol->secret, step) ? "111111" : "000000");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().fields[0].field, "code");
    std::string code = ctx().crypto.TotpCode(enrol->secret, step);
    auto ok = VerifyTotp(ctx(), *who, code);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->mfa, MfaState::kOk);

    auto login2 = Login(ctx(), "auditor", "Auditor-pass-2026", {"127.0.0.1", "c"});
    EXPECT_EQ(login2->session.mfa, MfaState::kVerify);
    auto who2 = Authenticate(ctx(), login2->token, {"127.0.0.1", "d"});
    auto replay = VerifyTotp(ctx(), *who2, code);
    ASSERT_FALSE(replay);
    EXPECT_EQ(CountAudit("auth.totp"), 2);  // the wrong code and the replay; the enrolment is auth.totp_enroll
}

TEST_F(AuthTest, ChangePasswordChecksTheOldOneAndThePolicy) {
    AddUser("secretary1", "Secretary-pass-2026", core::auth::Role::kBranchSecretary, branch_a_);
    auto login = Login(ctx(), "secretary1", "Secretary-pass-2026", {"127.0.0.1", "a"});
    auto who = Authenticate(ctx(), login->token, {"127.0.0.1", "b"});
    EXPECT_EQ(ChangePassword(ctx(), *who, "wrong-old-pass", "A-new-password-2026").error().fields[0].field,
              "old_password");
    EXPECT_EQ(ChangePassword(ctx(), *who, "Secretary-pass-2026", "short").error().fields[0].field, "new_password");
    ASSERT_TRUE(ChangePassword(ctx(), *who, "Secretary-pass-2026", "A-new-password-2026"));
    EXPECT_TRUE(Login(ctx(), "secretary1", "A-new-password-2026", {"127.0.0.1", "c"}));
}

TEST_F(AuthTest, CachedSessionsEndAtOnceOnLogoutDisableAndRevoke) {
    // The session cache must never outlive a revocation made by this process.
    SessionCache cache;
    ctx().session_cache = &cache;
    auto uid = AddUser("secretary1", "Secretary-pass-2026", core::auth::Role::kBranchSecretary, branch_a_);
    auto admin = ActorWith(core::auth::Role::kSysAdmin, street_, 1000);

    auto first = Login(ctx(), "secretary1", "Secretary-pass-2026", {"127.0.0.1", "a"});
    auto who = Authenticate(ctx(), first->token, {"127.0.0.1", "b"});
    ASSERT_TRUE(who);
    ASSERT_TRUE(Authenticate(ctx(), first->token, {"127.0.0.1", "c"}));  // now served from the cache
    ASSERT_TRUE(Logout(ctx(), *who));
    EXPECT_FALSE(Authenticate(ctx(), first->token, {"127.0.0.1", "d"}));

    auto second = Login(ctx(), "secretary1", "Secretary-pass-2026", {"127.0.0.1", "e"});
    ASSERT_TRUE(Authenticate(ctx(), second->token, {"127.0.0.1", "f"}));
    auto grant = GrantRole(ctx(), admin, uid, "org_admin", community_a_);
    ASSERT_TRUE(grant);
    auto regranted = Authenticate(ctx(), second->token, {"127.0.0.1", "g"});
    ASSERT_TRUE(regranted);
    EXPECT_EQ(regranted->actor.grants.size(), 2u);  // the new grant is seen at once
    ASSERT_TRUE(RevokeRole(ctx(), admin, uid, grant->id));
    EXPECT_FALSE(Authenticate(ctx(), second->token, {"127.0.0.1", "h"}));  // a revocation ends the sessions

    auto third = Login(ctx(), "secretary1", "Secretary-pass-2026", {"127.0.0.1", "i"});
    ASSERT_TRUE(Authenticate(ctx(), third->token, {"127.0.0.1", "j"}));
    ASSERT_TRUE(ChangeAccount(ctx(), admin, uid, AccountChange::kDisable));
    EXPECT_FALSE(Authenticate(ctx(), third->token, {"127.0.0.1", "k"}));
    ctx().session_cache = nullptr;
}

}  // namespace lianxin::app::testing
