// Narrowed grants (issue 17 "Roles and access"; domain.md §7.1 grid worker / grid head, §7.3 街乡吹哨、部门报到):
// a grid grant covers its grids and never its community's subtree; a liaison covers what was whistled to it.
#include "core/auth/narrow_scope.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::auth {
namespace {

Grant GridGrant(Role r, const std::string& community, std::vector<std::int64_t> grids) {
    Grant g{0, r, 0, community, ""};
    g.grid_ids = std::move(grids);
    return g;
}

Actor With(std::vector<Grant> grants) {
    Actor a;
    a.grants = std::move(grants);
    return a;
}

TEST(NarrowScope, AGridWorkerCoversItsGridsOnlyNotTheCommunity) {
    const Actor w = With({GridGrant(Role::kGridWorker, "/1/2/3/", {7, 9})});
    EXPECT_TRUE(CoversGrid(w, Permission::kEventRead, 7, "/1/2/3/"));
    EXPECT_TRUE(CoversGrid(w, Permission::kEventWrite, 9, "/1/2/3/"));
    EXPECT_FALSE(CoversGrid(w, Permission::kEventRead, 8, "/1/2/3/"));  // another grid of the same community
    EXPECT_FALSE(CoversGrid(w, Permission::kEventRead, 7, "/1/2/4/"));  // the grid id on another community
    // the community's subtree is not theirs: no subtree root, a subtree target is not found (404, not 403)
    EXPECT_TRUE(ScopeRoots(w, Permission::kEventRead).empty());
    auto st = Authorize(w, Permission::kEventRead, "/1/2/3/");
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code, ErrorCode::kNotFound);
    EXPECT_TRUE(AuthorizeAny(w, Permission::kEventRead));  // the route's coarse fence lets it in
    EXPECT_FALSE(AuthorizeAny(w, Permission::kMemberRead));
    EXPECT_FALSE(AuthorizeAny(w, Permission::kOrgWrite));  // reads the registry, never writes it
    EXPECT_EQ(GridIdsOf(w, Permission::kEventRead), (std::vector<std::int64_t>{7, 9}));
}

TEST(NarrowScope, AGridLeaderCoversEveryGridHeLeads) {
    const Actor l = With({GridGrant(Role::kGridLeader, "/1/2/3/", {7}), GridGrant(Role::kGridLeader, "/1/2/4/", {11})});
    EXPECT_TRUE(CoversGrid(l, Permission::kEventRead, 7, "/1/2/3/"));
    EXPECT_TRUE(CoversGrid(l, Permission::kEventRead, 11, "/1/2/4/"));
    EXPECT_EQ(GridIdsOf(l, Permission::kOrgRead), (std::vector<std::int64_t>{7, 11}));
}

TEST(NarrowScope, ASubtreeGrantCoversEveryGridBelowIt) {
    const Actor admin = With({{0, Role::kOrgAdmin, 0, "/1/2/", ""}});
    EXPECT_TRUE(CoversGrid(admin, Permission::kEventWrite, 8, "/1/2/3/"));
    EXPECT_FALSE(CoversGrid(admin, Permission::kEventWrite, 8, "/1/9/3/"));
    EXPECT_TRUE(GridIdsOf(admin, Permission::kEventRead).empty());
}

TEST(NarrowScope, ABranchSecretaryReadsTheGridsOfItsCommunity) {
    // issue 17 part 3: read only, the community the branch lies in
    const Actor s = With({{0, Role::kBranchSecretary, 0, "/1/2/3/40/", ""}});
    EXPECT_TRUE(ReadsGrid(s, 5, "/1/2/3/"));
    EXPECT_FALSE(ReadsGrid(s, 5, "/1/2/4/"));
    EXPECT_FALSE(CoversGrid(s, Permission::kOrgWrite, 5, "/1/2/3/"));
    EXPECT_EQ(BranchAncestorPaths(s), (std::vector<std::string>{"/1/2/3/", "/1/2/", "/1/"}));
    const Actor w = With({GridGrant(Role::kGridWorker, "/1/2/3/", {5})});
    EXPECT_TRUE(ReadsGrid(w, 5, "/1/2/3/"));
    EXPECT_FALSE(ReadsGrid(w, 6, "/1/2/3/"));
}

TEST(NarrowScope, ALiaisonCoversOnlyWhatWasWhistledToIt) {
    Grant dept{0, Role::kDeptLiaison, 0, "/1/50/", ""};
    Grant unit{0, Role::kUnitLiaison, 0, "/1/2/", ""};
    unit.overlay_unit_id = 33;
    const Actor d = With({dept});
    const Actor u = With({unit});
    EXPECT_TRUE(CoversWhistle(d, {"/1/50/", 0}));
    EXPECT_FALSE(CoversWhistle(d, {"/1/51/", 0}));
    EXPECT_FALSE(CoversWhistle(d, {"", 33}));
    EXPECT_TRUE(CoversWhistle(u, {"", 33}));
    EXPECT_FALSE(CoversWhistle(u, {"", 34}));
    EXPECT_FALSE(CoversWhistle(u, {"/1/2/", 0}));  // the host org is not the unit
    // neither sees the subtree of its grant's org
    EXPECT_TRUE(ScopeRoots(d, Permission::kEventRead).empty());
    EXPECT_TRUE(ScopeRoots(u, Permission::kEventRead).empty());
    EXPECT_FALSE(AuthorizeAny(d, Permission::kOrgRead));
    EXPECT_TRUE(AuthorizeAny(u, Permission::kEventWrite));  // 报到 is a step
    EXPECT_EQ(WhistleOrgRoots(d), (std::vector<std::string>{"/1/50/"}));
    EXPECT_EQ(WhistleUnitIds(u), (std::vector<std::int64_t>{33}));
}

TEST(NarrowScope, PermissionsOfTheNewRoles) {
    auto keys = [](Role r) {
        std::vector<std::string> out;
        for (auto p : PermissionsOf({r})) out.emplace_back(PermissionKey(p));
        return out;
    };
    EXPECT_EQ(keys(Role::kGridWorker), (std::vector<std::string>{"org_read", "event_read", "event_write"}));
    EXPECT_EQ(keys(Role::kDeptLiaison), (std::vector<std::string>{"event_read", "event_write"}));
    EXPECT_EQ(ParseRole("unit_liaison"), Role::kUnitLiaison);
    EXPECT_EQ(ParentOrgPath("/1/5/23/"), "/1/5/");
    EXPECT_EQ(ParentOrgPath("/1/"), "");
}

}  // namespace
}  // namespace lianxin::core::auth
