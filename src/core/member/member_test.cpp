#include <gtest/gtest.h>

#include "core/member/id_number.hpp"
#include "core/member/masking.hpp"
#include "core/member/member.hpp"

namespace lianxin::core::member {

TEST(IdNumber, ChecksumFollowsGb11643) {
    // The standard's published example: 11010519491231002X.
    EXPECT_EQ(IdNumberCheckChar("11010519491231002"), 'X');
    auto facts = ParseIdNumber("11010519491231002X");
    ASSERT_TRUE(facts);
    EXPECT_EQ(facts->birth_date.ToString(), "1949-12-31");
    EXPECT_EQ(facts->sex, Sex::kFemale);  // 17th digit 2 is even
}

TEST(IdNumber, RefusesWithFieldNamed) {
    struct Case {
        const char* input;
        const char* key;
    } cases[] = {
        {"11010519491231002", "id_number.length"},
        {"11010519491231002Y", "id_number.digits"},
        {"110105194902300021", "id_number.birth_date"},
        {"110105194912310021", "id_number.checksum"},
    };
    for (const auto& c : cases) {
        auto r = ParseIdNumber(c.input, "members[3].id_number");
        ASSERT_FALSE(r) << c.input;
        ASSERT_EQ(r.error().fields.size(), 1u);
        EXPECT_EQ(r.error().fields[0].field, "members[3].id_number");
        EXPECT_EQ(r.error().fields[0].message_key, c.key) << c.input;
    }
}

TEST(IdNumber, AcceptsFullWidthAndLowerX) {
    auto r = ParseIdNumber("１１０１０５１９４９１２３１００２ｘ");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->canonical, "11010519491231002X");
    EXPECT_TRUE(ParseIdNumber("11010519491231002x"));
}

TEST(Masking, PhoneAndIdKeepOnlyTheEnds) {
    // docs/api.md and domain.md §11: 138****1234; ID first 2 + last 3.
    EXPECT_EQ(MaskPhone("13812341234"), "138****1234");
    EXPECT_EQ(MaskIdNumber("11010519491231002X"), "11*************02X");
    EXPECT_EQ(MaskName("张三丰"), "张**");
    EXPECT_EQ(MaskAddress("厦门市海沧区嵩屿街道海发社区1号"), "厦门市海沧区****");
    EXPECT_EQ(MaskPhone(""), "");
}

TEST(PartyAge, CountsFromConversionDate) {
    // domain.md §2.3 worked example: join 2023-07-01, conversion 2024-07-01, party age on 2026-07-01 = 2.
    Member m;
    m.category = Category::kFull;
    m.join_date = Date::Parse("2023-07-01");
    m.conversion_date = ProbationEnd(*m.join_date, LeapDay::kFeb28);
    EXPECT_EQ(m.conversion_date->ToString(), "2024-07-01");
    EXPECT_EQ(PartyAge(m, *Date::Parse("2026-07-01"), LeapDay::kFeb28), 2);
    EXPECT_EQ(PartyAge(m, *Date::Parse("2026-06-30"), LeapDay::kFeb28), 1);
}

// domain.md §2.3 [UNKNOWN] (issue 16 "29 February anniversaries"): a 29 February anniversary falls on 28 Feb
// in a year without one by default, on 1 Mar where the org's policy member.leap_day_anniversary says mar_1.
TEST(PartyAge, TwentyNinthFebruaryFallsAsTheOrgsRuleSays) {
    Member m;
    m.category = Category::kFull;
    m.conversion_date = Date::Parse("2028-02-29");
    EXPECT_EQ(PartyAge(m, *Date::Parse("2029-02-28"), LeapDay::kFeb28), 1);
    EXPECT_EQ(PartyAge(m, *Date::Parse("2029-02-28"), LeapDay::kMar1), 0);
    EXPECT_EQ(PartyAge(m, *Date::Parse("2029-03-01"), LeapDay::kMar1), 1);
    EXPECT_EQ(PartyAge(m, *Date::Parse("2032-02-29"), LeapDay::kMar1), 4);  // a leap year: the day itself
    EXPECT_EQ(ProbationEnd(*Date::Parse("2024-02-29"), LeapDay::kFeb28)->ToString(), "2025-02-28");
    EXPECT_EQ(ProbationEnd(*Date::Parse("2024-02-29"), LeapDay::kMar1)->ToString(), "2025-03-01");
    EXPECT_EQ(ProbationEnd(*Date::Parse("2024-03-01"), LeapDay::kMar1)->ToString(), "2025-03-01");
    EXPECT_EQ(Date::Parse("2024-08-31")->AddMonths(6, LeapDay::kMar1).ToString(), "2025-02-28");  // a month end
}

// The rule is the policy in force for the member's org on the day asked: national default 28 Feb before a
// street's change, 1 Mar from it (core/policy/catalogue.hpp, source domain.md §2.3).
TEST(PartyAge, TheAnniversaryRuleIsThePolicyOfTheDay) {
    policy::Setting s;
    s.key = std::string(policy::kMemberLeapDayAnniversary);
    s.org_id = 5;
    s.org_path = "/1/5/";
    s.valid_from = *Date::Parse("2027-01-01");
    s.value = 1;  // mar_1
    const policy::Policies branch("/1/5/9/", {s});
    EXPECT_EQ(AnniversaryRule(branch, *Date::Parse("2026-12-31")), LeapDay::kFeb28);
    EXPECT_EQ(AnniversaryRule(branch, *Date::Parse("2027-01-01")), LeapDay::kMar1);
    EXPECT_EQ(AnniversaryRule(policy::Policies("/1/6/", {s}), *Date::Parse("2027-01-01")), LeapDay::kFeb28);
    EXPECT_EQ(AnniversaryRule(policy::Policies(), *Date::Parse("2027-01-01")), LeapDay::kFeb28);
}

TEST(PartyAge, ProbationaryMembersHaveNone) {
    // domain.md §2.3: probationary members have party membership but no party age.
    Member m;
    m.category = Category::kProbationary;
    m.join_date = Date::Parse("2025-07-01");
    EXPECT_FALSE(PartyAge(m, *Date::Parse("2026-11-23"), LeapDay::kFeb28));
}

}  // namespace lianxin::core::member
