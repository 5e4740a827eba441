#include "core/common/csv.hpp"

#include <gtest/gtest.h>

namespace lianxin::core {

namespace {
using Row = std::vector<std::string>;
}

TEST(CsvParse, SplitsFieldsAndLines) {
    EXPECT_EQ(ParseCsv("a,b,c\n1,2,3\n"), (SheetRows{{"a", "b", "c"}, {"1", "2", "3"}}));
    EXPECT_EQ(ParseCsv("a,,c,"), (SheetRows{{"a", "", "c", ""}}));
    EXPECT_EQ(ParseCsv(","), (SheetRows{{"", ""}}));
}

TEST(CsvParse, AcceptsCrLfLfAndCrLineEnds) {
    SheetRows want{{"a", "b"}, {"c"}, {"d"}, {"e"}};
    EXPECT_EQ(ParseCsv("a,b\r\nc\nd\re\r\n"), want);
    EXPECT_EQ(ParseCsv("a,b\r\nc\r\nd\r\ne"), want);
}

TEST(CsvParse, QuotedFieldsHoldQuotesCommasAndLineEnds) {
    EXPECT_EQ(ParseCsv("\"a,b\",\"say \"\"hi\"\"\"\n"), (SheetRows{{"a,b", "say \"hi\""}}));
    EXPECT_EQ(ParseCsv("\"line1\r\nline2\",x\r\ny\r\n"), (SheetRows{{"line1\r\nline2", "x"}, {"y"}}));
    EXPECT_EQ(ParseCsv("\"\",\"\"\n"), (SheetRows{{"", ""}}));
}

TEST(CsvParse, IsLenientLikeExcel) {
    // A quote inside an unquoted field is text; text after a closing quote is appended; an unterminated quote
    // runs to the end of the text.
    EXPECT_EQ(ParseCsv("5\"7,x\n"), (SheetRows{{"5\"7", "x"}}));
    EXPECT_EQ(ParseCsv("\"ab\"cd,x\n"), (SheetRows{{"abcd", "x"}}));
    EXPECT_EQ(ParseCsv("a,\"open\nrest"), (SheetRows{{"a", "open\nrest"}}));
}

TEST(CsvParse, DropsLeadingBomOnly) {
    EXPECT_EQ(ParseCsv("\xEF\xBB\xBF姓名,性别\r\n张三,男\r\n"), (SheetRows{{"姓名", "性别"}, {"张三", "男"}}));
    EXPECT_EQ(ParseCsv("a\n\xEF\xBB\xBF"), (SheetRows{{"a"}, {"\xEF\xBB\xBF"}}));
}

TEST(CsvParse, TrailingLineEndAddsNoRow) {
    EXPECT_EQ(ParseCsv("a\n").size(), 1u);
    EXPECT_EQ(ParseCsv("a\r\n").size(), 1u);
    EXPECT_EQ(ParseCsv("a").size(), 1u);
    EXPECT_TRUE(ParseCsv("").empty());
    EXPECT_TRUE(ParseCsv("\xEF\xBB\xBF").empty());
}

TEST(CsvParse, EmptyLinesAreRowsWithZeroCellsSoIndexesMatchLines) {
    // Row index i = line i + 1: line 1 title, line 2 empty, line 3 header, line 4 only "" (one empty cell).
    auto rows = ParseCsv("title\r\n\r\nname,sex\r\n\"\"\r\n\r\n");
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0], Row{"title"});
    EXPECT_TRUE(rows[1].empty());
    EXPECT_EQ(rows[2], (Row{"name", "sex"}));
    EXPECT_EQ(rows[3], Row{""});
    EXPECT_TRUE(rows[4].empty());
    EXPECT_EQ(ParseCsv("\n\n").size(), 2u);
}

// security.md C5: each of OWASP's six formula prefixes gets a leading apostrophe.
TEST(CsvNeutralize, PrefixesEachFormulaStart) {
    EXPECT_EQ(NeutralizeFormula("=1+1"), "'=1+1");
    EXPECT_EQ(NeutralizeFormula("+86 138"), "'+86 138");
    EXPECT_EQ(NeutralizeFormula("-2+3"), "'-2+3");
    EXPECT_EQ(NeutralizeFormula("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(NeutralizeFormula("\t=cmd"), "'\t=cmd");
    EXPECT_EQ(NeutralizeFormula("\r=cmd"), "'\r=cmd");
}

TEST(CsvNeutralize, LeavesOtherCellsAlone) {
    EXPECT_EQ(NeutralizeFormula(""), "");
    EXPECT_EQ(NeutralizeFormula("张三"), "张三");
    EXPECT_EQ(NeutralizeFormula("13800001234"), "13800001234");
    EXPECT_EQ(NeutralizeFormula("a=b"), "a=b");
    EXPECT_EQ(NeutralizeFormula(" =1"), " =1");
    EXPECT_EQ(NeutralizeFormula("'=1"), "'=1");
    EXPECT_EQ(NeutralizeFormula("\n=1"), "\n=1");
}

TEST(CsvWrite, StartsWithBomAndEndsRowsWithCrLf) {
    EXPECT_EQ(WriteCsv({{"a", "b"}, {"c"}}),
              "\xEF\xBB\xBF"
              "a,b\r\nc\r\n");
    EXPECT_EQ(WriteCsv({}), "\xEF\xBB\xBF");
}

TEST(CsvWrite, QuotesOnlyWhenNeeded) {
    EXPECT_EQ(WriteCsv({{"a,b", "say \"hi\"", "x\ny", "x\ry", "plain 张三"}}),
              "\xEF\xBB\xBF\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",\"x\ry\",plain 张三\r\n");
    // An empty row stays empty; a row of one empty cell is written as "".
    EXPECT_EQ(WriteCsv({{}, {""}, {"", ""}}), "\xEF\xBB\xBF\r\n\"\"\r\n,\r\n");
}

// security.md C5: every cell written to a CSV is neutralized, including the six prefixes.
TEST(CsvWrite, NeutralizesEveryCell) {
    SheetRows rows{{"=1+1", "+1", "-1", "@A1", "\tx", "\rx", "ok"}};
    EXPECT_EQ(WriteCsv(rows), "\xEF\xBB\xBF'=1+1,'+1,'-1,'@A1,'\tx,\"'\rx\",ok\r\n");
    EXPECT_EQ(WriteCsv({{"=HYPERLINK(\"http://x\",\"y\")"}}),
              "\xEF\xBB\xBF\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
}

TEST(CsvRoundTrip, ParseOfWriteGivesTheRowsBack) {
    SheetRows rows{{"姓名", "性别", "备注"},
                   {"张三", "男", "line1\r\nline2"},
                   {},
                   {""},
                   {"", "", ""},
                   {"a,b", "\"quoted\"", "13800001234"},
                   {"trailing", ""}};
    EXPECT_EQ(ParseCsv(WriteCsv(rows)), rows);
    // Formula cells come back neutralized.
    EXPECT_EQ(ParseCsv(WriteCsv({{"=1+1", "-5"}})), (SheetRows{{"'=1+1", "'-5"}}));
}

}  // namespace lianxin::core
