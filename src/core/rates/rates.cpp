#include "core/rates/rates.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "core/org/org.hpp"
#include "core/policy/rates_keys.hpp"

namespace lianxin::core::rates {

namespace {

constexpr std::array<std::string_view, 7> kGroupings{"grid",     "community", "street", "department",
                                                     "whistled", "category",  "month"};

constexpr std::int64_t kShanghaiOffset = 8 * 3'600'000;

std::int64_t DayOf(std::int64_t t) {
    // floor division, so that an instant before 1970 still finds its day
    const std::int64_t s = t + kShanghaiOffset;
    return s >= 0 ? s / calendar::kDayMillis : -((-s + calendar::kDayMillis - 1) / calendar::kDayMillis);
}

bool PastHandling(event::EventState s) {
    using S = event::EventState;
    return s == S::kHandled || s == S::kVerified || s == S::kFeedback || s == S::kRated;
}

}  // namespace

std::string_view ToString(GroupBy g) { return kGroupings[static_cast<std::size_t>(g)]; }

std::optional<GroupBy> ParseGroupBy(std::string_view s) {
    for (std::size_t i = 0; i < kGroupings.size(); ++i)
        if (kGroupings[i] == s) return static_cast<GroupBy>(i);
    return std::nullopt;
}

const std::vector<GroupBy>& AllGroupings() {
    static const std::vector<GroupBy> kAll = [] {
        std::vector<GroupBy> v;
        for (std::size_t i = 0; i < kGroupings.size(); ++i) v.push_back(static_cast<GroupBy>(i));
        return v;
    }();
    return kAll;
}

Formula FormulaFor(const policy::Policies& policies, const Date& on) {
    Formula f;
    f.response = static_cast<Formula::Response>(policies.Value(policy::kRatesResponseStep, on));
    f.on_time = static_cast<Formula::OnTime>(policies.Value(policy::kRatesOnTimeStep, on));
    f.dismissed = static_cast<Formula::Dismissed>(policies.Value(policy::kRatesDismissed, on));
    f.partly_resolved = policies.Value(policy::kRatesPartly, on) == 1;
    f.satisfied_min_score = policies.Int(policy::kRatesSatisfiedMinScore, on);
    f.time = static_cast<Formula::Time>(policies.Value(policy::kRatesHandlingTime, on));
    return f;
}

EventFacts FactsOf(const event::Event& e, std::string top_category, std::span<const ports::EventFlowEntry> flow,
                   std::span<const ports::EventWhistle> whistles) {
    EventFacts f;
    f.id = e.id;
    f.reported_at = e.reported_at;
    f.respond_by = e.respond_by;
    f.handle_by = e.handle_by;
    f.grid_id = e.grid_id;
    f.community_id = e.org_id;
    f.place_path = e.org_path;
    f.assignee_org_id = e.assignee_org_id;
    f.category = std::move(top_category);
    std::optional<std::int64_t> last_handle;
    std::int64_t open_suspend = -1;  // the start of a 挂起 not yet resumed, or −1
    for (const auto& s : flow) {
        const auto& a = s.action;
        if ((a == "start" || a == "return" || a == "mark") && !f.responded_at) f.responded_at = s.at;
        if (a == "dispatch" && !f.dispatched_at) f.dispatched_at = s.at;
        if (a == "handle") last_handle = s.at;
        if (a == "rate" || a == "reopen") f.answered = true;
        if (a == "reopen") f.reopened = true;
        if (a == "suspend") open_suspend = s.at;
        if (a == "resume" && open_suspend >= 0) {
            f.suspended.push_back({open_suspend, s.at});
            open_suspend = -1;
        }
    }
    if (open_suspend >= 0) f.suspended.push_back({open_suspend, INT64_MAX});  // still suspended: ends at as_of
    if (PastHandling(e.state)) f.handled_at = last_handle;
    if (e.state == event::EventState::kRated) {
        f.rated = true;
        f.closed_at = e.closed_at;
        f.outcome = e.outcome;
        f.score = e.score;
    }
    if (e.state == event::EventState::kDismissed && e.mark_kind == "duplicate")
        f.merged_at = e.closed_at.value_or(e.updated_at);
    else if (e.state == event::EventState::kDismissed)
        f.dismissed_kind = e.mark_kind.empty() ? "not_our_duty" : e.mark_kind;
    for (const auto& w : whistles) {
        const std::int64_t key = w.target_kind == "org" ? w.target_org_id : -w.overlay_unit_id;
        if (std::find(f.whistled.begin(), f.whistled.end(), key) == f.whistled.end()) f.whistled.push_back(key);
    }
    return f;
}

Tally& Tally::operator+=(const Tally& o) {
    events += o.events;
    response_num += o.response_num;
    response_den += o.response_den;
    on_time_num += o.on_time_num;
    on_time_den += o.on_time_den;
    resolved_num += o.resolved_num;
    resolved_den += o.resolved_den;
    satisfied_num += o.satisfied_num;
    satisfied_den += o.satisfied_den;
    reopened += o.reopened;
    answered += o.answered;
    whistled += o.whistled;
    done += o.done;
    handling_millis += o.handling_millis;
    dismissed_not_our_duty += o.dismissed_not_our_duty;
    dismissed_unreasonable += o.dismissed_unreasonable;
    merged += o.merged;
    return *this;
}

Rates RatesOf(const Tally& t) {
    Rates r;
    r.response = {t.response_num, t.response_den};
    r.on_time = {t.on_time_num, t.on_time_den};
    r.resolution = {t.resolved_num, t.resolved_den};
    r.satisfaction = {t.satisfied_num, t.satisfied_den};
    r.reopen = {t.reopened, t.answered};
    r.whistle = {t.whistled, t.events};
    if (t.done > 0) r.average_handling_millis = t.handling_millis / t.done;
    return r;
}

Tally TallyOf(const EventFacts& f, const Formula& formula, std::int64_t as_of, const calendar::WorkCalendar& calendar,
              std::set<int>* unloaded) {
    Tally t;
    t.events = 1;
    // A merged duplicate counts once, on its primary: here only what was decided by the merge (see rates.hpp).
    if (f.merged_at) {
        const std::int64_t decided = std::min(as_of, *f.merged_at);
        t.events = 0;
        t.merged = 1;
        const auto responded = formula.response == Formula::Response::kHandler ? f.responded_at : f.dispatched_at;
        if (f.respond_by && (responded || *f.respond_by < decided)) {
            t.response_den = 1;
            t.response_num = responded && *responded <= *f.respond_by ? 1 : 0;
        }
        if (f.handle_by && *f.handle_by < decided) t.on_time_den = 1;
        t.answered = f.answered ? 1 : 0;
        t.reopened = f.reopened ? 1 : 0;
        return t;
    }
    const bool dismissed = !f.dismissed_kind.empty();
    const bool against = dismissed && formula.dismissed == Formula::Dismissed::kAgainst;
    if (dismissed) (f.dismissed_kind == "unreasonable" ? t.dismissed_unreasonable : t.dismissed_not_our_duty) = 1;
    // 响应率: decided once responded, or once the respond deadline passed without a response.
    const auto responded = formula.response == Formula::Response::kHandler ? f.responded_at : f.dispatched_at;
    if (f.respond_by && (responded || *f.respond_by < as_of)) {
        t.response_den = 1;
        t.response_num = responded && *responded <= *f.respond_by ? 1 : 0;
    }
    // 按时办结率: decided once done, once overdue undone, or (against) once dismissed.
    const auto done = formula.on_time == Formula::OnTime::kHandle ? f.handled_at : f.closed_at;
    if (f.handle_by) {
        if (done) {
            t.on_time_den = 1;
            t.on_time_num = *done <= *f.handle_by ? 1 : 0;
        } else if (against || (!dismissed && *f.handle_by < as_of)) {
            t.on_time_den = 1;
        }
    }
    // 解决率 and 满意率 from the closing rating; a dismissal counted against stands in both denominators.
    if (f.rated || against) {
        t.resolved_den = t.satisfied_den = 1;
        if (f.rated) {
            t.resolved_num = f.outcome == "resolved" || (formula.partly_resolved && f.outcome == "partly") ? 1 : 0;
            t.satisfied_num = f.score >= formula.satisfied_min_score ? 1 : 0;
        }
    }
    t.answered = f.answered ? 1 : 0;
    t.reopened = f.reopened ? 1 : 0;
    t.whistled = f.whistled.empty() ? 0 : 1;
    if (done) {
        t.done = 1;
        const bool working = formula.time == Formula::Time::kWorking;
        auto span = [&](std::int64_t a, std::int64_t b) {
            return working ? calendar.WorkingMillis(a, b, unloaded) : std::max<std::int64_t>(0, b - a);
        };
        std::int64_t ms = span(f.reported_at, *done);
        for (const auto& s : f.suspended)
            if (s.to <= *done) ms -= span(s.from, s.to);
        t.handling_millis = ms;
    }
    return t;
}

std::vector<std::string> GroupKeys(const EventFacts& f, GroupBy by, std::span<const Bucket> streets) {
    switch (by) {
        case GroupBy::kGrid:
            return {std::to_string(f.grid_id)};
        case GroupBy::kCommunity:
            return {std::to_string(f.community_id)};
        case GroupBy::kStreet:
            for (const auto& b : streets)
                if (org::InSubtree(f.place_path, b.path)) return {std::to_string(b.org_id)};
            return {"0"};
        case GroupBy::kDepartment:
            return {std::to_string(f.assignee_org_id)};
        case GroupBy::kWhistled: {
            std::vector<std::string> out;
            for (auto w : f.whistled) out.push_back(std::to_string(w));
            return out;  // an event with no whistle is in no department's whistle group
        }
        case GroupBy::kCategory:
            return {f.category};
        case GroupBy::kMonth:
            return {MonthOfDay(DayOf(f.reported_at))};
    }
    return {};
}

std::map<std::string, Tally> ComputeRates(std::span<const EventFacts> facts, const Formula& formula, GroupBy by,
                                          std::span<const Bucket> streets, std::int64_t as_of,
                                          const calendar::WorkCalendar& calendar, std::set<int>* unloaded) {
    std::map<std::string, Tally> out;
    for (const auto& f : facts) {
        const Tally t = TallyOf(f, formula, as_of, calendar, unloaded);
        for (const auto& key : GroupKeys(f, by, streets)) out[key] += t;
    }
    return out;
}

std::int64_t HandlingMillisFromDays(std::span<const DaySum> days, Formula::Time time,
                                    const calendar::WorkCalendar& calendar, std::set<int>* unloaded) {
    if (days.empty()) return 0;
    std::vector<DaySum> sorted(days.begin(), days.end());
    std::sort(sorted.begin(), sorted.end(), [](const DaySum& a, const DaySum& b) { return a.day < b.day; });
    const bool working = time == Formula::Time::kWorking;
    // W(t) from the first day's 00:00: the clock's time before t's day, plus t's part of its day if it counts.
    std::int64_t total = 0, before = 0, prev_day = sorted.front().day;
    for (const auto& d : sorted) {
        for (std::int64_t x = prev_day; x < d.day; ++x) {
            const Date day = Date::FromInstant(x * calendar::kDayMillis - kShanghaiOffset);
            if (!working || calendar.IsWorkingDay(day, unloaded)) before += calendar::kDayMillis;
        }
        prev_day = d.day;
        const Date day = Date::FromInstant(d.day * calendar::kDayMillis - kShanghaiOffset);
        const bool counts = !working || calendar.IsWorkingDay(day, unloaded);
        total += d.count * before + (counts ? d.offset_millis : 0);
    }
    return total;
}

std::string MonthOfDay(std::int64_t day) {
    const Date d = Date::FromInstant(day * calendar::kDayMillis - kShanghaiOffset);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u", d.year() % 10000, d.month() % 100);
    return buf;
}

}  // namespace lianxin::core::rates
