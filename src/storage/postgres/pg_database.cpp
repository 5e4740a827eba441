#include "storage/database.hpp"
#include "storage/postgres/pg_conn.hpp"
#include "storage/sql/transaction.hpp"

namespace lianxin::storage {

namespace {

// A fixed pool of connections. A connection found broken is reset before use; while the server is away
// every call answers kUnavailable (503) and the pool recovers by itself when it is back (security.md H6).
class PgDatabase final : public ManagedDatabase {
public:
    PgDatabase(std::vector<std::unique_ptr<PgConn>> conns, const core::ports::FieldCipher& cipher,
               const core::ports::Crypto& crypto)
        : conns_(std::move(conns)), cipher_(cipher), crypto_(crypto) {
        for (auto& c : conns_) pool_.Add(c.get());
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
        explicit Lease(PgDatabase& db) : db(db), conn(db.pool_.Acquire()) {}
        ~Lease() { db.pool_.Release(conn); }
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
        return RunTransaction(*lease.conn, begin, cipher_, crypto_, fn);
    }

    std::vector<std::unique_ptr<PgConn>> conns_;
    ConnPool<PgConn> pool_;
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
