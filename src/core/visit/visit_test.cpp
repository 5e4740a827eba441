// Visits (issue 17: 民情面对面 sessions, seed 000; 大走访 household visits with 六清楚, seed 002): the code list of the
// 六清楚 as the seed names them, their storage text, and the field rules naming each field.
#include "core/visit/visit.hpp"

#include <gtest/gtest.h>

#include <set>

namespace lianxin::core::visit {
namespace {

const Date kToday = *Date::Parse("2026-11-25");

std::set<std::string> Fields(const Error& e) {
    std::set<std::string> out;
    for (const auto& f : e.fields) out.insert(f.field);
    return out;
}

// Seed 002: "做到六清楚(低保困难户、残疾人、下岗职工、空巢老人、社区党员、流动人口)" — six items, in that order.
TEST(SixClears, TheCodeListIsTheSeedsSixItemsInOrder) {
    std::vector<std::string> names;
    std::set<std::string> codes;
    for (const auto& c : Clears()) {
        names.emplace_back(c.name_zh);
        codes.emplace(c.code);
        EXPECT_FALSE(c.name_en.empty());
    }
    EXPECT_EQ(names,
              (std::vector<std::string>{"低保困难户", "残疾人", "下岗职工", "空巢老人", "社区党员", "流动人口"}));
    EXPECT_EQ(codes.size(), kClearCount);
}

TEST(SixClears, AChecklistRoundTripsThroughItsStoredText) {
    Checklist c{};
    c[static_cast<std::size_t>(Clear::kDisabled)] = Answer::kYes;
    c[static_cast<std::size_t>(Clear::kFloating)] = Answer::kNo;
    const auto text = EncodeChecklist(c);
    EXPECT_EQ(text,
              "low_income=unknown;disabled=yes;laid_off=unknown;empty_nest=unknown;party_member=unknown;"
              "floating=no");
    auto back = DecodeChecklist(text);
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, c);
    EXPECT_EQ(KnownCount(c), 2);
    EXPECT_FALSE(DecodeChecklist("disabled=yes"));  // not all six
    EXPECT_FALSE(DecodeChecklist(""));
    EXPECT_FALSE(DecodeChecklist(text + ";disabled=maybe"));  // a bad answer
}

TEST(SixClears, TheClientsAnswersAreReadByCodeAndAnUnknownCodeIsNamed) {
    Error errors = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    auto c = ReadChecklist({{"low_income", "yes"}, {"empty_nest", "no"}, {"pets", "yes"}, {"disabled", "maybe"}},
                           errors);
    EXPECT_EQ(Fields(errors), (std::set<std::string>{"clears.pets", "clears.disabled"}));
    EXPECT_EQ(c[static_cast<std::size_t>(Clear::kLowIncome)], Answer::kYes);
    EXPECT_EQ(c[static_cast<std::size_t>(Clear::kEmptyNest)], Answer::kNo);
    EXPECT_EQ(c[static_cast<std::size_t>(Clear::kDisabled)], Answer::kUnknown);
}

TEST(HouseholdVisit, EachBadFieldIsNamedAndNeedsAreNumbered) {
    HouseholdVisit v;
    v.grid_id = 0;
    v.building = "";
    v.resident_phone = "12345";
    v.needs = {patrol::Item{}, patrol::Item{}};
    v.needs[0].text = "家中老人需要助餐服务";
    v.needs[1].text = "x";
    Error errors = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    CheckHouseholdVisit("2026-11-30", kToday, v, 6, errors);
    EXPECT_EQ(Fields(errors), (std::set<std::string>{"day", "grid_id", "building", "resident_phone", "needs[1].text"}));
    EXPECT_EQ(v.needs[0].seq, 1);
    EXPECT_EQ(v.needs[1].seq, 2);
}

TEST(Session, AttendanceAndProblemsAreChecked) {
    Session s;
    s.org_id = 7;
    s.place = "海虹社区民情面对面工作室";
    s.residents_count = -1;
    s.problems.resize(51);
    for (auto& p : s.problems) p.text = "楼道灯不亮";
    Error errors = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    CheckSession("", kToday, s, 6, errors);
    EXPECT_EQ(Fields(errors), (std::set<std::string>{"residents_count", "problems"}));
    EXPECT_EQ(s.day, kToday);
}

}  // namespace
}  // namespace lianxin::core::visit
