// The demo street of seed 000 loads with its 7 communities and 33 compound branches, and with the positions the seed
// names: the street's 党群服务中心, 7 community 党群服务中心 and a 党群之家 in each of the 33 compounds.
#include "app/demo/dataset.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "app/context.hpp"
#include "app/testing/app_fixture.hpp"

namespace lianxin::app {
namespace {

TEST(DemoDataset, TheStreetOfSeed000WithItsServicePositions) {
    auto bare = testing::OpenBareContext();
    auto& clock = bare->clock;
    auto& ctx = *bare->ctx;
    auto stats = LoadDataset(ctx, Scale::kDemo, 7);
    ASSERT_TRUE(stats) << stats.error().message_key;
    std::map<core::org::PositionLevel, int> levels;
    ASSERT_TRUE(ctx.db.Read(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
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

// domain.md §5.3: the demo street has a few floating members kept by their branches — one of them taking part in
// a branch of another community (so that its 流入 list is not empty) — with the registry tag on each.
TEST(DemoDataset, FloatingMembersWithOneTakingPartInAnotherCommunity) {
    auto bare = testing::OpenBareContext();
    auto& ctx = *bare->ctx;
    ASSERT_TRUE(LoadDataset(ctx, Scale::kDemo, 7));
    ASSERT_TRUE(ctx.db.Read(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
        LX_ASSIGN(roots, tx.Orgs().Roots());
        core::ports::FloatingQuery q;
        q.scope_roots = {roots.at(0).path};
        LX_ASSIGN(out, tx.FloatingRecords().List(q));
        EXPECT_EQ(out.size(), 4u);
        q.inflow = true;
        LX_ASSIGN(in, tx.FloatingRecords().List(q));
        EXPECT_EQ(in.size(), 1u);
        for (const auto& r : out) {
            LX_ASSIGN(found, tx.Members().Get(r.member_id));
            if (!found) return core::Fail(core::NotFound("member"));
            const auto m = std::move(found).value();
            EXPECT_NE(std::find(m.tags.begin(), m.tags.end(), "floating"), m.tags.end());
            EXPECT_EQ(m.floating_to, r.facts.Destination());
        }
        return core::Ok();
    }));
}

// domain.md §1.2 (Branch Regulation Art.13): every branch of the demo street has its party groups, each led by one of
// its full members, with its four newest members not yet in a group.
TEST(DemoDataset, EveryBranchHasItsPartyGroups) {
    auto bare = testing::OpenBareContext();
    auto& clock = bare->clock;
    auto& ctx = *bare->ctx;
    ASSERT_TRUE(LoadDataset(ctx, Scale::kDemo, 7));
    ASSERT_TRUE(ctx.db.Read(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
        LX_ASSIGN(roots, tx.Orgs().Roots());
        LX_ASSIGN(orgs, tx.Orgs().InSubtree(roots.at(0).path, clock.Today()));
        int branches = 0;
        for (const auto& o : orgs) {
            if (!core::org::MayHoldGroups(o.type)) continue;
            ++branches;
            LX_ASSIGN(groups, tx.Groups().OfOrg(o.id, clock.Today()));
            EXPECT_FALSE(groups.empty()) << o.name;
            LX_ASSIGN(head, tx.Orgs().Headcount(o.id, clock.Today()));
            std::size_t grouped = 0;
            for (const auto& g : groups) {
                grouped += g.members.size();
                EXPECT_NE(g.leader_member_id, 0) << g.name;
                EXPECT_TRUE(std::any_of(g.members.begin(), g.members.end(),
                                        [&](const auto& m) { return m.id == g.leader_member_id; }))
                    << g.name << ": the leader is one of the group";
            }
            EXPECT_EQ(grouped + 4, static_cast<std::size_t>(head.Total())) << o.name;
        }
        EXPECT_EQ(branches, 33 + 7);  // the compound branches and a retirees' branch per community
        return core::Ok();
    }));
}

}  // namespace
}  // namespace lianxin::app
