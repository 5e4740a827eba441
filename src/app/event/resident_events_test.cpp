// A resident's own events as use cases on SQLite with a clock the test moves (issue 17 "Events and their intake"
// first bullet, "The closed loop" — the resident confirms and rates, "not resolved" reopens to the same handler —,
// "Bad input" — a report flood from one number —, and "Residents' data is kept for the event only ... with a
// retention policy"; domain.md §7). The same routes over HTTP on both engines: resident_events.test.mjs.
#include "app/event/resident_events.hpp"

#include "app/event/events.hpp"
#include "app/grid/grids.hpp"
#include "app/testing/app_fixture.hpp"

namespace lianxin::app::testing {
namespace {

using core::auth::Role;
namespace ev = core::event;
constexpr std::int64_t kDay = 86'400'000;

class ResidentEventsTest : public AppTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        GridInput in;
        in.code = "350205001001001";
        in.name = "海发第一网格";
        in.households = 400;
        in.residents = 1000;
        auto id = CreateGrid(
            ctx(), ActorWith(Role::kOrgAdmin, community_a_), community_a_, in,
            core::grid::Boundary{
                {{{{118.0, 24.5}, {118.01, 24.5}, {118.01, 24.51}, {118.0, 24.51}, {118.0, 24.5}}}, {}}},
            "2025-01-01");
        ASSERT_TRUE(id) << id.error().message_key;
        grid_ = *id;
    }

    Resident Phone(const std::string& phone) { return {PhoneKey(ctx(), phone), phone, "t", clock_.NowMillis() + kDay}; }

    ResidentReport AtThePoint() {
        ResidentReport r;
        r.category_code = "facility.street_light";
        r.description = "小区门口路灯不亮三天了";
        r.reporter_name = "王阿姨";
        r.location = ev::Coordinates{118.005, 24.505};
        return r;
    }

    // The staff's steps up to the feedback: the community (accepting org) dispatches to the branch, which handles.
    void ToFeedback(std::int64_t id) {
        const auto community = ActorWith(Role::kOrgAdmin, community_a_, 21);
        const auto branch = ActorWith(Role::kOrgAdmin, branch_a_, 31);
        auto step = [&](const core::auth::Actor& a, const std::string& action) {
            auto v = ViewEvent(ctx(), a, id);
            ASSERT_TRUE(v) << v.error().message_key;
            EventActionInput in;
            in.version = v->value.record.event.version;
            in.action = action;
            in.assignee_org_id = branch_a_;
            in.note = "已更换灯泡，恢复照明";
            auto done = ActOnEvent(ctx(), a, id, in);
            ASSERT_TRUE(done) << action << ": " << done.error().message_key;
        };
        auto state = ViewEvent(ctx(), community, id)->value.record.event.state;
        if (state == ev::EventState::kAccepted) step(community, "dispatch");
        if (state == ev::EventState::kAccepted) step(branch, "start");
        step(branch, "handle");
        step(community, "verify");
        step(community, "feedback");
    }

    std::int64_t grid_ = 0;
};

TEST_F(ResidentEventsTest, APointFindsItsGridAndCommunityAndTheFollowLinkShowsNoStaffNames) {
    const auto me = Phone("13912345678");
    auto r = ReportEvent(ctx(), me, AtThePoint(), {});
    ASSERT_TRUE(r) << r.error().message_key;
    EXPECT_EQ(r->grid_name, "海发第一网格");
    EXPECT_EQ(r->org_name, "海发社区党委");
    EXPECT_GE(r->follow_token.size(), 32u);
    const auto staff = ActorWith(Role::kOrgAdmin, community_a_, 21);
    auto seen = ViewEvent(ctx(), staff, r->id);
    ASSERT_TRUE(seen);
    const auto& e = seen->value.record.event;
    EXPECT_EQ(e.channel, ev::Channel::kResident);
    EXPECT_EQ(e.grid_id, grid_);
    EXPECT_EQ(e.owner_org_id, community_a_);  // the community accepts and dispatches
    EXPECT_EQ(e.reporter_phone, "13912345678");
    EXPECT_EQ(CountAudit("event.report"), 1);
    auto mine = MyEvents(ctx(), me);
    ASSERT_TRUE(mine);
    ASSERT_EQ(mine->size(), 1u);
    EXPECT_EQ(mine->at(0).event.follow_token, r->follow_token);
    EXPECT_TRUE(MyEvents(ctx(), Phone("13900000000"))->empty());
    ToFeedback(r->id);
    auto f = FollowEvent(ctx(), r->follow_token);
    ASSERT_TRUE(f);
    EXPECT_TRUE(f->can_confirm);
    EXPECT_EQ(f->result, "已更换灯泡，恢复照明");
    ASSERT_EQ(f->steps.size(), 6u);
    EXPECT_EQ(f->steps[0].action, "accept");
    EXPECT_EQ(f->steps[5].state, "feedback");
    EXPECT_EQ(FollowEvent(ctx(), "not-a-token").error().code, core::ErrorCode::kNotFound);
}

TEST_F(ResidentEventsTest, EveryBadFieldIsNamedAndNothingIsWritten) {
    const auto me = Phone("13912345678");
    ResidentReport none;
    none.category_code = "facility";  // a top category, not a leaf
    none.description = "x";
    auto r = ReportEvent(ctx(), me, none, {});
    ASSERT_FALSE(r);
    std::vector<std::string> fields;
    for (const auto& f : r.error().fields) fields.push_back(f.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"org_id", "category_code", "description"}));
    auto outside = AtThePoint();
    outside.location = ev::Coordinates{100.0, 30.0};
    EXPECT_EQ(ReportEvent(ctx(), me, outside, {}).error().fields.at(0).field, "location");
    auto listed = AtThePoint();
    listed.location.reset();
    listed.org_id = community_a_;
    EXPECT_EQ(ReportEvent(ctx(), me, listed, {}).error().fields.at(0).field, "address");
    listed.org_id = branch_a_;  // not a community of the list
    listed.address = "海发路 1 号";
    EXPECT_EQ(ReportEvent(ctx(), me, listed, {}).error().fields.at(0).field, "org_id");
    auto photo = AtThePoint();
    photo.photo_ids = {std::string(64, 'a')};  // nobody uploaded it with this phone
    EXPECT_EQ(ReportEvent(ctx(), me, photo, {}).error().fields.at(0).field, "photo_ids[0]");
    photo.photo_ids.assign(7, std::string(64, 'b'));  // event.photos_max is 6
    EXPECT_EQ(ReportEvent(ctx(), me, photo, {}).error().fields.at(0).field, "photo_ids");
    EXPECT_TRUE(MyEvents(ctx(), me)->empty());
    EXPECT_EQ(CountAudit("event.report"), 0);
    // A community without grids (海翔, not placed as a community) is not in the list.
    listed.org_id = community_b_;
    EXPECT_EQ(ReportEvent(ctx(), me, listed, {}).error().fields.at(0).field, "org_id");
    // With a listed community picked and the address typed, it is accepted without a point.
    listed.org_id = community_a_;
    auto ok = ReportEvent(ctx(), me, listed, {});
    ASSERT_TRUE(ok) << ok.error().message_key;
    EXPECT_EQ(ok->org_name, "海发社区党委");
    EXPECT_EQ(ok->grid_name, "");
}

// Issue 17 "Bad input": a report flood from one number is refused with the figure (event.resident_reports_per_day).
TEST_F(ResidentEventsTest, AFloodFromOneNumberIsRefusedUntilTheNextDay) {
    const auto me = Phone("13912345678");
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(ReportEvent(ctx(), me, AtThePoint(), {}));
    auto sixth = ReportEvent(ctx(), me, AtThePoint(), {});
    ASSERT_FALSE(sixth);
    EXPECT_EQ(sixth.error().code, core::ErrorCode::kTooManyRequests);
    EXPECT_EQ(sixth.error().fields.at(0).field, "phone");
    EXPECT_EQ(sixth.error().params.at("max"), "5");
    EXPECT_EQ(MyEvents(ctx(), me)->size(), 5u);
    EXPECT_TRUE(ReportEvent(ctx(), Phone("13900000000"), AtThePoint(), {})) << "another number is not held up";
    clock_.Advance(kDay);
    EXPECT_TRUE(ReportEvent(ctx(), me, AtThePoint(), {}));
}

TEST_F(ResidentEventsTest, NotResolvedReopensToTheSameHandlerAndOnlyTheReporterConfirms) {
    const auto me = Phone("13912345678");
    auto r = ReportEvent(ctx(), me, AtThePoint(), {});
    ASSERT_TRUE(r);
    auto early = ConfirmEvent(ctx(), me, r->id, {"resolved", 5, ""}, {});
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().message_key, "event.rule.state");
    EXPECT_EQ(early.error().params.at("event_state"), "accepted");
    ToFeedback(r->id);
    auto other = ConfirmEvent(ctx(), Phone("13900000000"), r->id, {"resolved", 5, ""}, {});
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, core::ErrorCode::kNotFound);
    auto again = ConfirmEvent(ctx(), me, r->id, {"not_resolved", 2, "晚上还是不亮"}, {});
    ASSERT_TRUE(again) << again.error().message_key;
    EXPECT_EQ(again->record.event.state, ev::EventState::kInProgress);
    EXPECT_EQ(again->record.event.assignee_org_id, branch_a_);
    ToFeedback(r->id);
    auto done = ConfirmEvent(ctx(), me, r->id, {"resolved", 5, ""}, {});
    ASSERT_TRUE(done);
    EXPECT_EQ(done->record.event.state, ev::EventState::kRated);
    EXPECT_EQ(done->record.event.score, 5);
    EXPECT_EQ(done->record.event.reopen_count, 1);
    EXPECT_EQ(CountAudit("event.confirm"), 2);
    // The staff's view names the resident's steps by role, not by a person.
    auto flow = ViewEvent(ctx(), ActorWith(Role::kOrgAdmin, community_a_), r->id)->value.flow;
    EXPECT_EQ(flow.back().action, "rate");
    EXPECT_EQ(flow.back().actor_name, "居民");
}

// Residents' data is kept for the event only: event.resident_data_retention_days (180) after closure it is blanked;
// the event and its figures stay.
TEST_F(ResidentEventsTest, ThePurgeBlanksResidentsDataAfterRetentionAndKeepsTheFigures) {
    const auto me = Phone("13912345678");
    auto r = ReportEvent(ctx(), me, AtThePoint(), {});
    ASSERT_TRUE(r);
    auto open = ReportEvent(ctx(), me, AtThePoint(), {});  // never closed: kept
    ASSERT_TRUE(open);
    ToFeedback(r->id);
    ASSERT_TRUE(ConfirmEvent(ctx(), me, r->id, {"partly", 4, ""}, {}));
    clock_.Advance(179 * kDay);
    EXPECT_EQ(*PurgeResidentData(ctx()), 0);
    clock_.Advance(2 * kDay);
    EXPECT_EQ(*PurgeResidentData(ctx()), 1);
    EXPECT_EQ(*PurgeResidentData(ctx()), 0) << "once";
    EXPECT_EQ(CountAudit("event.purge_resident_data"), 1);
    auto e = ViewEvent(ctx(), ActorWith(Role::kOrgAdmin, community_a_), r->id)->value.record.event;
    EXPECT_EQ(e.reporter_name, "");
    EXPECT_EQ(e.reporter_phone, "");
    EXPECT_EQ(e.reporter_key, "");
    EXPECT_EQ(e.follow_token, "");
    EXPECT_TRUE(e.resident_purged_at.has_value());
    EXPECT_EQ(e.state, ev::EventState::kRated);
    EXPECT_EQ(e.score, 4);
    EXPECT_EQ(e.outcome, "partly");
    EXPECT_EQ(e.description, "小区门口路灯不亮三天了");
    EXPECT_EQ(FollowEvent(ctx(), r->follow_token).error().code, core::ErrorCode::kNotFound);
    auto left = MyEvents(ctx(), me);
    ASSERT_EQ(left->size(), 1u);
    EXPECT_EQ(left->at(0).event.id, open->id);
}

}  // namespace
}  // namespace lianxin::app::testing
