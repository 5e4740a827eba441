#include "core/org/service_position.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::org {
namespace {

std::vector<std::string> Fields(const Error& e) {
    std::vector<std::string> out;
    for (const auto& f : e.fields) out.push_back(f.field + ":" + f.message_key);
    return out;
}
using Strings = std::vector<std::string>;

PositionInput Valid() {
    PositionInput in;
    in.name = "海发社区党群服务中心";
    in.address = "厦门市海沧区嵩屿街道海发社区海虹路1号";
    in.level = PositionLevel::kCommunityCentre;
    in.lat = 24.4798;
    in.lng = 118.0357;
    in.area_m2 = 2000;
    in.services = {"party_affairs", "transfer", "volunteer"};
    return in;
}

// domain.md §10.2: no national rule fixes opening hours ([UNKNOWN]) — they are a weekly schedule of data.
TEST(ServiceHours, DaysReadAsSortedIntervalsAndRoundTripThroughText) {
    Error e;
    WeeklyHours h;
    h.days[0] = ParseDayHours({"08:30-12:00", "14:30-18:00"}, "hours.mon", e);
    h.days[5] = ParseDayHours({"09:00-24:00"}, "hours.sat", e);
    EXPECT_TRUE(e.fields.empty());
    EXPECT_EQ(HoursToText(h), "mon=08:30-12:00,14:30-18:00;sat=09:00-24:00");
    EXPECT_EQ(HoursFromText(HoursToText(h)), h);
    EXPECT_TRUE(IsOpenAt(h, 0, 8 * 60 + 30));
    EXPECT_FALSE(IsOpenAt(h, 0, 12 * 60));  // the interval is [from, to)
    EXPECT_FALSE(IsOpenAt(h, 6, 10 * 60));  // Sunday closed
    EXPECT_TRUE(IsOpenAt(h, 5, 23 * 60 + 59));
}

TEST(ServiceHours, BadIntervalsAreNamedByPosition) {
    Error e;
    ParseDayHours({"8:30-12:00", "14:00-13:00", "09:00-10:00", "09:30-10:30"}, "hours.tue", e);
    EXPECT_EQ(Fields(e), (Strings{"hours.tue[0]:position.hours.format", "hours.tue[1]:position.hours.format",
                                  "hours.tue[3]:position.hours.order"}));
    Error adjacent;
    EXPECT_EQ(ParseDayHours({"09:00-10:00", "10:00-10:30"}, "hours.fri", adjacent).size(), 2u);
    EXPECT_TRUE(adjacent.fields.empty());
    Error many;
    ParseDayHours({"01:00-02:00", "03:00-04:00", "05:00-06:00", "07:00-08:00", "09:00-10:00"}, "hours.wed", many);
    EXPECT_EQ(Fields(many), Strings{"hours.wed:position.hours.too_many"});
    Error late;
    ParseDayHours({"23:00-24:30"}, "hours.thu", late);
    EXPECT_EQ(Fields(late), Strings{"hours.thu[0]:position.hours.format"});
}

TEST(ServiceHours, WeekdaysStartOnMonday) {
    EXPECT_EQ(Weekday(*Date::Parse("2026-11-23")), 0);  // a Monday
    EXPECT_EQ(Weekday(*Date::Parse("2026-11-29")), 6);
    EXPECT_EQ(Weekday(*Date::Parse("1970-01-01")), 3);
}

TEST(ServicePosition, AValidPositionGivesItsPointInMicroDegrees) {
    Error e;
    auto p = CheckPosition(Valid(), e);
    EXPECT_TRUE(e.fields.empty()) << Fields(e).size();
    ASSERT_TRUE(p);
    EXPECT_EQ(p->lat_e6, 24479800);
    EXPECT_EQ(p->lng_e6, 118035700);
}

TEST(ServicePosition, EachProblemNamesItsField) {
    auto in = Valid();
    in.name = "站";
    in.address = "";
    in.level = std::nullopt;
    in.phone = "12345";
    in.area_m2 = 0;
    in.services = {"volunteer", "karaoke", "volunteer"};
    in.lat = 51.5;
    in.lng = -0.12;  // London is not a community of this platform
    Error e;
    EXPECT_FALSE(CheckPosition(in, e));
    EXPECT_EQ(Fields(e),
              (Strings{"name:field.text", "address:field.text", "phone:phone.format", "level:position.level.unknown",
                       "area_m2:position.area", "services[1]:position.service.unknown",
                       "services[2]:position.service.repeated", "lng:position.point.outside"}));
    auto half = Valid();
    half.lng = std::nullopt;
    Error e2;
    CheckPosition(half, e2);
    EXPECT_EQ(Fields(e2), Strings{"lng:position.point.both"});
}

TEST(ServicePosition, LevelsRoundTrip) {
    for (auto l : {PositionLevel::kStreetCentre, PositionLevel::kCommunityCentre, PositionLevel::kCompoundHome,
                   PositionLevel::kDistrictCentre})
        EXPECT_EQ(ParsePositionLevel(ToString(l)), l);
    EXPECT_FALSE(ParsePositionLevel("palace"));
}

}  // namespace
}  // namespace lianxin::core::org
