#include <condition_variable>
#include <mutex>

#include "storage/database.hpp"
#include "storage/postgres/pg_conn.hpp"
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

namespace {

// A fixed pool of connections. A connection found broken is reset before use; while the server is away
// every call answers kUnavailable (503) and the pool recovers by itself when it is back (security.md H6).
class PgDatabase final : public ManagedDatabase {
public:
    PgDatabase(std::vector<std::unique_ptr<PgConn>> conns, const core::ports::FieldCipher& cipher,
               const core::ports::Crypto& crypto)
        : conns_(std::move(conns)), cipher_(cipher), crypto_(crypto) {
        for (auto& c : conns_) free_.push_back(c.get());
    }

    core::Status Read(const std::function<core::Status(core::ports::Tx&)>& fn) override {
        return Run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", fn);
    }

    core::Status Write(const std::function<core::Status(core::ports::Tx&)>& fn) override {
        return Run("BEGIN ISOLATION LEVEL READ COMMITTED", fn);
    }

    core::Status Ping() override {
        return Read([](core::ports::Tx& tx) -> core::Status {
            LX_CHECK(tx.Orgs().CountAll());
            return core::Ok();
        });
    }

    core::Result<int> Migrate(std::int64_t now) override {
        Lease lease(*this);
        LX_CHECK(lease.Ready());
        // One migrator at a time across processes.
        LX_CHECK(lease.conn->ExecScript("SELECT pg_advisory_lock(7301)"));
        auto ran = ApplyMigrations(*lease.conn, PostgresMigrations(), now);
        (void)lease.conn->ExecScript("SELECT pg_advisory_unlock(7301)");
        return ran;
    }

    core::Result<MigrationState> Migrations() override {
        Lease lease(*this);
        LX_CHECK(lease.Ready());
        return InspectMigrations(*lease.conn, PostgresMigrations());
    }

    std::string Engine() const override { return "postgresql"; }

    core::Result<SqlRows> RawQuery(const std::string& sql) override {
        Lease lease(*this);
        LX_CHECK(lease.Ready());
        return lease.conn->Query(sql, {});
    }

    core::Status RawScript(const std::string& sql) override {
        Lease lease(*this);
        LX_CHECK(lease.Ready());
        return lease.conn->ExecScript(sql);
    }

private:
    struct Lease {
        explicit Lease(PgDatabase& db) : db(db), conn(db.Acquire()) {}
        ~Lease() { db.Release(conn); }
        core::Status Ready() {
            if (conn->Healthy() || conn->Reset()) return core::Ok();
            return core::Fail(core::MakeError(core::ErrorCode::kUnavailable, "storage.unavailable", "pg unreachable"));
        }
        PgDatabase& db;
        PgConn* conn;
    };

    core::Status Run(const char* begin, const std::function<core::Status(core::ports::Tx&)>& fn) {
        Lease lease(*this);
        LX_CHECK(lease.Ready());
        PgConn& conn = *lease.conn;
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

    PgConn* Acquire() {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return !free_.empty(); });
        PgConn* c = free_.back();
        free_.pop_back();
        return c;
    }

    void Release(PgConn* c) {
        {
            std::lock_guard lock(mu_);
            free_.push_back(c);
        }
        cv_.notify_one();
    }

    std::vector<std::unique_ptr<PgConn>> conns_;
    std::vector<PgConn*> free_;
    std::mutex mu_;
    std::condition_variable cv_;
    const core::ports::FieldCipher& cipher_;
    const core::ports::Crypto& crypto_;
};

}  // namespace

core::Result<std::unique_ptr<ManagedDatabase>> OpenPostgres(const DatabaseOptions& opt, const std::string& conninfo,
                                                            const core::ports::FieldCipher& cipher,
                                                            const core::ports::Crypto& crypto) {
    std::vector<std::unique_ptr<PgConn>> conns;
    for (int i = 0; i < opt.pool_size; ++i) {
        LX_ASSIGN(c, PgConn::Open(conninfo));
        conns.push_back(std::move(c));
    }
    return std::unique_ptr<ManagedDatabase>(new PgDatabase(std::move(conns), cipher, crypto));
}

}  // namespace lianxin::storage
