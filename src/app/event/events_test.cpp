// Events and their closed loop as use cases (issue 17 "Events and their intake" — the hotline form — and "The
// closed loop"; domain.md §7.2–7.4): a street operator registers a hotline event, dispatches it to a community,
// the community handles it, someone other than the handler verifies, feedback and rating close it; "not resolved"
// reopens to the same handler; each step writes one flow-log row and one audit row in its transaction; parties
// and scopes are enforced; a whistle takes its report time from policy; 事不完、人不撤.
#include "app/event/events.hpp"

#include "app/testing/app_fixture.hpp"
#include "core/event/event.hpp"

namespace lianxin::app {
namespace {

using core::auth::Role;
constexpr std::int64_t kDay = 86'400'000;

class EventsTest : public testing::AppTest {
protected:
    core::event::Intake Hotline() {
        core::event::Intake in;
        in.channel = "hotline_12345";
        in.external_ref = "GD2026112300001";
        in.category_code = "city.garbage";
        in.org_id = community_a_;
        in.address = "海沧大道 88 号";
        in.description = "小区门口垃圾堆放三天无人清理";
        in.reporter_name = "王女士";
        in.reporter_phone = "13800001234";
        in.reported_at = "2026-11-22 09:30";
        return in;
    }

    EventView Act(const core::auth::Actor& a, std::int64_t id, EventActionInput in) {
        auto v = ActOnEvent(ctx(), a, id, in);
        EXPECT_TRUE(v) << in.action << ": " << (v ? "" : v.error().message_key);
        return v ? *v : EventView{};
    }

    EventActionInput Step(const EventView& v, const std::string& action) {
        EventActionInput in;
        in.version = v.record.event.version;
        in.action = action;
        return in;
    }

    EventView View(const core::auth::Actor& a, std::int64_t id) {
        auto v = ViewEvent(ctx(), a, id);
        EXPECT_TRUE(v);
        return v ? v->value : EventView{};
    }

    core::auth::Actor Street(std::int64_t user = 11) { return ActorWith(Role::kOrgAdmin, street_, user); }
    core::auth::Actor CommunityA(std::int64_t user = 21) { return ActorWith(Role::kOrgAdmin, community_a_, user); }
};

TEST_F(EventsTest, TheClosedLoopFromHotlineToRatingWritesOneFlowRowAndOneAuditRowPerStep) {
    auto id = CreateEvent(ctx(), Street(), Hotline());
    ASSERT_TRUE(id) << id.error().message_key;
    auto v = View(Street(), *id);
    EXPECT_EQ(v.record.event.number, "SJ2026-000001");
    EXPECT_EQ(v.record.event.owner_org_id, street_);
    EXPECT_EQ(v.actions, (std::vector<std::string>{"dispatch"}));
    EXPECT_TRUE(v.reveal_phone);  // the dispatcher calls back

    auto d = Step(v, "dispatch");
    d.assignee_org_id = community_a_;
    d.deadline = "2026-11-30 18:00";
    v = Act(Street(), *id, d);
    EXPECT_EQ(v.record.event.state, core::event::EventState::kDispatched);
    // 乙社区 does not see 甲's event at all.
    auto street_start = ActOnEvent(ctx(), ActorWith(Role::kOrgAdmin, community_b_, 31), *id, Step(v, "start"));
    ASSERT_FALSE(street_start);
    EXPECT_EQ(street_start.error().code, core::ErrorCode::kNotFound);  // 乙社区 does not see 甲's event
    v = Act(CommunityA(), *id, Step(v, "start"));
    auto h = Step(v, "handle");
    h.note = "已联系环卫清运，现场已清理";
    h.photo_ids = {std::string(64, 'e')};
    // an after photo this handler uploaded (the photo pipeline stores it by hash; app/media/photos.hpp)
    ASSERT_TRUE(ctx().db.Write(core::ports::Scope::System(), [&](core::ports::Tx& tx) {
        return tx.Photos().Put({h.photo_ids[0], "jpeg", 1, 1, clock_.NowMillis()}, "u:21");
    }));
    v = Act(CommunityA(), *id, h);
    EXPECT_EQ(v.record.event.handled_by, 21);
    // The handler may not verify their own handling; the street can.
    auto self = ActOnEvent(ctx(), ActorWith(Role::kOrgAdmin, street_, 21), *id, Step(v, "verify"));
    ASSERT_FALSE(self);
    EXPECT_EQ(self.error().message_key, "event.rule.verify_self");
    v = Act(Street(), *id, Step(v, "verify"));
    auto f = Step(v, "feedback");
    f.note = "已电话告知王女士处理结果";
    v = Act(Street(), *id, f);
    // "Not resolved" reopens to the same handler.
    auto r = Step(v, "reopen");
    r.outcome = "not_resolved";
    r.score = 2;
    v = Act(Street(), *id, r);
    EXPECT_EQ(v.record.event.state, core::event::EventState::kInProgress);
    EXPECT_EQ(v.record.event.assignee_org_id, community_a_);
    EXPECT_EQ(v.record.event.reopen_count, 1);
    h = Step(v, "handle");
    h.note = "再次清理并设置围挡";
    v = Act(CommunityA(), *id, h);
    v = Act(Street(), *id, Step(v, "verify"));
    f = Step(v, "feedback");
    f.note = "再次回访";
    v = Act(Street(), *id, f);
    auto rate = Step(v, "rate");
    rate.outcome = "resolved";
    rate.score = 5;
    v = Act(Street(), *id, rate);
    EXPECT_TRUE(v.record.event.Closed());
    EXPECT_EQ(v.record.event.score, 5);
    ASSERT_EQ(v.flow.size(), 11u);  // accept + 10 steps (the refused verification wrote nothing)
    EXPECT_EQ(v.flow[0].action, "accept");
    EXPECT_EQ(v.flow[1].from_state, "accepted");
    EXPECT_EQ(v.flow[1].to_state, "dispatched");
    EXPECT_EQ(v.flow[3].photo_ids.size(), 1u);
    EXPECT_EQ(v.flow[3].actor_org_id, community_a_);
    EXPECT_EQ(CountAudit("event.create"), 1);
    EXPECT_EQ(CountAudit("event.handle"), 2);
    EXPECT_EQ(CountAudit("event.rate"), 1);
}

TEST_F(EventsTest, ARefusedStepWritesNothingAndNamesTheState) {
    auto id = CreateEvent(ctx(), Street(), Hotline());
    ASSERT_TRUE(id);
    auto v = View(Street(), *id);
    auto bad = ActOnEvent(ctx(), Street(), *id, Step(v, "verify"));
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message_key, "event.rule.state");
    EXPECT_EQ(bad.error().params.at("event_state"), "accepted");
    EXPECT_EQ(View(Street(), *id).flow.size(), 1u);
    EXPECT_EQ(CountAudit("event.verify"), 0);
    // A stale version is refused too.
    auto stale = Step(v, "dispatch");
    stale.version = 0;
    auto st = ActOnEvent(ctx(), Street(), *id, stale);
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code, core::ErrorCode::kConflict);
}

TEST_F(EventsTest, ReturnAndExtensionAreReviewedByTheLevelAbove) {
    auto id = CreateEvent(ctx(), Street(), Hotline());
    ASSERT_TRUE(id);
    auto v = View(Street(), *id);
    auto d = Step(v, "dispatch");
    d.assignee_org_id = community_a_;
    d.deadline = "2026-11-30 18:00";
    v = Act(Street(), *id, d);
    auto ret = Step(v, "return");
    ret.reason = "该点位属于乙社区辖区";
    v = Act(CommunityA(), *id, ret);
    // The community cannot review its own objection.
    auto own = Step(v, "approve_return");
    own.reason = "同意";
    auto refused = ActOnEvent(ctx(), CommunityA(), *id, own);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message_key, "event.rule.party");
    v = Act(Street(), *id, own);
    EXPECT_EQ(v.record.event.state, core::event::EventState::kAccepted);
    EXPECT_EQ(v.record.event.assignee_org_id, 0);
    d = Step(v, "dispatch");
    d.assignee_org_id = community_b_;
    d.deadline = "2026-11-30 18:00";
    v = Act(Street(), *id, d);
    auto b = ActorWith(Role::kOrgAdmin, community_b_, 31);
    v = Act(b, *id, Step(v, "start"));
    auto ext = Step(v, "request_extension");
    ext.reason = "需协调物业公司";
    ext.deadline = "2026-12-05 18:00";
    v = Act(b, *id, ext);
    auto approve = Step(v, "approve_extension");
    approve.deadline = "2026-12-04 18:00";
    v = Act(Street(), *id, approve);
    EXPECT_EQ(v.record.event.handle_by, core::event::ParseDateTime("2026-12-04 18:00"));
}

TEST_F(EventsTest, AWhistleTakesItsReportTimeFromPolicyAndItsPartClosesOnlyAfterTheEvent) {
    auto id = CreateEvent(ctx(), Street(), Hotline());
    ASSERT_TRUE(id);
    auto v = View(Street(), *id);
    auto d = Step(v, "dispatch");
    d.assignee_org_id = community_a_;
    d.deadline = "2026-11-30 18:00";
    v = Act(Street(), *id, d);
    auto w = Step(v, "whistle");
    w.target_kind = "org";
    w.target_org_id = community_b_;
    w.reason = "需城管执法协同";
    v = Act(Street(), *id, w);
    ASSERT_EQ(v.whistles.size(), 1u);
    EXPECT_EQ(v.whistles[0].report_within_minutes, 30);  // event.whistle_report_minutes, Pinggu pilot default
    EXPECT_EQ(v.whistles[0].report_by, clock_.NowMillis() + 30 * 60'000);
    auto rep = Step(v, "report");
    rep.whistle_id = v.whistles[0].id;
    rep.note = "执法队员已到场";
    v = Act(Street(), *id, rep);
    EXPECT_TRUE(v.whistles[0].reported_at);
    auto close = Step(v, "close_whistle");
    close.whistle_id = v.whistles[0].id;
    auto early = ActOnEvent(ctx(), Street(), *id, close);
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().message_key, "event.rule.whistle_open");  // 事不完、人不撤
}

TEST_F(EventsTest, QueuesAreScopedAndOverdueFollowsTheDeadline) {
    auto id = CreateEvent(ctx(), Street(), Hotline());
    ASSERT_TRUE(id);
    auto v = View(Street(), *id);
    auto d = Step(v, "dispatch");
    d.assignee_org_id = community_a_;
    d.deadline = "2026-11-24 11:00";
    v = Act(Street(), *id, d);
    EventListInput mine;
    mine.queue = "mine";
    auto m = ListEvents(ctx(), CommunityA(), mine);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->items.size(), 1u);
    auto ms = ListEvents(ctx(), Street(), mine);
    ASSERT_TRUE(ms);
    EXPECT_TRUE(ms->items.empty());  // assigned to 甲社区, not to the street
    auto other = ListEvents(ctx(), ActorWith(Role::kOrgAdmin, community_b_, 31), EventListInput{});
    ASSERT_TRUE(other);
    EXPECT_TRUE(other->items.empty());
    EventListInput soon;
    soon.queue = "due_soon";
    EXPECT_EQ(ListEvents(ctx(), Street(), soon)->items.size(), 0u);  // 35 h away, the window is 24 h
    clock_.Advance(kDay / 2);
    EXPECT_EQ(ListEvents(ctx(), Street(), soon)->items.size(), 1u);
    EventListInput overdue;
    overdue.queue = "overdue";
    EXPECT_EQ(ListEvents(ctx(), Street(), overdue)->items.size(), 0u);
    clock_.Advance(kDay * 2);
    auto od = ListEvents(ctx(), Street(), overdue);
    ASSERT_EQ(od->items.size(), 1u);
    EXPECT_TRUE(od->items[0].overdue);
    // A member holds no event permission.
    EXPECT_FALSE(ListEvents(ctx(), ActorWith(Role::kMember, branch_a_), EventListInput{}));
}

TEST_F(EventsTest, TheHotlineFormIsCheckedFieldByFieldAndAWorkOrderIsTakenOnce) {
    auto in = Hotline();
    in.org_id = 0;
    in.category_code = "nope";
    auto bad = CreateEvent(ctx(), Street(), in);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().fields.at(0).field, "category_code");
    ASSERT_TRUE(CreateEvent(ctx(), Street(), Hotline()));
    auto again = CreateEvent(ctx(), Street(), Hotline());
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().fields.at(0).message_key, "event.external_ref.taken");
    auto outside = Hotline();
    outside.external_ref = "";
    outside.org_id = community_b_;
    auto o = CreateEvent(ctx(), CommunityA(), outside);
    ASSERT_FALSE(o);
    EXPECT_EQ(o.error().fields.at(0).field, "org_id");
}

// Issue 17 "SLA" (domain.md §7.4 limits [UNKNOWN] as policy; calendar.md 2026): without a deadline from the operator,
// an event's deadlines are its category's SLA limits counted on the stored working-day calendar. A general event
// reported on Wed 30 Sep 2026 at 09:30 (Shanghai) has 7 working days: 1–7 Oct are the National Day holiday, Sat 10
// Oct is a 调休 working day, so the 7th working day is Thu 15 Oct and the deadline is its end (16:00 UTC). The
// response is due 24 calendar hours after the report. An urgent event takes the emergency class: 2 hours.
TEST_F(EventsTest, WithoutAnOperatorsDeadlineTheSlaOfTheCategoryIsCountedOnTheWorkingDayCalendar) {
    auto in = Hotline();
    in.reported_at = "2026-09-30 09:30";
    auto id = CreateEvent(ctx(), Street(), in);
    ASSERT_TRUE(id) << id.error().message_key;
    const auto e = View(Street(), *id).record.event;
    constexpr std::int64_t kReported = 1'790'731'800'000;  // 2026-09-30T01:30Z
    EXPECT_EQ(e.respond_by, kReported + kDay);
    EXPECT_EQ(e.handle_by, 1'792'080'000'000);  // 2026-10-15T16:00Z = 16 Oct 00:00 in Shanghai

    in.external_ref = "GD2026093000002";
    in.urgency = "urgent";
    auto urgent = CreateEvent(ctx(), Street(), in);
    ASSERT_TRUE(urgent) << urgent.error().message_key;
    const auto u = View(Street(), *urgent).record.event;
    EXPECT_EQ(u.handle_by, kReported + 2 * 3'600'000);
    EXPECT_EQ(u.respond_by, kReported + 30 * 60'000);
}

}  // namespace
}  // namespace lianxin::app
