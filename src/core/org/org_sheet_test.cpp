#include "core/org/org_sheet.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::org {
namespace {

using member::SheetCells;

// The org rolls offices keep: a title row above the header, everyday names for the columns and the types.
TEST(OrgSheet, FindsTheHeaderBelowTitleRowsAndReadsTypesAsOfficesWriteThem) {
    const SheetCells cells{
        {"海发社区党组织设置情况表"},
        {"序号", "党组织名称", "组织类型", "上级组织", "成立时间", "批准文号", "备注"},
        {"1", "海发社区第一党总支", "党总支", "", "2019年3月1日", "海嵩党工〔2019〕3号", ""},
        {"2", "  绿苑小区党支部　", "支部", "海发社区第一党总支", "43525", "", ""},
        {"3", "海发社区流动党员党支部", "功能型党支部", "", "", "", ""},
    };
    auto layout = FindOrgLayout(cells);
    ASSERT_TRUE(layout) << layout.error().message_key;
    EXPECT_EQ(layout->header_row, 1u);
    EXPECT_EQ(layout->ignored, std::vector<std::string>{"备注"});
    const auto today = *Date::Parse("2026-12-03");
    auto a = ReadOrgRow(*layout, cells[2], 3, today);
    EXPECT_TRUE(a.errors.empty());
    EXPECT_EQ(a.type, OrgType::kGeneralBranch);
    EXPECT_EQ(a.founded->ToString(), "2019-03-01");
    EXPECT_EQ(a.approval_doc, "海嵩党工〔2019〕3号");
    auto b = ReadOrgRow(*layout, cells[3], 4, today);
    EXPECT_EQ(b.name, "绿苑小区党支部");
    EXPECT_EQ(b.type, OrgType::kBranch);
    EXPECT_EQ(b.parent_name, "海发社区第一党总支");
    EXPECT_EQ(b.founded->ToString(), "2019-03-01");  // the Excel serial 43525
    EXPECT_EQ(ReadOrgRow(*layout, cells[4], 5, today).type, OrgType::kFunctionalBranch);
}

TEST(OrgSheet, EachProblemOfARowNamesItsField) {
    const SheetCells cells{{"组织名称", "组织类别", "成立日期", "所在小区"}, {"", "党小组", "2027-01-01", "绿苑"}};
    auto layout = FindOrgLayout(cells);
    ASSERT_TRUE(layout);
    auto r = ReadOrgRow(*layout, cells[1], 2, *Date::Parse("2026-12-03"));
    std::vector<std::string> fields;
    for (const auto& f : r.errors) fields.push_back(f.field + ":" + f.message_key);
    // 党小组 is not a party organization (domain.md §1.1): it cannot be imported as an org.
    EXPECT_EQ(fields, (std::vector<std::string>{"name:import.required", "type:import.org.type_unknown",
                                                "founded:date.future"}));
}

TEST(OrgSheet, TheHeaderNeedsNameAndType) {
    auto missing = FindOrgLayout({{"组织名称", "上级党组织", "简称"}});
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().message_key, "import.missing_column");
    EXPECT_EQ(missing.error().params.at("column"), "组织类别");
    EXPECT_EQ(OrgTemplateHeaders().front(), "组织名称");
}

}  // namespace
}  // namespace lianxin::core::org
