// The rates (issue 17 "Rates and boards"; domain.md §7.4 "the three rates", §7 "KPIs per org and period", with
// their formulas as policy). Each case builds an event's row and flow log as the loop writes them and checks what
// it adds to each rate.
#include "core/rates/rates.hpp"

#include <gtest/gtest.h>

#include "core/policy/rates_keys.hpp"

namespace lianxin::core::rates {
namespace {

using event::EventState;
constexpr std::int64_t H = 3'600'000;
constexpr std::int64_t D = 24 * H;
// Mon 2026-06-01 00:00 Asia/Shanghai.
const std::int64_t kMon = calendar::StartOfDay(*Date::FromYmd(2026, 6, 1));

struct Ev {
    event::Event e;
    std::vector<ports::EventFlowEntry> flow;
    std::vector<ports::EventWhistle> whistles;
    Ev& Step(std::string action, std::int64_t at) {
        ports::EventFlowEntry f;
        f.action = std::move(action);
        f.at = at;
        flow.push_back(f);
        return *this;
    }
    EventFacts Facts() const { return FactsOf(e, "city", flow, whistles); }
};

Ev Reported(std::int64_t at, EventState state) {
    Ev ev;
    ev.e.id = 1;
    ev.e.reported_at = at;
    ev.e.respond_by = at + D;
    ev.e.handle_by = at + 7 * D;
    ev.e.org_id = 7;
    ev.e.org_path = "/1/2/7/";
    ev.e.state = state;
    ev.Step("dispatch", at + H);
    return ev;
}

// A resolved event rated 5 with handling done in two days.
Ev RatedEvent(std::string outcome = "resolved", int score = 5) {
    Ev ev = Reported(kMon + 9 * H, EventState::kRated);
    ev.Step("start", kMon + 10 * H).Step("handle", kMon + 2 * D + 9 * H).Step("verify", kMon + 2 * D + 10 * H);
    ev.Step("feedback", kMon + 2 * D + 11 * H).Step("rate", kMon + 2 * D + 12 * H);
    ev.e.closed_at = kMon + 2 * D + 12 * H;
    ev.e.outcome = std::move(outcome);
    ev.e.score = score;
    return ev;
}

const calendar::WorkCalendar kCal;  // no year loaded: Monday–Friday, flagged
const std::int64_t kLater = kMon + 60 * D;

TEST(Rates, AResolvedOnTimeEventCountsInEveryNumerator) {
    // §7.4: response = contacted within the limit; resolution and satisfaction = share of "resolved"/"satisfied".
    const Tally t = TallyOf(RatedEvent().Facts(), Formula{}, kLater, kCal);
    EXPECT_EQ(t.events, 1);
    EXPECT_EQ(t.response_num, 1);
    EXPECT_EQ(t.response_den, 1);
    EXPECT_EQ(t.on_time_num, 1);
    EXPECT_EQ(t.on_time_den, 1);
    EXPECT_EQ(t.resolved_num, 1);
    EXPECT_EQ(t.satisfied_num, 1);
    EXPECT_EQ(t.satisfied_den, 1);
    EXPECT_EQ(t.answered, 1);
    EXPECT_EQ(t.reopened, 0);
    EXPECT_EQ(t.whistled, 0);
    EXPECT_EQ(t.done, 1);
    EXPECT_EQ(t.handling_millis, 2 * D);  // Mon 09:00 → Wed 09:00, two working days
}

TEST(Rates, ALateResponseAndALateHandlingCountOnlyInTheDenominators) {
    Ev ev = Reported(kMon + 9 * H, EventState::kHandled);
    ev.Step("start", kMon + 9 * H + D + 1).Step("handle", kMon + 9 * H + 7 * D + 1);
    const Tally t = TallyOf(ev.Facts(), Formula{}, kLater, kCal);
    EXPECT_EQ(t.response_num, 0);
    EXPECT_EQ(t.response_den, 1);
    EXPECT_EQ(t.on_time_num, 0);
    EXPECT_EQ(t.on_time_den, 1);
    EXPECT_EQ(t.resolved_den, 0) << "not rated yet";
}

TEST(Rates, AnUndecidedEventIsInNoDenominatorUntilItsDeadlinePasses) {
    Ev ev = Reported(kMon + 9 * H, EventState::kDispatched);
    Tally t = TallyOf(ev.Facts(), Formula{}, kMon + 10 * H, kCal);
    EXPECT_EQ(t.response_den, 0);
    EXPECT_EQ(t.on_time_den, 0);
    // once the deadlines pass unanswered, the event counts against both rates
    t = TallyOf(ev.Facts(), Formula{}, kMon + 9 * H + 7 * D + 1, kCal);
    EXPECT_EQ(t.response_den, 1);
    EXPECT_EQ(t.response_num, 0);
    EXPECT_EQ(t.on_time_den, 1);
    EXPECT_EQ(t.on_time_num, 0);
}

TEST(Rates, TheResponseStepIsPolicy) {
    // rates.response_step (§7.4 "formulas configurable"): the assignee's own step, or the dispatch.
    Ev ev = Reported(kMon, EventState::kInProgress);
    ev.Step("start", kMon + 2 * D);  // the handler signs late; the dispatch came within the hour
    Formula f;
    EXPECT_EQ(TallyOf(ev.Facts(), f, kLater, kCal).response_num, 0);
    f.response = Formula::Response::kDispatch;
    EXPECT_EQ(TallyOf(ev.Facts(), f, kLater, kCal).response_num, 1);
}

TEST(Rates, AReturnOrAMarkIsAResponseToo) {
    Ev ev = Reported(kMon, EventState::kReturned);
    ev.Step("return", kMon + 2 * H);
    EXPECT_EQ(TallyOf(ev.Facts(), Formula{}, kLater, kCal).response_num, 1);
}

TEST(Rates, ZeroDenominatorsHaveNoValueNotZeroPercent) {
    const Rates r = RatesOf(Tally{});
    EXPECT_FALSE(r.response.value().has_value());
    EXPECT_FALSE(r.satisfaction.value().has_value());
    EXPECT_FALSE(r.average_handling_millis.has_value());
    Tally t;
    t.satisfied_den = 4;
    EXPECT_EQ(RatesOf(t).satisfaction.value(), 0.0) << "0 of 4 is 0 %, a figure";
}

TEST(Rates, SatisfactionCountsScoresAtLeastThePolicysMinimum) {
    // rates.satisfied_min_score: 4 by default; a 3 is not satisfied unless the org sets 3.
    Formula f;
    EXPECT_EQ(TallyOf(RatedEvent("resolved", 3).Facts(), f, kLater, kCal).satisfied_num, 0);
    f.satisfied_min_score = 3;
    EXPECT_EQ(TallyOf(RatedEvent("resolved", 3).Facts(), f, kLater, kCal).satisfied_num, 1);
}

TEST(Rates, PartlyResolvedIsNotResolvedUnlessThePolicySaysSo) {
    Formula f;
    EXPECT_EQ(TallyOf(RatedEvent("partly", 4).Facts(), f, kLater, kCal).resolved_num, 0);
    f.partly_resolved = true;
    EXPECT_EQ(TallyOf(RatedEvent("partly", 4).Facts(), f, kLater, kCal).resolved_num, 1);
}

TEST(Rates, AReopenIsCountedOnceAndTheFinalRatingDecides) {
    // Issue 17: "not resolved" reopens to the same handler; the reopen rate counts the event once.
    Ev ev = RatedEvent("resolved", 5);
    ev.flow.pop_back();
    ev.Step("reopen", kMon + 2 * D + 12 * H).Step("handle", kMon + 3 * D).Step("verify", kMon + 3 * D + H);
    ev.Step("feedback", kMon + 3 * D + 2 * H).Step("reopen", kMon + 3 * D + 3 * H).Step("handle", kMon + 4 * D);
    ev.Step("verify", kMon + 4 * D + H).Step("feedback", kMon + 4 * D + 2 * H).Step("rate", kMon + 4 * D + 3 * H);
    const Tally t = TallyOf(ev.Facts(), Formula{}, kLater, kCal);
    EXPECT_EQ(t.reopened, 1);
    EXPECT_EQ(t.answered, 1);
    EXPECT_EQ(t.resolved_num, 1);
    EXPECT_EQ(t.handling_millis, 4 * D - 9 * H) << "to the last 办结 that stuck";
}

TEST(Rates, AReopenedEventStillBeingHandledIsNotDone) {
    Ev ev = RatedEvent();
    ev.e.state = EventState::kInProgress;
    ev.flow.pop_back();
    ev.Step("reopen", kMon + 2 * D + 12 * H);
    const Tally t = TallyOf(ev.Facts(), Formula{}, kMon + 3 * D, kCal);
    EXPECT_EQ(t.done, 0);
    EXPECT_EQ(t.on_time_den, 0) << "not overdue yet";
    EXPECT_EQ(t.resolved_den, 0);
    EXPECT_EQ(t.reopened, 1);
}

TEST(Rates, DismissalsAreListedAndCountAgainstTheRatesByDefault) {
    // Issue 17: 不属于职责 / 不合理诉求 "are listed, never silent — so that rates cannot be improved by dismissing
    // problems" (rates.dismissed = against).
    Ev ev = Reported(kMon, EventState::kDismissed);
    ev.e.mark_kind = "unreasonable";
    ev.Step("mark", kMon + 2 * H).Step("confirm_mark", kMon + 3 * H);
    ev.e.closed_at = kMon + 3 * H;
    Tally t = TallyOf(ev.Facts(), Formula{}, kMon + 4 * H, kCal);
    EXPECT_EQ(t.dismissed_unreasonable, 1);
    EXPECT_EQ(t.on_time_den, 1);
    EXPECT_EQ(t.on_time_num, 0);
    EXPECT_EQ(t.resolved_den, 1);
    EXPECT_EQ(t.resolved_num, 0);
    EXPECT_EQ(t.satisfied_den, 1);
    EXPECT_EQ(t.response_num, 1) << "the mark was the handler's response";
    Formula f;
    f.dismissed = Formula::Dismissed::kExcluded;
    t = TallyOf(ev.Facts(), f, kLater, kCal);
    EXPECT_EQ(t.dismissed_unreasonable, 1) << "still listed";
    EXPECT_EQ(t.on_time_den, 0);
    EXPECT_EQ(t.resolved_den, 0);
    EXPECT_EQ(t.satisfied_den, 0);
}

TEST(Rates, DismissingNeverImprovesARate) {
    // The same late event: left open it counts as late; dismissed it counts as late too (by default).
    Ev open = Reported(kMon, EventState::kInProgress);
    open.Step("start", kMon + 2 * H);
    Ev dismissed = open;
    dismissed.e.state = EventState::kDismissed;
    dismissed.e.mark_kind = "not_our_duty";
    dismissed.Step("mark", kMon + 8 * D).Step("confirm_mark", kMon + 8 * D + H);
    Tally a = TallyOf(RatedEvent().Facts(), Formula{}, kLater, kCal), b = a;
    a += TallyOf(open.Facts(), Formula{}, kLater, kCal);
    b += TallyOf(dismissed.Facts(), Formula{}, kLater, kCal);
    EXPECT_EQ(RatesOf(a).on_time.value(), RatesOf(b).on_time.value());
    EXPECT_LE(RatesOf(b).resolution.value().value(), RatesOf(a).resolution.value().value_or(1.0));
    EXPECT_EQ(b.dismissed_not_our_duty, 1);
}

TEST(Rates, OnTimeByTheClosingRatingIsPolicy) {
    // rates.on_time_step = close: done is the rating; here the rating came after the handle deadline.
    Ev ev = RatedEvent();
    ev.e.handle_by = kMon + 2 * D + 10 * H;  // handled at 09:00, rated at 12:00
    Formula f;
    EXPECT_EQ(TallyOf(ev.Facts(), f, kLater, kCal).on_time_num, 1);
    f.on_time = Formula::OnTime::kClose;
    EXPECT_EQ(TallyOf(ev.Facts(), f, kLater, kCal).on_time_num, 0);
}

TEST(Rates, HandlingTimeIsWorkingTimeLessSuspensionsOrCalendarTime) {
    // Fri 09:00 → Tue 09:00 is 4 calendar days, 2 working days; a 挂起 of Mon 09:00–15:00 comes off.
    const std::int64_t fri = kMon - 3 * D;
    Ev ev = Reported(fri + 9 * H, EventState::kHandled);
    ev.Step("start", fri + 10 * H).Step("suspend", kMon + 9 * H).Step("resume", kMon + 15 * H);
    ev.Step("handle", kMon + D + 9 * H);
    std::set<int> unloaded;
    EXPECT_EQ(TallyOf(ev.Facts(), Formula{}, kLater, kCal, &unloaded).handling_millis, 2 * D - 6 * H);
    EXPECT_EQ(unloaded, std::set<int>{2026}) << "a year without a calendar is named, never silent";
    Formula f;
    f.time = Formula::Time::kCalendar;
    EXPECT_EQ(TallyOf(ev.Facts(), f, kLater, kCal).handling_millis, 4 * D - 6 * H);
}

TEST(Rates, HandlingTimeFromDaySumsEqualsThePerEventSum) {
    // Storage's shape (signed instants per day) gives the same total as the events one by one.
    const std::int64_t fri = kMon - 3 * D;
    std::vector<std::int64_t> pos{kMon + D + 9 * H, kMon + 9 * H, kMon + 2 * D + 9 * H},
        neg{fri + 9 * H, kMon + 15 * H, kMon + 9 * H};
    std::map<std::int64_t, DaySum> by_day;
    auto add = [&](std::int64_t t, int sign) {
        const std::int64_t day = Date::FromInstant(t).DaysSinceEpoch();
        auto& d = by_day[day];
        d.day = day;
        d.count += sign;
        d.offset_millis += sign * (t - calendar::StartOfDay(Date::FromInstant(t)));
    };
    for (auto t : pos) add(t, 1);
    for (auto t : neg) add(t, -1);
    std::vector<DaySum> days;
    for (auto& [_, d] : by_day) days.push_back(d);
    // event 1: Fri 09 → Tue 09 less Mon 09–15; event 2: Mon 09 → Wed 09
    EXPECT_EQ(HandlingMillisFromDays(days, Formula::Time::kWorking, kCal), (2 * D - 6 * H) + 2 * D);
    EXPECT_EQ(HandlingMillisFromDays(days, Formula::Time::kCalendar, kCal), (4 * D - 6 * H) + 2 * D);
}

TEST(Rates, WhistlesCountOncePerEventAndGroupEachDepartment) {
    Ev ev = RatedEvent();
    ports::EventWhistle w;
    w.target_kind = "org";
    w.target_org_id = 40;
    ev.whistles = {w, w};
    w.target_org_id = 41;
    ev.whistles.push_back(w);
    const auto facts = ev.Facts();
    EXPECT_EQ(TallyOf(facts, Formula{}, kLater, kCal).whistled, 1);
    EXPECT_EQ(GroupKeys(facts, GroupBy::kWhistled, {}), (std::vector<std::string>{"40", "41"}));
    EXPECT_TRUE(GroupKeys(RatedEvent().Facts(), GroupBy::kWhistled, {}).empty());
}

TEST(Rates, GroupsByStreetMonthCategoryAndPlace) {
    const auto f = RatedEvent().Facts();
    const std::vector<Bucket> streets{{3, "/1/3/"}, {2, "/1/2/"}};
    EXPECT_EQ(GroupKeys(f, GroupBy::kStreet, streets), std::vector<std::string>{"2"});
    EXPECT_EQ(GroupKeys(f, GroupBy::kStreet, {}), std::vector<std::string>{"0"});
    EXPECT_EQ(GroupKeys(f, GroupBy::kMonth, {}), std::vector<std::string>{"2026-06"});
    EXPECT_EQ(GroupKeys(f, GroupBy::kCategory, {}), std::vector<std::string>{"city"});
    EXPECT_EQ(GroupKeys(f, GroupBy::kCommunity, {}), std::vector<std::string>{"7"});
    // 23:30 on 31 May Asia/Shanghai is still May
    Ev late = Reported(kMon - H / 2, EventState::kAccepted);
    EXPECT_EQ(GroupKeys(late.Facts(), GroupBy::kMonth, {}), std::vector<std::string>{"2026-05"});
}

TEST(Rates, ComputeRatesSumsTheTalliesOfEachGroup) {
    std::vector<EventFacts> facts{RatedEvent().Facts(), RatedEvent("partly", 2).Facts()};
    facts[1].category = "utility";
    const auto by_cat = ComputeRates(facts, Formula{}, GroupBy::kCategory, {}, kLater, kCal);
    ASSERT_EQ(by_cat.size(), 2u);
    EXPECT_EQ(by_cat.at("utility").satisfied_num, 0);
    const auto by_month = ComputeRates(facts, Formula{}, GroupBy::kMonth, {}, kLater, kCal);
    EXPECT_EQ(by_month.at("2026-06").events, 2);
    EXPECT_EQ(by_month.at("2026-06").resolved_num, 1);
    EXPECT_EQ(by_month.at("2026-06").resolved_den, 2);
}

TEST(Rates, TheFormulaIsReadFromThePolicyOfTheDay) {
    // The defaults are catalogue.cpp's (domain.md §7.4); a setting from a date holds from that date.
    policy::Setting s;
    s.key = std::string(policy::kRatesSatisfiedMinScore);
    s.org_path = "/1/";
    s.valid_from = *Date::FromYmd(2026, 7, 1);
    s.value = 3;
    const policy::Policies p("/1/2/", {s});
    EXPECT_EQ(FormulaFor(p, *Date::FromYmd(2026, 6, 30)).satisfied_min_score, 4);
    EXPECT_EQ(FormulaFor(p, *Date::FromYmd(2026, 7, 1)).satisfied_min_score, 3);
    const Formula d = FormulaFor(policy::Policies{}, *Date::FromYmd(2026, 7, 1));
    EXPECT_EQ(d.dismissed, Formula::Dismissed::kAgainst);
    EXPECT_EQ(d.time, Formula::Time::kWorking);
    EXPECT_FALSE(d.partly_resolved);
}

// A merged duplicate (issue 17 "Duplicates"; core/event/duplicate.hpp) is one problem reported twice: it counts
// once, on its primary, so merging never adds a solved event — and never erases a breach already made.
Ev Merged(std::int64_t reported, std::int64_t merged_at) {
    Ev ev = Reported(reported, EventState::kDismissed);
    ev.e.mark_kind = "duplicate";
    ev.e.duplicate_of = 1;
    ev.e.id = 2;
    ev.e.closed_at = merged_at;
    ev.Step("merge", merged_at);
    return ev;
}

TEST(Rates, AMergedDuplicateAddsNoEventAndNoSolvedOne) {
    const Ev primary = RatedEvent();
    const Ev dup = Merged(kMon + 10 * H, kMon + 11 * H);  // merged before any deadline of its own
    const auto t = TallyOf(dup.Facts(), Formula{}, kLater, kCal);
    EXPECT_EQ(t.events, 0);
    EXPECT_EQ(t.merged, 1);
    EXPECT_EQ(t.response_den, 0);
    EXPECT_EQ(t.on_time_den, 0);
    EXPECT_EQ(t.resolved_den, 0);
    EXPECT_EQ(t.satisfied_den, 0);
    EXPECT_EQ(t.done, 0);
    EXPECT_EQ(t.dismissed_not_our_duty + t.dismissed_unreasonable, 0);  // not a dismissal counted against
    // with its primary: one event, one resolved, as if reported once
    std::vector<EventFacts> facts{primary.Facts(), dup.Facts()};
    const auto all = ComputeRates(facts, Formula{}, GroupBy::kCommunity, {}, kLater, kCal).at("7");
    EXPECT_EQ(all.events, 1);
    EXPECT_EQ(all.resolved_num, 1);
    EXPECT_EQ(all.resolved_den, 1);
    EXPECT_EQ(all.merged, 1);
    // the whistle rate's denominator is the events: a merged one does not dilute it
    Ev whistled = Merged(kMon + 10 * H, kMon + 11 * H);
    whistled.whistles.push_back({});
    EXPECT_EQ(TallyOf(whistled.Facts(), Formula{}, kLater, kCal).whistled, 0);
}

TEST(Rates, AMergeNeverErasesABreachAlreadyMade) {
    // respond_by (a day) and handle_by (seven days) both passed before the merge, with no response
    const Ev late = Merged(kMon, kMon + 8 * D);
    const auto t = TallyOf(late.Facts(), Formula{}, kLater, kCal);
    EXPECT_EQ(t.response_den, 1);
    EXPECT_EQ(t.response_num, 0);
    EXPECT_EQ(t.on_time_den, 1);
    EXPECT_EQ(t.on_time_num, 0);
    // merged after the respond deadline only: the late response counts, the handling deadline was still ahead
    const Ev half = Merged(kMon, kMon + 2 * D);
    const auto h = TallyOf(half.Facts(), Formula{}, kLater, kCal);
    EXPECT_EQ(h.response_den, 1);
    EXPECT_EQ(h.on_time_den, 0);
    // at the limit: a deadline equal to the merge instant was not yet missed
    const Ev edge = Merged(kMon, kMon + D);
    EXPECT_EQ(TallyOf(edge.Facts(), Formula{}, kLater, kCal).response_den, 0);
}

}  // namespace
}  // namespace lianxin::core::rates
