// calendar load|show: the working-day calendar from the operator's shell (issue 17 "SLA"). `load` acts as an org
// admin of the whole tree (actor "cli") and is audited like a load made in the web app.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/calendar/calendar.hpp"
#include "cli/commands/commands.hpp"
#include "cli/runtime.hpp"

namespace lianxin::cli {

namespace {
// The rows of a JSON file {"year", "source", "days": [{"date", "kind", "name"}]} (or a bare list of days).
core::Result<std::vector<core::calendar::DayInput>> JsonRows(const std::string& text, int& year, std::string& source) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded()) return core::Fail(core::InvalidField("file", "json.malformed"));
    nlohmann::json days = j;
    if (j.is_object()) {
        if (j.contains("year") && j["year"].is_number_integer() && year == 0) year = j["year"].get<int>();
        if (j.contains("source") && j["source"].is_string() && source.empty()) source = j["source"].get<std::string>();
        days = j.value("days", nlohmann::json::array());
    }
    if (!days.is_array()) return core::Fail(core::InvalidField("days", "json.type_object"));
    std::vector<core::calendar::DayInput> out;
    for (std::size_t i = 0; i < days.size(); ++i) {
        const auto& d = days[i];
        core::calendar::DayInput in;
        in.where = "days[" + std::to_string(i) + "]";
        auto text_of = [&](const char* k) {
            return d.is_object() && d.contains(k) && d[k].is_string() ? d[k].get<std::string>() : std::string();
        };
        in.date = text_of("date");
        in.kind = text_of("kind");
        in.name = text_of("name");
        out.push_back(std::move(in));
    }
    return out;
}
}  // namespace

int RunCalendarLoad(const Config& config, const CalendarLoadOptions& opt) {
    std::ifstream f(opt.file, std::ios::binary);
    if (!f) {
        std::cerr << "无法读取文件 / cannot read " << opt.file << "\n";
        return 1;
    }
    std::stringstream buf;
    buf << f.rdbuf();
    app::CalendarLoadInput in;
    in.year = opt.year;
    in.source = opt.source;
    const bool json = opt.file.ends_with(".json");
    if (json) {
        auto rows = JsonRows(buf.str(), in.year, in.source);
        if (!rows) return ReportError(rows.error());
        in.rows = std::move(*rows);
    } else {
        in.rows = core::calendar::CsvDayRows(buf.str());
    }
    if (in.year == 0 && !in.rows.empty()) {
        auto first = core::Date::Parse(in.rows.front().date);
        if (first) in.year = first->year();
    }
    auto rt = MakeRuntime(config, {});
    if (!rt) return 1;
    auto actor = OperatorActor(*rt, core::auth::Role::kOrgAdmin);
    if (!actor) return ReportError(core::MakeError(core::ErrorCode::kFailedPrecondition, "setup.no_org_tree"));
    auto count = app::LoadCalendarYear(*rt->ctx, *actor, in);
    if (!count) return ReportError(count.error());
    std::cout << "工作日历已载入 / calendar loaded: " << in.year << ", " << *count << " 天 / days\n";
    return 0;
}

int RunCalendarShow(const Config& config, int year, bool json) {
    auto rt = MakeRuntime(config, {});
    if (!rt) return 1;
    auto actor = OperatorActor(*rt);
    if (!actor) return ReportError(core::MakeError(core::ErrorCode::kFailedPrecondition, "setup.no_org_tree"));
    auto view = app::GetCalendarYear(*rt->ctx, *actor, year);
    if (!view) return ReportError(view.error());
    nlohmann::json days = nlohmann::json::array();
    for (const auto& d : view->days)
        days.push_back({{"date", d.date.ToString()},
                        {"kind", std::string(core::calendar::DayKindName(d.kind))},
                        {"name", d.name}});
    if (json) {
        std::cout << nlohmann::json{{"year", year},
                                    {"loaded", view->loaded.has_value()},
                                    {"source", view->loaded ? view->loaded->source : std::string()},
                                    {"days", days}}
                         .dump(2)
                  << "\n";
        return 0;
    }
    if (!view->loaded) {
        std::cout << year
                  << ": 未载入工作日历（按周一至周五计算并提示）/ no calendar loaded (counted as Monday–Friday, "
                     "flagged)\n";
        return 0;
    }
    std::cout << year << "  " << view->loaded->source << "\n";
    for (const auto& d : days)
        std::cout << "  " << d["date"].get<std::string>() << "  "
                  << (d["kind"] == "workday" ? "调休上班 workday" : "放假 holiday") << "  "
                  << d["name"].get<std::string>() << "\n";
    return 0;
}

}  // namespace lianxin::cli
