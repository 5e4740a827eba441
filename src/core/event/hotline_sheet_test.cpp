// The hotline work-order sheet (issue 17 "Events and their intake": 12345 / 81890 work orders as the platforms
// export them, idempotent by 工单编号; "Bad input": a repeated 工单编号 gets a clear error naming the field).
#include "core/event/hotline_sheet.hpp"

#include <gtest/gtest.h>

#include "core/common/date.hpp"

namespace lianxin::core::event {
namespace {

// 2026-12-07 12:00 Asia/Shanghai.
const std::int64_t kNow = *ParseDateTime("2026-12-07 12:00");

std::vector<Category> Dictionary() {
    return {{"city", "", "市容环境", "City", std::nullopt, 10},
            {"city.garbage", "city", "垃圾堆放", "Rubbish", SlaClass::kGeneral, 11},
            {"facility", "", "公共设施", "Facilities", std::nullopt, 20},
            {"facility.street_light", "facility", "路灯损坏", "Street light", SlaClass::kGeneral, 21}};
}

member::SheetCells Sheet(std::vector<std::vector<std::string>> rows) {
    member::SheetCells cells{{"12345热线工单导出（2026年12月）"},
                             {"序号", "工单编号", "来电时间", "来电内容", "事发地址", "诉求类别", "办理时限"}};
    for (auto& r : rows) cells.push_back(std::move(r));
    return cells;
}

std::vector<HotlineRow> Read(const member::SheetCells& cells) {
    auto layout = FindHotlineLayout(cells);
    EXPECT_TRUE(layout) << layout.error().message_key;
    return ReadHotlineRows(*layout, cells, Dictionary(), "hotline_12345", 5, kNow);
}

const FieldError* ErrorOn(const HotlineRow& r, std::string_view field) {
    for (const auto& e : r.errors)
        if (e.field == field) return &e;
    return nullptr;
}

TEST(HotlineSheet, TheHeaderIsFoundUnderATitleByThePlatformsOwnNames) {
    auto cells = Sheet(
        {{"1", "GD001", "2026-12-01 09:30", "小区门口垃圾无人清运", "海发路 12 号", "垃圾堆放", "2026-12-08"}});
    auto layout = FindHotlineLayout(cells);
    ASSERT_TRUE(layout);
    EXPECT_EQ(layout->header_row, 1u);
    ASSERT_NE(layout->Find("description"), nullptr);
    EXPECT_EQ(layout->Find("description")->header, "来电内容");
    EXPECT_EQ(layout->Find("category_code")->header, "诉求类别");
    auto rows = Read(cells);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_TRUE(rows[0].errors.empty()) << rows[0].errors[0].message_key;
    EXPECT_EQ(rows[0].row, 3);
    EXPECT_EQ(rows[0].intake.category_code, "city.garbage");
    EXPECT_EQ(rows[0].intake.channel, "hotline_12345");
    EXPECT_EQ(rows[0].intake.org_id, 5);
    EXPECT_EQ(*ParseDateTime(rows[0].intake.reported_at), *ParseDateTime("2026-12-01 09:30"));
    // 办理时限 as a day alone: the platform's deadline is the end of that day.
    EXPECT_EQ(*ParseDateTime(rows[0].intake.handle_by), *ParseDateTime("2026-12-08 23:59:59"));
}

TEST(HotlineSheet, ASheetWithoutTheWorkOrderColumnIsRefusedNamingIt) {
    member::SheetCells cells{{"来电时间", "诉求内容", "类别", "地址"}};
    auto layout = FindHotlineLayout(cells);
    ASSERT_FALSE(layout);
    EXPECT_EQ(layout.error().message_key, "import.missing_column");
    EXPECT_EQ(layout.error().params.at("column"), "工单编号");
}

TEST(HotlineSheet, TimesAreReadAsThePlatformsWriteThem) {
    const auto at = *ParseDateTime("2026-03-02 09:30");
    EXPECT_EQ(ParseSheetDateTime("2026/3/2 9:30", false), at);
    EXPECT_EQ(ParseSheetDateTime("2026年3月2日 09:30", false), at);
    EXPECT_EQ(ParseSheetDateTime("2026-03-02T01:30:00Z", false), at);
    EXPECT_EQ(ParseSheetDateTime("46083.395833", false), at);  // an Excel serial with its time
    EXPECT_EQ(ParseSheetDateTime("2026-03-02", false), *ParseDateTime("2026-03-02 00:00"));
    EXPECT_EQ(ParseSheetDateTime("2026-03-02", true), *ParseDateTime("2026-03-02 23:59:59"));
    EXPECT_FALSE(ParseSheetDateTime("2026-02-30 09:30", false));
    EXPECT_FALSE(ParseSheetDateTime("2026-03-02 25:00", false));
    EXPECT_FALSE(ParseSheetDateTime("昨天上午", false));
}

TEST(HotlineSheet, CategoriesAreTheDictionarysLeavesByName) {
    const auto dict = Dictionary();
    EXPECT_EQ(CategoryByName(dict, "路灯损坏")->code, "facility.street_light");
    EXPECT_EQ(CategoryByName(dict, "公共设施/路灯损坏")->code, "facility.street_light");
    EXPECT_EQ(CategoryByName(dict, "市容环境－垃圾堆放")->code, "city.garbage");
    EXPECT_EQ(CategoryByName(dict, "city.garbage")->code, "city.garbage");
    EXPECT_EQ(CategoryByName(dict, "市容环境"), nullptr);  // a top category is not chosen for events
    EXPECT_EQ(CategoryByName(dict, "公共设施/垃圾堆放"), nullptr);
    EXPECT_EQ(CategoryByName(dict, "噪音"), nullptr);
}

TEST(HotlineSheet, EachBadCellIsNamedByItsColumn) {
    auto rows = Read(Sheet({
        {"1", "GD101", "2026-13-01 09:30", "路灯不亮", "", "路灯损坏", ""},
        {"2", "GD102", "2026-12-01 09:30", "楼下噪音", "", "噪音扰民", ""},
        {"3", "", "2026-12-01 09:30", "", "", "", ""},
        {"4", "GD104", "2026-12-01 09:30", "井盖缺失", "", "路灯损坏", "2026-11-30 10:00"},
        {"5", "GD105", "2026-12-09 09:30", "明天的来电", "", "路灯损坏", ""},
    }));
    ASSERT_EQ(rows.size(), 5u);
    const auto* bad_date = ErrorOn(rows[0], "reported_at");
    ASSERT_NE(bad_date, nullptr);
    EXPECT_EQ(bad_date->message_key, "hotline.datetime.format");
    EXPECT_EQ(bad_date->params.at("text"), "2026-13-01 09:30");
    EXPECT_EQ(bad_date->params.at("label"), "hotline.col.reported_at");
    const auto* unknown = ErrorOn(rows[1], "category_code");
    ASSERT_NE(unknown, nullptr);
    EXPECT_EQ(unknown->message_key, "hotline.category.unknown");
    EXPECT_EQ(unknown->params.at("text"), "噪音扰民");
    EXPECT_EQ(rows[1].errors.size(), 1u);  // named once, not again by the intake's own check
    for (const char* field : {"external_ref", "description", "category_code"}) {
        ASSERT_NE(ErrorOn(rows[2], field), nullptr) << field;
        EXPECT_EQ(ErrorOn(rows[2], field)->message_key, "import.required");
    }
    ASSERT_NE(ErrorOn(rows[3], "handle_by"), nullptr);
    EXPECT_EQ(ErrorOn(rows[3], "handle_by")->message_key, "event.deadline.before");
    ASSERT_NE(ErrorOn(rows[4], "reported_at"), nullptr);
    EXPECT_EQ(ErrorOn(rows[4], "reported_at")->message_key, "event.datetime.future");
}

TEST(HotlineSheet, AWorkOrderNumberRepeatedInTheSheetRefusesEveryOccurrenceNamingTheOtherRow) {
    auto rows = Read(Sheet({
        {"1", "GD201", "2026-12-01 09:30", "路灯不亮", "", "路灯损坏", ""},
        {"2", "GD202", "2026-12-01 10:30", "垃圾堆放", "", "垃圾堆放", ""},
        {"3", "GD201", "2026-12-02 09:30", "路灯还是不亮", "", "路灯损坏", ""},
    }));
    ASSERT_EQ(rows.size(), 3u);
    const auto* second = ErrorOn(rows[2], "external_ref");
    ASSERT_NE(second, nullptr);
    EXPECT_EQ(second->message_key, "hotline.ref.repeated");
    EXPECT_EQ(second->params.at("row"), "3");
    EXPECT_EQ(second->params.at("ref"), "GD201");
    const auto* first = ErrorOn(rows[0], "external_ref");
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->params.at("row"), "5");
    EXPECT_TRUE(rows[1].errors.empty());
}

}  // namespace
}  // namespace lianxin::core::event
