#include "app/rates/rates.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <tuple>

#include "app/calendar/calendar.hpp"
#include "app/policy/policies.hpp"

namespace lianxin::app {

namespace rt = core::rates;
using core::auth::Permission;
using core::ports::Scope;
using core::ports::Tx;

namespace {

// The longest period a board covers (three years, the city-scale data set's span).
constexpr int kMaxPeriodDays = 1096;

struct Checked {
    core::Date from, to;
    rt::GroupBy by = rt::GroupBy::kMonth;
};

core::Result<Checked> Check(const RatesInput& in, const core::Date& today) {
    core::Error errors = core::MakeError(core::ErrorCode::kInvalidArgument, "request.invalid");
    Checked c;
    const auto by = rt::ParseGroupBy(in.group_by);
    if (!by) errors.WithField("group_by", "query.invalid");
    else c.by = *by;
    c.to = today;
    if (!in.to.empty()) {
        if (auto d = core::Date::Parse(in.to)) c.to = *d;
        else errors.WithField("to", "date.format");
    }
    c.from = core::Date::FromYmd(c.to.year(), c.to.month(), 1)->AddMonths(-5);
    if (!in.from.empty()) {
        if (auto d = core::Date::Parse(in.from)) c.from = *d;
        else errors.WithField("from", "date.format");
    }
    if (errors.fields.empty() && c.to < c.from) errors.WithField("to", "rates.period.order");
    if (errors.fields.empty() && c.to.DaysSinceEpoch() - c.from.DaysSinceEpoch() >= kMaxPeriodDays)
        errors.WithField("to", "rates.period.too_long", {{"max", std::to_string(kMaxPeriodDays)}});
    if (!errors.fields.empty()) return core::Fail(errors);
    return c;
}

// What both ways share: the org, the query, the calendar; then the way's own tallies by group.
struct Prepared {
    RatesBoard board;
    core::ports::RateQuery query;
    core::calendar::WorkCalendar calendar;
};

core::Result<Prepared> Prepare(Tx& tx, const core::auth::Actor& actor, const RatesInput& in, std::int64_t now) {
    const core::Date today = core::Date::FromInstant(now);
    LX_ASSIGN(c, Check(in, today));
    // No org (a missing or unknown id) answers as an org outside the scope does: 404, no existence oracle.
    if (in.org_id <= 0) return core::Fail(core::NotFound("org"));
    LX_ASSIGN(org, tx.Orgs().Get(in.org_id));
    if (!org) return core::Fail(core::NotFound("org"));
    LX_CHECK(core::auth::Authorize(actor, Permission::kEventRead, org->path, "org"));
    Prepared p;
    p.board.org = *org;
    p.board.from = c.from;
    p.board.to = c.to;
    p.board.group_by = c.by;
    p.board.formula_on = std::min(c.to, today);
    LX_ASSIGN(policies, PoliciesFor(tx, org->path));
    p.board.formula = rt::FormulaFor(policies, p.board.formula_on);
    auto& q = p.query;
    q.root = org->path;
    q.scope_roots = core::auth::ScopeRoots(actor, Permission::kEventRead);
    q.from = core::calendar::StartOfDay(c.from);
    q.to = core::calendar::StartOfDay(c.to.AddDays(1));
    q.as_of = now;
    q.group_by = c.by;
    q.formula = p.board.formula;
    if (c.by == rt::GroupBy::kStreet) {
        LX_ASSIGN(orgs, tx.Orgs().InSubtree(org->path, today));
        for (const auto& o : orgs)
            if (o.place_kind == core::org::PlaceKind::kStreet) q.streets.push_back({o.id, o.path});
    }
    // Done events may have been reported up to three years before their handling: the calendar of the period
    // and the year after it.
    LX_ASSIGN(cal, WorkCalendarFor(tx, c.from.year(), std::max(c.to.year(), today.year())));
    p.calendar = std::move(cal);
    return p;
}

// The labels of the groups, in the board's order (names, then "none" last; months and categories by key).
core::Status Label(Tx& tx, RatesBoard& b) {
    std::map<std::string, std::pair<std::string, std::string>> cats;
    if (b.group_by == rt::GroupBy::kCategory) {
        LX_ASSIGN(all, tx.Events().Categories());
        for (const auto& c : all) cats[c.code] = {c.name_zh, c.name_en};
    }
    for (auto& r : b.rows) {
        switch (b.group_by) {
            case rt::GroupBy::kMonth:
                r.label_zh = r.label_en = r.key;
                break;
            case rt::GroupBy::kCategory:
                if (auto it = cats.find(r.key); it != cats.end()) std::tie(r.label_zh, r.label_en) = it->second;
                else r.label_zh = r.label_en = r.key;
                break;
            case rt::GroupBy::kGrid: {
                const std::int64_t id = std::stoll(r.key);
                if (id == 0) {
                    r.label_zh = "未划入网格";
                    r.label_en = "No grid";
                    break;
                }
                LX_ASSIGN(g, tx.Grids().Get(id));
                r.label_zh = r.label_en = g ? g->name : r.key;
                break;
            }
            default: {
                const std::int64_t id = std::stoll(r.key);
                if (id == 0) {
                    const bool dept = b.group_by == rt::GroupBy::kDepartment;
                    r.label_zh = dept ? "未分派" : "其他";
                    r.label_en = dept ? "Not dispatched" : "Other";
                } else if (id < 0) {
                    r.label_zh = "共建成员单位 " + std::to_string(-id);
                    r.label_en = "Member unit " + std::to_string(-id);
                } else {
                    LX_ASSIGN(o, tx.Orgs().Get(id));
                    r.label_zh = r.label_en = o ? o->name : r.key;
                }
            }
        }
    }
    if (b.group_by != rt::GroupBy::kMonth && b.group_by != rt::GroupBy::kCategory)
        std::stable_sort(b.rows.begin(), b.rows.end(),
                         [](const RateRow& x, const RateRow& y) { return (x.key == "0") < (y.key == "0"); });
    return core::Ok();
}

RateRow RowOf(std::string key, const rt::Tally& t) {
    RateRow r;
    r.key = std::move(key);
    r.tally = t;
    r.rates = rt::RatesOf(t);
    return r;
}

}  // namespace

core::Result<RatesBoard> EventRates(Context& ctx, const core::auth::Actor& actor, const RatesInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventRead));
    RatesBoard out;
    const auto now = ctx.clock.NowMillis();
    LX_CHECK(ctx.db.Read(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(p, Prepare(tx, actor, in, now));
        auto& b = p.board;
        auto finish = [&](const std::vector<core::ports::RateGroup>& groups) {
            rt::Tally sum;
            for (const auto& g : groups) {
                rt::Tally t = g.tally;
                t.handling_millis = rt::HandlingMillisFromDays(g.days, b.formula.time, p.calendar, &b.unloaded_years);
                sum += t;
            }
            return sum;
        };
        auto& repo = tx.Rates();
        LX_ASSIGN(groups, repo.Aggregate(p.query));
        for (const auto& g : groups) b.rows.push_back(RowOf(g.key, finish({g})));
        // The total counts each event once (a whistle group may hold an event twice): by month, summed.
        if (b.group_by == rt::GroupBy::kWhistled) {
            auto q = p.query;
            q.group_by = rt::GroupBy::kMonth;
            LX_ASSIGN(months, repo.Aggregate(q));
            b.total = RowOf("total", finish(months));
        } else {
            b.total = RowOf("total", finish(groups));
        }
        LX_ASSIGN(dismissed, repo.Dismissed(p.query, 200));
        b.dismissed = std::move(dismissed);
        LX_CHECK(Label(tx, b));
        out = std::move(b);
        return core::Ok();
    }));
    return out;
}

core::Result<RatesBoard> EventRatesRecomputed(Context& ctx, const core::auth::Actor& actor, const RatesInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventRead));
    RatesBoard out;
    const auto now = ctx.clock.NowMillis();
    LX_CHECK(ctx.db.Read(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(p, Prepare(tx, actor, in, now));
        auto& b = p.board;
        auto& repo = tx.Rates();
        LX_ASSIGN(raw, repo.Raw(p.query));
        std::vector<rt::EventFacts> facts;
        for (const auto& r : raw) facts.push_back(rt::FactsOf(r.event, r.top_category, r.flow, r.whistles));
        const auto groups = rt::ComputeRates(facts, b.formula, b.group_by, p.query.streets, now, p.calendar,
                                             &b.unloaded_years);
        for (const auto& [k, t] : groups) b.rows.push_back(RowOf(k, t));
        rt::Tally total;
        for (const auto& f : facts) total += rt::TallyOf(f, b.formula, now, p.calendar);
        b.total = RowOf("total", total);
        LX_ASSIGN(dismissed, repo.Dismissed(p.query, 200));
        b.dismissed = std::move(dismissed);
        LX_CHECK(Label(tx, b));
        out = std::move(b);
        return core::Ok();
    }));
    return out;
}

namespace {
std::string Percent(const rt::Rate& r) {
    const auto v = r.value();
    if (!v) return "—";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", *v * 100.0);
    return std::string(buf) + " (" + std::to_string(r.num) + "/" + std::to_string(r.den) + ")";
}
std::string Hours(const std::optional<std::int64_t>& ms) {
    if (!ms) return "—";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(*ms) / 3'600'000.0);
    return buf;
}
}  // namespace

RatesSheet RatesAsSheet(const RatesBoard& board, bool zh) {
    RatesSheet s;
    s.header = zh ? std::vector<std::string>{"分组",      "事件数",     "响应率", "按时办结率",           "解决率",
                                             "满意率",    "重新打开率", "吹哨率", "平均办理时长（小时）", "不属于职责",
                                             "不合理诉求"}
                  : std::vector<std::string>{"Group",        "Events",      "Response",
                                             "On time",      "Resolution",  "Satisfaction",
                                             "Reopen",       "Whistle",     "Average handling (hours)",
                                             "Not our duty", "Unreasonable"};
    auto line = [&](const RateRow& r, const std::string& label) {
        const auto& t = r.tally;
        s.rows.push_back({label, std::to_string(t.events), Percent(r.rates.response), Percent(r.rates.on_time),
                          Percent(r.rates.resolution), Percent(r.rates.satisfaction), Percent(r.rates.reopen),
                          Percent(r.rates.whistle), Hours(r.rates.average_handling_millis),
                          std::to_string(t.dismissed_not_our_duty), std::to_string(t.dismissed_unreasonable)});
    };
    for (const auto& r : board.rows) line(r, zh ? r.label_zh : r.label_en);
    line(board.total, zh ? "合计" : "Total");
    return s;
}

}  // namespace lianxin::app
