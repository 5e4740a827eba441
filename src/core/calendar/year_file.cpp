#include "core/calendar/year_file.hpp"

#include <map>

#include "core/auth/credentials.hpp"
#include "core/common/csv.hpp"

namespace lianxin::core::calendar {

namespace {
std::string Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return std::string(s);
}

// The row number an error message shows: the N of "csv[N]", or N + 1 of "days[N]".
std::string RowNumber(const std::string& where) {
    auto open = where.find('[');
    auto close = where.find(']');
    if (open == std::string::npos || close == std::string::npos || close <= open) return where;
    std::string n = where.substr(open + 1, close - open - 1);
    if (where.starts_with("days[")) return std::to_string(std::stoll(n) + 1);
    return n;
}
}  // namespace

bool YearInRange(int year) { return year >= 2000 && year <= 2100; }

std::vector<DayInput> CsvDayRows(std::string_view text) {
    std::vector<DayInput> out;
    const SheetRows rows = ParseCsv(text);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& cells = rows[i];
        if (cells.empty() || (cells.size() == 1 && Trim(cells[0]).empty())) continue;
        if (out.empty() && Trim(cells[0]).starts_with("date")) continue;  // the header line
        DayInput in;
        in.where = "csv[" + std::to_string(i + 1) + "]";
        in.date = Trim(cells[0]);
        in.kind = cells.size() > 1 ? Trim(cells[1]) : "";
        in.name = cells.size() > 2 ? Trim(cells[2]) : "";
        out.push_back(std::move(in));
    }
    return out;
}

Result<std::vector<CalendarDay>> CheckYear(int year, const std::vector<DayInput>& rows) {
    Error err = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    if (rows.size() > kMaxRows) {
        err.WithField("days", "calendar.rows.too_many", {{"max", std::to_string(kMaxRows)}});
        return Fail(err);
    }
    std::map<std::int64_t, std::string> seen;  // day → the row that listed it first
    std::map<std::int64_t, CalendarDay> days;
    for (const auto& r : rows) {
        const std::string row = RowNumber(r.where);
        auto date = Date::Parse(r.date);
        bool ok = true;
        if (!date) {
            err.WithField(r.where + ".date", "calendar.date.format", {{"row", row}});
            ok = false;
        } else if (date->year() != year) {
            err.WithField(r.where + ".date", "calendar.date.year", {{"row", row}, {"year", std::to_string(year)}});
            ok = false;
        } else if (auto first = seen.find(date->DaysSinceEpoch()); first != seen.end()) {
            err.WithField(r.where + ".date", "calendar.date.duplicate",
                          {{"row", row}, {"date", r.date}, {"first", RowNumber(first->second)}});
            ok = false;
        }
        DayKind kind = DayKind::kHoliday;
        if (r.kind == "workday") {
            kind = DayKind::kWorkday;
        } else if (r.kind != "holiday") {
            err.WithField(r.where + ".kind", "calendar.kind", {{"row", row}});
            ok = false;
        }
        const int chars = auth::CodePointCount(r.name);
        if (chars < 0 || static_cast<std::size_t>(chars) > kNameMaxChars) {
            err.WithField(r.where + ".name", "calendar.name.length",
                          {{"row", row}, {"max", std::to_string(kNameMaxChars)}});
            ok = false;
        }
        if (ok && kind == DayKind::kWorkday && IsWeekday(*date)) {
            err.WithField(r.where + ".kind", "calendar.workday.weekday", {{"row", row}, {"date", r.date}});
            ok = false;
        }
        if (date && date->year() == year) seen.emplace(date->DaysSinceEpoch(), r.where);
        if (ok) days[date->DaysSinceEpoch()] = CalendarDay{*date, kind, r.name};
    }
    if (!err.fields.empty()) return Fail(err);
    std::vector<CalendarDay> out;
    for (auto& [_, d] : days) out.push_back(std::move(d));
    return out;
}

}  // namespace lianxin::core::calendar
