// Duplicates as use cases (issue 17 "Duplicates"; domain.md §7 "duplicates link", §7.2 "duplicate demands merged"):
// a hotline event and a patrol's finding of the same problem find each other across channels, only inside the
// actor's sight; an intake form sees them before saving; the owner merges (a flow row on both, one audit row);
// the refusals name the field; a dispatch names a person of the assignee org and that person sees it as "mine".
#include "app/event/duplicates.hpp"

#include "app/testing/app_fixture.hpp"
#include "core/event/event.hpp"

namespace lianxin::app {
namespace {

using core::auth::Role;
const core::event::Coordinates kGate{118.0501, 24.4802};  // a community gate in Xiamen
const core::event::Coordinates kNear{118.0501, 24.4806};  // 44 m north

class DuplicatesTest : public testing::AppTest {
protected:
    std::int64_t Report(const core::auth::Actor& a, std::string channel, std::int64_t org, core::event::Coordinates at,
                        std::string category = "city.garbage", std::string reported = "2026-11-22 09:30") {
        core::event::Intake in;
        in.channel = std::move(channel);
        in.category_code = std::move(category);
        in.org_id = org;
        in.location = at;
        in.address = "海沧大道 88 号";
        in.description = "小区门口垃圾堆放三天无人清理";
        in.reporter_name = "王女士";
        in.reporter_phone = "13800001234";
        in.reported_at = std::move(reported);
        auto id = CreateEvent(ctx(), a, in);
        EXPECT_TRUE(id) << (id ? "" : id.error().message_key);
        return id ? *id : 0;
    }
    EventView View(const core::auth::Actor& a, std::int64_t id) {
        auto v = ViewEvent(ctx(), a, id);
        EXPECT_TRUE(v);
        return v ? v->value : EventView{};
    }
    std::string FieldOf(const core::Error& e, const std::string& field) {
        for (const auto& f : e.fields)
            if (f.field == field) return f.message_key;
        return e.message_key;
    }
    core::auth::Actor Street() { return ActorWith(Role::kOrgAdmin, street_, 11); }
    core::auth::Actor CommunityA() { return ActorWith(Role::kOrgAdmin, community_a_, 21); }
};

TEST_F(DuplicatesTest, AHotlineEventAndAPatrolFindingOfTheSameProblemFindEachOther) {
    const auto hotline = Report(Street(), "hotline_12345", community_a_, kGate);
    const auto patrol = Report(CommunityA(), "patrol", community_a_, kNear, "city.garbage", "2026-11-22 15:00");
    const auto other_category = Report(CommunityA(), "patrol", community_a_, kGate, "facility.road");
    const auto too_old = Report(Street(), "hotline_12345", community_a_, kGate, "city.garbage", "2026-11-01 09:00");
    const auto in_b = Report(Street(), "hotline_81890", community_b_, kGate);
    auto list = EventDuplicates(ctx(), CommunityA(), patrol);
    ASSERT_TRUE(list) << list.error().message_key;
    EXPECT_EQ(list->rule.distance_m, 100);  // the national default of the policy
    EXPECT_EQ(list->rule.window_days, 7);
    ASSERT_EQ(list->items.size(), 1u);  // not another category, not 3 weeks older, not 乙社区's (out of sight)
    EXPECT_EQ(list->items[0].record.event.id, hotline);
    EXPECT_NEAR(list->items[0].distance_m, 44.5, 1.0);
    EXPECT_EQ(list->items[0].age_millis, 5 * 3'600'000 + 30 * 60'000);
    EXPECT_TRUE(list->can_merge);  // 甲社区 accepted the patrol's event
    // the street sees 乙社区's as well
    auto wide = EventDuplicates(ctx(), Street(), patrol);
    ASSERT_TRUE(wide);
    EXPECT_EQ(wide->items.size(), 2u);
    (void)other_category;
    (void)too_old;
    (void)in_b;
}

TEST_F(DuplicatesTest, AnIntakeFormSeesTheCandidatesBeforeSaving) {
    const auto hotline = Report(Street(), "hotline_12345", community_a_, kGate);
    DuplicateProbeInput in;
    in.category_code = "city.garbage";
    in.org_id = community_a_;
    in.location = kNear;
    in.reported_at = "2026-11-22 18:00";
    auto list = IntakeDuplicates(ctx(), CommunityA(), in);
    ASSERT_TRUE(list) << list.error().message_key;
    ASSERT_EQ(list->items.size(), 1u);
    EXPECT_EQ(list->items[0].record.event.id, hotline);
    in.location.reset();  // no point, nothing to compare
    EXPECT_TRUE(IntakeDuplicates(ctx(), CommunityA(), in)->items.empty());
    in.org_id = community_b_;  // a place out of the actor's scope
    auto out = IntakeDuplicates(ctx(), CommunityA(), in);
    ASSERT_FALSE(out);
    EXPECT_EQ(FieldOf(out.error(), "org_id"), "org.not_in_scope");
}

TEST_F(DuplicatesTest, TheOwnerMergesWithAFlowRowOnBothAndTheRefusalsNameTheField) {
    const auto primary = Report(Street(), "hotline_12345", community_a_, kGate);
    const auto dup = Report(CommunityA(), "patrol", community_a_, kNear);
    const auto road = Report(CommunityA(), "patrol", community_a_, kGate, "facility.road");
    const int version = View(CommunityA(), dup).record.event.version;
    auto self = MergeEvent(ctx(), CommunityA(), dup, {version, dup, "同一问题"});
    ASSERT_FALSE(self);
    EXPECT_EQ(FieldOf(self.error(), "primary_id"), "event.merge.self");
    auto across = MergeEvent(ctx(), CommunityA(), road,
                             {View(CommunityA(), road).record.event.version, primary, "同一问题"});
    ASSERT_FALSE(across);
    EXPECT_EQ(FieldOf(across.error(), "primary_id"), "event.merge.category");
    auto no_reason = MergeEvent(ctx(), CommunityA(), dup, {version, primary, ""});
    ASSERT_FALSE(no_reason);
    EXPECT_EQ(FieldOf(no_reason.error(), "reason"), "field.text");

    auto merged = MergeEvent(ctx(), CommunityA(), dup, {version, primary, "与12345工单为同一处垃圾堆放"});
    ASSERT_TRUE(merged) << merged.error().message_key;
    EXPECT_EQ(merged->record.event.state, core::event::EventState::kDismissed);
    EXPECT_EQ(merged->record.event.mark_kind, "duplicate");
    EXPECT_EQ(merged->merged_into_id, primary);
    ASSERT_FALSE(merged->flow.empty());
    EXPECT_EQ(merged->flow.back().action, "merge");
    EXPECT_EQ(merged->flow.back().reason, "与12345工单为同一处垃圾堆放");
    EXPECT_EQ(merged->flow.back().actor_user_id, 21);
    const auto p = View(Street(), primary);
    ASSERT_EQ(p.merged.size(), 1u);
    EXPECT_EQ(p.merged[0].event.id, dup);
    EXPECT_EQ(p.flow.back().action, "merged_in");
    EXPECT_EQ(p.flow.back().note, merged->record.event.number);
    EXPECT_EQ(CountAudit("event.merge"), 1);
    // a merged event is closed: nothing more merges into it or from it
    const auto third = Report(CommunityA(), "patrol", community_a_, kGate);
    auto chain = MergeEvent(ctx(), CommunityA(), third,
                            {View(CommunityA(), third).record.event.version, dup, "同一问题"});
    ASSERT_FALSE(chain);
    EXPECT_EQ(FieldOf(chain.error(), "primary_id"), "event.merge.chain");
    auto again = MergeEvent(ctx(), CommunityA(), dup, {merged->record.event.version, primary, "同一问题"});
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().message_key, "event.rule.state");
    // the merged one is no candidate any more
    EXPECT_TRUE(EventDuplicates(ctx(), CommunityA(), third)->items.size() == 1u);
}

TEST_F(DuplicatesTest, ADispatchNamesAPersonOfTheAssigneeOrgWhoSeesItAsMine) {
    const auto id = Report(Street(), "hotline_12345", community_a_, kGate);
    const auto wang = AddUser("wang_a", "correct horse battery staple 1", Role::kOrgAdmin, community_a_);
    const auto li = AddUser("li_b", "correct horse battery staple 2", Role::kOrgAdmin, community_b_);
    auto people = AssignableUsers(ctx(), Street(), id, community_a_);
    ASSERT_TRUE(people) << people.error().message_key;
    ASSERT_EQ(people->size(), 1u);
    EXPECT_EQ((*people)[0].user_id, wang);
    EventActionInput d;
    d.version = View(Street(), id).record.event.version;
    d.action = "dispatch";
    d.assignee_org_id = community_a_;
    d.assignee_user_id = li;  // a person of 乙社区
    d.deadline = "2026-11-30 18:00";
    auto outside = ActOnEvent(ctx(), Street(), id, d);
    ASSERT_FALSE(outside);
    EXPECT_EQ(FieldOf(outside.error(), "assignee_user_id"), "event.assignee.user_outside");
    d.assignee_user_id = wang;
    auto ok = ActOnEvent(ctx(), Street(), id, d);
    ASSERT_TRUE(ok) << ok.error().message_key;
    EXPECT_EQ(ok->record.event.assignee_user_id, wang);
    EXPECT_FALSE(ok->record.event.assignee_name.empty());
    EventListInput mine;
    mine.queue = "mine";
    auto queue = ListEvents(ctx(), ActorWith(Role::kOrgAdmin, community_a_, wang), mine);
    ASSERT_TRUE(queue);
    ASSERT_EQ(queue->items.size(), 1u);
    EXPECT_EQ(queue->items[0].record.event.id, id);
}

}  // namespace
}  // namespace lianxin::app
