// Closing the loop as use cases (issue 17 "The closed loop", "SLA", "Pages"; domain.md §7 "What the software must
// enforce": "automatic supervision (督办) on breach", "Closure requires evidence (after-photo / reply) and
// verification by someone other than the handler"): the server's 督办 sweep records once per breached deadline for
// the level above, whose queue and board show it; a manual 督办 is the level above's; the supervision board lists
// overdue events, 督办, whistles not reported in time and marks under review; after photos follow the policy and
// are read only by those who may read the event.
#include "app/event/board.hpp"
#include "app/event/events.hpp"
#include "app/event/supervision.hpp"
#include "app/media/photos.hpp"
#include "app/policy/policies.hpp"
#include "app/testing/app_fixture.hpp"

namespace lianxin::app {
namespace {

using core::auth::Role;
constexpr std::int64_t kDay = 86'400'000;

class LoopTest : public testing::AppTest {
protected:
    // Registered by the street, dispatched to 甲社区 with a deadline of 24 Nov 11:00 (the clock: 23 Nov 00:00).
    std::int64_t Dispatched(const std::string& ref = "GD2026112300001") {
        core::event::Intake in;
        in.channel = "hotline_12345";
        in.external_ref = ref;
        in.category_code = "city.garbage";
        in.org_id = community_a_;
        in.address = "海沧大道 88 号";
        in.description = "小区门口垃圾堆放三天无人清理";
        in.reported_at = "2026-11-22 09:30";
        auto id = CreateEvent(ctx(), Street(), in);
        EXPECT_TRUE(id);
        auto d = Step(*id, "dispatch");
        d.assignee_org_id = community_a_;
        d.deadline = "2026-11-24 11:00";
        EXPECT_TRUE(ActOnEvent(ctx(), Street(), *id, d));
        return *id;
    }
    EventActionInput Step(std::int64_t id, const std::string& action) {
        EventActionInput in;
        in.version = ViewEvent(ctx(), Street(), id)->value.record.event.version;
        in.action = action;
        return in;
    }
    void Uploaded(const std::string& photo_id, std::int64_t user) {
        ASSERT_TRUE(ctx().db.Write(core::ports::Scope::System(), [&](core::ports::Tx& tx) {
            return tx.Photos().Put({photo_id, "jpeg", 1, 1, clock_.NowMillis()}, "u:" + std::to_string(user));
        }));
    }
    int Sweep() {
        auto n = SuperviseOverdue(ctx());
        EXPECT_TRUE(n);
        return n ? *n : -1;
    }
    core::auth::Actor Street(std::int64_t user = 11) { return ActorWith(Role::kOrgAdmin, street_, user); }
    core::auth::Actor CommunityA(std::int64_t user = 21) { return ActorWith(Role::kOrgAdmin, community_a_, user); }
    core::auth::Actor CommunityB(std::int64_t user = 31) { return ActorWith(Role::kOrgAdmin, community_b_, user); }
    std::size_t Queue(const core::auth::Actor& a, const std::string& queue) {
        EventListInput in;
        in.queue = queue;
        auto page = ListEvents(ctx(), a, in);
        EXPECT_TRUE(page);
        return page ? page->items.size() : 0;
    }
};

TEST_F(LoopTest, TheSweepRecordsOneSupervisionForTheLevelAbovePerBreachedDeadline) {
    const auto id = Dispatched();
    ASSERT_EQ(Sweep(), 0);     // not due yet
    clock_.Advance(2 * kDay);  // 25 Nov 00:00: past 24 Nov 11:00
    ASSERT_EQ(Sweep(), 1);
    ASSERT_EQ(Sweep(), 0);  // idempotent: the same deadline is recorded once
    auto v = ViewEvent(ctx(), Street(), id)->value;
    const auto& last = v.flow.back();
    EXPECT_EQ(last.action, "supervise");
    EXPECT_EQ(last.actor_user_id, 0);       // the server
    EXPECT_EQ(last.actor_org_id, street_);  // for the level above 甲社区
    EXPECT_EQ(last.deadline, v.record.event.handle_by);
    EXPECT_EQ(v.record.supervised_at, clock_.NowMillis());
    EXPECT_EQ(CountAudit("event.supervise_overdue"), 1);
    // The level above sees it in its queue; the other community does not.
    EXPECT_EQ(Queue(Street(), "supervised"), 1u);
    EXPECT_EQ(Queue(CommunityB(), "supervised"), 0u);
    // An approved extension moves the deadline; passing it is a new breach.
    auto ext = Step(id, "start");
    ASSERT_TRUE(ActOnEvent(ctx(), CommunityA(), id, ext));
    auto req = Step(id, "request_extension");
    req.reason = "需协调环卫车辆";
    req.deadline = "2026-11-27 18:00";
    ASSERT_TRUE(ActOnEvent(ctx(), CommunityA(), id, req));
    auto ok = Step(id, "approve_extension");
    ok.deadline = "2026-11-27 18:00";
    ASSERT_TRUE(ActOnEvent(ctx(), Street(), id, ok));
    EXPECT_EQ(Sweep(), 0);
    clock_.Advance(3 * kDay);  // 28 Nov 00:00
    EXPECT_EQ(Sweep(), 1);
}

TEST_F(LoopTest, AManualSupervisionIsTheLevelAbovesWithANote) {
    const auto id = Dispatched();
    auto s = Step(id, "supervise");
    s.note = "请于今日内处置完毕";
    auto by_handler = ActOnEvent(ctx(), CommunityA(), id, s);
    ASSERT_FALSE(by_handler);
    EXPECT_EQ(by_handler.error().message_key, "event.rule.party");
    auto v = ActOnEvent(ctx(), Street(), id, s);
    ASSERT_TRUE(v) << v.error().message_key;
    EXPECT_EQ(v->flow.back().action, "supervise");
    EXPECT_EQ(v->flow.back().actor_org_id, street_);
    EXPECT_EQ(v->flow.back().note, "请于今日内处置完毕");
    EXPECT_EQ(Queue(Street(), "supervised"), 1u);
}

TEST_F(LoopTest, TheBoardListsOverdueSupervisedLateReportsAndMarksOfItsSubtreeOnly) {
    const auto late = Dispatched();
    const auto whistled = Dispatched("GD2026112300002");
    const auto marked = Dispatched("GD2026112300003");
    auto w = Step(whistled, "whistle");
    w.target_kind = "org";
    w.target_org_id = community_b_;
    w.reason = "需执法协同";
    ASSERT_TRUE(ActOnEvent(ctx(), Street(), whistled, w));
    ASSERT_TRUE(ActOnEvent(ctx(), CommunityA(), marked, Step(marked, "start")));
    auto m = Step(marked, "mark");
    m.mark_kind = "not_our_duty";
    m.reason = "属物业管理范围";
    m.note = "物业合同第 5 条";
    ASSERT_TRUE(ActOnEvent(ctx(), CommunityA(), marked, m));
    clock_.Advance(3'600'000);  // an hour: the whistle's 30 minutes (event.whistle_report_minutes) have run
    auto b = SupervisionBoard(ctx(), Street(), street_);
    ASSERT_TRUE(b) << b.error().message_key;
    EXPECT_TRUE(b->overdue.empty());
    ASSERT_EQ(b->late_whistles.size(), 1u);
    EXPECT_EQ(b->late_whistles[0].event.record.event.id, whistled);
    ASSERT_EQ(b->marked.size(), 1u);
    EXPECT_EQ(b->marked[0].record.event.id, marked);
    clock_.Advance(2 * kDay);
    ASSERT_EQ(Sweep(), 2);  // the marked one waits for review: its handler's clock is not running
    b = SupervisionBoard(ctx(), Street(), street_);
    ASSERT_TRUE(b);
    ASSERT_EQ(b->overdue.size(), 2u);
    ASSERT_EQ(b->by_community.size(), 1u);
    EXPECT_EQ(b->by_community[0].org_id, community_a_);
    EXPECT_EQ(b->by_community[0].count, 2);
    EXPECT_EQ(b->supervised.size(), 2u);
    (void)late;
    // Another community may not read the street's board (404, as any org outside the scope).
    auto other = SupervisionBoard(ctx(), CommunityB(), street_);
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, core::ErrorCode::kNotFound);
}

TEST_F(LoopTest, AfterPhotosFollowThePolicyAndAreReadOnlyWithTheEvent) {
    const auto id = Dispatched();
    ASSERT_TRUE(ActOnEvent(ctx(), CommunityA(), id, Step(id, "start")));
    PolicyChangeInput p;
    p.key = "event.after_photos_min";
    p.org_id = street_;
    p.value = "1";
    p.valid_from = "2026-11-23";
    p.doc = "测街〔2026〕9号";
    ASSERT_TRUE(SetPolicy(ctx(), Street(), p));
    auto h = Step(id, "handle");
    h.note = "已清运";
    auto none = ActOnEvent(ctx(), CommunityA(), id, h);
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().fields.at(0).message_key, "event.photos.after_required");
    const std::string photo(64, 'd');
    h.photo_ids = {photo};
    auto foreign = ActOnEvent(ctx(), CommunityA(), id, h);  // not uploaded by this handler
    ASSERT_FALSE(foreign);
    EXPECT_EQ(foreign.error().fields.at(0).field, "photo_ids[0]");
    Uploaded(photo, 21);
    ASSERT_TRUE(ActOnEvent(ctx(), CommunityA(), id, h));
    const auto street = Street(), other = CommunityB();
    EXPECT_TRUE(ReadPhoto(ctx(), PhotoCaller{&street, nullptr}, photo));  // sees the event
    auto hidden = ReadPhoto(ctx(), PhotoCaller{&other, nullptr}, photo);
    ASSERT_FALSE(hidden);
    EXPECT_EQ(hidden.error().code, core::ErrorCode::kNotFound);
    // A photo on no event (a patrol finding's, not raised) stays readable by staff with event_read.
    const std::string loose(64, 'c');
    Uploaded(loose, 21);
    EXPECT_TRUE(ReadPhoto(ctx(), PhotoCaller{&other, nullptr}, loose));
}

}  // namespace
}  // namespace lianxin::app
