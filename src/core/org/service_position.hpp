// Party-mass service positions (党群服务阵地, issue 4; domain.md §10.2): the 党群服务中心 of a street, a community or a
// business district and the 党群之家 of a compound, each run by one statutory org, with its address, coordinates,
// opening hours and the services it offers. No national rule fixes opening hours ([UNKNOWN]): they are data,
// a weekly schedule per position. The checks name the field of each problem so one answer lists them all.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/date.hpp"
#include "core/common/error.hpp"

namespace lianxin::core::org {

enum class PositionLevel {
    kStreetCentre,     // 街道党群服务中心（党建服务中心）
    kCommunityCentre,  // 社区党群服务中心
    kCompoundHome,     // 小区（楼栋）党群之家
    kDistrictCentre,   // 商圈、园区、两新组织党群服务中心
};
std::string_view ToString(PositionLevel l);
std::optional<PositionLevel> ParsePositionLevel(std::string_view s);

// The services a position may offer (domain.md §10.2 "Typical functions"; seed 004's 15-minute circle).
const std::vector<std::string_view>& ServiceCatalogue();

// One opening interval of a day, in minutes after midnight: [from, to).
struct TimeRange {
    int from = 0, to = 0;
    bool operator==(const TimeRange&) const = default;
};

// Weekly opening hours, Monday first. An empty day is closed.
struct WeeklyHours {
    std::array<std::vector<TimeRange>, 7> days;
    bool operator==(const WeeklyHours&) const = default;
};

extern const std::array<std::string_view, 7> kWeekdayKeys;  // "mon" … "sun", the wire names

// Reads a day's intervals "08:30-12:00": each HH:MM-HH:MM with from < to, sorted, not overlapping; errors name
// `field` + "[i]". At most 4 intervals a day.
std::vector<TimeRange> ParseDayHours(const std::vector<std::string>& ranges, const std::string& field, Error& errors);
std::string FormatRange(const TimeRange& r);  // "08:30-12:00"

// The canonical text kept in storage: "mon=08:30-12:00,14:30-18:00;tue=…" (closed days left out).
std::string HoursToText(const WeeklyHours& h);
WeeklyHours HoursFromText(std::string_view text);

// Is the position open at `minute` (0–1439) of `weekday` (0 = Monday)?
bool IsOpenAt(const WeeklyHours& h, int weekday, int minute);
// 0 = Monday … 6 = Sunday.
int Weekday(const Date& d);

// Coordinates in micro-degrees (WGS-84 as the map shows them), inside China's bounding box.
struct GeoPoint {
    std::int64_t lat_e6 = 0, lng_e6 = 0;
};

struct PositionInput {
    std::string name, address, phone, note;
    std::optional<PositionLevel> level;
    std::optional<double> lat, lng;  // both or neither
    std::optional<int> area_m2;
    WeeklyHours hours;
    std::vector<std::string> services;  // catalogue keys
};

// Field checks of a position (name 2–60, address 1–120, phone as CheckPhone, coordinates both or neither and in
// China, area 1–100000 m², services from the catalogue without repeats); the point when coordinates are given.
std::optional<GeoPoint> CheckPosition(const PositionInput& in, Error& errors);

}  // namespace lianxin::core::org
