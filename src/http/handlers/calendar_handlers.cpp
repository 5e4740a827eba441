// The working-day calendar (docs/api.md "Working-day calendar"): one year's holidays and adjusted working days,
// and loading a year from CSV text "date,kind,name".
#include <algorithm>

#include "app/calendar/calendar.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/body.hpp"

namespace lianxin::http::handlers {

namespace {
constexpr std::size_t kCsvMaxBytes = 64 * 1024;  // 366 rows of date, kind and a 20-character name fit many times

core::Result<int> YearParam(const Request& req, const core::Date& today) {
    const std::string* text = req.Query("year");
    if (!text || text->empty()) return today.year();
    if (text->size() != 4 || !std::all_of(text->begin(), text->end(), [](char c) { return c >= '0' && c <= '9'; }))
        return core::Fail(core::InvalidField("year", "calendar.year.range"));
    return std::stoi(*text);
}
}  // namespace

core::Result<Response> GetCalendar(Call& call) {
    LX_ASSIGN(year, YearParam(call.req, call.ctx.clock.Today()));
    LX_ASSIGN(view, app::GetCalendarYear(call.ctx, call.actor(), year));
    nlohmann::json days = nlohmann::json::array();
    for (const auto& d : view.days)
        days.push_back({{"date", d.date.ToString()},
                        {"kind", std::string(core::calendar::DayKindName(d.kind))},
                        {"name", d.name}});
    nlohmann::json loaded = nullptr;
    if (view.loaded)
        loaded = {{"source", view.loaded->source},
                  {"loaded_by", view.loaded->loaded_by_name},
                  {"loaded_at", view.loaded->loaded_at ? nlohmann::json(core::FormatInstant(view.loaded->loaded_at))
                                                       : nlohmann::json(nullptr)}};
    return JsonResponse({{"year", view.year},
                         {"loaded", loaded},
                         {"days", days},
                         {"loaded_years", view.loaded_years},
                         {"can_edit", view.can_edit}});
}

core::Result<Response> LoadCalendarYear(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    app::CalendarLoadInput in;
    const std::int64_t year = PathId(call.req, "year");
    in.year = year > 9999 ? 0 : static_cast<int>(year);
    in.source = body.Str("source", true, 400);
    const std::string csv = body.Str("csv", false, kCsvMaxBytes);
    LX_CHECK(body.Finish());
    in.rows = core::calendar::CsvDayRows(csv);
    LX_ASSIGN(count, app::LoadCalendarYear(call.ctx, call.actor(), in));
    return JsonResponse({{"year", in.year}, {"days", count}});
}

}  // namespace lianxin::http::handlers
