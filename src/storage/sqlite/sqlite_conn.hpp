// One SQLite connection with a cache of prepared statements. Not thread-safe: the database hands each
// connection to one thread at a time.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "storage/sql/sql_conn.hpp"

namespace lianxin::storage {

struct SqliteOptions {
    std::string path;  // file path, or ":memory:"
    bool read_only = false;
    int busy_timeout_ms = 5000;
    std::string synchronous = "FULL";  // FULL: an acknowledged commit survives power loss (security.md H1)
    int cache_mb = 0;                  // 0 = SQLite's default (2 MiB)
};

class SqliteConn final : public SqlConn {
public:
    static core::Result<std::unique_ptr<SqliteConn>> Open(const SqliteOptions& opt);
    ~SqliteConn() override;

    Dialect dialect() const override { return Dialect::kSqlite; }
    core::Result<SqlRows> Query(std::string_view sql, const SqlParams& params) override;
    core::Result<std::int64_t> Exec(std::string_view sql, const SqlParams& params) override;
    core::Status ExecScript(std::string_view sql) override;
    sqlite3* raw() { return db_; }

private:
    explicit SqliteConn(sqlite3* db) : db_(db) {}
    core::Result<sqlite3_stmt*> Prepare(std::string_view sql, const SqlParams& params);
    core::Error ErrorFromCode(int rc) const;

    sqlite3* db_;
    std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

// Rewrites $N placeholders to ?N outside of string literals.
std::string RewritePlaceholders(std::string_view sql);

}  // namespace lianxin::storage
