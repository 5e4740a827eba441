// The demo street's overlays (seed 000: the street and its 7 communities each set up a 大党工委 / 大党委; "48个成员单位
// 轮流牵头组织召开会议"): loaded deterministically, every unit with a part-time member and a valid USCC, and over 48
// monthly turns each of the 48 units convenes exactly once.
#include <set>

#include <gtest/gtest.h>

#include "app/demo/dataset.hpp"
#include "app/org/overlays.hpp"
#include "app/testing/app_fixture.hpp"

namespace lianxin::app {
namespace {

using core::Date;

struct Loaded {
    std::unique_ptr<testing::BareContext> bare;
    Context* ctx = nullptr;
    std::vector<core::ports::OverlaySummary> overlays;
    std::vector<core::org::MemberUnit> street_units;
};

std::unique_ptr<Loaded> Load() {
    auto l = std::make_unique<Loaded>();
    l->bare = testing::OpenBareContext();
    l->ctx = l->bare->ctx.get();
    EXPECT_TRUE(LoadDataset(*l->ctx, Scale::kDemo, 1));
    EXPECT_TRUE(l->ctx->db.Read(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
        core::ports::OverlayQuery q;
        q.scope_roots = {"/"};
        q.on = l->bare->clock.Today();
        LX_ASSIGN(list, tx.Overlays().List(q));
        l->overlays = std::move(list);
        if (l->overlays.empty()) return core::Fail(core::NotFound("overlay"));
        LX_ASSIGN(units, tx.Overlays().Units(l->overlays.front().overlay.id));
        l->street_units = std::move(units);
        return core::Ok();
    }));
    return l;
}

TEST(DemoOverlays, TheStreetsFortyEightUnitsEachConveneOnceInFourYears) {
    auto l = Load();
    ASSERT_EQ(l->overlays.size(), 8u);  // the street's 大党工委 and 7 community 大党委
    const auto& big = l->overlays.front();
    EXPECT_EQ(big.overlay.kind, core::org::OverlayKind::kBigWorkingCommittee);
    EXPECT_EQ(big.counts.units, 48);
    EXPECT_EQ(big.counts.part_time_members, 48);
    ASSERT_EQ(l->street_units.size(), 48u);
    for (const auto& u : l->street_units) {
        EXPECT_TRUE(core::org::UsccValid(u.uscc)) << u.name;
        EXPECT_FALSE(u.head.name.empty());
    }
    ASSERT_TRUE(big.overlay.rotation.Configured());
    EXPECT_EQ(big.overlay.rotation.period_months, 1);
    std::set<std::int64_t> convenors;
    for (int m = 0; m < 48; ++m) {
        auto t = core::org::ConvenorOn(big.overlay.rotation, Date::Parse("2023-01-15")->AddMonths(m));
        ASSERT_TRUE(t);
        convenors.insert(t->unit_id);
    }
    EXPECT_EQ(convenors.size(), 48u);
    for (std::size_t i = 1; i < l->overlays.size(); ++i) {
        EXPECT_EQ(l->overlays[i].overlay.kind, core::org::OverlayKind::kBigPartyCommittee);
        EXPECT_EQ(l->overlays[i].counts.part_time_members, 7);
        EXPECT_EQ(l->overlays[i].overlay.rotation.period_months, 3);
    }
}

TEST(DemoOverlays, TheSameSeedGivesTheSameParttimeMembers) {
    auto a = Load();
    auto b = Load();
    ASSERT_EQ(a->street_units.size(), b->street_units.size());
    for (std::size_t i = 0; i < a->street_units.size(); ++i)
        EXPECT_EQ(a->street_units[i].head, b->street_units[i].head);
}

}  // namespace
}  // namespace lianxin::app
