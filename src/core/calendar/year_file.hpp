// One year of the working-day calendar as an admin writes it from the State Council notice (issue 17 "SLA";
// docs/api.md "Working-day calendar"): rows of date, kind (holiday | workday), name. The same check serves
// `lianxin calendar load FILE` and PUT /api/v1/calendar/{year}; every error names its row and field.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/work_calendar.hpp"
#include "core/common/result.hpp"

namespace lianxin::core::calendar {

inline constexpr std::size_t kNameMaxChars = 20;
inline constexpr std::size_t kSourceMaxChars = 100;
inline constexpr std::size_t kMaxRows = 366;

// A row as typed; `where` is its field path ("days[3]" of a JSON list, "csv[4]" for line 4 of CSV text).
struct DayInput {
    std::string where;
    std::string date;
    std::string kind;
    std::string name;
};

// The rows of CSV text "date,kind,name" (a header line starting with "date" is skipped; empty lines too);
// `where` is "csv[N]" with N the line number.
std::vector<DayInput> CsvDayRows(std::string_view text);

// Checks the rows of `year` (2000–2100) and returns its days by date. Every error is collected, each naming its
// row's field: "<where>.date" (calendar.date.format, calendar.date.year {year}, calendar.date.duplicate {first}
// — the same date twice, as a holiday and a workday too), "<where>.kind" (calendar.kind), "<where>.name"
// (calendar.name.length {max}); a workday on Monday–Friday is no adjustment (calendar.workday.weekday); more than
// 366 rows: "days" (calendar.rows.too_many). Fails with InvalidField errors (400).
Result<std::vector<CalendarDay>> CheckYear(int year, const std::vector<DayInput>& rows);

// Whether `year` is one the calendar takes (2000–2100).
bool YearInRange(int year);

}  // namespace lianxin::core::calendar
