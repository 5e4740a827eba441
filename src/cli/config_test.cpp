// Configuration: unknown keys and bad values stop start-up naming the key (issue: foundation, CLI).
#include "cli/config.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace lianxin::cli {

static std::string WriteTemp(const std::string& text) {
    char path[] = "/tmp/lxcfgXXXXXX";
    int fd = mkstemp(path);
    close(fd);
    std::ofstream(path) << text;
    return path;
}

TEST(Config, FileThenEnvironment) {
    auto path = WriteTemp(
        "server:\n  port: 9000\n  admin_allow: [127.0.0.1, 10.0.0.1]\ndatabase:\n  url: sqlite:x.db\n");
    char env1[] = "LIANXIN_SERVER_PORT=9100";
    char env2[] = "LIANXIN_URL=http://ignored";  // not a configuration section: belongs to the test tools
    char* envp[] = {env1, env2, nullptr};
    Config c = DefaultConfig();
    auto errors = LoadConfig(path, envp, c);
    std::remove(path.c_str());
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(c.server.port, 9100);
    EXPECT_EQ(c.database.url, "sqlite:x.db");
    EXPECT_EQ(c.http.admin_allow, (std::vector<std::string>{"127.0.0.1", "10.0.0.1"}));
}

TEST(Config, UnknownKeysAndBadValuesAreNamed) {
    auto path = WriteTemp("server:\n  prot: 1\n  port: 70000\nsecurity:\n  session_idle_minutes: 90\n");
    char env1[] = "LIANXIN_DATABASE_POOL_SIZE=zero";
    char* envp[] = {env1, nullptr};
    Config c = DefaultConfig();
    auto errors = LoadConfig(path, envp, c);
    std::remove(path.c_str());
    ASSERT_EQ(errors.size(), 4u);
    EXPECT_EQ(errors[0].key, "server.prot");
    EXPECT_EQ(errors[1].key, "server.port");
    EXPECT_EQ(errors[2].key, "security.session_idle_minutes");  // ASVS 3.3.2: idle ≤ 30 min
    EXPECT_EQ(errors[3].key, "LIANXIN_DATABASE_POOL_SIZE");
}

TEST(Config, RequestLimitsHaveDefaultsAndAreChecked) {
    // Issue 15 defects 3 and 9: the request budgets are configuration, with defaults, checked like any key.
    Config d = DefaultConfig();
    EXPECT_EQ(d.limits.session_writes.refill, 600);
    EXPECT_EQ(d.limits.session_writes.period_millis, 60'000);
    EXPECT_EQ(d.limits.import_preview_rows.period_millis, 3'600'000);
    auto path = WriteTemp(
        "limits:\n  session_writes_per_minute: 30\n  session_write_burst: 10\n"
        "  address_reads_per_minute: 0\n  import_preview_row_burst: 0\n  reads: 5\n");
    char env1[] = "LIANXIN_LIMITS_SESSION_READ_BURST=7";
    char env2[] = "LIANXIN_LIMITS_IMPORT_PREVIEW_ROWS_PER_HOUR=-1";
    char* envp[] = {env1, env2, nullptr};
    Config c = DefaultConfig();
    auto errors = LoadConfig(path, envp, c);
    std::remove(path.c_str());
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors[0].key, "limits.import_preview_row_burst");  // a burst is at least 1
    EXPECT_EQ(errors[1].key, "limits.reads");
    EXPECT_EQ(errors[2].key, "LIANXIN_LIMITS_IMPORT_PREVIEW_ROWS_PER_HOUR");
    EXPECT_EQ(c.limits.session_writes.refill, 30);
    EXPECT_EQ(c.limits.session_writes.burst, 10);
    EXPECT_TRUE(c.limits.address_reads.Unlimited());  // 0 turns a budget off
    EXPECT_EQ(c.limits.session_reads.burst, 7);
}

TEST(Config, UnreadableFileIsAnError) {
    Config c = DefaultConfig();
    auto path = WriteTemp("server: [1, 2\n");
    auto errors = LoadConfig(path, nullptr, c);
    std::remove(path.c_str());
    ASSERT_EQ(errors.size(), 1u);
}

}  // namespace lianxin::cli

namespace lianxin::cli {

// Issue 16: local rules left the configuration for the policy store; an old key says where they went.
TEST(Config, PolicyKeysPointToThePolicyStore) {
    Config c = DefaultConfig();
    auto path = WriteTemp("policy:\n  transfer_max_validity_days: 30\n");
    auto errors = LoadConfig(path, nullptr, c);
    std::remove(path.c_str());
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].key, "policy.transfer_max_validity_days");
    EXPECT_NE(errors[0].message.find("lianxin policy set"), std::string::npos);
}

}  // namespace lianxin::cli
