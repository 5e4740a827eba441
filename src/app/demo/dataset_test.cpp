// The demo street of seed 000 loads with its 7 communities and 33 compound branches, and with the positions the seed
// names: the street's 党群服务中心, 7 community 党群服务中心 and a 党群之家 in each of the 33 compounds.
#include "app/demo/dataset.hpp"

#include <gtest/gtest.h>

#include <map>

#include "app/context.hpp"
#include "storage/testing/test_db.hpp"

namespace lianxin::app {
namespace {

TEST(DemoDataset, TheStreetOfSeed000WithItsServicePositions) {
    auto db = storage::testing::OpenTestDb("sqlite");
    ManualClock clock{1'795'363'200'000};
    Context ctx{*db->db, clock, db->crypto, *db->cipher, SecuritySettings{}, nullptr, nullptr, {}, nullptr};
    auto stats = LoadDataset(ctx, Scale::kDemo, 7);
    ASSERT_TRUE(stats) << stats.error().message_key;
    std::map<core::org::PositionLevel, int> levels;
    ASSERT_TRUE(ctx.db.Read([&](core::ports::Tx& tx) -> core::Status {
        LX_ASSIGN(roots, tx.Orgs().Roots());
        core::ports::PositionQuery q;
        q.scope_roots = {roots.at(0).path};
        q.as_of = clock.Today();
        LX_ASSIGN(list, tx.Positions().List(q));
        for (const auto& p : list) {
            ++levels[p.level];
            EXPECT_TRUE(p.point.has_value()) << p.name;
            EXPECT_FALSE(p.services.empty()) << p.name;
        }
        return core::Ok();
    }));
    EXPECT_EQ(levels[core::org::PositionLevel::kStreetCentre], 1);
    EXPECT_EQ(levels[core::org::PositionLevel::kCommunityCentre], 7);
    EXPECT_EQ(levels[core::org::PositionLevel::kCompoundHome], 33);
}

}  // namespace
}  // namespace lianxin::app
