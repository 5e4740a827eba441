// The rates of grid governance (issue 17 "Rates and boards"; domain.md §7.4 "the three rates" and §7 "KPIs per
// org and period"): 响应率, 按时办结率, 解决率, 满意率, 重新打开率, 吹哨率 and 平均办理时长, per grid, community,
// street, department (assigned-to or whistled-to), category and month. They are rates of organizations and
// departments, from outcomes — never of people, and never from clicks or log-ins (product.md "Guardrails").
//
// The formulas are policy (domain.md §7.4: "formulas configurable"; keys rates.* in core/policy/catalogue.hpp),
// read for the org of the board on the period's last day (FormulaFor). A period selects the events REPORTED in it
// (the cohort); each rate then counts among them only what is decided at `as_of`:
//   响应率 response   = responded by respond_by / (responded, or respond_by passed unanswered); the response is the
//                       assignee's first step (签收 start, 退回 return, 标记 mark) or, by policy, the dispatch (分派);
//   按时办结率 on time = done by handle_by / (done, or handle_by passed undone[, dismissed]); done is the handler's
//                       last 办结 that stuck (the event now handled, verified, fed back or rated) or, by policy,
//                       the closing rating;
//   解决率 resolution  = rated "resolved" (and "partly" if the policy says so) / (rated[, dismissed]);
//   满意率 satisfaction = rated with a score ≥ rates.satisfied_min_score / (rated[, dismissed]);
//   重新打开率 reopen  = events reopened at least once (counted once however often) / events whose reporter
//                       answered at least once (rated or "not resolved");
//   吹哨率 whistle     = events with at least one whistle (吹哨) / all events of the cohort;
//   平均办理时长       = mean of (done − reported − time suspended before done) over the done events, in working
//                       time on the working-day calendar or in calendar time (policy).
// 不属于职责 / 不合理诉求 dismissals are counted and listed by kind; with rates.dismissed = against (the default)
// each one stands in the denominators of the on-time, resolution and satisfaction rates and in no numerator, so
// dismissing a problem can never improve a rate; with `excluded` they leave those denominators (still listed).
// A merged duplicate (合并, core/event/duplicate.hpp: dismissed as kind "duplicate") is one problem reported twice:
// its outcome is its primary's, which its reporters confirm and rate, so it counts once — on the primary. The
// duplicate leaves the events count, the whistle rate, the resolution and satisfaction rates and the handling
// time, and is counted (`merged`) and listed beside the dismissals; only what was decided before the merge stays
// decided: a response or a deadline missed by then still counts in the response and on-time rates, so merging
// can never erase a breach, and a merge never adds a solved event.
// A rate whose denominator is 0 has no value ("—"), never 0 %.
//
// ComputeRates is the reference: pure, from each event's row and flow log (FactsOf). Storage aggregates the
// same formulas in SQL for speed (core/ports/rate_records.hpp); the two must agree (rates_conformance_test.cpp).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/work_calendar.hpp"
#include "core/event/event.hpp"
#include "core/policy/policies.hpp"
#include "core/ports/event_records.hpp"

namespace lianxin::core::rates {

enum class GroupBy { kGrid, kCommunity, kStreet, kDepartment, kWhistled, kCategory, kMonth };
std::string_view ToString(GroupBy g);
std::optional<GroupBy> ParseGroupBy(std::string_view s);
const std::vector<GroupBy>& AllGroupings();

// The formula in force (choice indices follow core/policy/catalogue.cpp's lists).
struct Formula {
    enum class Response { kHandler, kDispatch };
    enum class OnTime { kHandle, kClose };
    enum class Dismissed { kAgainst, kExcluded };
    enum class Time { kWorking, kCalendar };
    Response response = Response::kHandler;
    OnTime on_time = OnTime::kHandle;
    Dismissed dismissed = Dismissed::kAgainst;
    bool partly_resolved = false;
    int satisfied_min_score = 4;
    Time time = Time::kWorking;
};
// The rates.* keys of `policies` on `on`.
Formula FormulaFor(const policy::Policies& policies, const Date& on);

// What one event gives to the rates: its row's facts and those its flow log holds.
struct EventFacts {
    std::int64_t id = 0;
    std::int64_t reported_at = 0;
    std::optional<std::int64_t> respond_by;
    std::optional<std::int64_t> handle_by;
    // grouping keys
    std::int64_t grid_id = 0;
    std::int64_t community_id = 0;  // the place (the event's org)
    std::string place_path;
    std::int64_t assignee_org_id = 0;
    std::vector<std::int64_t> whistled;  // distinct whistle targets: an org id, or −(overlay unit id)
    std::string category;                // the top category
    // the loop, from the flow log
    std::optional<std::int64_t> responded_at;   // the assignee's first start / return / mark
    std::optional<std::int64_t> dispatched_at;  // the first dispatch
    std::optional<std::int64_t> handled_at;     // the last 办结, when it stuck (the state is past handling)
    std::optional<std::int64_t> closed_at;      // the closing rating (state rated)
    bool rated = false;                         // closed by a rating
    std::string outcome;                        // resolved | partly (rated)
    int score = 0;
    bool answered = false;  // the reporter rated or said "not resolved" at least once
    bool reopened = false;
    std::string dismissed_kind;                 // not_our_duty | unreasonable when dismissed
    std::optional<std::int64_t> merged_at;      // a merged duplicate: when it was merged into its primary
    std::vector<calendar::Interval> suspended;  // 挂起 → 恢复 spans (open ones end at `as_of`)
};

// The facts of one event from its row, its category's top code, its flow log (oldest first) and its whistles.
EventFacts FactsOf(const event::Event& e, std::string top_category, std::span<const ports::EventFlowEntry> flow,
                   std::span<const ports::EventWhistle> whistles);

// The counts behind each rate of one group; additive (+=), so storage may sum partial tallies.
struct Tally {
    std::int64_t events = 0;
    std::int64_t response_num = 0, response_den = 0;
    std::int64_t on_time_num = 0, on_time_den = 0;
    std::int64_t resolved_num = 0, resolved_den = 0;
    std::int64_t satisfied_num = 0, satisfied_den = 0;
    std::int64_t reopened = 0, answered = 0;
    std::int64_t whistled = 0;  // of `events`
    std::int64_t done = 0;      // the events whose handling time is counted
    std::int64_t handling_millis = 0;
    std::int64_t dismissed_not_our_duty = 0, dismissed_unreasonable = 0;
    std::int64_t merged = 0;  // merged duplicates (not in `events`)
    Tally& operator+=(const Tally& o);
    bool operator==(const Tally&) const = default;
};

// A ratio with its counts; no value when the denominator is 0 (shown "—").
struct Rate {
    std::int64_t num = 0;
    std::int64_t den = 0;
    std::optional<double> value() const {
        return den > 0 ? std::optional<double>(static_cast<double>(num) / static_cast<double>(den)) : std::nullopt;
    }
};
struct Rates {
    Rate response, on_time, resolution, satisfaction, reopen, whistle;
    std::optional<std::int64_t> average_handling_millis;  // nullopt without a done event
};
Rates RatesOf(const Tally& t);

// A street (or any org) that events are grouped under by place: the first bucket whose subtree holds the place.
struct Bucket {
    std::int64_t org_id = 0;
    std::string path;
};

// The key of each group the event counts in (an event whistled to two departments counts in both): a decimal id
// ("0" for none: no grid, not dispatched, no street bucket), a top category code, or a month "YYYY-MM".
std::vector<std::string> GroupKeys(const EventFacts& f, GroupBy by, std::span<const Bucket> streets);

// The reference computation: every event's tally, by group. Working time is counted on `calendar`; the years it
// reached with no calendar loaded join `*unloaded`.
std::map<std::string, Tally> ComputeRates(std::span<const EventFacts> facts, const Formula& formula, GroupBy by,
                                          std::span<const Bucket> streets, std::int64_t as_of,
                                          const calendar::WorkCalendar& calendar, std::set<int>* unloaded = nullptr);
// One event's contribution.
Tally TallyOf(const EventFacts& f, const Formula& formula, std::int64_t as_of, const calendar::WorkCalendar& calendar,
              std::set<int>* unloaded = nullptr);

// Storage's way to the handling time without one row per event: the signed instants of the done events (+ done,
// − reported, + each suspend, − each resume) summed per Asia/Shanghai day as (count, Σ millis since that day's
// 00:00). The handling time of the set is Σ W(t) with W the clock (working or calendar) from a common origin.
struct DaySum {
    std::int64_t day = 0;  // days since 1970-01-01 (Date::DaysSinceEpoch)
    std::int64_t count = 0;
    std::int64_t offset_millis = 0;
};
std::int64_t HandlingMillisFromDays(std::span<const DaySum> days, Formula::Time time,
                                    const calendar::WorkCalendar& calendar, std::set<int>* unloaded = nullptr);

// "YYYY-MM" of a day number (Asia/Shanghai).
std::string MonthOfDay(std::int64_t day);

}  // namespace lianxin::core::rates
