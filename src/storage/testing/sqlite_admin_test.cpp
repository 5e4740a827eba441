// `lianxin backup` and `lianxin check` on SQLite, whose SQL moved from src/cli into storage (issue 16: SQL only in
// src/storage): the backup is a database that checks clean, also under a path with a quote in it.
#include <gtest/gtest.h>

#include <filesystem>

#include "storage/testing/test_db.hpp"

namespace lianxin::storage::testing {

TEST(SqliteAdmin, ABackupIntoAQuotedPathChecksClean) {
    auto t = OpenTestDb("sqlite-file");
    const auto checked = CheckSqlite(*t->db);
    EXPECT_TRUE(checked.intact);
    EXPECT_TRUE(checked.foreign_keys_ok);
    const std::string out = t->dir + "/it's a backup.db";
    ASSERT_TRUE(SqliteBackupInto(*t->db, out));
    EXPECT_TRUE(std::filesystem::exists(out));
    EXPECT_FALSE(SqliteBackupInto(*t->db, out)) << "VACUUM INTO never overwrites a file";
}

}  // namespace lianxin::storage::testing
