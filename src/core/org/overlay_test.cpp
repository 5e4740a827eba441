// Overlays (domain.md §1.4 non-statutory coordination bodies, §1.6 entity sketch "CoordinationBody … member_units[]
// {unit, part_time_member, joined, left} … never a parent in the tree"; Unit {unit_type, USCC, is_two_new}).
#include "core/org/overlay.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::org {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

std::vector<std::string> Fields(const Error& e) {
    std::vector<std::string> out;
    for (const auto& f : e.fields) out.push_back(f.field + ":" + f.message_key);
    return out;
}

Overlay Big() {
    Overlay o;
    o.kind = OverlayKind::kBigPartyCommittee;
    o.name = "海发社区大党委";
    o.founded_on = D("2018-03-01");
    return o;
}

MemberUnit Unit(const char* name, UnitType type = UnitType::kSchool) {
    MemberUnit u;
    u.name = name;
    u.type = type;
    u.joined_on = D("2018-03-01");
    return u;
}

TEST(Overlay, KindsAndUnitTypesHaveStableWireNames) {
    for (auto k : {OverlayKind::kBigWorkingCommittee, OverlayKind::kBigPartyCommittee, OverlayKind::kJointCommittee,
                   OverlayKind::kAlliance, OverlayKind::kJointMeeting})
        EXPECT_EQ(ParseOverlayKind(ToString(k)), k);
    EXPECT_EQ(ToString(OverlayKind::kBigWorkingCommittee), "big_working_committee");
    EXPECT_FALSE(ParseOverlayKind("street_working_committee"));  // a statutory type is not an overlay kind
    EXPECT_EQ(ParseUnitType("property_company"), UnitType::kPropertyCompany);
    EXPECT_FALSE(ParseUnitType("company"));
}

// domain.md §9: two-new organizations = non-public enterprises + social organizations.
TEST(Overlay, TwoNewDefaultsFromTheUnitType) {
    EXPECT_TRUE(DefaultTwoNew(UnitType::kNonPublicEnterprise));
    EXPECT_TRUE(DefaultTwoNew(UnitType::kSocialOrg));
    EXPECT_FALSE(DefaultTwoNew(UnitType::kSoe));
    EXPECT_FALSE(DefaultTwoNew(UnitType::kPolice));
}

// GB 32100-2015: the 18th character checks the first 17 (alphabet without I, O, S, V, Z). The examples are
// synthetic (region 990000 does not exist), except the standard's widely quoted sample.
TEST(Overlay, UsccChecksumFollowsGb32100) {
    EXPECT_TRUE(UsccValid("91350100M000100Y43"));
    EXPECT_TRUE(UsccValid("91990000MA0000001B"));
    EXPECT_TRUE(UsccValid("52990000MJ0000001W"));
    EXPECT_FALSE(UsccValid("91990000MA0000001C"));  // wrong check character
    EXPECT_FALSE(UsccValid("91990000MA000000IB"));  // I is not in the alphabet
    EXPECT_FALSE(UsccValid("91990000MA0000001"));   // 17 characters
    EXPECT_EQ(UsccCheckChar("12990000400000001"), 'T');
    EXPECT_EQ(NormalizeUscc(" 91990000ma0000001b "), "91990000MA0000001B");
}

TEST(Overlay, FieldRulesNameEachField) {
    const auto today = D("2026-11-23");
    auto o = Big();
    o.name = "";
    o.founded_on = D("2027-01-01");
    o.meeting_period_months = 30;
    o.last_meeting_on = D("2026-12-01");
    Error e;
    CheckOverlay(o, today, e);
    EXPECT_EQ(Fields(e), (std::vector<std::string>{"name:overlay.name", "founded_on:date.future",
                                                   "meeting_period_months:json.range", "last_meeting_on:date.future"}));
    Error ok;
    CheckOverlay(Big(), today, ok);
    EXPECT_TRUE(ok.fields.empty());

    auto u = Unit("");
    u.uscc = "91990000MA0000001C";
    u.joined_on = D("2017-12-31");
    u.head.post = "校长";  // a post without the person's name
    Error ue;
    CheckUnit(u, Big(), today, ue);
    EXPECT_EQ(Fields(ue),
              (std::vector<std::string>{"name:overlay.unit.name", "uscc:overlay.uscc.invalid",
                                        "joined_on:overlay.before_founded", "head_name:overlay.head.name"}));
    Error uok;
    auto good = Unit("某某小学");
    good.uscc = "12990000400000001T";
    good.head = {"林某某", "党支部书记", 0};
    CheckUnit(good, Big(), today, uok);
    EXPECT_TRUE(uok.fields.empty());
}

TEST(Overlay, AUnitLeavesAfterItJoinedAndOnlyOnce) {
    const auto today = D("2026-11-23");
    auto u = Unit("某某派出所", UnitType::kPolice);
    Error early, future, ok;
    CheckUnitEnd(u, D("2018-03-01"), today, early);
    EXPECT_EQ(Fields(early), std::vector<std::string>{"on:overlay.unit.end_before_join"});
    CheckUnitEnd(u, D("2026-11-24"), today, future);
    EXPECT_EQ(Fields(future), std::vector<std::string>{"on:date.future"});
    CheckUnitEnd(u, today, today, ok);
    EXPECT_TRUE(ok.fields.empty());
    u.left_on = today;
    EXPECT_FALSE(u.ActiveOn(today));  // the leaving day is exclusive
    EXPECT_TRUE(u.ActiveOn(D("2026-11-22")));
    Error twice;
    CheckUnitEnd(u, today, today, twice);
    EXPECT_EQ(Fields(twice), std::vector<std::string>{"on:overlay.unit.already_left"});
}

TEST(Overlay, TheRosterHoldsActiveUnitsOnceWithAPeriodAndAStart) {
    const auto today = D("2026-11-23");
    auto a = Unit("甲");
    a.id = 1;
    auto b = Unit("乙");
    b.id = 2;
    b.left_on = D("2026-01-01");
    Error e;
    CheckRoster(Rotation{{1, 1, 2, 3}, 0, std::nullopt}, Big(), {a, b}, today, e);
    EXPECT_EQ(Fields(e),
              (std::vector<std::string>{"unit_ids[1]:overlay.roster.repeated", "unit_ids[2]:overlay.roster.not_a_unit",
                                        "unit_ids[3]:overlay.roster.not_a_unit", "period_months:json.range",
                                        "start:json.required"}));
    Error ok, cleared;
    CheckRoster(Rotation{{1}, 1, D("2026-01-01")}, Big(), {a, b}, today, ok);
    EXPECT_TRUE(ok.fields.empty());
    CheckRoster(Rotation{}, Big(), {a, b}, today, cleared);  // an empty order clears the rotation
    EXPECT_TRUE(cleared.fields.empty());
}

// domain.md §1.4: the joint meeting "meets once per half year" in one example — the period is data, the due day
// a reminder counted from the last meeting (or the founding).
TEST(Overlay, TheJointMeetingIsDueAfterItsConfiguredPeriod) {
    auto o = Big();
    EXPECT_FALSE(MeetingDue(o, D("2026-11-23")));  // no fixed schedule
    o.meeting_period_months = 6;
    o.last_meeting_on = D("2026-03-20");
    auto due = MeetingDue(o, D("2026-09-20"));
    ASSERT_TRUE(due);
    EXPECT_EQ(due->key, "overlay.due.meeting");
    EXPECT_EQ(due->due.ToString(), "2026-09-20");
    EXPECT_FALSE(due->overdue);
    EXPECT_TRUE(MeetingDue(o, D("2026-09-21"))->overdue);
    o.last_meeting_on.reset();
    EXPECT_EQ(MeetingDue(o, D("2026-11-23"))->due.ToString(), "2018-09-01");
}

TEST(Overlay, CountsHoldActiveUnitsAndTheirNamedHeads) {
    auto a = Unit("甲");
    a.head.name = "林某";
    auto b = Unit("乙");
    auto c = Unit("丙");
    c.head.name = "陈某";
    c.left_on = D("2025-01-01");
    const auto n = CountUnits({a, b, c}, D("2026-11-23"));
    EXPECT_EQ(n.overlays, 1);
    EXPECT_EQ(n.units, 2);
    EXPECT_EQ(n.part_time_members, 1);
    EXPECT_EQ(n.linked_members, 0);
}

}  // namespace
}  // namespace lianxin::core::org
