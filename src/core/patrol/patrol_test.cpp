// 日巡 patrol records (issue 17 "Events and their intake": grid workers on patrol; seed 003 日巡、周查、月评): the
// fields of a patrol and of a finding, each refusal naming its field; the week a 周查 looks at; the short days of
// the duty list (patrol.per_grid_per_working_day, domain.md §4.5 [LOCAL]).
#include "core/patrol/patrol.hpp"

#include <gtest/gtest.h>

#include <set>

namespace lianxin::core::patrol {
namespace {

const Date kToday = *Date::Parse("2026-11-25");  // a Wednesday

std::set<std::string> Fields(const Error& e) {
    std::set<std::string> out;
    for (const auto& f : e.fields) out.insert(f.field);
    return out;
}

TEST(Patrol, AStartedPatrolTakesTodayAndNeedsNoEndTime) {
    Patrol p;
    p.start_time = "08:30";
    Error errors = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    CheckPatrol("", kToday, p, errors);
    EXPECT_TRUE(errors.fields.empty());
    EXPECT_EQ(p.day, kToday);
}

TEST(Patrol, EachBadFieldIsNamed) {
    Patrol p;
    p.start_time = "8:30";
    p.end_time = "25:00";
    p.route = std::string(501, 'x');
    Error errors = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    CheckPatrol("2026-11-26", kToday, p, errors);  // tomorrow
    EXPECT_EQ(Fields(errors), (std::set<std::string>{"day", "start_time", "end_time", "route"}));
}

TEST(Patrol, TheEndCannotComeBeforeTheStart) {
    Patrol p;
    p.start_time = "09:00";
    p.end_time = "08:59";
    Error errors = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    CheckPatrol("2026-11-24", kToday, p, errors);
    ASSERT_EQ(errors.fields.size(), 1u);
    EXPECT_EQ(errors.fields[0].field, "end_time");
    EXPECT_EQ(errors.fields[0].message_key, "patrol.time.before_start");
}

TEST(PatrolItem, AFindingsFieldsAreNamedUnderItsPrefix) {
    Item item;
    item.text = "x";
    item.photo_ids = {std::string(64, 'a'), "not-a-hash"};
    item.location = event::Coordinates{200, 24.5};
    Error errors = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    CheckItem(item, 6, "findings[2].", errors);
    EXPECT_EQ(Fields(errors),
              (std::set<std::string>{"findings[2].text", "findings[2].photo_ids[1]", "findings[2].location.lng"}));
}

TEST(PatrolItem, ThePhotoLimitIsTheCallersPolicy) {
    Item item;
    item.text = "井盖缺失，已设置警示";
    item.photo_ids.assign(3, std::string(64, 'b'));
    Error ok = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    CheckItem(item, 3, "", ok);
    EXPECT_TRUE(ok.fields.empty());
    Error over = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    CheckItem(item, 2, "", over);
    ASSERT_EQ(over.fields.size(), 1u);
    EXPECT_EQ(over.fields[0].field, "photo_ids");
}

TEST(PatrolDuty, TheWeekStartsOnMonday) {
    EXPECT_EQ(WeekStart(kToday).ToString(), "2026-11-23");
    EXPECT_EQ(WeekStart(*Date::Parse("2026-11-23")).ToString(), "2026-11-23");
    EXPECT_EQ(WeekStart(*Date::Parse("2026-11-29")).ToString(), "2026-11-23");  // Sunday
    EXPECT_EQ(WeekStart(*Date::Parse("2026-11-30")).ToString(), "2026-11-30");
}

TEST(PatrolDuty, ShortDaysAreWorkingDaysBelowTheExpectedCount) {
    const std::vector<DutyDay> days{{*Date::Parse("2026-11-23"), true, 1},
                                    {*Date::Parse("2026-11-24"), true, 0},
                                    {*Date::Parse("2026-11-25"), true, 1},
                                    {*Date::Parse("2026-11-28"), false, 0}};  // a Saturday off
    auto one = ShortDays(days, 1);
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].ToString(), "2026-11-24");
    EXPECT_EQ(ShortDays(days, 2).size(), 3u);  // two patrols a day: every working day short
    EXPECT_TRUE(ShortDays(days, 0).empty());   // no patrol expected
}

TEST(PatrolTime, OnlyHoursAndMinutes) {
    EXPECT_TRUE(ValidTime("00:00"));
    EXPECT_TRUE(ValidTime("23:59"));
    EXPECT_FALSE(ValidTime("24:00"));
    EXPECT_FALSE(ValidTime("12:60"));
    EXPECT_FALSE(ValidTime("1230"));
    EXPECT_FALSE(ValidTime("12:30:00"));
}

}  // namespace
}  // namespace lianxin::core::patrol
