// Opening a database from a URL: "sqlite:path/to/file.db" (or a plain path), "sqlite::memory:", or a
// PostgreSQL URI "postgresql://..." / key=value conninfo "postgres:host=... dbname=...". The returned
// Database runs the repositories of storage/sql on the chosen engine.
#pragma once

#include <memory>
#include <string>

#include "core/ports/crypto.hpp"
#include "core/ports/repositories.hpp"
#include "storage/sql/migrations.hpp"

namespace lianxin::storage {

struct DatabaseOptions {
    std::string url;
    int pool_size = 4;  // reader connections (SQLite) or connections (PostgreSQL)
    int busy_timeout_ms = 5000;
    std::string sqlite_synchronous = "FULL";
    // Page cache of the SQLite writer connection. Inserts into random-key indexes (the blind indexes)
    // spill dirty pages to the WAL again and again when the cache is small; bulk loads (gen) ask for
    // 512 MiB. Serving writes small transactions, where 16 MiB holds the hot pages.
    int sqlite_writer_cache_mb = 16;
};

// A Database that can also migrate itself and report its engine.
class ManagedDatabase : public core::ports::Database {
public:
    virtual core::Result<int> Migrate(std::int64_t now_millis) = 0;
    virtual core::Result<MigrationState> Migrations() = 0;
    virtual std::string Engine() const = 0;  // "sqlite" or "postgresql"
    // Runs raw SQL with no parameters on a write connection (tests, fault injection, `check`), as the operator:
    // in the system scope on PostgreSQL (row-level security lets it see every row).
    virtual core::Result<SqlRows> RawQuery(const std::string& sql) = 0;
    // Runs several statements without parameters (tests: resetting a schema, simulating tampering).
    virtual core::Status RawScript(const std::string& sql) = 0;
};

core::Result<std::unique_ptr<ManagedDatabase>> OpenDatabase(const DatabaseOptions& opt,
                                                            const core::ports::FieldCipher& cipher,
                                                            const core::ports::Crypto& crypto);

bool IsPostgresUrl(const std::string& url);

// A bulk load into an empty database (gen): the member indexes whose keys arrive in random order (name, the
// phone blind index) are dropped first and built once at the end, which is much faster than a million random
// inserts. End always rebuilds them (call it after a failed load too); both are idempotent.
core::Status BeginBulkMemberLoad(ManagedDatabase& db);
core::Status EndBulkMemberLoad(ManagedDatabase& db);

// `lianxin backup` on SQLite: a consistent copy of the live database into the new file `path` (VACUUM INTO;
// never copy the file of a live database).
core::Status SqliteBackupInto(ManagedDatabase& db, const std::string& path);

// `lianxin check` on SQLite: PRAGMA integrity_check answers "ok" and foreign_key_check finds nothing.
struct SqliteCheck {
    bool intact = false;
    bool foreign_keys_ok = false;
};
SqliteCheck CheckSqlite(ManagedDatabase& db);

}  // namespace lianxin::storage
