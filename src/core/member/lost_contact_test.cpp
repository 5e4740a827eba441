#include "core/member/lost_contact.hpp"

#include <gtest/gtest.h>

#include "core/member/status.hpp"

namespace lianxin::core::member {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

Member Lost(const char* on) {
    Member m;
    m.tags = {"retired", "lost_contact"};
    m.lost_contact_on = D(on);
    return m;
}

LostContactSearch Entry(const char* on, bool found = false) {
    return LostContactSearch{D(on), LostContactMethod::kVisit, "支部书记李某", "上门走访，邻居称已搬离", found};
}

std::string KeyOf(const Status& st) { return st ? "" : st.error().message_key; }

// §2.4 field 15 / seed 004: the branch records its search only for a member tagged lost contact.
TEST(LostContactSearch, OnlyForAMemberTaggedLostContact) {
    Member m;
    EXPECT_EQ(KeyOf(CheckLostContactSearch(m, Entry("2026-05-01"), D("2026-06-01"))), "lost_contact.rule.not_lost");
    m.tags = {"lost_contact"};  // a tag without its day is not a lost-contact member either
    EXPECT_EQ(KeyOf(CheckLostContactSearch(m, Entry("2026-05-01"), D("2026-06-01"))), "lost_contact.rule.not_lost");
    Member left = Lost("2026-01-01");
    left.left_on = D("2026-02-01");
    EXPECT_EQ(KeyOf(CheckLostContactSearch(left, Entry("2026-05-01"), D("2026-06-01"))), "member.rule.left");
    EXPECT_TRUE(CheckLostContactSearch(Lost("2026-01-01"), Entry("2026-05-01"), D("2026-06-01")));
}

TEST(LostContactSearch, EveryWrongFieldIsNamed) {
    const Member m = Lost("2026-03-01");
    LostContactSearch s{D("2026-02-28"), LostContactMethod::kPhone, "", std::string(501, 'x'), false};
    auto st = CheckLostContactSearch(m, s, D("2026-06-01"));
    ASSERT_FALSE(st);
    ASSERT_EQ(st.error().fields.size(), 3u);
    EXPECT_EQ(st.error().fields[0].field, "on");
    EXPECT_EQ(st.error().fields[0].message_key, "lost_contact.before_lost");
    EXPECT_EQ(st.error().fields[1].field, "searched_by");
    EXPECT_EQ(st.error().fields[2].field, "result");
    s = Entry("2026-06-02");
    s.searched_by = std::string(31, 'a');
    st = CheckLostContactSearch(m, s, D("2026-06-01"));
    ASSERT_EQ(st.error().fields.size(), 2u);
    EXPECT_EQ(st.error().fields[0].message_key, "date.future");
    EXPECT_EQ(st.error().fields[1].field, "searched_by");
    s = Entry("2026-03-01");  // the day contact was lost itself
    s.searched_by = std::string(30, 'a');
    EXPECT_TRUE(CheckLostContactSearch(m, s, D("2026-06-01")));
}

// "found": contact restored, so the member is no longer lost (tag and day cleared) and the entry is the last one.
TEST(LostContactSearch, FoundRestoresContactAndEndsTheEpisode) {
    Member m = Lost("2026-03-01");
    RestoreContact(m);
    EXPECT_EQ(m.tags, std::vector<std::string>{"retired"});
    EXPECT_FALSE(m.lost_contact_on);
    EXPECT_EQ(KeyOf(CheckLostContactSearch(m, Entry("2026-05-01"), D("2026-06-01"))), "lost_contact.rule.not_lost");
}

TEST(LostContactSearch, EpisodeDatesAreThoseSinceContactWasLost) {
    const Member m = Lost("2026-03-01");
    const auto dates = EpisodeLostContactDates(m, {Entry("2026-05-01"), Entry("2025-01-01"), Entry("2026-04-01")});
    EXPECT_EQ(dates, (std::vector<Date>{D("2026-04-01"), D("2026-05-01")}));
    EXPECT_TRUE(EpisodeLostContactDates(Member{}, {Entry("2026-05-01")}).empty());
}

// [LOCAL] lost_contact.search_every_months (domain.md §2.5, default 3): lost ≥ 6 months and no entry in the
// last N months → reminder.
TEST(LostContactSearch, ReminderWhenSixMonthsLostAndNoRecentSearch) {
    const Member m = Lost("2026-01-10");
    const policy::Policies national;
    EXPECT_FALSE(LostContactReminder(m, {}, D("2026-07-09"), national));  // not yet six months
    auto due = LostContactReminder(m, {}, D("2026-07-10"), national);
    ASSERT_TRUE(due);
    EXPECT_EQ(due->key, "member.due.lost_contact_search");
    EXPECT_EQ(due->due, D("2026-07-10"));
    EXPECT_EQ(due->params.at("months"), "3");
    EXPECT_TRUE(due->overdue);
    EXPECT_FALSE(
        LostContactReminder(m, {Entry("2026-06-01")}, D("2026-08-31"), national));  // searched within three months
    due = LostContactReminder(m, {Entry("2026-06-01")}, D("2026-09-01"), national);
    ASSERT_TRUE(due);
    EXPECT_EQ(due->due, D("2026-09-01"));
    EXPECT_FALSE(LostContactReminder(Member{}, {}, D("2026-09-01"), national));
}

// The interval is the one in force today (issue 16: a street's change from a date holds from that date): a
// street's 1-month rule from 2026-08-01 makes a search of 2026-07-01 due on 2026-08-01, not 2026-10-01; before
// that day the old 3 months hold; another street keeps the default.
TEST(LostContactSearch, TheIntervalIsThePolicyInForceToday) {
    const Member m = Lost("2026-01-10");
    policy::Setting s;
    s.key = std::string(policy::kLostContactSearchEveryMonths);
    s.org_id = 5;
    s.org_path = "/1/5/";
    s.valid_from = D("2026-08-01");
    s.value = 1;
    const policy::Policies street("/1/5/9/", {s});
    EXPECT_FALSE(LostContactReminder(m, {Entry("2026-07-01")}, D("2026-07-31"), street));
    auto due = LostContactReminder(m, {Entry("2026-07-01")}, D("2026-08-01"), street);
    ASSERT_TRUE(due);
    EXPECT_EQ(due->due, D("2026-08-01"));
    EXPECT_EQ(due->params.at("months"), "1");
    EXPECT_FALSE(LostContactReminder(m, {Entry("2026-07-01")}, D("2026-08-01"), policy::Policies("/1/6/", {s})));
}

TEST(LostContactSearch, MethodNamesRoundTrip) {
    for (const char* n : {"phone", "visit", "letter", "relatives", "former_employer", "notice", "other"})
        EXPECT_EQ(ToString(*ParseLostContactMethod(n)), n);
    EXPECT_FALSE(ParseLostContactMethod("email"));
}

}  // namespace
}  // namespace lianxin::core::member
