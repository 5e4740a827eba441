#include "storage/sql/migrations.hpp"

#include <set>

namespace lianxin::storage {

static core::Status EnsureTable(SqlConn& conn) {
    return conn.ExecScript(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)");
}

static core::Result<std::set<std::string>> AppliedNames(SqlConn& conn, bool create) {
    if (create) LX_CHECK(EnsureTable(conn));
    auto read = conn.Query("SELECT name FROM schema_migrations");
    // A database never migrated has no table yet: nothing is applied.
    if (!read && !create) return std::set<std::string>{};
    LX_ASSIGN(rows, std::move(read));
    std::set<std::string> names;
    for (std::size_t r = 0; r < rows.size(); ++r) names.insert(rows.Row(r).Text("name"));
    return names;
}

core::Result<int> ApplyMigrations(SqlConn& conn, const std::vector<Migration>& list, std::int64_t now,
                                  const std::string& begin) {
    LX_ASSIGN(applied, AppliedNames(conn, true));
    int ran = 0;
    for (const auto& m : list) {
        if (applied.count(m.name)) continue;
        LX_CHECK(conn.ExecScript(begin));
        auto st = conn.ExecScript(m.sql);
        if (st) {
            auto ins = conn.Exec("INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)",
                                 {std::string(m.name), now});
            if (!ins) st = core::Fail(ins.error());
        }
        if (!st) {
            (void)conn.ExecScript("ROLLBACK");
            auto e = st.error();
            e.detail = std::string("migration ") + m.name + ": " + e.detail;
            return core::Fail(e);
        }
        LX_CHECK(conn.ExecScript("COMMIT"));
        ++ran;
    }
    return ran;
}

core::Result<MigrationState> InspectMigrations(SqlConn& conn, const std::vector<Migration>& list) {
    LX_ASSIGN(applied, AppliedNames(conn, false));
    MigrationState st;
    st.known = static_cast<int>(list.size());
    std::set<std::string> known;
    for (const auto& m : list) {
        known.insert(m.name);
        if (applied.count(m.name)) ++st.applied;
    }
    for (const auto& a : applied)
        if (!known.count(a)) st.newer_than_binary = true;
    return st;
}

}  // namespace lianxin::storage
