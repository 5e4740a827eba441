#include "core/grid/grid.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::grid {
namespace {

std::vector<std::string> Fields(const Error& e) {
    std::vector<std::string> out;
    for (const auto& f : e.fields) out.push_back(f.field + ":" + f.message_key);
    return out;
}
using Strings = std::vector<std::string>;

Grid Valid() {
    Grid g;
    g.code = "370102013006008";
    g.name = "海发第一网格";
    g.households = 420;
    g.residents = 1180;
    g.buildings = {"1号楼", "2号楼"};
    g.leader = {0, 0, "陈网格长", ""};
    g.covering_org_id = 7;
    g.team = {{TeamRole::kWorker, PostKind::kNone, {0, 0, "李网格员", "0592-1234567"}, ""},
              {TeamRole::kMember, PostKind::kRegular, {12, 0, "王党员", ""}, ""},
              {TeamRole::kVolunteer, PostKind::kSpecialty, {0, 0, "赵志愿者", ""}, "义诊"}};
    return g;
}

// domain.md §7.1 "Coding": grid 15 digits = 12-digit community division code + 3-digit sequence.
TEST(GridCode, FifteenDigitsWithASequenceAndTheCommunitysPrefix) {
    for (const std::string bad : {"37010201300600", "37010201300600X", "3701020130060081", "370102013006000"}) {
        Error e;
        CheckCode(bad, e);
        EXPECT_EQ(e.fields.size(), 1u) << bad;
    }
    Error ok;
    CheckCode("370102013006008", ok);
    EXPECT_TRUE(ok.fields.empty());

    Error other;
    CheckCodeInCommunity("370102013007001", "370102", {"370102013006008"}, other);
    EXPECT_EQ(Fields(other), Strings{"code:grid.code.community"});
    EXPECT_EQ(other.fields[0].params.at("prefix"), "370102013006");
    Error region;
    CheckCodeInCommunity("350205001002001", "370102", {}, region);
    EXPECT_EQ(Fields(region), Strings{"code:grid.code.region"});
    Error fine;
    CheckCodeInCommunity("370102013006009", "370102", {"370102013006008"}, fine);
    EXPECT_TRUE(fine.fields.empty());
}

// Seed 001: volunteers stand on 常态岗/特长岗/应急岗; a grid worker's post is the grid itself.
TEST(GridAttributes, TeamPostsAndNamesAreChecked) {
    Error none;
    CheckAttributes(Valid(), none);
    EXPECT_TRUE(none.fields.empty());
    Grid g = Valid();
    g.name.clear();
    g.team[0].post = PostKind::kEmergency;
    g.team[2].post = PostKind::kNone;
    g.team[1].person.name.clear();
    g.buildings.push_back("");
    Error e;
    CheckAttributes(g, e);
    EXPECT_EQ(Fields(e),
              (Strings{"name:grid.name", "buildings[2]:grid.building", "team[0].post:grid.team.post_for_worker",
                       "team[1].name:grid.person.name", "team[2].post:grid.team.post_required"}));
}

// domain.md §7.1 [LOCAL] 300–500 households per grid (policy grid.households_min/max): a warning, never a block.
TEST(GridWarnings, HouseholdsOutsideTheRangeAndAMissingTeamWarn) {
    EXPECT_TRUE(GridWarnings(Valid(), 300, 500).empty());
    Grid g = Valid();
    g.households = 620;
    g.leader = {};
    g.team.erase(g.team.begin());
    g.covering_org_id = 0;
    auto w = GridWarnings(g, 300, 500);
    ASSERT_EQ(w.size(), 4u);
    EXPECT_EQ(w[0].key, "grid.households_outside");
    EXPECT_EQ(w[0].params.at("max"), "500");
    EXPECT_EQ(w[1].key, "grid.team.no_leader");
    EXPECT_EQ(w[2].key, "grid.team.no_worker");
    EXPECT_EQ(w[3].key, "grid.no_cover");
}

// Issue 17: boundaries are effective-dated; the version of a day is the one whose [from, to) holds it.
TEST(GridVersions, TheVersionOfADay) {
    GridVersion old_v, new_v;
    old_v.id = 1;
    old_v.valid_from = *Date::Parse("2025-01-01");
    old_v.valid_to = *Date::Parse("2026-06-01");
    new_v.id = 2;
    new_v.valid_from = *Date::Parse("2026-06-01");
    std::vector<GridVersion> vs{old_v, new_v};
    EXPECT_EQ(VersionOn(vs, *Date::Parse("2026-05-31"))->id, 1);
    EXPECT_EQ(VersionOn(vs, *Date::Parse("2026-06-01"))->id, 2);
    EXPECT_EQ(VersionOn(vs, *Date::Parse("2024-12-31")), nullptr);
}

// Grids belong to community-level orgs (issue 17 "Grids as polygons inside communities").
TEST(GridOrgs, CommunitiesHoldGridsBranchesAndStreetsDoNot) {
    org::Org o;
    o.type = org::OrgType::kGrassrootsCommittee;
    o.place_kind = org::PlaceKind::kCommunity;
    EXPECT_TRUE(HoldsGrids(o));
    o.place_kind = org::PlaceKind::kNone;
    EXPECT_TRUE(HoldsGrids(o));  // a 社区党委 whose place was not recorded
    o.place_kind = org::PlaceKind::kStreet;
    EXPECT_FALSE(HoldsGrids(o));
    o.place_kind = org::PlaceKind::kCompound;
    o.type = org::OrgType::kBranch;
    EXPECT_FALSE(HoldsGrids(o));
}

// Round trip of the wire names.
TEST(GridNames, RolesAndPostsReadBack) {
    for (auto r : {TeamRole::kWorker, TeamRole::kMember, TeamRole::kVolunteer})
        EXPECT_EQ(ParseTeamRole(ToString(r)), r);
    for (auto k : {PostKind::kNone, PostKind::kRegular, PostKind::kSpecialty, PostKind::kEmergency})
        EXPECT_EQ(ParsePostKind(ToString(k)), k);
    EXPECT_FALSE(ParsePostKind("daily"));
}

}  // namespace
}  // namespace lianxin::core::grid
