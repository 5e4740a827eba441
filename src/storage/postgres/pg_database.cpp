#include "storage/database.hpp"
#include "storage/postgres/pg_conn.hpp"
#include "storage/sql/transaction.hpp"

namespace lianxin::storage {

namespace {

// A materialized path as the org tree writes it ("/1/5/23/"): only digits and slashes, so that it can be a
// literal and a LIKE prefix without escaping. Anything else is left out of the scope (fewer rows, never more).
bool PlainPath(const std::string& p) {
    if (p.size() < 3 || p.front() != '/' || p.back() != '/') return false;
    for (std::size_t i = 0; i < p.size(); ++i) {
        char c = p[i];
        if (c == '/' ? (i > 0 && p[i - 1] == '/') : (c < '0' || c > '9')) return false;
    }
    return true;
}

// The value of lianxin.scope that the policies of migration 0021 read: '*' for the system scope, otherwise the
// subtree roots joined by commas ('' = no rows).
std::string PgScopeSetting(const core::ports::Scope& scope) {
    if (scope.system()) return "*";
    std::string out;
    for (const auto& r : scope.roots()) {
        if (!PlainPath(r)) continue;
        if (!out.empty()) out += ',';
        out += r;
    }
    return out;
}

// BEGIN and the transaction's scope in one round trip (SET LOCAL ends with the transaction, so a pooled
// connection never carries a scope into the next one).
std::string BeginScoped(const char* begin, const core::ports::Scope& scope) {
    return std::string(begin) + "; SET LOCAL lianxin.scope = '" + PgScopeSetting(scope) + "'";
}

// A fixed pool of connections. A connection found broken is reset before use; while the server is away
// every call answers kUnavailable (503) and the pool recovers by itself when it is back (security.md H6).
class PgDatabase final : public ManagedDatabase {
public:
    PgDatabase(std::vector<std::unique_ptr<PgConn>> conns, const core::ports::FieldCipher& cipher,
               const core::ports::Crypto& crypto)
        : conns_(std::move(conns)), cipher_(cipher), crypto_(crypto) {
        for (auto& c : conns_) pool_.Add(c.get());
    }

    core::Status Read(const core::ports::Scope& scope,
                      const std::function<core::Status(core::ports::Tx&)>& fn) override {
        return Run(BeginScoped("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", scope), fn);
    }

    core::Status Write(const core::ports::Scope& scope,
                       const std::function<core::Status(core::ports::Tx&)>& fn) override {
        return Run(BeginScoped("BEGIN ISOLATION LEVEL READ COMMITTED", scope), fn);
    }

    core::Status Ping() override {
        return Read(core::ports::Scope::System(), [](core::ports::Tx& tx) -> core::Status {
            LX_CHECK(tx.Orgs().CountAll());
            return core::Ok();
        });
    }

    core::Result<int> Migrate(std::int64_t now) override {
        Lease lease(*this);
        LX_CHECK(lease.Ready());
        // One migrator at a time across processes.
        LX_CHECK(lease.conn->ExecScript("SELECT pg_advisory_lock(7301)"));
        // Migrations are not done for an actor: the system scope (row-level security, 0021).
        auto ran = ApplyMigrations(*lease.conn, PostgresMigrations(), now,
                                   BeginScoped("BEGIN", core::ports::Scope::System()));
        (void)lease.conn->ExecScript("SELECT pg_advisory_unlock(7301)");
        return ran;
    }

    core::Result<MigrationState> Migrations() override {
        Lease lease(*this);
        LX_CHECK(lease.Ready());
        return InspectMigrations(*lease.conn, PostgresMigrations());
    }

    std::string Engine() const override { return "postgresql"; }

    // Raw SQL is the operator's (tests, fault injection, `check`): it runs in the system scope, set on the
    // session and reset after, so that the append-only triggers, not the policies, answer a tampering test.
    core::Result<SqlRows> RawQuery(const std::string& sql) override {
        Lease lease(*this);
        LX_CHECK(lease.Ready());
        LX_CHECK(lease.conn->ExecScript(kSystemSession));
        auto rows = lease.conn->Query(sql, {});
        (void)lease.conn->ExecScript("RESET lianxin.scope");
        return rows;
    }

    core::Status RawScript(const std::string& sql) override {
        Lease lease(*this);
        LX_CHECK(lease.Ready());
        LX_CHECK(lease.conn->ExecScript(kSystemSession));
        auto st = lease.conn->ExecScript(sql);
        (void)lease.conn->ExecScript("RESET lianxin.scope");
        return st;
    }

private:
    static constexpr const char* kSystemSession = "SET lianxin.scope = '*'";

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

    core::Status Run(const std::string& begin, const std::function<core::Status(core::ports::Tx&)>& fn) {
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
