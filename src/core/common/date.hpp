// Calendar dates and instants. Business dates are Asia/Shanghai civil dates (fixed UTC+8, no DST since
// 1991); instants are UTC milliseconds since the epoch. Dates are stored and exchanged as "YYYY-MM-DD".
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lianxin::core {

// Where the anniversary of 29 February falls in a year without one (domain.md §2.3 [UNKNOWN]: "use 28 Feb in
// non-leap years and make it configurable"; the policy member.leap_day_anniversary chooses).
enum class LeapDay { kFeb28, kMar1 };

class Date {
public:
    Date() = default;
    static std::optional<Date> FromYmd(int y, unsigned m, unsigned d);
    // Accepts exactly YYYY-MM-DD with a real calendar day; nullopt otherwise.
    static std::optional<Date> Parse(std::string_view text);
    // The Asia/Shanghai civil date of a UTC instant.
    static Date FromInstant(std::int64_t utc_millis);

    int year() const { return static_cast<int>(ymd_.year()); }
    unsigned month() const { return static_cast<unsigned>(ymd_.month()); }
    unsigned day() const { return static_cast<unsigned>(ymd_.day()); }
    std::int64_t DaysSinceEpoch() const;

    // Adds whole years/months; a day past the month's end is clamped (29 Feb + 1 y = 28 Feb).
    Date AddYears(int years) const;
    Date AddMonths(int months) const;
    Date AddDays(int days) const;
    // Full years from `this` to `later` (anniversary rule; negative when later < this).
    int FullYearsUntil(const Date& later) const;
    // The same, with the anniversary of 29 February in a year without one on 28 Feb or 1 Mar as `rule` says;
    // any other day past a month's end is clamped as above.
    Date AddMonths(int months, LeapDay rule) const;
    int FullYearsUntil(const Date& later, LeapDay rule) const;
    std::string ToString() const;

    auto operator<=>(const Date& o) const { return DaysSinceEpoch() <=> o.DaysSinceEpoch(); }
    bool operator==(const Date& o) const { return DaysSinceEpoch() == o.DaysSinceEpoch(); }

private:
    explicit Date(std::chrono::year_month_day ymd) : ymd_(ymd) {}
    std::chrono::year_month_day ymd_{std::chrono::year{1970}, std::chrono::month{1}, std::chrono::day{1}};
};

// ISO-8601 UTC text "2026-11-23T03:04:05.123Z" of an instant.
std::string FormatInstant(std::int64_t utc_millis);

// A source of the current time; passed in so that core stays deterministic and tests can move time.
class Clock {
public:
    virtual ~Clock() = default;
    virtual std::int64_t NowMillis() const = 0;
    Date Today() const { return Date::FromInstant(NowMillis()); }
};

}  // namespace lianxin::core
