// Use-case tests run against SQLite :memory: (design.md: "no third fake backend") with a clock the test
// moves. The fixture builds a small tree: street working committee (root) -> two community committees -> one
// branch each, with members in both branches.
#pragma once

#include <gtest/gtest.h>

#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "crypto/checkpoint_file.hpp"
#include "sheet/sheet_files.hpp"
#include "storage/testing/audit_rows.hpp"
#include "storage/testing/test_db.hpp"

namespace lianxin::app::testing {

// A synthetic ID number (region 99 does not exist) born on `yyyymmdd` with sequence `seq`.
std::string SyntheticId(const std::string& yyyymmdd, int seq);

// A Context on a fresh, empty SQLite database, for tests that load their own data (the demo dataset).
struct BareContext {
    std::unique_ptr<storage::testing::TestDb> db;
    ManualClock clock{1'795'363'200'000};  // 2026-11-23 00:00 Asia/Shanghai
    std::unique_ptr<Context> ctx;
};
std::unique_ptr<BareContext> OpenBareContext();

class AppTest : public ::testing::Test {
protected:
    void SetUp() override;

    Context& ctx() { return *ctx_; }
    std::int64_t AddOrg(std::int64_t parent, const std::string& name,
                        core::org::OrgType type = core::org::OrgType::kBranch);
    std::int64_t AddMember(std::int64_t org_id, const std::string& name, const std::string& id_number);
    std::string PathOf(std::int64_t org_id);
    core::auth::Actor ActorWith(core::auth::Role role, std::int64_t org_id, std::int64_t user_id = 99);
    // Creates an active user with a password and one grant, the way a set-up link would; returns its id.
    std::int64_t AddUser(const std::string& username, const std::string& password, core::auth::Role role,
                         std::int64_t org_id, std::int64_t member_id = 0);
    std::int64_t CountAudit(const std::string& action);
    std::vector<storage::testing::StoredAuditRow> AuditRows(const storage::testing::AuditRowFilter& f);
    // Keeps the audit head checkpoint in a file at `path` (ctx().checkpoints), as the server does.
    void UseCheckpointFile(const std::string& path);

    std::unique_ptr<storage::testing::TestDb> db_;
    sheet::SheetFiles sheets_;
    ManualClock clock_{1'795'363'200'000};  // 2026-11-23 00:00 Asia/Shanghai
    std::unique_ptr<Context> ctx_;
    std::unique_ptr<crypto::CheckpointFile> checkpoint_file_;
    std::int64_t street_ = 0, community_a_ = 0, community_b_ = 0, branch_a_ = 0, branch_b_ = 0;
    std::int64_t member_a_ = 0, member_b_ = 0;
};

}  // namespace lianxin::app::testing
