// Storage conformance of closing the loop on every backend (migration 0037; issue 17 "The closed loop", "SLA";
// domain.md §7 "automatic supervision (督办) on breach", "Closure requires evidence (after-photo / reply)"): photos
// are linked to the events that carry them (intake and after photos), and on PostgreSQL a scope that does not see
// the event does not see the link; the 督办 sweep's candidates are the events past their handle-by with the
// handler's clock running and no 督办 for that deadline; the queues of 督办 and of whistles not reported in time.
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

namespace ev = core::event;
using core::ports::EventFlowEntry;
using core::ports::EventQuery;
using core::ports::Scope;

class LoopConformance : public Conformance {
protected:
    void SetUp() override {
        Conformance::SetUp();
        street_ = AddOrg(0, "街道");
        a_ = AddOrg(street_, "甲社区");
        b_ = AddOrg(street_, "乙社区");
        a_path_ = OrgOf(a_).path;
        b_path_ = OrgOf(b_).path;
    }

    ev::Event Make(const std::string& number, ev::EventState state = ev::EventState::kInProgress) {
        ev::Event e;
        e.number = number;
        e.channel = ev::Channel::kHotline12345;
        e.category_code = "city.garbage";
        e.org_id = a_;
        e.org_path = a_path_;
        e.owner_org_id = a_;
        e.owner_org_path = a_path_;
        e.assignee_org_id = a_;
        e.assignee_org_path = a_path_;
        e.state = state;
        e.handle_by = 5000;
        e.description = "楼下垃圾堆放多日无人清理";
        e.reported_at = 1000;
        e.created_by = 1;
        e.created_at = 1000;
        e.updated_at = 1000;
        return e;
    }

    std::int64_t Insert(const ev::Event& e) {
        std::int64_t id = 0;
        EXPECT_TRUE(db().Write(Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(i, tx.Events().Insert(e));
            id = i;
            return core::Ok();
        }));
        return id;
    }

    void Flow(std::int64_t id, int seq, const std::string& action, std::optional<std::int64_t> deadline,
              std::vector<std::string> photos = {}, std::int64_t at = 6000) {
        EventFlowEntry f;
        f.event_id = id;
        f.seq = seq;
        f.action = action;
        f.from_state = f.to_state = "in_progress";
        f.actor_name = "系统";
        f.deadline = deadline;
        f.photo_ids = std::move(photos);
        f.at = at;
        ASSERT_TRUE(db().Write(Scope::System(), [&](Tx& tx) { return tx.Events().AppendFlow(f).map([](auto) {}); }));
    }

    std::vector<std::int64_t> Due(std::int64_t now) {
        std::vector<std::int64_t> out;
        EXPECT_TRUE(db().Read(Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(rows, tx.Events().DueForSupervision(now, 100));
            for (const auto& r : rows) out.push_back(r.event.id);
            return core::Ok();
        }));
        return out;
    }

    std::vector<std::int64_t> WithPhoto(const std::string& photo, const Scope& scope = Scope::System()) {
        std::vector<std::int64_t> out;
        EXPECT_TRUE(db().Read(scope, [&](Tx& tx) -> core::Status {
            LX_ASSIGN(ids, tx.Events().EventsWithPhoto(photo));
            out = std::move(ids);
            return core::Ok();
        }));
        return out;
    }

    std::vector<std::int64_t> Listed(const EventQuery& q) {
        std::vector<std::int64_t> out;
        EXPECT_TRUE(db().Read(Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(rows, tx.Events().List(q));
            for (const auto& r : rows) out.push_back(r.event.id);
            return core::Ok();
        }));
        return out;
    }

    std::int64_t street_ = 0, a_ = 0, b_ = 0;
    std::string a_path_, b_path_;
};

TEST_P(LoopConformance, PhotosAreLinkedToTheirEventsAndSeenOnlyWithThem) {
    const std::string intake(64, 'a'), after(64, 'b');
    auto e = Make("SJ2026-000101");
    e.photo_ids = {intake};
    const auto id = Insert(e);
    Flow(id, 1, "handle", std::nullopt, {after});
    EXPECT_EQ(WithPhoto(intake), std::vector<std::int64_t>{id});
    EXPECT_EQ(WithPhoto(after), std::vector<std::int64_t>{id});
    EXPECT_TRUE(WithPhoto(std::string(64, 'c')).empty());
    EXPECT_EQ(WithPhoto(after, Scope::Paths({a_path_})), std::vector<std::int64_t>{id});
    // 乙社区's scope: PostgreSQL's row-level security hides the link with its event; SQLite has no second fence
    // (the use case checks the event: app/media/photos.cpp).
    EXPECT_EQ(WithPhoto(after, Scope::Paths({b_path_})).empty(), GetParam() == "postgres");
}

TEST_P(LoopConformance, TheSweepFindsEachBreachedDeadlineOnceWhileTheHandlersClockRuns) {
    const auto running = Insert(Make("SJ2026-000111"));
    Insert(Make("SJ2026-000112", ev::EventState::kSuspended));
    Insert(Make("SJ2026-000113", ev::EventState::kMarked));
    Insert(Make("SJ2026-000114", ev::EventState::kHandled));
    EXPECT_TRUE(Due(4999).empty());
    EXPECT_EQ(Due(5000), std::vector<std::int64_t>{running});  // overdue from the deadline on
    Flow(running, 1, "supervise", std::nullopt);               // a manual 督办 names no deadline
    EXPECT_EQ(Due(6000), std::vector<std::int64_t>{running});
    Flow(running, 2, "supervise", 5000, {}, 6000);  // the server's, for the deadline 5000
    EXPECT_TRUE(Due(6000).empty());
    // the record carries the latest 督办; the queue of 督办 holds it
    ASSERT_TRUE(db().Read(Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(got, tx.Events().Get(running));
        EXPECT_TRUE(got && got->supervised_at == 6000);
        return core::Ok();
    }));
    EventQuery q;
    q.scope_roots = {OrgOf(street_).path};
    q.supervised_only = true;
    EXPECT_EQ(Listed(q), std::vector<std::int64_t>{running});
    // an extension: a new deadline, a new breach once it passes
    ASSERT_TRUE(db().Write(Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(got, tx.Events().Get(running));
        got->event.handle_by = 9000;
        return tx.Events().Update(got->event);
    }));
    EXPECT_TRUE(Due(8999).empty());
    EXPECT_EQ(Due(9000), std::vector<std::int64_t>{running});
}

TEST_P(LoopConformance, TheLateWhistlesQueueHoldsThoseNotReportedByTheirTime) {
    const auto id = Insert(Make("SJ2026-000121"));
    Insert(Make("SJ2026-000122"));
    const auto b_path = b_path_;
    std::int64_t wid = 0;
    ASSERT_TRUE(db().Write(Scope::System(), [&](Tx& tx) -> core::Status {
        core::ports::EventWhistle w;
        w.event_id = id;
        w.target_kind = "org";
        w.target_org_id = b_;
        w.target_org_path = b_path;
        w.seen_through_path = b_path;
        w.target_name = "乙社区";
        w.report_within_minutes = 30;
        w.report_by = 3000;
        w.blown_at = 1000;
        w.blown_by = 7;
        LX_ASSIGN(i, tx.Events().InsertWhistle(w));
        wid = i;
        return core::Ok();
    }));
    EventQuery q;
    q.scope_roots = {OrgOf(street_).path};
    q.whistle_late_at = 2999;
    EXPECT_TRUE(Listed(q).empty());
    q.whistle_late_at = 3001;
    EXPECT_EQ(Listed(q), std::vector<std::int64_t>{id});
    ASSERT_TRUE(db().Write(Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(ws, tx.Events().Whistles(id));
        ws[0].reported_at = 3500;  // 报到, late but done
        return tx.Events().UpdateWhistle(ws[0]);
    }));
    EXPECT_TRUE(Listed(q).empty());
    (void)wid;
}

INSTANTIATE_TEST_SUITE_P(Backends, LoopConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
