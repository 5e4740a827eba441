#include "core/org/party_group.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::org {
namespace {

std::vector<std::string> Fields(const Error& e) {
    std::vector<std::string> out;
    for (const auto& f : e.fields) out.push_back(f.field + ":" + f.message_key);
    return out;
}

// domain.md §1.1: a building or yard party group is a subdivision of a branch, not a party organization; only
// branches hold groups.
TEST(PartyGroup, OnlyBranchesHoldGroups) {
    EXPECT_TRUE(MayHoldGroups(OrgType::kBranch));
    EXPECT_TRUE(MayHoldGroups(OrgType::kJointBranch));
    EXPECT_FALSE(MayHoldGroups(OrgType::kGeneralBranch));
    EXPECT_FALSE(MayHoldGroups(OrgType::kGrassrootsCommittee));
}

TEST(PartyGroup, EachWrongFieldIsNamed) {
    Error ok;
    CheckGroup({"3号楼党小组", GroupScope::kBuilding, "3号楼"}, ok);
    EXPECT_TRUE(ok.fields.empty());
    Error bad;
    CheckGroup({"组", std::nullopt, std::string(41, 'x')}, bad);
    EXPECT_EQ(Fields(bad),
              (std::vector<std::string>{"name:field.text", "scope:group.scope.unknown", "scope_name:field.text"}));
    for (auto s :
         {GroupScope::kBuilding, GroupScope::kYard, GroupScope::kGrid, GroupScope::kWorkUnit, GroupScope::kOther})
        EXPECT_EQ(ParseGroupScope(ToString(s)), s);
}

// A unit a joint branch covers carries a valid 统一社会信用代码 when one is given (GB 32100-2015 check character).
TEST(CoveredUnit, TheCreditCodeIsChecked) {
    Error ok;
    CheckCoveredUnit({"海沧区某某小学", UnitType::kSchool, ""}, ok);
    EXPECT_TRUE(ok.fields.empty());
    Error bad;
    CheckCoveredUnit({"", std::nullopt, "91350200MA2XXXXXX1"}, bad);
    EXPECT_EQ(Fields(bad), (std::vector<std::string>{"name:field.text", "unit_type:overlay.unit_type_unknown",
                                                     "uscc:overlay.uscc.invalid"}));
}

}  // namespace
}  // namespace lianxin::core::org
