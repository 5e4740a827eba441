// The policy store's rules (issue 16; domain.md "Everything local is policy data": national default → province
// → city → district → street, with effective dates, historic records judged by the rule valid at the time).
#include "core/policy/policies.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::policy {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

Setting S(std::int64_t id, std::int64_t org, const char* path, const char* from, std::optional<const char*> to,
          std::int64_t value) {
    Setting s;
    s.id = id;
    s.key = std::string(kLostContactSearchEveryMonths);
    s.org_id = org;
    s.org_path = path;
    s.valid_from = D(from);
    if (to) s.valid_to = D(*to);
    s.value = value;
    s.doc = "海委组〔2026〕1号";
    return s;
}

TEST(PolicyCatalogue, EveryKeyHasItsDefaultInBoundsAndASource) {
    ASSERT_FALSE(Catalogue().empty());
    for (const auto& s : Catalogue()) {
        SCOPED_TRACE(std::string(s.key));
        EXPECT_LE(s.min, s.national_default);
        EXPECT_GE(s.max, s.national_default);
        EXPECT_FALSE(s.source.empty());
        EXPECT_EQ(Find(s.key), &s);
        auto back = ParseValue(s, FormatValue(s, s.national_default));
        ASSERT_TRUE(back);
        EXPECT_EQ(*back, s.national_default);
    }
    EXPECT_EQ(Find("no.such.key"), nullptr);
}

TEST(PolicyCatalogue, ValuesOutsideTheBoundsOrChoicesNameTheField) {
    const Spec& months = *Find(kLostContactSearchEveryMonths);
    for (const char* bad : {"0", "13", "", "3x", "-1", "2.5"}) {
        auto r = ParseValue(months, bad);
        ASSERT_FALSE(r) << bad;
        EXPECT_EQ(r.error().fields.at(0).field, "value");
        EXPECT_EQ(r.error().fields.at(0).message_key, "policy.value.range");
        EXPECT_EQ(r.error().fields.at(0).params.at("max"), "12");
    }
    // A choice key (the kind the 29 February rule of domain.md §2.3 will take) reads its names.
    constexpr std::array<std::string_view, 2> kNames{"feb28", "mar1"};
    const Spec leap{"member.test_choice", ValueKind::kChoice, 0, 1, 0, "", kNames, "domain.md §2.3", "UNKNOWN"};
    EXPECT_EQ(*ParseValue(leap, "mar1"), 1);
    EXPECT_EQ(FormatValue(leap, 1), "mar1");
    auto r = ParseValue(leap, "mar2");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().fields.at(0).message_key, "policy.value.choice");
}

TEST(Policies, AnOrgWithoutASettingHasTheNationalDefault) {
    Policies p("/1/5/", {S(1, 9, "/1/9/", "2026-01-01", std::nullopt, 1)});  // a sibling's setting
    EXPECT_EQ(p.InForce(kLostContactSearchEveryMonths, D("2026-06-01")), nullptr);
    EXPECT_EQ(p.Value(kLostContactSearchEveryMonths, D("2026-06-01")), 3);
    EXPECT_EQ(Policies().Value(kTransferMaxValidityDays, D("2026-06-01")), 90);
}

TEST(Policies, AChildDistrictOverridesItsCityForItsSubtreeOnly) {
    Policies street("/1/5/23/",
                    {S(1, 1, "/1/", "2026-01-01", std::nullopt, 2), S(2, 5, "/1/5/", "2026-01-01", std::nullopt, 1)});
    EXPECT_EQ(street.Value(kLostContactSearchEveryMonths, D("2026-03-01")), 1);
    EXPECT_EQ(street.InForce(kLostContactSearchEveryMonths, D("2026-03-01"))->org_id, 5);
    Policies other_district(
        "/1/6/", {S(1, 1, "/1/", "2026-01-01", std::nullopt, 2), S(2, 5, "/1/5/", "2026-01-01", std::nullopt, 1)});
    EXPECT_EQ(other_district.Value(kLostContactSearchEveryMonths, D("2026-03-01")), 2);
    // "/1/5/" does not hold for "/1/55/" (paths end with a slash).
    EXPECT_EQ(Policies("/1/55/", {S(2, 5, "/1/5/", "2026-01-01", std::nullopt, 1)})
                  .Value(kLostContactSearchEveryMonths, D("2026-03-01")),
              3);
}

TEST(Policies, ADateBeforeAChangeIsJudgedByTheOldSetting) {
    Policies p("/1/5/",
               {S(1, 5, "/1/5/", "2025-01-01", "2026-07-01", 2), S(2, 5, "/1/5/", "2026-07-01", std::nullopt, 1)});
    EXPECT_EQ(p.Value(kLostContactSearchEveryMonths, D("2024-12-31")), 3);  // before any setting: the default
    EXPECT_EQ(p.Value(kLostContactSearchEveryMonths, D("2026-06-30")), 2);
    EXPECT_EQ(p.Value(kLostContactSearchEveryMonths, D("2026-07-01")), 1);
}

TEST(PolicyChange, APastFirstDayAMissingDocumentAndABadValueAreRefusedTogether) {
    Setting s = S(0, 5, "/1/5/", "2026-12-06", std::nullopt, 0);
    s.doc = "";
    auto r = PlanChange({}, s, "99", D("2026-12-07"));
    ASSERT_FALSE(r);
    std::vector<std::string> fields;
    for (const auto& f : r.error().fields) fields.push_back(f.field + ":" + f.message_key);
    EXPECT_EQ(fields,
              (std::vector<std::string>{"value:policy.value.range", "doc:field.text", "valid_from:policy.rule.past"}));
    s.key = "no.such.key";
    EXPECT_EQ(PlanChange({}, s, "1", D("2026-12-07")).error().fields.at(0).message_key, "policy.key.unknown");
}

TEST(PolicyChange, ClosesTheOpenSettingAndWithdrawsAPendingOne) {
    std::vector<Setting> existing{S(1, 5, "/1/5/", "2025-01-01", "2026-07-01", 2),   // ended: untouched
                                  S(2, 5, "/1/5/", "2026-07-01", "2027-03-01", 1),   // in force today
                                  S(3, 5, "/1/5/", "2027-03-01", std::nullopt, 4),   // pending
                                  S(4, 9, "/1/9/", "2026-01-01", std::nullopt, 6)};  // another org
    Setting s = S(0, 5, "/1/5/", "2027-01-01", std::nullopt, 0);
    auto r = PlanChange(existing, s, "5", D("2026-12-07"));
    ASSERT_TRUE(r) << r.error().fields.size();
    EXPECT_EQ(r->setting.value, 5);
    EXPECT_FALSE(r->setting.valid_to);
    ASSERT_EQ(r->closes.size(), 2u);
    EXPECT_EQ(r->closes[0], std::make_pair(std::int64_t{2}, D("2027-01-01")));
    EXPECT_EQ(r->closes[1], std::make_pair(std::int64_t{3}, D("2027-03-01")));  // withdrawn: an empty span
    // Today is allowed: a change from today holds from today.
    EXPECT_TRUE(PlanChange(existing, S(0, 5, "/1/5/", "2026-12-07", std::nullopt, 0), "5", D("2026-12-07")));
}

}  // namespace
}  // namespace lianxin::core::policy
