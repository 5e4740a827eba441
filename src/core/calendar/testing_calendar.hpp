// The 2025 and 2026 calendars of ../shared/docs/calendar.md as lists, for the unit tests of core/calendar and
// core/sla (the stored seed is migration 0030; storage/testing/calendar_conformance_test.cpp compares the two).
#pragma once

#include <string>
#include <vector>

#include "core/calendar/work_calendar.hpp"

namespace lianxin::core::calendar::testing {

inline std::vector<CalendarDay> Days(const std::vector<std::pair<std::string, std::string>>& spans, DayKind kind) {
    std::vector<CalendarDay> out;
    for (const auto& [from_to, name] : spans) {
        const auto dots = from_to.find("..");
        Date d = *Date::Parse(from_to.substr(0, 10));
        const Date last = dots == std::string::npos ? d : *Date::Parse(from_to.substr(dots + 2));
        for (; d <= last; d = d.AddDays(1)) out.push_back({d, kind, name});
    }
    return out;
}

inline std::vector<CalendarDay> Year2025() {
    auto out = Days({{"2025-01-01", "元旦"},
                     {"2025-01-28..2025-02-04", "春节"},
                     {"2025-04-04..2025-04-06", "清明节"},
                     {"2025-05-01..2025-05-05", "劳动节"},
                     {"2025-05-31..2025-06-02", "端午节"},
                     {"2025-10-01..2025-10-08", "国庆节、中秋节"}},
                    DayKind::kHoliday);
    for (auto& d : Days({{"2025-01-26", "春节"},
                         {"2025-02-08", "春节"},
                         {"2025-04-27", "劳动节"},
                         {"2025-09-28", "国庆节、中秋节"},
                         {"2025-10-11", "国庆节、中秋节"}},
                        DayKind::kWorkday))
        out.push_back(d);
    return out;
}

inline std::vector<CalendarDay> Year2026() {
    auto out = Days({{"2026-01-01..2026-01-03", "元旦"},
                     {"2026-02-15..2026-02-23", "春节"},
                     {"2026-04-04..2026-04-06", "清明节"},
                     {"2026-05-01..2026-05-05", "劳动节"},
                     {"2026-06-19..2026-06-21", "端午节"},
                     {"2026-09-25..2026-09-27", "中秋节"},
                     {"2026-10-01..2026-10-07", "国庆节"}},
                    DayKind::kHoliday);
    for (auto& d : Days({{"2026-01-04", "元旦"},
                         {"2026-02-14", "春节"},
                         {"2026-02-28", "春节"},
                         {"2026-05-09", "劳动节"},
                         {"2026-09-20", "国庆节"},
                         {"2026-10-10", "国庆节"}},
                        DayKind::kWorkday))
        out.push_back(d);
    return out;
}

inline WorkCalendar Calendar2025And2026() {
    WorkCalendar cal;
    cal.SetYear(2025, Year2025());
    cal.SetYear(2026, Year2026());
    return cal;
}

// An Asia/Shanghai wall-clock instant "YYYY-MM-DD HH:MM".
inline std::int64_t At(const std::string& text) {
    const Date d = *Date::Parse(text.substr(0, 10));
    const int h = std::stoi(text.substr(11, 2));
    const int m = std::stoi(text.substr(14, 2));
    return StartOfDay(d) + h * 3'600'000LL + m * 60'000LL;
}

}  // namespace lianxin::core::calendar::testing
