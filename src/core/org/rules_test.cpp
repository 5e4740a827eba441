#include "core/org/rules.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::org {
namespace {

std::vector<std::string> Keys(const std::vector<Warning>& ws) {
    std::vector<std::string> keys;
    for (const auto& w : ws) keys.push_back(w.key);
    return keys;
}

SizingFacts Facts(int full, int probationary, int seats = 0, int units = 0) {
    SizingFacts f;
    f.headcount = {full, probationary};
    f.committee_seats = seats;
    f.covered_units = units;
    return f;
}

using Keys_ = std::vector<std::string>;

// domain.md §1.2: "Minimum to found a branch ≥3 full (正式) members" — probationary members do not count.
TEST(OrgSizing, BranchNeedsThreeFullMembersProbationaryDoNotCount) {
    EXPECT_EQ(Keys(CheckSizing(OrgType::kBranch, Facts(2, 5, 1))), Keys_{"org.rule.branch_min_full"});
    EXPECT_TRUE(CheckSizing(OrgType::kBranch, Facts(3, 0, 1)).empty());
    auto w = CheckSizing(OrgType::kBranch, Facts(2, 0, 1));
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].params.at("full"), "2");
}

// domain.md §1.2: "Branch size cap ≤50 members" — a branch above 50 must split.
TEST(OrgSizing, BranchAboveFiftyMustSplit) {
    EXPECT_TRUE(CheckSizing(OrgType::kBranch, Facts(40, 10, 5)).empty());
    EXPECT_EQ(Keys(CheckSizing(OrgType::kBranch, Facts(41, 10, 5))), Keys_{"org.rule.branch_max"});
}

// domain.md §1.2: a committee is required from 7 full members, 3–5 seats, normally ≤7; below 7 full members
// only a secretary and, if needed, a deputy.
TEST(OrgSizing, CommitteeFromSevenFullMembers) {
    EXPECT_EQ(Keys(CheckSizing(OrgType::kBranch, Facts(7, 0, 1))), Keys_{"org.rule.committee_required"});
    EXPECT_TRUE(CheckSizing(OrgType::kBranch, Facts(7, 0, 3)).empty());
    EXPECT_TRUE(CheckSizing(OrgType::kBranch, Facts(7, 0, 5)).empty());
    EXPECT_EQ(Keys(CheckSizing(OrgType::kBranch, Facts(7, 0, 6))), Keys_{"org.rule.committee_usual"});
    EXPECT_EQ(Keys(CheckSizing(OrgType::kBranch, Facts(7, 0, 8))), Keys_{"org.rule.committee_max"});
    EXPECT_TRUE(CheckSizing(OrgType::kBranch, Facts(6, 3, 2)).empty());
    EXPECT_EQ(Keys(CheckSizing(OrgType::kBranch, Facts(6, 3, 3))), Keys_{"org.rule.no_committee_below_seven"});
}

// domain.md §1.2: "a joint branch covers ≤5 units (一般不超过5个)".
TEST(OrgSizing, JointBranchCoversAtMostFiveUnits) {
    EXPECT_TRUE(CheckSizing(OrgType::kJointBranch, Facts(4, 0, 1, 5)).empty());
    EXPECT_EQ(Keys(CheckSizing(OrgType::kJointBranch, Facts(4, 0, 1, 6))), Keys_{"org.rule.joint_branch_units"});
}

// domain.md §1.2: 党总支 "党员50人以上、100人以下"; 基层党委 ≥100; either may be set outside the band with approval.
TEST(OrgSizing, GeneralBranchAndCommitteeBands) {
    EXPECT_EQ(Keys(CheckSizing(OrgType::kGeneralBranch, Facts(40, 9))), Keys_{"org.rule.general_branch_size"});
    EXPECT_TRUE(CheckSizing(OrgType::kGeneralBranch, Facts(45, 5)).empty());
    EXPECT_TRUE(CheckSizing(OrgType::kGeneralBranch, Facts(90, 9)).empty());
    EXPECT_EQ(Keys(CheckSizing(OrgType::kGeneralBranch, Facts(95, 5))), Keys_{"org.rule.general_branch_size"});
    EXPECT_EQ(Keys(CheckSizing(OrgType::kGrassrootsCommittee, Facts(90, 9))), Keys_{"org.rule.committee_min"});
    EXPECT_TRUE(CheckSizing(OrgType::kGrassrootsCommittee, Facts(95, 5)).empty());
    auto approved = Facts(30, 0);
    approved.size_approved = true;
    EXPECT_TRUE(CheckSizing(OrgType::kGeneralBranch, approved).empty());
    EXPECT_TRUE(CheckSizing(OrgType::kGrassrootsCommittee, approved).empty());
    EXPECT_TRUE(CheckSizing(OrgType::kStreetWorkingCommittee, Facts(0, 0)).empty());
}

// domain.md §1 "Org-type suggestion by headcount: ≥100 → 基层党委; 50–99 → 党总支; 3–49 → 党支部".
TEST(OrgSizing, SuggestTypeByHeadcount) {
    EXPECT_EQ(SuggestType({100, 0}), OrgType::kGrassrootsCommittee);
    EXPECT_EQ(SuggestType({95, 4}), OrgType::kGeneralBranch);
    EXPECT_EQ(SuggestType({50, 0}), OrgType::kGeneralBranch);
    EXPECT_EQ(SuggestType({3, 46}), OrgType::kBranch);
    EXPECT_EQ(SuggestType({2, 1}), OrgType::kJointBranch);
}

// domain.md §1.3: grassroots committees and community/village bodies 5 years, other (general) branches 3.
TEST(OrgTerms, FiveYearsForCommitteesAndCommunityBodiesThreeForBranches) {
    EXPECT_EQ(TermYears(OrgType::kGrassrootsCommittee, PlaceKind::kCompound), 5);
    EXPECT_EQ(TermYears(OrgType::kBranch, PlaceKind::kCommunity), 5);
    EXPECT_EQ(TermYears(OrgType::kGeneralBranch, PlaceKind::kCommunity), 5);
    EXPECT_EQ(TermYears(OrgType::kBranch, PlaceKind::kCompound), 3);
    EXPECT_EQ(TermYears(OrgType::kGeneralBranch, PlaceKind::kNone), 3);
    EXPECT_EQ(TermYears(OrgType::kStreetWorkingCommittee, PlaceKind::kStreet), 5);
}

// domain.md §1.3: "Postponing or advancing an election needs approval of the higher committee; ≤1 year".
TEST(OrgTerms, ShiftAtMostOneYearAndDueOnTermEnd) {
    EXPECT_FALSE(CheckTermShift(12));
    EXPECT_FALSE(CheckTermShift(-12));
    ASSERT_TRUE(CheckTermShift(13));
    EXPECT_EQ(CheckTermShift(13)->key, "org.rule.term_shift");

    Term t{*Date::Parse("2021-06-30"), 3, 0};
    EXPECT_EQ(t.End().ToString(), "2024-06-30");
    EXPECT_FALSE(CheckTermDue(t, *Date::Parse("2024-06-29")));
    ASSERT_TRUE(CheckTermDue(t, *Date::Parse("2024-06-30")));
    EXPECT_EQ(CheckTermDue(t, *Date::Parse("2024-06-30"))->params.at("term_end"), "2024-06-30");
    t.shift_months = 6;  // postponed half a year with approval
    EXPECT_FALSE(CheckTermDue(t, *Date::Parse("2024-12-29")));
}

// domain.md §1 "must enforce": secretary/deputy changes need a higher-org approval record, committee
// members a filing record.
TEST(OrgPost, AppointmentNeedsItsRecord) {
    EXPECT_EQ(CheckAppointment(Post::kSecretary, "").error().message_key, "org.rule.secretary_approval");
    EXPECT_EQ(CheckAppointment(Post::kDeputySecretary, "").error().message_key, "org.rule.secretary_approval");
    EXPECT_EQ(CheckAppointment(Post::kPublicity, "").error().message_key, "org.rule.committee_filing");
    EXPECT_TRUE(CheckAppointment(Post::kSecretary, "嵩工委〔2024〕3号"));
}

TEST(OrgPost, RoundTrips) {
    for (auto p : {Post::kSecretary, Post::kDeputySecretary, Post::kOrganization, Post::kPublicity, Post::kDiscipline,
                   Post::kMember})
        EXPECT_EQ(ParsePost(ToString(p)), p);
    EXPECT_FALSE(ParsePost("chairman"));
}

}  // namespace
}  // namespace lianxin::core::org
