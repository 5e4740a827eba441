// The working-day calendar across the storage port (migration 0030; core/calendar/work_calendar.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar/work_calendar.hpp"
#include "core/common/result.hpp"

namespace lianxin::core::ports {

// A loaded year: where its days come from (the notice's 文号 or title) and who loaded it.
struct CalendarYear {
    int year = 0;
    std::string source;
    std::string loaded_by_name;
    std::int64_t loaded_at = 0;  // UTC millis; 0 for the seed of migration 0030
};

// National data: no scope, no personal data.
class CalendarRepo {
public:
    virtual ~CalendarRepo() = default;
    // Every loaded year, oldest first.
    virtual Result<std::vector<CalendarYear>> Years() = 0;
    virtual Result<std::optional<CalendarYear>> Year(int year) = 0;
    // The listed days from `from` to `to` (inclusive), by date.
    virtual Result<std::vector<calendar::CalendarDay>> Range(const Date& from, const Date& to) = 0;
    // Replaces the year and all its days (inside the caller's transaction: atomic with it).
    virtual Status ReplaceYear(const CalendarYear& year, const std::vector<calendar::CalendarDay>& days) = 0;
};

}  // namespace lianxin::core::ports
