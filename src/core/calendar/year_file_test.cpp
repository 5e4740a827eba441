// A year of the calendar as the admin types it (issue 17 "SLA": an admin loads the next year's notice; bad input
// gets an error naming the field and row, nothing half-written).
#include "core/calendar/year_file.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::calendar {
namespace {

std::vector<std::string> Fields(const Error& e) {
    std::vector<std::string> out;
    for (const auto& f : e.fields) out.push_back(f.field + ":" + f.message_key);
    return out;
}

TEST(CalendarYearFile, CsvRowsWithAHeaderAreReadAndChecked) {
    const auto rows = CsvDayRows("date,kind,name\r\n2027-01-01,holiday,元旦\n\n2027-02-06, workday ,春节\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].where, "csv[2]");
    EXPECT_EQ(rows[1].where, "csv[4]");
    EXPECT_EQ(rows[1].kind, "workday");
    auto days = CheckYear(2027, rows);
    ASSERT_TRUE(days) << Fields(days.error()).at(0);
    ASSERT_EQ(days->size(), 2u);
    EXPECT_EQ(days->at(1).date, *Date::Parse("2027-02-06"));  // a Saturday
    EXPECT_EQ(days->at(1).kind, DayKind::kWorkday);
    EXPECT_EQ(days->at(0).name, "元旦");
}

TEST(CalendarYearFile, EachBadRowIsNamedByItsFieldAndLine) {
    const auto rows = CsvDayRows(
        "2027-01-01,holiday,元旦\n"
        "2026-12-31,holiday,元旦\n"   // line 2: another year
        "2027-02-30,holiday,春节\n"   // line 3: no such day
        "2027-01-01,workday,元旦\n"   // line 4: the same date as a workday too
        "2027-02-10,vacation,春节\n"  // line 5: no such kind
        "2027-03-03,workday,\n"       // line 6: a Wednesday cannot be an adjusted working day
        "2027-05-01,holiday,劳动节劳动节劳动节劳动节劳动节劳动节劳动节\n");  // line 7: name too long
    auto r = CheckYear(2027, rows);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(Fields(r.error()), (std::vector<std::string>{
                                     "csv[2].date:calendar.date.year",
                                     "csv[3].date:calendar.date.format",
                                     "csv[4].date:calendar.date.duplicate",
                                     "csv[5].kind:calendar.kind",
                                     "csv[6].kind:calendar.workday.weekday",
                                     "csv[7].name:calendar.name.length",
                                 }));
    EXPECT_EQ(r.error().fields[0].params.at("year"), "2027");
    EXPECT_EQ(r.error().fields[2].params.at("first"), "1");
    EXPECT_EQ(r.error().fields[2].params.at("row"), "4");
}

TEST(CalendarYearFile, JsonRowsAreNumberedFromOneInMessages) {
    std::vector<DayInput> rows{{"days[0]", "2027-01-01", "holiday", ""}, {"days[1]", "2027-01-01", "holiday", ""}};
    auto r = CheckYear(2027, rows);
    ASSERT_FALSE(r);
    ASSERT_EQ(r.error().fields.size(), 1u);
    EXPECT_EQ(r.error().fields[0].field, "days[1].date");
    EXPECT_EQ(r.error().fields[0].params.at("row"), "2");
    EXPECT_EQ(r.error().fields[0].params.at("first"), "1");
    // An empty year is a year with no listed day; too many rows are refused as a whole.
    EXPECT_TRUE(CheckYear(2027, {}));
    std::vector<DayInput> many(kMaxRows + 1, DayInput{"days[0]", "2027-01-01", "holiday", ""});
    auto big = CheckYear(2027, many);
    ASSERT_FALSE(big);
    EXPECT_EQ(Fields(big.error()), std::vector<std::string>{"days:calendar.rows.too_many"});
    EXPECT_TRUE(YearInRange(2027));
    EXPECT_FALSE(YearInRange(1999));
}

}  // namespace
}  // namespace lianxin::core::calendar
