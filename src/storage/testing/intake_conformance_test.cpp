// Storage conformance of a resident's intake on every backend (issue 17): photos by content hash round-trip
// their bytes exactly (NULs and high bytes; bytea on PostgreSQL), a second upload of the same photo stores nothing
// new but records its owner; one-time codes count tries and sends atomically (core/otp's AfterSend, as one
// upsert), a code is spent once, resident tokens keep the phone encrypted and are pruned when they end.
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

using core::otp::CodeState;
using core::ports::PhotoRecord;
using core::ports::ResidentToken;

class IntakeConformance : public Conformance {};

TEST_P(IntakeConformance, PhotosRoundTripTheirBytesAndOwners) {
    constexpr char kJpeg[] = "\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x02\0\xFF\xD9";
    const std::string jpeg(kJpeg, sizeof kJpeg - 1);  // 16 bytes (the sanitizer build caught a length of 18)
    const PhotoRecord p{std::string(64, 'a'), jpeg, 40, 20, 1000};
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_CHECK(tx.Photos().Put(p, "u:7"));
        // The same photo again (the same bytes have the same id), by someone else.
        return tx.Photos().Put(p, "r:abcd");
    }));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(got, tx.Photos().Get(p.photo_id));
        EXPECT_TRUE(got.has_value());
        if (!got) return core::Ok();
        EXPECT_EQ(got->jpeg, jpeg) << "bytes exactly, NULs and all";
        EXPECT_EQ(got->width, 40);
        EXPECT_EQ(got->height, 20);
        LX_ASSIGN(none, tx.Photos().Get(std::string(64, 'b')));
        EXPECT_FALSE(none.has_value());
        LX_ASSIGN(a, tx.Photos().OwnedBy(p.photo_id, "u:7"));
        LX_ASSIGN(b, tx.Photos().OwnedBy(p.photo_id, "r:abcd"));
        LX_ASSIGN(c, tx.Photos().OwnedBy(p.photo_id, "r:other"));
        EXPECT_TRUE(a);
        EXPECT_TRUE(b);
        EXPECT_FALSE(c);
        return core::Ok();
    }));
}

// A photo not committed is not there (one transaction: no half photo).
TEST_P(IntakeConformance, ARolledBackUploadLeavesNothing) {
    const PhotoRecord p{std::string(64, 'c'), "x", 1, 1, 1000};
    auto st = db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_CHECK(tx.Photos().Put(p, "u:1"));
        return core::Fail(core::MakeError(core::ErrorCode::kUnavailable, "audit.failed"));
    });
    ASSERT_FALSE(st);
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(got, tx.Photos().Get(p.photo_id));
        EXPECT_FALSE(got.has_value());
        LX_ASSIGN(owned, tx.Photos().OwnedBy(p.photo_id, "u:1"));
        EXPECT_FALSE(owned);
        return core::Ok();
    }));
}

TEST_P(IntakeConformance, CodesCountTriesAndAreSpentOnce) {
    const std::string key("\x01\x00\xFFkey", 6);
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(none, tx.Otp().CountTry(key));
        EXPECT_EQ(none, 0) << "no code, nothing counted";
        LX_CHECK(tx.Otp().PutCode(key, "13812345678", CodeState{std::string("\x00hash", 5), 5000, 0}, 1000));
        LX_ASSIGN(one, tx.Otp().CountTry(key));
        LX_ASSIGN(two, tx.Otp().CountTry(key));
        EXPECT_EQ(one, 1);
        EXPECT_EQ(two, 2);
        LX_ASSIGN(s, tx.Otp().Code(key));
        EXPECT_TRUE(s.has_value());
        if (s) {
            EXPECT_EQ(s->failures, 2);
            EXPECT_EQ(s->code_hash, std::string("\x00hash", 5));
            EXPECT_EQ(s->expires_at, 5000);
        }
        // A new code replaces the old one and its tries.
        LX_CHECK(tx.Otp().PutCode(key, "13812345678", CodeState{"new", 9000, 0}, 2000));
        LX_ASSIGN(fresh, tx.Otp().Code(key));
        EXPECT_EQ(fresh->failures, 0);
        EXPECT_EQ(fresh->code_hash, "new");
        LX_CHECK(tx.Otp().DeleteCode(key));
        auto again = tx.Otp().DeleteCode(key);
        EXPECT_FALSE(again) << "spent once";
        if (!again) { EXPECT_EQ(again.error().code, core::ErrorCode::kConflict); }
        LX_ASSIGN(gone, tx.Otp().Code(key));
        EXPECT_FALSE(gone.has_value());
        return core::Ok();
    }));
}

// The storage's one-statement window is core::otp::AfterSend: counted within the hour, afresh after it.
TEST_P(IntakeConformance, SendWindowsFollowAfterSend) {
    const std::string key("\x02win", 4);
    const std::int64_t t = 10'000'000;
    core::otp::SendWindow expected;
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        for (std::int64_t at : {t, t + 1000, t + 2000, t + core::otp::kWindowMillis - 1, t + core::otp::kWindowMillis,
                                t + core::otp::kWindowMillis + 5}) {
            expected = core::otp::AfterSend(expected, at);
            LX_ASSIGN(w, tx.Otp().CountSend(key, at));
            EXPECT_EQ(w.start, expected.start) << at;
            EXPECT_EQ(w.count, expected.count) << at;
        }
        return core::Ok();
    }));
    EXPECT_EQ(expected.count, 2);
}

TEST_P(IntakeConformance, ResidentTokensKeepThePhoneEncryptedAndArePruned) {
    const std::string key("\x03phone", 6);
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_CHECK(tx.Otp().InsertToken(ResidentToken{std::string(64, 'd'), key, "13812345678", 1000, 8000}));
        return tx.Otp().InsertToken(ResidentToken{std::string(64, 'e'), key, "13812345678", 1000, 3000});
    }));
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(t, tx.Otp().Token(std::string(64, 'd')));
        EXPECT_TRUE(t.has_value());
        if (t) {
            EXPECT_EQ(t->phone, "13812345678");
            EXPECT_EQ(t->phone_key, key);
            EXPECT_EQ(t->expires_at, 8000);
        }
        return tx.Otp().Prune(5000);
    }));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(ended, tx.Otp().Token(std::string(64, 'e')));
        EXPECT_FALSE(ended.has_value()) << "pruned";
        LX_ASSIGN(live, tx.Otp().Token(std::string(64, 'd')));
        EXPECT_TRUE(live.has_value());
        return core::Ok();
    }));
}

INSTANTIATE_TEST_SUITE_P(Backends, IntakeConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
