// The shape of a migrated schema, read from the engine's own catalogue (sqlite_master and pragma_table_info;
// information_schema and pg_indexes on PostgreSQL): its tables, their columns with a coarse type family, and
// the indexes created by name. The schema-equality test (storage/testing/schema_test.cpp) compares the two
// engines' shapes, so that a column added to one engine's migrations only fails the build's tests.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace lianxin::storage {

struct SchemaColumn {
    std::string name;
    // "integer" (SQLite INTEGER/INT…, PostgreSQL smallint/integer/bigint/boolean — SQLite keeps booleans as
    // 0/1 integers), "text" (TEXT/CHAR…; text, varchar, char), "real" (REAL/FLOAT/DOUBLE; real, double
    // precision, numeric), "blob" (BLOB; bytea); anything else is kept as the engine's own type name.
    std::string family;
    bool operator==(const SchemaColumn&) const = default;
};

struct SchemaShape {
    std::map<std::string, std::vector<SchemaColumn>> tables;  // columns in declaration order
    // Indexes created by name (CREATE INDEX); not those an engine makes for a primary key or UNIQUE constraint.
    std::set<std::string> indexes;
};

core::Result<SchemaShape> DescribeSchema(ManagedDatabase& db);

}  // namespace lianxin::storage
