// Grids on SQLite (issue 17 "Grids"; domain.md §7.1): a community committee creates a grid with its boundary and team,
// the branch below reads it and another community's branch does not, a bad boundary is refused naming `boundary`,
// the size warning follows the policy of the day, a redraw keeps the old boundary so a point on an old day finds
// the grid by it, a branch holds no grids, and every write is audited.
#include "app/grid/grids.hpp"

#include "app/policy/policies.hpp"
#include "app/testing/app_fixture.hpp"

namespace lianxin::app::testing {

using core::ErrorCode;
using core::auth::Role;
using core::grid::LngLat;

class GridsTest : public AppTest {
protected:
    static core::grid::Boundary Rect(double x0, double y0, double x1, double y1) {
        return {{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}}};
    }
    GridInput Input(const std::string& code = "350205001001001") {
        GridInput in;
        in.code = code;
        in.name = "海发第一网格";
        in.households = 620;
        in.residents = 1500;
        in.buildings = {"1号楼"};
        in.leader = {0, 0, "陈网格长", ""};
        in.covering_org_id = branch_a_;
        in.team = {{core::grid::TeamRole::kWorker, core::grid::PostKind::kNone, {0, 0, "李网格员", ""}, ""}};
        return in;
    }
    static bool Has(const std::vector<core::org::Warning>& w, const std::string& key) {
        return std::any_of(w.begin(), w.end(), [&](const auto& x) { return x.key == key; });
    }
};

TEST_F(GridsTest, TheCommitteeCreatesAGridTheBranchBelowReadsItAndTheWritesAreAudited) {
    const auto admin = ActorWith(Role::kOrgAdmin, community_a_);
    auto id = CreateGrid(ctx(), admin, community_a_, Input(), Rect(118.0, 24.5, 118.01, 24.51), "2025-01-01");
    ASSERT_TRUE(id) << id.error().message_key;
    EXPECT_EQ(CountAudit("grid.create"), 1);
    const auto today = ctx().clock.Today();
    auto seen = GetGrid(ctx(), ActorWith(Role::kBranchSecretary, branch_a_), *id, today);
    // issue 17 "Roles and access" part 3: a branch secretary reads the grids of its community, read only
    ASSERT_TRUE(seen) << seen.error().message_key;
    EXPECT_FALSE(seen->can_edit);
    auto mine = GetGrid(ctx(), admin, *id, today);
    ASSERT_TRUE(mine);
    EXPECT_EQ(mine->grid.covering_name, "绿苑小区党支部");
    ASSERT_TRUE(mine->boundary.has_value());
    EXPECT_GT(mine->boundary->area_m2, 1.1e6);
    EXPECT_TRUE(Has(mine->warnings, "grid.households_outside"));  // 620 > 500 (policy default)
    EXPECT_FALSE(Has(mine->warnings, "grid.team.no_worker"));
    EXPECT_EQ(GetGrid(ctx(), ActorWith(Role::kOrgAdmin, community_b_), *id, today).error().code, ErrorCode::kNotFound);
    // A branch holds no grids; a branch secretary writes none.
    auto branch = CreateGrid(ctx(), ActorWith(Role::kOrgAdmin, street_), branch_a_, Input("350205001001002"), {}, "");
    ASSERT_FALSE(branch);
    EXPECT_EQ(branch.error().fields.at(0).message_key, "grid.org.not_community");
    EXPECT_EQ(
        CreateGrid(ctx(), ActorWith(Role::kBranchSecretary, branch_a_), community_a_, Input("350205001001002"), {}, "")
            .error()
            .code,
        ErrorCode::kPermissionDenied);
    // A covering branch outside the community is refused naming it.
    auto in = Input("350205001001002");
    in.covering_org_id = branch_b_;
    auto outside = CreateGrid(ctx(), admin, community_a_, in, {}, "");
    ASSERT_FALSE(outside);
    EXPECT_EQ(outside.error().fields.at(0).field, "covering_org_id");
}

// Issue 17 "Bad input": a self-intersecting polygon and one over grid.boundary_max_vertices are refused naming
// `boundary`; nothing is written.
TEST_F(GridsTest, ABadBoundaryIsRefusedAndNothingIsWritten) {
    const auto admin = ActorWith(Role::kOrgAdmin, community_a_);
    core::grid::Boundary bow{{{{118.0, 24.0}, {118.01, 24.01}, {118.01, 24.0}, {118.0, 24.01}, {118.0, 24.0}}, {}}};
    auto r = CreateGrid(ctx(), admin, community_a_, Input(), bow, "");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().fields.at(0).field, "boundary");
    EXPECT_EQ(r.error().fields.at(0).message_key, "grid.boundary.self_intersection");
    EXPECT_EQ(CountAudit("grid.create"), 0);
    EXPECT_TRUE(ListGrids(ctx(), admin, 0, ctx().clock.Today())->items.empty());
}

// Issue 17: "a redrawn grid keeps its history; an event belongs to the grid of its place on its day".
TEST_F(GridsTest, ARedrawKeepsTheOldBoundaryForOldDays) {
    const auto admin = ActorWith(Role::kOrgAdmin, community_a_);
    auto id = CreateGrid(ctx(), admin, community_a_, Input(), Rect(118.0, 24.5, 118.01, 24.51), "2025-01-01");
    ASSERT_TRUE(id);
    ASSERT_TRUE(RedrawGrid(ctx(), admin, *id, Rect(118.005, 24.5, 118.02, 24.51), ""));
    EXPECT_EQ(CountAudit("grid.redraw"), 1);
    const LngLat west{118.002, 24.505};
    auto old_day = LocateGrid(ctx(), admin, west, *core::Date::Parse("2025-06-01"));
    ASSERT_TRUE(old_day);
    ASSERT_EQ(old_day->size(), 1u);
    EXPECT_EQ(old_day->at(0).grid.id, *id);
    EXPECT_TRUE(LocateGrid(ctx(), admin, west, ctx().clock.Today())->empty());
    EXPECT_EQ(LocateGrid(ctx(), admin, {118.015, 24.505}, ctx().clock.Today())->size(), 1u);
    EXPECT_TRUE(
        LocateGrid(ctx(), ActorWith(Role::kOrgAdmin, community_b_), {118.015, 24.505}, ctx().clock.Today())->empty());
    auto history = GridHistory(ctx(), admin, *id);
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 2u);
    EXPECT_EQ(history->at(0).valid_to, ctx().clock.Today());
    // A second redraw on the same day would rewrite today's boundary: refused naming valid_from.
    auto again = RedrawGrid(ctx(), admin, *id, Rect(118.0, 24.5, 118.02, 24.51), "");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().fields.at(0).field, "valid_from");
}

// domain.md §7.1 [LOCAL]: the size range is policy (grid.households_max), read for the community on the day asked.
TEST_F(GridsTest, TheSizeWarningFollowsTheCommunitysPolicy) {
    const auto admin = ActorWith(Role::kOrgAdmin, community_a_);
    auto id = CreateGrid(ctx(), admin, community_a_, Input(), Rect(118.0, 24.5, 118.01, 24.51), "");
    ASSERT_TRUE(id);
    const auto today = ctx().clock.Today();
    PolicyChangeInput change{"grid.households_max", community_a_, "800", today.ToString(), "海发党委〔2026〕1号"};
    ASSERT_TRUE(SetPolicy(ctx(), ActorWith(Role::kOrgAdmin, street_), change));
    EXPECT_FALSE(Has(GetGrid(ctx(), admin, *id, today)->warnings, "grid.households_outside"));
    EXPECT_TRUE(Has(GetGrid(ctx(), admin, *id, today.AddDays(-1))->warnings, "grid.households_outside"));
}

// Two grids of one community that share land: a warning on the list and on each grid, never a refusal.
TEST_F(GridsTest, OverlappingGridsWarn) {
    const auto admin = ActorWith(Role::kOrgAdmin, community_a_);
    ASSERT_TRUE(CreateGrid(ctx(), admin, community_a_, Input(), Rect(118.0, 24.5, 118.01, 24.51), ""));
    auto second = CreateGrid(ctx(), admin, community_a_, Input("350205001001002"), Rect(118.009, 24.5, 118.02, 24.51),
                             "");
    ASSERT_TRUE(second) << second.error().message_key;
    auto list = ListGrids(ctx(), admin, community_a_, ctx().clock.Today());
    ASSERT_TRUE(list);
    EXPECT_EQ(list->items.size(), 2u);
    EXPECT_TRUE(Has(list->warnings, "grid.overlap"));
    EXPECT_TRUE(Has(GetGrid(ctx(), admin, *second, ctx().clock.Today())->warnings, "grid.overlap"));
    // The code's community prefix is that of the siblings.
    auto other = CreateGrid(ctx(), admin, community_a_, Input("350205001002001"), {}, "");
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().fields.at(0).message_key, "grid.code.community");
}

}  // namespace lianxin::app::testing
