#include "core/org/org.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::org {

TEST(OrgPath, ChildAndSubtree) {
    EXPECT_EQ(ChildPath("/", 1), "/1/");
    EXPECT_EQ(ChildPath("/1/5/", 23), "/1/5/23/");
    EXPECT_TRUE(InSubtree("/1/5/23/", "/1/5/"));
    EXPECT_TRUE(InSubtree("/1/5/", "/1/5/"));
    EXPECT_FALSE(InSubtree("/1/50/", "/1/5/"));  // a sibling whose id shares a prefix
    EXPECT_FALSE(InSubtree("/1/", "/1/5/"));     // the parent
    EXPECT_FALSE(InSubtree("/1/5/", ""));
}

TEST(OrgPath, RangeHoldsExactlyTheSubtree) {
    auto [lo, hi] = SubtreeRange("/1/5/");
    auto in = [&](const std::string& p) { return p >= lo && p < hi; };
    EXPECT_TRUE(in("/1/5/"));
    EXPECT_TRUE(in("/1/5/23/"));
    EXPECT_TRUE(in("/1/5/999999/1/"));
    EXPECT_FALSE(in("/1/50/"));
    EXPECT_FALSE(in("/1/6/"));
    EXPECT_FALSE(in("/1/4/9/"));
}

TEST(OrgPath, PathIds) { EXPECT_EQ(PathIds("/1/5/23/"), (std::vector<std::int64_t>{1, 5, 23})); }

// A user's audit rows are filed under the deepest org covering all its grants (issue 15 defect 5).
TEST(OrgPath, CommonAncestorPath) {
    EXPECT_EQ(CommonAncestorPath({"/1/5/23/", "/1/5/30/"}), "/1/5/");
    EXPECT_EQ(CommonAncestorPath({"/1/5/23/", "/1/5/"}), "/1/5/");
    EXPECT_EQ(CommonAncestorPath({"/1/5/23/"}), "/1/5/23/");
    EXPECT_EQ(CommonAncestorPath({"/1/5/", "/1/50/"}), "/1/");
    EXPECT_EQ(CommonAncestorPath({"/1/5/", "/2/5/"}), "");
    EXPECT_EQ(CommonAncestorPath({}), "");
}

TEST(Org, ValidOnIsHalfOpen) {
    Org o;
    o.valid_from = *Date::Parse("2020-01-01");
    o.valid_to = Date::Parse("2025-01-01");
    EXPECT_FALSE(o.ValidOn(*Date::Parse("2019-12-31")));
    EXPECT_TRUE(o.ValidOn(*Date::Parse("2020-01-01")));
    EXPECT_TRUE(o.ValidOn(*Date::Parse("2024-12-31")));
    EXPECT_FALSE(o.ValidOn(*Date::Parse("2025-01-01")));
}

TEST(OrgType, RoundTrips) {
    for (auto t : {OrgType::kDistrictCommittee, OrgType::kStreetWorkingCommittee, OrgType::kGrassrootsCommittee,
                   OrgType::kGeneralBranch, OrgType::kBranch, OrgType::kJointBranch, OrgType::kTemporaryBranch})
        EXPECT_EQ(ParseOrgType(ToString(t)), t);
    EXPECT_FALSE(ParseOrgType("big_party_committee"));  // overlays are never tree types (domain.md §1)
}

}  // namespace lianxin::core::org
