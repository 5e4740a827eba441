// Issue 16, "each shape once": statements are made from one column list per record, bound and read by name.
#include "storage/sql/columns.hpp"

#include <gtest/gtest.h>

#include "storage/sql/sql_repos.hpp"

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

// "Decrypts" a ciphertext "enc:X" to X and refuses anything else, as a cipher refuses a forged one.
class PrefixCipher final : public core::ports::FieldCipher {
public:
    std::string Encrypt(std::string_view p) const override { return "enc:" + std::string(p); }
    core::Result<std::string> Decrypt(std::string_view c) const override {
        if (!c.starts_with("enc:")) return core::Fail(core::Error{});
        return std::string(c.substr(4));
    }
    std::string BlindIndex(std::string_view) const override { return {}; }
    std::string AuditRowMac(std::string_view) const override { return {}; }
    std::string AuditCheckpointMac(std::string_view) const override { return {}; }
};

SqlRows PersonRows(std::optional<std::string> phone) {
    SqlRows rows;
    rows.names = {"name", "sex", "ethnicity", "birth_date", "id_number_enc", "phone_enc"};
    rows.cells = {{std::string("李华"), std::string("female"), std::string("汉族"), std::string("1990-02-03"),
                   std::string("enc:110101199002030027"), std::move(phone)}};
    return rows;
}

// Issue 16 review ("duplicated row reading"): a member row and a development case row read their person
// columns through one helper, the same for both records.
TEST(Columns, APersonIsReadTheSameIntoAMemberAndADevelopmentCase) {
    const PrefixCipher cipher;
    const SqlRows rows = PersonRows(std::nullopt);
    core::member::Member m;
    core::ports::DevelopmentRecord c;
    ASSERT_TRUE(ReadPerson(rows.Row(0), cipher, m));
    ASSERT_TRUE(ReadPerson(rows.Row(0), cipher, c));
    for (auto [name, sex, ethnicity, birth, id, phone] :
         {std::tuple{m.name, m.sex, m.ethnicity, m.birth_date, m.id_number, m.phone},
          std::tuple{c.name, c.sex, c.ethnicity, c.birth_date, c.id_number, c.phone}}) {
        EXPECT_EQ(name, "李华");
        EXPECT_EQ(sex, core::member::Sex::kFemale);
        EXPECT_EQ(ethnicity, "汉族");
        EXPECT_EQ(birth.ToString(), "1990-02-03");
        EXPECT_EQ(id, "110101199002030027");
        EXPECT_EQ(phone, "");  // null = not given
    }
    EXPECT_FALSE(ReadPerson(PersonRows("forged").Row(0), cipher, m));  // a ciphertext that does not authenticate
}

TEST(Columns, AListColumnRoundTripsAndDropsEmptyParts) {
    EXPECT_EQ(Joined({"a1", "b2", "c3"}), "a1,b2,c3");
    EXPECT_EQ(Split(Joined({"a1", "b2"})), (std::vector<std::string>{"a1", "b2"}));
    EXPECT_EQ(Split(",a1,,b2,"), (std::vector<std::string>{"a1", "b2"}));
    EXPECT_TRUE(Split("").empty());
}

}  // namespace
}  // namespace lianxin::storage
