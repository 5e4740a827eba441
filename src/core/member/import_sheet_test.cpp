#include "core/member/import_sheet.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::member {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

TEST(ImportSheet, HeaderRowFoundBelowMergedTitleRows) {
    // A merged title cell spans the first row (its text sits in A1, the rest is empty), a date line follows.
    SheetCells cells{{"XX社区党委党员花名册", "", "", ""},
                     {"填报日期：2026年11月", "", "", ""},
                     {"序号", "姓 名", "身份证号码", "入党时间", "联系电话（手机）", "备注"},
                     {"1", "张三", "110101198503020016", "2008-07-01", "13800001234", ""}};
    auto layout = FindLayout(cells);
    ASSERT_TRUE(layout) << layout.error().message_key;
    EXPECT_EQ(layout->header_row, 2u);
    ASSERT_NE(layout->Find("phone"), nullptr);
    EXPECT_EQ(layout->Find("phone")->index, 4u);
    EXPECT_EQ(layout->Find("name")->header, "姓 名");
    EXPECT_EQ(layout->ignored, std::vector<std::string>{"备注"});  // 序号 is expected and not listed
}

TEST(ImportSheet, SynonymsOfTheNationalCollectionSheet) {
    // domain.md §11.1: the national sheet says 加入党组织日期 and 转为正式党员日期; offices also write 入党时间.
    EXPECT_EQ(FieldOfHeader("公民身份号码"), "id_number");
    EXPECT_EQ(FieldOfHeader("*身份证号"), "id_number");
    EXPECT_EQ(FieldOfHeader("加入党组织日期"), "join_date");
    EXPECT_EQ(FieldOfHeader("转为正式党员日期"), "conversion_date");
    EXPECT_EQ(FieldOfHeader("所在党支部"), "org");
    EXPECT_EQ(FieldOfHeader("文化程度"), "education");
    EXPECT_EQ(FieldOfHeader("备注"), "");
    EXPECT_EQ(TemplateHeaders().front(), "姓名");
    EXPECT_EQ(ColumnName("id_number"), "公民身份号码");
}

TEST(ImportSheet, MissingRequiredColumnIsNamed) {
    SheetCells cells{{"姓名", "性别", "民族", "入党日期"}};
    auto layout = FindLayout(cells);
    ASSERT_FALSE(layout);
    EXPECT_EQ(layout.error().message_key, "import.missing_column");
    EXPECT_EQ(layout.error().params.at("column"), "公民身份号码");
}

TEST(ImportSheet, DuplicateColumnAndNoHeader) {
    auto dup = FindLayout({{"姓名", "身份证号", "公民身份号码", "入党日期"}});
    ASSERT_FALSE(dup);
    EXPECT_EQ(dup.error().message_key, "import.duplicate_column");
    EXPECT_EQ(dup.error().params.at("column"), "公民身份号码");
    auto none = FindLayout({{"a", "b"}, {"1", "2"}});
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().message_key, "import.no_header");
}

TEST(ImportSheet, NormalizesFullWidthAndTrailingSpaces) {
    EXPECT_EQ(NormalizeCell("１３８００００１２３４ "), "13800001234");
    EXPECT_EQ(NormalizeCell("\xE3\x80\x80张三\xC2\xA0"), "张三");  // ideographic and no-break spaces
    EXPECT_EQ(NormalizeCell("ＡＢｘ（１）"), "ABx(1)");
    EXPECT_EQ(NormalizeCell("  \t"), "");
}

TEST(ImportSheet, DatesAsOfficesTypeThem) {
    for (const char* s : {"1985-03-02", "1985-3-2", "1985/3/2", "1985.03.02", "1985年3月2日", "1985年03月02",
                          "19850302", "31108", "31108.0", "１９８５－０３－０２"})
        EXPECT_EQ(ParseSheetDate(s), D("1985-03-02")) << s;
    for (const char* s : {"", "1985-02-30", "1985.3", "二〇〇一年", "99999999", "12", "abc"})
        EXPECT_EQ(ParseSheetDate(s), std::nullopt) << s;
}

TEST(ImportSheet, BlankRows) {
    EXPECT_TRUE(IsBlankRow({}));
    EXPECT_TRUE(IsBlankRow({" ", "\xE3\x80\x80"}));
    EXPECT_FALSE(IsBlankRow({"", "x"}));
}

}  // namespace
}  // namespace lianxin::core::member
