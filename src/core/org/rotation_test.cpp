// The rotating convenor (domain.md §1.4 "Rotating convenor (轮值 / 轮流牵头)": seed 000's 48 member units take
// turns; no national rule on order or length was found, so both are configuration — an ordered roster with a
// configurable period).
#include "core/org/rotation.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::org {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

Rotation Monthly(std::vector<std::int64_t> order, const char* start = "2026-01-01", int period = 1) {
    return Rotation{std::move(order), period, D(start)};
}

// Seed 000: 48 units convene in turn, one a month from January 2026: the 48th turn begins in December 2029 and
// the 49th (January 2030) is the first unit's again.
TEST(Rotation, FortyEightUnitsTakeMonthlyTurnsAndTheFirstComesBackAfterFourYears) {
    std::vector<std::int64_t> order;
    for (int i = 1; i <= 48; ++i) order.push_back(100 + i);
    const auto r = Monthly(order);
    EXPECT_EQ(ConvenorOn(r, D("2026-01-01"))->unit_id, 101);
    EXPECT_EQ(ConvenorOn(r, D("2026-01-31"))->unit_id, 101);
    EXPECT_EQ(ConvenorOn(r, D("2026-02-01"))->unit_id, 102);
    EXPECT_EQ(ConvenorOn(r, D("2029-12-15"))->unit_id, 148);
    auto back = ConvenorOn(r, D("2030-01-01"));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->unit_id, 101);
    EXPECT_EQ(back->position, 0);
    EXPECT_EQ(NextHandover(r, D("2026-11-23"))->ToString(), "2026-12-01");
}

// The period is data: a quarterly rotation of three units, and a half-yearly one (the joint meeting rule of
// domain.md §1.4 meets once per half year).
TEST(Rotation, ThePeriodIsConfiguration) {
    const auto quarterly = Monthly({1, 2, 3}, "2026-01-01", 3);
    EXPECT_EQ(ConvenorOn(quarterly, D("2026-03-31"))->unit_id, 1);
    EXPECT_EQ(ConvenorOn(quarterly, D("2026-04-01"))->unit_id, 2);
    EXPECT_EQ(ConvenorOn(quarterly, D("2026-10-01"))->unit_id, 1);
    const auto half = Monthly({7, 8}, "2025-03-15", 6);
    // Turns: 7 from 15 Mar 2025, 8 from 15 Sep 2025, 7 from 15 Mar 2026, 8 from 15 Sep 2026.
    auto t = ConvenorOn(half, D("2026-11-23"));
    ASSERT_TRUE(t);
    EXPECT_EQ(t->unit_id, 8);
    EXPECT_EQ(t->until.ToString(), "2027-03-15");
    EXPECT_EQ(ConvenorOn(half, D("2026-09-15"))->unit_id, 8);
    EXPECT_EQ(ConvenorOn(half, D("2026-09-14"))->unit_id, 7);
}

// A start on the 31st: every bound is counted from the start, so short months do not shift later turns.
TEST(Rotation, MonthEndsDoNotDrift) {
    const auto r = Monthly({1, 2}, "2026-01-31");
    auto feb = ConvenorOn(r, D("2026-02-28"));
    ASSERT_TRUE(feb);
    EXPECT_EQ(feb->unit_id, 2);
    EXPECT_EQ(feb->from.ToString(), "2026-02-28");
    EXPECT_EQ(feb->until.ToString(), "2026-03-31");
    EXPECT_EQ(ConvenorOn(r, D("2026-03-30"))->unit_id, 2);
    EXPECT_EQ(ConvenorOn(r, D("2026-03-31"))->unit_id, 1);
}

TEST(Rotation, BeforeTheStartNobodyConvenesAndTheFirstTurnIsNext) {
    const auto r = Monthly({5, 6}, "2027-01-01");
    EXPECT_FALSE(ConvenorOn(r, D("2026-12-31")));
    EXPECT_EQ(NextHandover(r, D("2026-12-31"))->ToString(), "2027-01-01");
    auto upcoming = Turns(r, D("2026-06-01"), 3);
    ASSERT_EQ(upcoming.size(), 3u);
    EXPECT_EQ(upcoming[0].unit_id, 5);
    EXPECT_EQ(upcoming[2].unit_id, 5);
    EXPECT_EQ(upcoming[2].from.ToString(), "2027-03-01");
    EXPECT_FALSE(ConvenorOn(Rotation{}, D("2026-01-01")));
    EXPECT_FALSE(NextHandover(Rotation{}, D("2026-01-01")));
    EXPECT_TRUE(Turns(Rotation{{1}, 0, D("2026-01-01")}, D("2026-01-01"), 3).empty());  // no period: not configured
}

// A unit that joins goes to the end of the queue; the one convening now keeps its turn and its handover day.
TEST(Rotation, AJoiningUnitGoesLastAndTheCurrentTurnStays) {
    const auto r = Monthly({1, 2, 3, 4});
    const auto today = D("2026-03-10");  // unit 3's turn, March
    const auto joined = WithUnit(r, 9, today);
    EXPECT_EQ(joined.order, (std::vector<std::int64_t>{3, 4, 1, 2, 9}));
    EXPECT_EQ(joined.start->ToString(), "2026-03-01");
    EXPECT_EQ(ConvenorOn(joined, today), (Turn{3, 0, D("2026-03-01"), D("2026-04-01")}));
    EXPECT_EQ(ConvenorOn(joined, D("2026-07-01"))->unit_id, 9);  // after 4, 1, 2
    EXPECT_EQ(ConvenorOn(joined, D("2026-08-01"))->unit_id, 3);
    EXPECT_EQ(WithUnit(r, 2, today).order, r.order);            // already in the order
    EXPECT_TRUE(WithUnit(Rotation{}, 9, today).order.empty());  // no rotation configured: nothing to join
}

// A unit that leaves is taken out; when it was convening, the next in order takes over the rest of its turn.
TEST(Rotation, ALeavingUnitIsSkippedAndItsSuccessorTakesOverTheTurn) {
    const auto r = Monthly({1, 2, 3, 4});
    const auto today = D("2026-03-10");
    const auto other = WithoutUnit(r, 1, today);
    EXPECT_EQ(ConvenorOn(other, today)->unit_id, 3);
    EXPECT_EQ(ConvenorOn(other, D("2026-05-01"))->unit_id, 2);  // 3, 4, 2, 3 …
    const auto current = WithoutUnit(r, 3, today);
    auto t = ConvenorOn(current, today);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->unit_id, 4);
    EXPECT_EQ(t->until.ToString(), "2026-04-01");
    EXPECT_EQ(WithoutUnit(r, 42, today).order, r.order);
    const auto last = WithoutUnit(Monthly({1}), 1, today);
    EXPECT_FALSE(last.Configured());
}

}  // namespace
}  // namespace lianxin::core::org
