// The audit head checkpoint file (issue 15 defect 4): it round-trips, and a changed byte or another key makes it
// invalid, never a different checkpoint.
#include "crypto/checkpoint_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "crypto/sodium_crypto.hpp"

namespace lianxin::crypto {
namespace {

MasterKey Key(unsigned char seed) {
    MasterKey k{};
    for (size_t i = 0; i < k.size(); ++i) k[i] = static_cast<unsigned char>(seed + i);
    return k;
}

class CheckpointFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        InitCrypto();
        char tmpl[] = "/tmp/lxckpt.XXXXXX";
        ASSERT_TRUE(mkdtemp(tmpl));
        dir_ = tmpl;
        path_ = dir_ + "/audit-checkpoint";
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::string dir_, path_;
};

TEST_F(CheckpointFileTest, RoundTripsAndRefusesAChangedByteOrAnotherKey) {
    SodiumFieldCipher cipher(Key(1));
    CheckpointFile file(path_, cipher);
    auto none = file.Load();
    ASSERT_TRUE(none);
    EXPECT_FALSE(none->has_value()) << "no checkpoint yet";
    ASSERT_TRUE(file.Store({1234, std::string(64, 'a'), 18, 1'796'612'345'678}));
    auto got = file.Load();
    ASSERT_TRUE(got && got->has_value());
    EXPECT_EQ((*got)->head_id, 1234);
    EXPECT_EQ((*got)->head_mac, std::string(64, 'a'));
    EXPECT_EQ((*got)->first_mac_id, 18);
    EXPECT_EQ((*got)->written_at, 1'796'612'345'678);
    EXPECT_FALSE(std::filesystem::exists(path_ + ".tmp"));
    EXPECT_EQ(std::filesystem::status(path_).permissions() & std::filesystem::perms::group_all,
              std::filesystem::perms::none);

    SodiumFieldCipher other(Key(2));
    auto wrong_key = CheckpointFile(path_, other).Load();
    ASSERT_FALSE(wrong_key);
    EXPECT_EQ(wrong_key.error().message_key, "audit.checkpoint_invalid");

    std::stringstream text;
    text << std::ifstream(path_).rdbuf();
    std::string s = text.str();
    s.replace(s.find("head_id=1234"), 12, "head_id=1200");  // moving the checkpoint back past a truncation
    std::ofstream(path_, std::ios::trunc) << s;
    auto edited = file.Load();
    ASSERT_FALSE(edited);
    EXPECT_EQ(edited.error().message_key, "audit.checkpoint_invalid");

    auto kept = file.Retire(42);
    ASSERT_TRUE(kept);
    EXPECT_EQ(*kept, path_ + ".before-restore-42");
    EXPECT_TRUE(std::filesystem::exists(*kept));
    EXPECT_FALSE(file.Load()->has_value());
}

// The row MAC is keyed (issue 15 defect 4): someone holding the database but not the key file cannot recompute it
// as they could the plain SHA-256 of before; the row and checkpoint subkeys differ from each other.
TEST(AuditMacs, DependOnTheKeyAndDifferFromPlainSha256) {
    InitCrypto();
    SodiumFieldCipher one(Key(1)), same(Key(1)), other(Key(2));
    SodiumCrypto plain;
    const std::string row = "mac1|4:1000|1:1|";
    EXPECT_EQ(one.AuditRowMac(row), same.AuditRowMac(row));
    EXPECT_EQ(one.AuditRowMac(row).size(), 64u);
    EXPECT_NE(one.AuditRowMac(row), other.AuditRowMac(row));
    EXPECT_NE(one.AuditRowMac(row), plain.Sha256Hex(row));
    EXPECT_NE(one.AuditRowMac(row), one.AuditCheckpointMac(row));
    EXPECT_NE(one.AuditRowMac(row), one.AuditRowMac(row + "x"));
}

}  // namespace
}  // namespace lianxin::crypto
