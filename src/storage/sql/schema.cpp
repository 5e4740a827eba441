#include "storage/sql/schema.hpp"

#include <algorithm>
#include <cctype>

namespace lianxin::storage {

namespace {
std::string Lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool Has(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

// SQLite's affinity rules (https://sqlite.org/datatype3.html §3.1), in their order.
std::string SqliteFamily(const std::string& declared) {
    const std::string t = Lower(declared);
    if (Has(t, "int")) return "integer";
    if (Has(t, "char") || Has(t, "clob") || Has(t, "text")) return "text";
    if (t.empty() || Has(t, "blob")) return "blob";
    if (Has(t, "real") || Has(t, "floa") || Has(t, "doub")) return "real";
    return t;
}

std::string PostgresFamily(const std::string& data_type) {
    const std::string t = Lower(data_type);
    if (t == "smallint" || t == "integer" || t == "bigint" || t == "boolean") return "integer";
    if (t == "text" || Has(t, "character")) return "text";
    if (t == "real" || t == "double precision" || t == "numeric") return "real";
    if (t == "bytea") return "blob";
    return t;
}

struct Queries {
    const char* columns;  // table_name, column_name, type, in declaration order
    const char* indexes;  // index_name
};

const Queries kSqlite{
    "SELECT m.name AS table_name, p.name AS column_name, p.type AS type FROM sqlite_master m, "
    "pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid",
    "SELECT name AS index_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
};

const Queries kPostgres{
    "SELECT c.table_name AS table_name, c.column_name AS column_name, c.data_type AS type FROM "
    "information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND "
    "t.table_name = c.table_name WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
    "ORDER BY c.table_name, c.ordinal_position",
    "SELECT indexname AS index_name FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT IN "
    "(SELECT conname FROM pg_constraint WHERE connamespace = current_schema()::regnamespace)",
};
}  // namespace

core::Result<SchemaShape> DescribeSchema(ManagedDatabase& db) {
    const bool pg = db.Engine() == "postgresql";
    const Queries& q = pg ? kPostgres : kSqlite;
    SchemaShape shape;
    LX_ASSIGN(cols, db.RawQuery(q.columns));
    for (std::size_t r = 0; r < cols.size(); ++r) {
        const SqlRow row = cols.Row(r);
        const std::string& type = row.Text("type");
        shape.tables[row.Text("table_name")].push_back(
            {row.Text("column_name"), pg ? PostgresFamily(type) : SqliteFamily(type)});
    }
    LX_ASSIGN(idx, db.RawQuery(q.indexes));
    for (std::size_t r = 0; r < idx.size(); ++r) shape.indexes.insert(idx.Row(r).Text("index_name"));
    return shape;
}

}  // namespace lianxin::storage
