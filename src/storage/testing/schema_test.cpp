// Issue 16, "each shape once": the SQLite and the PostgreSQL migrations give the same tables, the same columns
// (by name and coarse type family, see storage/sql/schema.hpp for the mapping) and the same named indexes. A
// column or index added to one engine's migrations only fails here. It runs when LIANXIN_TEST_PG names a
// database (scripts/pg); without one it is skipped.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include "storage/sql/schema.hpp"
#include "storage/sql/sql_repos.hpp"
#include "storage/testing/conformance.hpp"
#include "storage/testing/test_db.hpp"

namespace lianxin::storage::testing {
namespace {

// The one documented difference (migration 0028, issue 17 "an R-tree (SQLite R*Tree / a GiST index … on
// PostgreSQL)"): the spatial index of grid boxes is SQLite's R*Tree virtual table grid_boxes (with the shadow
// tables SQLite keeps for it) and, on PostgreSQL, the GiST index grid_versions_box over the same columns.
bool SqliteOnlyTable(const std::string& t) { return t.rfind("grid_boxes", 0) == 0; }
bool PostgresOnlyIndex(const std::string& i) { return i == "grid_versions_box"; }

std::string ColumnText(std::vector<SchemaColumn> cols) {
    std::sort(cols.begin(), cols.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    std::string out;
    for (const auto& c : cols) out += c.name + ":" + c.family + " ";
    return out;
}

TEST(SchemaConformance, sqlite_and_postgres_migrations_give_the_same_schema) {
    const char* pg = std::getenv("LIANXIN_TEST_PG");
    if (!pg || !*pg) GTEST_SKIP() << "LIANXIN_TEST_PG is not set (run under scripts/pg)";
    auto lite_db = OpenTestDb("sqlite");
    auto pg_db = OpenTestDb("postgres");
    auto lite = DescribeSchema(*lite_db->db);
    auto post = DescribeSchema(*pg_db->db);
    ASSERT_TRUE(lite) << lite.error().detail;
    ASSERT_TRUE(post) << post.error().detail;
    ASSERT_GT(lite->tables.size(), 20u);  // the catalogue query found the migrated tables
    // The exception is there on each side, so that it cannot hide something else.
    EXPECT_TRUE(lite->tables.count("grid_boxes"));
    EXPECT_TRUE(post->indexes.count("grid_versions_box"));

    for (const auto& [table, cols] : lite->tables) {
        if (SqliteOnlyTable(table)) continue;
        auto it = post->tables.find(table);
        if (it == post->tables.end()) {
            ADD_FAILURE() << "table " << table << " is in the SQLite migrations only";
            continue;
        }
        EXPECT_EQ(ColumnText(cols), ColumnText(it->second))
            << "columns of table " << table << " (SQLite, then PostgreSQL)";
    }
    for (const auto& [table, cols] : post->tables)
        EXPECT_TRUE(lite->tables.count(table)) << "table " << table << " is in the PostgreSQL migrations only";

    for (const auto& name : lite->indexes)
        EXPECT_TRUE(post->indexes.count(name)) << "index " << name << " is in the SQLite migrations only";
    for (const auto& name : post->indexes) {
        if (PostgresOnlyIndex(name)) continue;
        EXPECT_TRUE(lite->indexes.count(name)) << "index " << name << " is in the PostgreSQL migrations only";
    }
}

// Issue 16, "each shape once": the member, org and lost-contact search rows are read and written through one
// column list each (storage/sql/columns.hpp; lost_contact_repo.cpp was the last repo read by position). A column a
// migration adds to the table must be in the list, else the new field would be neither read nor written; a name in the
// list that the table lacks fails every SELECT.
TEST_P(Conformance, TheColumnListsNameEveryColumnOfTheirTables) {
    auto shape = DescribeSchema(*t_->db);
    ASSERT_TRUE(shape) << shape.error().detail;
    for (const Columns* cols : {&MemberColumns(), &OrgColumns(), &LostContactColumns(), &Open311KeyColumns()}) {
        const auto& table = shape->tables[std::string(cols->table())];
        ASSERT_FALSE(table.empty()) << cols->table();
        std::vector<std::string> listed, stored;
        for (auto n : cols->names()) listed.emplace_back(n);
        for (const auto& c : table) stored.push_back(c.name);
        std::sort(listed.begin(), listed.end());
        std::sort(stored.begin(), stored.end());
        EXPECT_EQ(listed, stored) << "the column list of " << cols->table() << " and its table";
    }
}

}  // namespace
}  // namespace lianxin::storage::testing
