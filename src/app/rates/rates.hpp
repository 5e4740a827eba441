// The rates board (issue 17 "Rates and boards"; core/rates): 响应率, 按时办结率, 解决率, 满意率, reopen, whistle
// and the average handling time of an org's events over a period, per grid, community, street, department
// (assigned-to or whistled-to), category or month, by the formula in force for the org on the period's last day
// (policy rates.*). Reading needs event_read over the org (404 for an org outside the actor's scope); the figures
// are counts of outcomes of orgs and departments — no person is ranked. Not audited: no resident's data is
// read (the dismissed list names events and orgs only).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/org/org.hpp"
#include "core/ports/rate_records.hpp"
#include "core/rates/rates.hpp"

namespace lianxin::app {

struct RatesInput {
    std::int64_t org_id = 0;
    std::string from;  // YYYY-MM-DD; default: the first day of the month five months back
    std::string to;    // YYYY-MM-DD, inclusive; default: today
    std::string group_by = "month";
};

struct RateRow {
    std::string key;
    std::string label_zh;
    std::string label_en;
    core::rates::Tally tally;
    core::rates::Rates rates;
};

struct RatesBoard {
    core::org::Org org;
    core::Date from, to;
    core::rates::GroupBy group_by = core::rates::GroupBy::kMonth;
    core::rates::Formula formula;
    core::Date formula_on;  // the day whose policy the formula is
    std::vector<RateRow> rows;
    RateRow total;  // every event of the period once
    std::vector<core::ports::DismissedEvent> dismissed;
    std::set<int> unloaded_years;  // working time counted Monday–Friday for these years (no calendar loaded)
};

// The board by the SQL aggregation.
core::Result<RatesBoard> EventRates(Context& ctx, const core::auth::Actor& actor, const RatesInput& in);
// The same board recomputed from the raw events and their flow logs by core::rates::ComputeRates (the
// reference; tests compare the two on both databases).
core::Result<RatesBoard> EventRatesRecomputed(Context& ctx, const core::auth::Actor& actor, const RatesInput& in);

// The board as a sheet (the .xlsx export): one row per group, then the total.
struct RatesSheet {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};
RatesSheet RatesAsSheet(const RatesBoard& board, bool zh);

}  // namespace lianxin::app
