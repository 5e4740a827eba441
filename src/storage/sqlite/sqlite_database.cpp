#include <mutex>

#include "storage/database.hpp"
#include "storage/sql/transaction.hpp"
#include "storage/sqlite/sqlite_conn.hpp"

namespace lianxin::storage {

namespace {

// One writer connection behind a mutex (BEGIN IMMEDIATE, so no write ever fails with "database is locked"
// mid-transaction), and a pool of reader connections that see WAL snapshots. An in-memory database has no
// separate readers: everything goes through the writer.
class SqliteDatabase final : public ManagedDatabase {
public:
    SqliteDatabase(std::unique_ptr<SqliteConn> writer, std::vector<std::unique_ptr<SqliteConn>> readers,
                   const core::ports::FieldCipher& cipher, const core::ports::Crypto& crypto)
        : writer_(std::move(writer)), cipher_(cipher), crypto_(crypto) {
        for (auto& r : readers) pool_.Add(r.get());
        readers_ = std::move(readers);
    }

    // SQLite has no row-level security: the scope is the repositories' own clauses only (security.md A6 is
    // a PostgreSQL control).
    core::Status Read(const core::ports::Scope& scope,
                      const std::function<core::Status(core::ports::Tx&)>& fn) override {
        if (readers_.empty()) return Write(scope, fn);
        SqliteConn* conn = pool_.Acquire();
        auto st = RunTransaction(*conn, "BEGIN", cipher_, crypto_, fn);
        pool_.Release(conn);
        return st;
    }

    core::Status Write(const core::ports::Scope&, const std::function<core::Status(core::ports::Tx&)>& fn) override {
        std::lock_guard lock(writer_mu_);
        return RunTransaction(*writer_, "BEGIN IMMEDIATE", cipher_, crypto_, fn);
    }

    core::Status Ping() override {
        return Read(core::ports::Scope::System(), [](core::ports::Tx& tx) -> core::Status {
            LX_CHECK(tx.Orgs().CountAll());
            return core::Ok();
        });
    }

    core::Result<int> Migrate(std::int64_t now) override {
        std::lock_guard lock(writer_mu_);
        return ApplyMigrations(*writer_, SqliteMigrations(), now);
    }

    core::Result<MigrationState> Migrations() override {
        std::lock_guard lock(writer_mu_);
        return InspectMigrations(*writer_, SqliteMigrations());
    }

    std::string Engine() const override { return "sqlite"; }

    core::Result<SqlRows> RawQuery(const std::string& sql) override {
        std::lock_guard lock(writer_mu_);
        return writer_->Query(sql, {});
    }

    core::Status RawScript(const std::string& sql) override {
        std::lock_guard lock(writer_mu_);
        return writer_->ExecScript(sql);
    }

private:
    std::unique_ptr<SqliteConn> writer_;
    std::mutex writer_mu_;
    std::vector<std::unique_ptr<SqliteConn>> readers_;
    ConnPool<SqliteConn> pool_;
    const core::ports::FieldCipher& cipher_;
    const core::ports::Crypto& crypto_;
};

}  // namespace

core::Result<std::unique_ptr<ManagedDatabase>> OpenSqlite(const DatabaseOptions& opt, const std::string& path,
                                                          const core::ports::FieldCipher& cipher,
                                                          const core::ports::Crypto& crypto) {
    SqliteOptions wo{path, false, opt.busy_timeout_ms, opt.sqlite_synchronous, opt.sqlite_writer_cache_mb};
    LX_ASSIGN(writer, SqliteConn::Open(wo));
    std::vector<std::unique_ptr<SqliteConn>> readers;
    if (path != ":memory:") {
        for (int i = 0; i < opt.pool_size; ++i) {
            SqliteOptions ro{path, true, opt.busy_timeout_ms, opt.sqlite_synchronous, 0};
            LX_ASSIGN(r, SqliteConn::Open(ro));
            readers.push_back(std::move(r));
        }
    }
    return std::unique_ptr<ManagedDatabase>(new SqliteDatabase(std::move(writer), std::move(readers), cipher, crypto));
}

}  // namespace lianxin::storage
