#include "core/org/service_position.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/common/names.hpp"
#include "core/member/fields.hpp"

namespace lianxin::core::org {

namespace {
constexpr NameTable<PositionLevel, 4> kLevels{{
    {PositionLevel::kStreetCentre, "street_centre"},
    {PositionLevel::kCommunityCentre, "community_centre"},
    {PositionLevel::kCompoundHome, "compound_home"},
    {PositionLevel::kDistrictCentre, "district_centre"},
}};

constexpr int kMaxRangesADay = 4;
// China's bounding box (domain: the platform serves mainland communities).
constexpr double kLatMin = 3.8, kLatMax = 53.6, kLngMin = 73.4, kLngMax = 135.1;

// "08:30" → 510; nullopt unless HH:MM with 00–24 hours ("24:00" closes a day) and 00–59 minutes.
std::optional<int> ParseClock(std::string_view s) {
    if (s.size() != 5 || s[2] != ':') return std::nullopt;
    for (std::size_t i : {0u, 1u, 3u, 4u})
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
    const int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
    if (h > 24 || m > 59 || (h == 24 && m != 0)) return std::nullopt;
    return h * 60 + m;
}

std::string Clock(int minutes) {
    char buf[6];
    buf[0] = static_cast<char>('0' + minutes / 600);
    buf[1] = static_cast<char>('0' + minutes / 60 % 10);
    buf[2] = ':';
    buf[3] = static_cast<char>('0' + minutes % 60 / 10);
    buf[4] = static_cast<char>('0' + minutes % 10);
    buf[5] = 0;
    return buf;
}

std::optional<TimeRange> ParseRange(std::string_view s) {
    const auto dash = s.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    auto from = ParseClock(s.substr(0, dash)), to = ParseClock(s.substr(dash + 1));
    if (!from || !to || *from >= *to) return std::nullopt;
    return TimeRange{*from, *to};
}
}  // namespace

const std::array<std::string_view, 7> kWeekdayKeys{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::string_view ToString(PositionLevel l) { return NameOf(kLevels, l); }
std::optional<PositionLevel> ParsePositionLevel(std::string_view s) { return ValueOf(kLevels, s); }

const std::vector<std::string_view>& ServiceCatalogue() {
    static const std::vector<std::string_view> kServices{
        "party_affairs",  // 党务咨询与办理
        "transfer",       // 组织关系转接
        "dues",           // 党费收缴
        "education",      // 党员教育、三会一课场地
        "floating",       // 流动党员服务站
        "dual_report",    // 在职党员双报到
        "volunteer",      // 志愿服务
        "government",     // 政务（便民）服务
        "legal",          // 法律援助、人民调解
        "grid",           // 网格服务站
        "elderly",        // 为老服务、日间照料
        "youth",          // 青少年、四点半课堂
        "culture",        // 文体活动、图书阅览
        "employment",     // 就业、社保咨询
    };
    return kServices;
}

std::vector<TimeRange> ParseDayHours(const std::vector<std::string>& ranges, const std::string& field, Error& errors) {
    std::vector<TimeRange> out;
    if (static_cast<int>(ranges.size()) > kMaxRangesADay) {
        errors.WithField(field, "position.hours.too_many", {{"max", std::to_string(kMaxRangesADay)}});
        return out;
    }
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        const auto r = ParseRange(ranges[i]);
        const std::string where = field + "[" + std::to_string(i) + "]";
        if (!r) {
            errors.WithField(where, "position.hours.format");
        } else if (!out.empty() && r->from < out.back().to) {
            errors.WithField(where, "position.hours.order");
        } else {
            out.push_back(*r);
        }
    }
    return out;
}

std::string FormatRange(const TimeRange& r) { return Clock(r.from) + "-" + Clock(r.to); }

std::string HoursToText(const WeeklyHours& h) {
    std::string out;
    for (std::size_t d = 0; d < h.days.size(); ++d) {
        if (h.days[d].empty()) continue;
        if (!out.empty()) out += ';';
        out += std::string(kWeekdayKeys[d]) + "=";
        for (std::size_t i = 0; i < h.days[d].size(); ++i) out += (i ? "," : "") + FormatRange(h.days[d][i]);
    }
    return out;
}

WeeklyHours HoursFromText(std::string_view text) {
    WeeklyHours h;
    while (!text.empty()) {
        const auto semi = text.find(';');
        const auto part = text.substr(0, semi);
        text = semi == std::string_view::npos ? std::string_view{} : text.substr(semi + 1);
        const auto eq = part.find('=');
        if (eq == std::string_view::npos) continue;
        const auto day = std::find(kWeekdayKeys.begin(), kWeekdayKeys.end(), part.substr(0, eq));
        if (day == kWeekdayKeys.end()) continue;
        auto ranges = part.substr(eq + 1);
        auto& out = h.days[static_cast<std::size_t>(day - kWeekdayKeys.begin())];
        while (!ranges.empty()) {
            const auto comma = ranges.find(',');
            if (auto r = ParseRange(ranges.substr(0, comma))) out.push_back(*r);
            ranges = comma == std::string_view::npos ? std::string_view{} : ranges.substr(comma + 1);
        }
    }
    return h;
}

bool IsOpenAt(const WeeklyHours& h, int weekday, int minute) {
    if (weekday < 0 || weekday > 6) return false;
    for (const auto& r : h.days[static_cast<std::size_t>(weekday)])
        if (r.from <= minute && minute < r.to) return true;
    return false;
}

int Weekday(const Date& d) {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    return static_cast<int>(((d.DaysSinceEpoch() + 3) % 7 + 7) % 7);
}

std::optional<GeoPoint> CheckPosition(const PositionInput& in, Error& errors) {
    member::CheckText(in.name, 2, 60, "name", errors);
    member::CheckText(in.address, 1, 120, "address", errors);
    member::CheckText(in.note, 0, 500, "note", errors);
    member::CheckPhone(in.phone, "phone", errors);
    if (!in.level) errors.WithField("level", "position.level.unknown");
    if (in.area_m2 && (*in.area_m2 < 1 || *in.area_m2 > 100000)) errors.WithField("area_m2", "position.area");
    std::set<std::string> seen;
    const auto& known = ServiceCatalogue();
    for (std::size_t i = 0; i < in.services.size(); ++i) {
        const std::string field = "services[" + std::to_string(i) + "]";
        if (std::find(known.begin(), known.end(), in.services[i]) == known.end())
            errors.WithField(field, "position.service.unknown");
        else if (!seen.insert(in.services[i]).second) errors.WithField(field, "position.service.repeated");
    }
    if (in.lat.has_value() != in.lng.has_value()) {
        errors.WithField(in.lat ? "lng" : "lat", "position.point.both");
        return std::nullopt;
    }
    if (!in.lat) return std::nullopt;
    bool ok = true;
    if (!(*in.lat >= kLatMin && *in.lat <= kLatMax)) ok = false, errors.WithField("lat", "position.point.outside");
    if (!(*in.lng >= kLngMin && *in.lng <= kLngMax)) ok = false, errors.WithField("lng", "position.point.outside");
    if (!ok) return std::nullopt;
    return GeoPoint{std::llround(*in.lat * 1e6), std::llround(*in.lng * 1e6)};
}

}  // namespace lianxin::core::org
