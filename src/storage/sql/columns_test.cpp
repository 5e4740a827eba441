// Issue 16, "each shape once": statements are made from one column list per record, bound and read by name.
#include "storage/sql/columns.hpp"

#include <gtest/gtest.h>

namespace lianxin::storage {
namespace {

constexpr std::string_view kNames[] = {"id", "name", "created_at", "version"};
constexpr Columns kThing{"things", kNames};

TEST(Columns, SelectListsEveryColumnOnceAndAliasesAJoin) {
    EXPECT_EQ(kThing.Select(), "id, name, created_at, version");
    EXPECT_EQ(kThing.Select("t"), "t.id AS id, t.name AS name, t.created_at AS created_at, t.version AS version");
}

TEST(Columns, InsertAndUpdateNameTheColumnsSetWithTheirPlaceholders) {
    SqlValues v(kThing);
    v.Set("name", std::string("x")).Set("created_at", std::int64_t{7});
    EXPECT_EQ(v.Insert(), "INSERT INTO things (name, created_at) VALUES ($1, $2)");
    EXPECT_EQ(v.Update(), "UPDATE things SET name = $1, created_at = $2");
    EXPECT_EQ(v.Param(std::int64_t{3}), "$3");
    ASSERT_EQ(v.Params().size(), 3u);
    EXPECT_EQ(std::get<std::string>(v.Params()[0]), "x");
    EXPECT_EQ(std::get<std::int64_t>(v.Params()[2]), 3);
}

TEST(Columns, RowsAreReadByTheNamesOfTheResult) {
    SqlRows rows;
    rows.names = {"id", "created_at"};
    rows.cells = {{std::string("4"), std::nullopt}};
    const SqlRow row = rows.Row(0);
    EXPECT_EQ(row.Int("id"), 4);
    EXPECT_TRUE(row.IsNull("created_at"));
    EXPECT_EQ(row.Int("created_at"), 0);
}

// A misspelt name is a programming error: it stops the test run with the name, not a silent 0.
TEST(ColumnsDeathTest, AnUnknownNameAborts) {
    SqlRows rows;
    rows.names = {"id"};
    rows.cells = {{std::string("1")}};
    EXPECT_DEATH(rows.Row(0).Int("created"), "no column \"created\"");
    SqlValues v(kThing);
    EXPECT_DEATH(v.Set("nmae", std::string("x")), "no column \"nmae\" of table things");
    v.Set("name", std::string("x"));
    EXPECT_DEATH(v.Set("name", std::string("y")), "value set twice for column \"name\"");
}

}  // namespace
}  // namespace lianxin::storage
