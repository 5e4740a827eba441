// Storage conformance of grids on every backend (issue 17 "Grids"; migration 0028): the row, its buildings and
// team round-trip; a stale edit is refused; boundary versions close and open; the point lookup through each
// engine's spatial index (SQLite R*Tree, PostgreSQL GiST) finds the versions whose box holds the point on the
// day asked, inside the scope only.
#include <map>

#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

using core::grid::Grid;
using core::grid::GridVersion;

class GridConformance : public Conformance {
protected:
    void SetUp() override {
        Conformance::SetUp();
        street_ = AddOrg(0, "街道");
        a_ = AddOrg(street_, "甲社区");
        b_ = AddOrg(street_, "乙社区");
        ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            for (auto id : {street_, a_, b_}) {
                LX_ASSIGN(o, tx.Orgs().Get(id));
                if (!o) return core::Fail(core::NotFound("org"));
                orgs_[id] = std::move(o).value();
            }
            return core::Ok();
        }));
    }
    Grid Make(std::int64_t org, const std::string& code) {
        Grid g;
        g.org_id = org;
        g.org_path = orgs_.at(org).path;
        g.code = code;
        g.name = "第" + code.substr(12) + "网格";
        g.households = 420;
        g.residents = 1100;
        g.buildings = {"1号楼", "2号楼"};
        g.leader = {0, 0, "陈网格长", "0592-1"};
        g.covering_org_id = org;
        g.team = {{core::grid::TeamRole::kWorker, core::grid::PostKind::kNone, {0, 0, "李网格员", ""}, ""},
                  {core::grid::TeamRole::kVolunteer, core::grid::PostKind::kEmergency, {0, 0, "赵志愿者", ""}, "应急"}};
        g.created_at = g.updated_at = 1000;
        return g;
    }
    std::int64_t Insert(const Grid& g) {
        std::int64_t id = 0;
        EXPECT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(i, tx.Grids().Insert(g));
            id = i;
            return core::Ok();
        }));
        return id;
    }
    std::int64_t AddVersion(std::int64_t grid, double lng0, double lat0, double lng1, double lat1, const char* from,
                            const char* to = nullptr) {
        GridVersion v;
        v.grid_id = grid;
        v.boundary = *core::grid::CheckBoundary({{{{lng0, lat0}, {lng1, lat0}, {lng1, lat1}, {lng0, lat1}}, {}}}, 100);
        v.box = core::grid::BoxOf(v.boundary);
        v.area_m2 = core::grid::AreaM2(v.boundary);
        v.valid_from = *Date::Parse(from);
        if (to) v.valid_to = *Date::Parse(to);
        v.created_at = 1000;
        std::int64_t id = 0;
        EXPECT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(i, tx.Grids().InsertVersion(v));
            id = i;
            return core::Ok();
        }));
        return id;
    }
    std::vector<std::int64_t> Locate(double lng, double lat, const char* on, std::vector<std::string> roots) {
        std::vector<std::int64_t> out;
        EXPECT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(found, tx.Grids().Locate({lng, lat}, *Date::Parse(on), roots));
            for (const auto& f : found) out.push_back(f.version.id);
            return core::Ok();
        }));
        return out;
    }
    std::int64_t street_ = 0, a_ = 0, b_ = 0;
    std::map<std::int64_t, core::org::Org> orgs_;
};

TEST_P(GridConformance, RowAndTeamRoundTripAndAStaleEditIsRefused) {
    const auto id = Insert(Make(a_, "350205001001001"));
    Insert(Make(b_, "350205001002001"));
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        auto again = tx.Grids().Insert(Make(b_, "350205001001001"));
        EXPECT_FALSE(again);
        if (!again) { EXPECT_EQ(again.error().fields.at(0).message_key, "grid.code.taken"); }
        LX_ASSIGN(g, tx.Grids().Get(id));
        EXPECT_TRUE(g.has_value());
        if (!g) return core::Ok();
        EXPECT_EQ(g->org_name, "甲社区");
        EXPECT_EQ(g->buildings, (std::vector<std::string>{"1号楼", "2号楼"}));
        EXPECT_EQ(g->leader.phone, "0592-1");
        EXPECT_EQ(g->team, Make(a_, "350205001001001").team);
        EXPECT_EQ(g->covering_org_id, a_);
        auto edited = *g;
        edited.team.pop_back();
        edited.households = 610;
        LX_CHECK(tx.Grids().Update(edited));
        auto stale = tx.Grids().Update(edited);  // the version moved on
        EXPECT_FALSE(stale);
        LX_ASSIGN(after, tx.Grids().Get(id));
        EXPECT_EQ(after->team.size(), 1u);
        EXPECT_EQ(after->households, 610);
        EXPECT_EQ(after->version, 2);
        return core::Ok();
    }));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        core::ports::GridQuery q;
        q.scope_roots = {orgs_.at(a_).path};
        LX_ASSIGN(mine, tx.Grids().List(q));
        EXPECT_EQ(mine.size(), 1u);
        q.scope_roots = {orgs_.at(street_).path};
        q.org_id = b_;
        LX_ASSIGN(theirs, tx.Grids().List(q));
        EXPECT_EQ(theirs.size(), 1u);
        if (!theirs.empty()) { EXPECT_EQ(theirs[0].team.size(), 2u); }
        q.scope_roots = {};
        LX_ASSIGN(none, tx.Grids().List(q));
        EXPECT_TRUE(none.empty());  // an empty scope is nothing, never everything
        return core::Ok();
    }));
}

// Issue 17: "a redrawn grid keeps its history; an event belongs to the grid of its place on its day".
TEST_P(GridConformance, VersionsCloseAndThePointLookupReadsTheDaysBoxes) {
    const auto g = Insert(Make(a_, "350205001001001"));
    const auto other = Insert(Make(b_, "350205001002001"));
    const auto old_v = AddVersion(g, 118.0, 24.5, 118.01, 24.51, "2025-01-01");
    const auto far_v = AddVersion(other, 118.05, 24.5, 118.06, 24.51, "2025-01-01");
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_CHECK(tx.Grids().CloseVersion(old_v, *Date::Parse("2026-06-01")));
        EXPECT_FALSE(tx.Grids().CloseVersion(old_v, *Date::Parse("2026-07-01")));  // closed already
        return core::Ok();
    }));
    const auto new_v = AddVersion(g, 118.005, 24.5, 118.02, 24.51, "2026-06-01");

    const auto all = std::vector<std::string>{orgs_.at(street_).path};
    EXPECT_EQ(Locate(118.002, 24.505, "2026-05-31", all), std::vector<std::int64_t>{old_v});
    EXPECT_TRUE(Locate(118.002, 24.505, "2026-06-01", all).empty());  // outside the redrawn grid
    EXPECT_EQ(Locate(118.015, 24.505, "2026-06-01", all), std::vector<std::int64_t>{new_v});
    EXPECT_EQ(Locate(118.055, 24.505, "2026-06-01", all), std::vector<std::int64_t>{far_v});
    EXPECT_TRUE(Locate(118.055, 24.505, "2026-06-01", {orgs_.at(a_).path}).empty());      // out of scope
    EXPECT_EQ(Locate(118.0, 24.5, "2025-02-01", all), std::vector<std::int64_t>{old_v});  // on the corner

    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(history, tx.Grids().Versions(g));
        EXPECT_EQ(history.size(), 2u);
        if (history.size() != 2) return core::Ok();
        EXPECT_EQ(history[0].id, old_v);
        EXPECT_EQ(history[0].valid_to->ToString(), "2026-06-01");
        EXPECT_FALSE(history[1].valid_to.has_value());
        EXPECT_EQ(history[1].boundary[0].outer[0].lng, 118.005);
        EXPECT_NEAR(history[1].area_m2, core::grid::AreaM2(history[1].boundary), 1.0);
        LX_ASSIGN(today, tx.Grids().VersionsOfOrg(a_, *Date::Parse("2026-07-01")));
        EXPECT_EQ(today.size(), 1u);
        if (!today.empty()) { EXPECT_EQ(today[0].id, new_v); }
        return core::Ok();
    }));
}

INSTANTIATE_TEST_SUITE_P(Backends, GridConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
