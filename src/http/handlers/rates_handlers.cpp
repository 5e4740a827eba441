// The rates board (docs/api.md "Event rates"): the rates of an org's events per group, and the same as .xlsx.
#include <cmath>
#include <cstdio>

#include "app/rates/rates.hpp"
#include "core/policy/catalogue.hpp"
#include "core/policy/rates_keys.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/rates_handlers.hpp"

namespace lianxin::http::handlers {

namespace {

namespace rt = core::rates;

core::Result<app::RatesInput> RatesParams(const Request& req) {
    app::RatesInput in;
    LX_ASSIGN(org_id, IdParam(req, "org_id"));
    LX_ASSIGN(from, TextParam(req, "from", 10));
    LX_ASSIGN(to, TextParam(req, "to", 10));
    LX_ASSIGN(group_by, TextParam(req, "group_by", 16));
    in.org_id = org_id;
    in.from = from;
    in.to = to;
    if (!group_by.empty()) in.group_by = group_by;
    return in;
}

nlohmann::json RateJson(const rt::Rate& r) {
    const auto v = r.value();
    // the value rounded to 0.1 %; null when the denominator is 0 (shown "—", never 0 %)
    return {{"num", r.num},
            {"den", r.den},
            {"value", v ? nlohmann::json(std::round(*v * 1000.0) / 1000.0) : nlohmann::json(nullptr)}};
}

nlohmann::json RowJson(const app::RateRow& r, Lang lang) {
    const auto& t = r.tally;
    const auto& a = r.rates;
    return {{"key", r.key},
            {"label", lang == Lang::kZh ? r.label_zh : r.label_en},
            {"events", t.events},
            {"response", RateJson(a.response)},
            {"on_time", RateJson(a.on_time)},
            {"resolution", RateJson(a.resolution)},
            {"satisfaction", RateJson(a.satisfaction)},
            {"reopen", RateJson(a.reopen)},
            {"whistle", RateJson(a.whistle)},
            {"done", t.done},
            {"average_handling_hours",
             a.average_handling_millis
                 ? nlohmann::json(std::round(static_cast<double>(*a.average_handling_millis) / 360'000.0) / 10.0)
                 : nlohmann::json(nullptr)},
            {"dismissed", {{"not_our_duty", t.dismissed_not_our_duty}, {"unreasonable", t.dismissed_unreasonable}}},
            {"merged", t.merged}};  // merged duplicates: counted once, on their primary (core/rates)
}

// The formula in force, as the policy keys' wire values.
nlohmann::json FormulaJson(const app::RatesBoard& b) {
    namespace p = core::policy;
    auto choice = [&](std::string_view key, std::int64_t v) { return p::FormatValue(*p::Find(key), v); };
    const auto& f = b.formula;
    return {{"on", b.formula_on.ToString()},
            {std::string(p::kRatesResponseStep), choice(p::kRatesResponseStep, static_cast<int>(f.response))},
            {std::string(p::kRatesOnTimeStep), choice(p::kRatesOnTimeStep, static_cast<int>(f.on_time))},
            {std::string(p::kRatesDismissed), choice(p::kRatesDismissed, static_cast<int>(f.dismissed))},
            {std::string(p::kRatesPartly), choice(p::kRatesPartly, f.partly_resolved ? 1 : 0)},
            {std::string(p::kRatesSatisfiedMinScore), f.satisfied_min_score},
            {std::string(p::kRatesHandlingTime), choice(p::kRatesHandlingTime, static_cast<int>(f.time))}};
}

nlohmann::json RatesBoardJson(const app::RatesBoard& b, Lang lang) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : b.rows) rows.push_back(RowJson(r, lang));
    nlohmann::json dismissed = nlohmann::json::array();
    for (const auto& d : b.dismissed)
        dismissed.push_back({{"id", d.id},
                             {"number", d.number},
                             {"mark_kind", d.mark_kind},
                             {"org_name", d.org_name},
                             {"category_code", d.category_code}});
    return {{"org", {{"id", b.org.id}, {"name", b.org.name}}},
            {"from", b.from.ToString()},
            {"to", b.to.ToString()},
            {"group_by", std::string(rt::ToString(b.group_by))},
            {"formula", FormulaJson(b)},
            {"rows", rows},
            {"total", RowJson(b.total, lang)},
            {"dismissed", dismissed},
            {"unloaded_years", b.unloaded_years}};
}

}  // namespace

core::Result<Response> GetEventRates(Call& call) {
    LX_ASSIGN(in, RatesParams(call.req));
    LX_ASSIGN(board, app::EventRates(call.ctx, call.actor(), in));
    return JsonResponse(RatesBoardJson(board, call.req.lang));
}

core::Result<Response> ExportEventRates(Call& call) {
    LX_ASSIGN(in, RatesParams(call.req));
    LX_ASSIGN(board, app::EventRates(call.ctx, call.actor(), in));
    const bool zh = call.req.lang == Lang::kZh;
    const auto sheet = app::RatesAsSheet(board, zh);
    core::SheetRows rows;
    rows.push_back({board.org.name + " " + board.from.ToString() + " — " + board.to.ToString()});
    rows.push_back(sheet.header);
    for (const auto& r : sheet.rows) rows.push_back(r);
    LX_ASSIGN(bytes, call.ctx.sheets->WriteXlsx(rows, zh ? "事件指标" : "Event rates", 2));
    Response r;
    r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    r.body = std::move(bytes);
    r.Header("Content-Disposition",
             "attachment; filename=\"event-rates-" + board.from.ToString() + "-" + board.to.ToString() + ".xlsx\"");
    return r;
}

}  // namespace lianxin::http::handlers
