#include "core/common/date.hpp"

#include <cstdio>

namespace lianxin::core {

using std::chrono::days;
using std::chrono::floor;
using std::chrono::hh_mm_ss;
using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::sys_days;
using std::chrono::sys_time;
using std::chrono::year_month_day;
namespace ch = std::chrono;

std::optional<Date> Date::FromYmd(int y, unsigned m, unsigned d) {
    year_month_day ymd{ch::year{y}, ch::month{m}, ch::day{d}};
    if (!ymd.ok() || y < 1900 || y > 2200) return std::nullopt;
    return Date(ymd);
}

std::optional<Date> Date::Parse(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    auto digits = [&](size_t from, size_t n) -> int {
        int v = 0;
        for (size_t i = from; i < from + n; ++i) {
            if (t[i] < '0' || t[i] > '9') return -1;
            v = v * 10 + (t[i] - '0');
        }
        return v;
    };
    int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
    if (y < 0 || m < 0 || d < 0) return std::nullopt;
    return FromYmd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

Date Date::FromInstant(std::int64_t utc_millis) {
    sys_time<milliseconds> tp{milliseconds{utc_millis}};
    return Date(year_month_day{floor<days>(tp + hours{8})});
}

std::int64_t Date::DaysSinceEpoch() const { return sys_days{ymd_}.time_since_epoch().count(); }

static year_month_day Clamp(year_month_day ymd) {
    if (ymd.ok()) return ymd;
    return year_month_day{ymd.year() / ymd.month() / ch::last};
}

Date Date::AddYears(int n) const { return Date(Clamp(ymd_ + ch::years{n})); }
Date Date::AddMonths(int n) const { return Date(Clamp(ymd_ + ch::months{n})); }
Date Date::AddDays(int n) const { return Date(year_month_day{sys_days{ymd_} + days{n}}); }

int Date::FullYearsUntil(const Date& later) const {
    int years_between = later.year() - year();
    // The anniversary in `later`'s year, clamped like AddYears (29 Feb → 28 Feb).
    if (later < AddYears(years_between)) --years_between;
    return years_between;
}

Date Date::AddMonths(int n, LeapDay rule) const {
    const year_month_day to = ymd_ + ch::months{n};
    if (!to.ok() && rule == LeapDay::kMar1 && ymd_.month() == ch::February && ymd_.day() == ch::day{29})
        return Date(year_month_day{to.year() / ch::March / 1});
    return Date(Clamp(to));
}

int Date::FullYearsUntil(const Date& later, LeapDay rule) const {
    int years_between = later.year() - year();
    if (later < AddMonths(12 * years_between, rule)) --years_between;
    return years_between;
}

std::string Date::ToString() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
    return buf;
}

std::string FormatInstant(std::int64_t utc_millis) {
    sys_time<milliseconds> tp{milliseconds{utc_millis}};
    auto dp = floor<days>(tp);
    year_month_day ymd{dp};
    hh_mm_ss hms{tp - dp};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()), static_cast<int>(hms.subseconds().count()));
    return buf;
}

}  // namespace lianxin::core
