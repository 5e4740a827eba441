// The working-day calendar's use cases (issue 17 "SLA"; core/calendar): a year's holidays and adjusted working
// days as loaded, and loading a year from the State Council notice. Reading needs org_read anywhere (deadlines are
// shown to everyone who sees events). Loading replaces the year as a whole, in one transaction with its audit row
// ("calendar.load"); the calendar holds for every org, so it needs org_write on a top-level org (the committee
// of the whole tree; the CLI's operator acts as one).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/calendar/year_file.hpp"

namespace lianxin::app {

// The calendar of the years `from_year` … `to_year` as stored, inside the caller's transaction: what the SLA
// clock (core/sla ComputeSla) counts with. A year not loaded stays unloaded (flagged by the clock, never silent).
core::Result<core::calendar::WorkCalendar> WorkCalendarFor(core::ports::Tx& tx, int from_year, int to_year);

struct CalendarYearView {
    int year = 0;
    std::optional<core::ports::CalendarYear> loaded;  // nullopt: the year has no calendar
    std::vector<core::calendar::CalendarDay> days;    // the listed days, by date
    std::vector<int> loaded_years;                    // every loaded year, oldest first
    bool can_edit = false;                            // the actor may load a year
};

core::Result<CalendarYearView> GetCalendarYear(Context& ctx, const core::auth::Actor& actor, int year);

struct CalendarLoadInput {
    int year = 0;
    std::string source;  // the notice's 文号 or title, 1–100 characters
    std::vector<core::calendar::DayInput> rows;
};

// Checks every row (core/calendar/year_file.hpp) and replaces the year; returns the number of days stored.
core::Result<std::size_t> LoadCalendarYear(Context& ctx, const core::auth::Actor& actor, const CalendarLoadInput& in);

}  // namespace lianxin::app
