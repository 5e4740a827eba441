// The working-day calendar (migration 0030; core/ports/calendar_records.hpp).
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::calendar::CalendarDay;
using core::calendar::DayKind;
using core::ports::CalendarYear;

namespace {
constexpr std::string_view kYearNames[] = {"year", "source", "loaded_by_name", "loaded_at"};
constexpr Columns kYear{"calendar_years", kYearNames};
constexpr std::string_view kDayNames[] = {"day", "year", "kind", "name"};
constexpr Columns kDay{"calendar_days", kDayNames};

CalendarYear YearOf(const SqlRow& row) {
    return {static_cast<int>(row.Int("year")), row.Text("source"), row.Text("loaded_by_name"), row.Int("loaded_at")};
}
}  // namespace

core::Result<std::vector<CalendarYear>> SqlCalendarRepo::Years() {
    LX_ASSIGN(rows, c_.Query("SELECT " + kYear.Select() + " FROM calendar_years ORDER BY year", {}));
    std::vector<CalendarYear> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(YearOf(rows.Row(r)));
    return out;
}

core::Result<std::optional<CalendarYear>> SqlCalendarRepo::Year(int year) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kYear.Select() + " FROM calendar_years WHERE year = $1",
                             {static_cast<std::int64_t>(year)}));
    if (rows.size() == 0) return std::optional<CalendarYear>{};
    return std::optional<CalendarYear>{YearOf(rows.Row(0))};
}

core::Result<std::vector<CalendarDay>> SqlCalendarRepo::Range(const core::Date& from, const core::Date& to) {
    LX_ASSIGN(rows,
              c_.Query("SELECT " + kDay.Select() + " FROM calendar_days WHERE day >= $1 AND day <= $2 ORDER BY day",
                       {from.ToString(), to.ToString()}));
    std::vector<CalendarDay> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        auto day = core::Date::Parse(row.Text("day"));
        if (!day) continue;  // the CHECK and the loader keep dates well-formed
        out.push_back({*day, row.Text("kind") == "workday" ? DayKind::kWorkday : DayKind::kHoliday, row.Text("name")});
    }
    return out;
}

core::Status SqlCalendarRepo::ReplaceYear(const CalendarYear& year, const std::vector<CalendarDay>& days) {
    const std::int64_t y = year.year;
    LX_CHECK(c_.Exec("DELETE FROM calendar_days WHERE year = $1", {y}));
    LX_CHECK(c_.Exec("DELETE FROM calendar_years WHERE year = $1", {y}));
    SqlValues v(kYear);
    v.Set("year", y)
        .Set("source", year.source)
        .Set("loaded_by_name", year.loaded_by_name)
        .Set("loaded_at", year.loaded_at);
    LX_CHECK(c_.Exec(v.Insert(), v.Params()));
    for (const auto& d : days) {
        SqlValues dv(kDay);
        dv.Set("day", d.date.ToString()).Set("year", y).Set("kind", std::string(core::calendar::DayKindName(d.kind)));
        dv.Set("name", d.name);
        LX_CHECK(c_.Exec(dv.Insert(), dv.Params()));
    }
    return core::Ok();
}

}  // namespace lianxin::storage
