// Service positions on SQLite (domain.md §10.2): the committee registers its 党群服务中心 with hours and services,
// the branches below see it (it serves them) but a sibling community's branch does not, "open now" follows the
// weekly hours, a stale edit is refused, closing keeps the row out of today's list, every write is audited.
#include "app/org/positions.hpp"

#include "app/testing/app_fixture.hpp"

namespace lianxin::app::testing {

using core::ErrorCode;
using core::auth::Role;

class PositionsTest : public AppTest {
protected:
    PositionInput Centre() {
        PositionInput in;
        in.level = "community_centre";
        in.name = "海发社区党群服务中心";
        in.address = "厦门市海沧区海虹路1号";
        in.lat = 24.4798;
        in.lng = 118.0357;
        in.area_m2 = 2000;
        in.hours[0] = {"08:30-12:00", "14:30-18:00"};  // Monday
        in.services = {"party_affairs", "transfer", "floating"};
        return in;
    }
};

TEST_F(PositionsTest, TheCommitteeRegistersItsCentreAndTheBranchesBelowSeeIt) {
    const auto admin = ActorWith(Role::kOrgAdmin, community_a_);
    auto id = CreatePosition(ctx(), admin, community_a_, Centre());
    ASSERT_TRUE(id) << id.error().message_key;
    EXPECT_EQ(CountAudit("position.create"), 1);

    // 2026-11-23 00:00 is a Monday night: closed. At 09:00 open.
    auto list = ListPositions(ctx(), ActorWith(Role::kBranchSecretary, branch_a_), 0, "");
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ(list->at(0).record.name, "海发社区党群服务中心");
    EXPECT_FALSE(list->at(0).open_now);
    clock_.Advance(9 * 3600 * 1000);
    EXPECT_TRUE(GetPosition(ctx(), ActorWith(Role::kBranchSecretary, branch_a_), *id)->open_now);

    // The other community's branch is not served by it.
    EXPECT_TRUE(ListPositions(ctx(), ActorWith(Role::kBranchSecretary, branch_b_), 0, "")->empty());
    EXPECT_EQ(GetPosition(ctx(), ActorWith(Role::kBranchSecretary, branch_b_), *id).error().code, ErrorCode::kNotFound);
    // A branch secretary reads but does not register.
    EXPECT_EQ(CreatePosition(ctx(), ActorWith(Role::kBranchSecretary, branch_a_), branch_a_, Centre()).error().code,
              ErrorCode::kPermissionDenied);
    // Another committee cannot register one for community A.
    EXPECT_EQ(CreatePosition(ctx(), ActorWith(Role::kOrgAdmin, community_b_), community_a_, Centre()).error().code,
              ErrorCode::kNotFound);
}

TEST_F(PositionsTest, EditsNeedTheCurrentVersionAndClosingTakesItOffTheList) {
    const auto admin = ActorWith(Role::kOrgAdmin, community_a_);
    auto id = CreatePosition(ctx(), admin, community_a_, Centre());
    ASSERT_TRUE(id);
    auto edit = Centre();
    edit.hours[5] = {"09:00-17:00"};
    ASSERT_TRUE(UpdatePosition(ctx(), admin, *id, 1, edit));
    EXPECT_EQ(UpdatePosition(ctx(), admin, *id, 1, edit).error().code, ErrorCode::kConflict);
    auto got = GetPosition(ctx(), admin, *id);
    EXPECT_EQ(got->record.hours.days[5].size(), 1u);
    EXPECT_EQ(ClosePosition(ctx(), admin, *id, 2, "2026-11-30").error().fields.at(0).message_key, "date.future");
    ASSERT_TRUE(ClosePosition(ctx(), admin, *id, 2, "2026-11-23"));
    EXPECT_TRUE(ListPositions(ctx(), admin, 0, "")->empty());
    EXPECT_EQ(CountAudit("position.update"), 1);
    EXPECT_EQ(CountAudit("position.close"), 1);
}

TEST_F(PositionsTest, BadInputNamesEachFieldAndNothingIsWritten) {
    auto in = Centre();
    in.level = "palace";
    in.name = "";
    in.hours[2] = {"18:00-09:00"};
    in.lat = 91;
    auto r = CreatePosition(ctx(), ActorWith(Role::kOrgAdmin, community_a_), community_a_, in);
    ASSERT_FALSE(r);
    std::vector<std::string> fields;
    for (const auto& f : r.error().fields) fields.push_back(f.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"hours.wed[0]", "name", "level", "lat"}));
    EXPECT_EQ(r.error().fields.at(1).params.at("label"), "position.name");
    EXPECT_EQ(CountAudit("position.create"), 0);
}

}  // namespace lianxin::app::testing
