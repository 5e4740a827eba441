#include "core/member/export_sheet.hpp"

#include <gtest/gtest.h>

#include "core/member/import_sheet.hpp"

namespace lianxin::core::member {
namespace {

ExportedMember Sample() {
    ExportedMember e;
    e.member.name = "张三";
    e.member.id_number = "110101198503020016";
    e.member.phone = "13800001234";
    e.member.address = "厦门市海沧区嵩屿街道海发社区1号";
    e.member.birth_date = *Date::Parse("1985-03-02");
    e.member.join_date = Date::Parse("2008-07-01");
    e.member.conversion_date = Date::Parse("2009-07-01");
    e.member.skills = {"电工", "书法"};
    e.member.work_unit = "=HYPERLINK(\"http://x\")";  // neutralized by the writer, not here
    e.org_name = "绿苑小区党支部";
    return e;
}

TEST(ExportSheet, MaskedByDefaultWithAWatermark) {
    // security.md D3: the default export is masked and watermarked with user, time and org; domain.md §11 masks.
    ExportWatermark w{"王书记", "2026-11-23 10:05", "海发社区党委", false};
    auto rows = MemberSheet({Sample()}, w, *Date::Parse("2026-11-23"));
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_NE(rows[0][0].find("导出人：王书记"), std::string::npos);
    EXPECT_NE(rows[0][0].find("脱敏导出"), std::string::npos);
    EXPECT_NE(rows[0][0].find("共 1 人"), std::string::npos);
    const auto& r = rows[2];
    EXPECT_EQ(r[4], "11*************016");
    EXPECT_EQ(r[5], "138****1234");
    EXPECT_EQ(r[14].find("1号"), std::string::npos);
    EXPECT_EQ(r[11], "17");  // party age from the conversion date
    EXPECT_EQ(r[15], "电工、书法");
    for (const auto& row : rows)
        for (const auto& cell : row) EXPECT_EQ(cell.find("110101198503020016"), std::string::npos);
}

TEST(ExportSheet, FullExportAndHeadersTheImportReadsBack) {
    ExportWatermark w{"王书记", "2026-11-23 10:05", "海发社区党委", true};
    auto rows = MemberSheet({Sample()}, w, *Date::Parse("2026-11-23"));
    EXPECT_EQ(rows[2][4], "110101198503020016");
    EXPECT_EQ(rows[2][5], "13800001234");
    EXPECT_NE(rows[0][0].find("完整信息导出"), std::string::npos);
    // The header row is the second row: the import finds it below the watermark.
    auto layout = FindLayout(rows);
    ASSERT_TRUE(layout);
    EXPECT_EQ(layout->header_row, 1u);
    EXPECT_EQ(layout->ignored, (std::vector<std::string>{"党龄", "党籍状态"}));
}

}  // namespace
}  // namespace lianxin::core::member
