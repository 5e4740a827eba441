#include <condition_variable>
#include <mutex>

#include "storage/database.hpp"
#include "storage/sql/sql_repos.hpp"
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
        for (auto& r : readers) free_.push_back(r.get());
        readers_ = std::move(readers);
    }

    core::Status Read(const std::function<core::Status(core::ports::Tx&)>& fn) override {
        if (readers_.empty()) return Write(fn);
        SqliteConn* conn = Acquire();
        auto st = RunIn(*conn, "BEGIN", fn);
        Release(conn);
        return st;
    }

    core::Status Write(const std::function<core::Status(core::ports::Tx&)>& fn) override {
        std::lock_guard lock(writer_mu_);
        return RunIn(*writer_, "BEGIN IMMEDIATE", fn);
    }

    core::Status Ping() override {
        return Read([](core::ports::Tx& tx) -> core::Status {
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
    core::Status RunIn(SqliteConn& conn, const char* begin, const std::function<core::Status(core::ports::Tx&)>& fn) {
        LX_CHECK(conn.ExecScript(begin));
        SqlTx tx(conn, cipher_, crypto_);
        core::Status st = fn(tx);
        if (st) {
            auto commit = conn.ExecScript("COMMIT");
            if (commit) return core::Ok();
            st = commit;
        }
        (void)conn.ExecScript("ROLLBACK");
        return st;
    }

    SqliteConn* Acquire() {
        std::unique_lock lock(pool_mu_);
        pool_cv_.wait(lock, [&] { return !free_.empty(); });
        SqliteConn* c = free_.back();
        free_.pop_back();
        return c;
    }

    void Release(SqliteConn* c) {
        {
            std::lock_guard lock(pool_mu_);
            free_.push_back(c);
        }
        pool_cv_.notify_one();
    }

    std::unique_ptr<SqliteConn> writer_;
    std::mutex writer_mu_;
    std::vector<std::unique_ptr<SqliteConn>> readers_;
    std::vector<SqliteConn*> free_;
    std::mutex pool_mu_;
    std::condition_variable pool_cv_;
    const core::ports::FieldCipher& cipher_;
    const core::ports::Crypto& crypto_;
};

}  // namespace

core::Result<std::unique_ptr<ManagedDatabase>> OpenSqlite(const DatabaseOptions& opt, const std::string& path,
                                                          const core::ports::FieldCipher& cipher,
                                                          const core::ports::Crypto& crypto) {
    SqliteOptions wo{path, false, opt.busy_timeout_ms, opt.sqlite_synchronous};
    LX_ASSIGN(writer, SqliteConn::Open(wo));
    std::vector<std::unique_ptr<SqliteConn>> readers;
    if (path != ":memory:") {
        for (int i = 0; i < opt.pool_size; ++i) {
            SqliteOptions ro{path, true, opt.busy_timeout_ms, opt.sqlite_synchronous};
            LX_ASSIGN(r, SqliteConn::Open(ro));
            readers.push_back(std::move(r));
        }
    }
    return std::unique_ptr<ManagedDatabase>(new SqliteDatabase(std::move(writer), std::move(readers), cipher, crypto));
}

}  // namespace lianxin::storage
