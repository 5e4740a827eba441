// Numbered schema migrations, one list per engine (the DDL differs: identity columns, STRICT, types).
// The .sql files under storage/<engine>/migrations are embedded into the binary at build time.
#pragma once

#include <string>
#include <vector>

#include "core/common/result.hpp"
#include "storage/sql/sql_conn.hpp"

namespace lianxin::storage {

struct Migration {
    const char* name;  // "0001_foundation"
    const char* sql;
};

const std::vector<Migration>& SqliteMigrations();
const std::vector<Migration>& PostgresMigrations();

struct MigrationState {
    int applied = 0;  // how many of the known migrations are applied
    int known = 0;
    bool newer_than_binary = false;  // the database has migrations this binary does not know
};

// Applies the missing migrations in order, each in its own transaction opened by `begin` (PostgreSQL adds the
// system scope, so that a migration touching rows sees them all under row-level security); returns how many ran.
core::Result<int> ApplyMigrations(SqlConn& conn, const std::vector<Migration>& list, std::int64_t now_millis,
                                  const std::string& begin = "BEGIN");
// Reads which migrations are applied without creating anything (the PostgreSQL app role may not run DDL).
core::Result<MigrationState> InspectMigrations(SqlConn& conn, const std::vector<Migration>& list);

}  // namespace lianxin::storage
