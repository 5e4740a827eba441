// Storage conformance of events on every backend (migration 0029; issue 17 "Events and their intake", "The closed
// loop"; domain.md §7 "What the software must enforce"): the seeded two-level dictionary, an event round-trips
// every field with the phone encrypted at rest, numbers count per year, the version guards updates, the queues
// filter by scope, mine, state, category and deadline, the flow log is append-only and whistles round-trip. On
// PostgreSQL a scoped transaction sees only the events of its subtree (row-level security).
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

namespace ev = core::event;
using core::ports::EventFlowEntry;
using core::ports::EventQuery;
using core::ports::Scope;

class EventConformance : public Conformance {
protected:
    void SetUp() override {
        Conformance::SetUp();
        street_ = AddOrg(0, "街道");
        a_ = AddOrg(street_, "甲社区");
        b_ = AddOrg(street_, "乙社区");
    }

    ev::Event Make(std::int64_t org, const std::string& number, const std::string& category = "city.garbage") {
        ev::Event e;
        e.number = number;
        e.channel = ev::Channel::kHotline12345;
        e.category_code = category;
        e.sla_class = ev::SlaClass::kGeneral;
        e.org_id = org;
        e.org_path = OrgOf(org).path;
        e.owner_org_id = street_;
        e.owner_org_path = OrgOf(street_).path;
        e.description = "楼下垃圾堆放多日无人清理";
        e.reported_at = 1000;
        e.created_by = 1;
        e.created_at = 1000;
        e.updated_at = 1000;
        return e;
    }

    std::int64_t Insert(const ev::Event& e) {
        std::int64_t id = 0;
        auto st = db().Write(Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(i, tx.Events().Insert(e));
            id = i;
            return core::Ok();
        });
        EXPECT_TRUE(st) << (st ? "" : st.error().message_key + " " + st.error().detail);
        return id;
    }

    std::vector<core::ports::EventRecord> List(const EventQuery& q, const Scope& scope = Scope::System()) {
        std::vector<core::ports::EventRecord> out;
        EXPECT_TRUE(db().Read(scope, [&](Tx& tx) -> core::Status {
            LX_ASSIGN(l, tx.Events().List(q));
            out = std::move(l);
            return core::Ok();
        }));
        return out;
    }

    std::int64_t street_ = 0, a_ = 0, b_ = 0;
};

TEST_P(EventConformance, TheDictionaryHasTwoLevelsAndEveryLeafItsSlaClass) {
    ASSERT_TRUE(db().Read(Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(cats, tx.Events().Categories());
        EXPECT_GE(cats.size(), 20u);
        std::set<std::string> tops;
        for (const auto& c : cats)
            if (!c.Leaf()) tops.insert(c.code);
        for (const auto& c : cats) {
            EXPECT_EQ(c.Leaf(), c.sla_class.has_value()) << c.code;
            if (c.Leaf()) { EXPECT_TRUE(tops.count(c.parent_code)) << c.code; }
        }
        EXPECT_TRUE(tops.count("utility"));
        return core::Ok();
    }));
}

TEST_P(EventConformance, AnEventRoundTripsWithThePhoneEncryptedAndNumbersCountPerYear) {
    auto e = Make(a_, "SJ2026-000001");
    e.external_ref = "GD001";
    e.location = ev::Coordinates{118.0612345, 24.4712345};
    e.grid_id = 350205001001;
    e.reporter_name = "王女士";
    e.reporter_phone = "13800001234";
    e.photo_ids = {std::string(64, 'a'), std::string(64, 'b')};
    e.handle_by = 5000;
    const auto id = Insert(e);
    ASSERT_GT(id, 0);
    ASSERT_TRUE(db().Write(Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(got, tx.Events().Get(id));
        EXPECT_TRUE(got);
        if (!got) return core::Ok();
        const auto& g = got->event;
        EXPECT_EQ(g.number, "SJ2026-000001");
        EXPECT_EQ(g.external_ref, "GD001");
        EXPECT_EQ(g.reporter_phone, "13800001234");
        EXPECT_EQ(g.photo_ids, e.photo_ids);
        EXPECT_EQ(g.grid_id, 350205001001);
        EXPECT_NEAR(g.location->lng, 118.061235, 1e-6);
        EXPECT_EQ(g.handle_by, 5000);
        EXPECT_EQ(g.version, 1);
        EXPECT_EQ(got->org_name, "甲社区");
        EXPECT_EQ(got->owner_org_name, "街道");
        LX_ASSIGN(n1, tx.Events().NextNumber(2026));
        LX_ASSIGN(n2, tx.Events().NextNumber(2026));
        LX_ASSIGN(m1, tx.Events().NextNumber(2027));
        EXPECT_EQ(n1, 1);
        EXPECT_EQ(n2, 2);
        EXPECT_EQ(m1, 1);
        return core::Ok();
    }));
    auto raw = t_->db->RawQuery("SELECT count(*) FROM events WHERE reporter_phone_enc LIKE '%13800001234%'");
    if (raw) {
        EXPECT_EQ(raw->Int(0, 0), 0);  // not in the clear
    }
    // A channel's work-order number is taken once (hotline imports are idempotent by 工单编号).
    auto again = Make(b_, "SJ2026-000002");
    again.external_ref = "GD001";
    auto st = db().Write(Scope::System(),
                         [&](Tx& tx) -> core::Status { return tx.Events().Insert(again).map([](auto) {}); });
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().fields.at(0).message_key, "event.external_ref.taken");
}

TEST_P(EventConformance, UpdatesNeedTheVersionAndTheFlowLogIsAppendOnly) {
    const auto id = Insert(Make(a_, "SJ2026-000003"));
    ASSERT_TRUE(db().Write(Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(got, tx.Events().Get(id));
        auto e = got->event;
        e.state = ev::EventState::kDispatched;
        e.assignee_org_id = a_;
        e.assignee_org_path = got->event.org_path;
        e.handle_by = 9000;
        LX_CHECK(tx.Events().Update(e));
        auto stale = tx.Events().Update(e);  // still version 1
        EXPECT_FALSE(stale);
        EventFlowEntry f{0,    id,       1,       "dispatch",   "accepted",   "dispatched",
                         7,    "调度员", street_, "",           "请尽快处理", {std::string(64, 'c')},
                         9000, 0,        2000,    std::nullopt, "",           0};
        LX_CHECK(tx.Events().AppendFlow(f).map([](auto) {}));
        LX_ASSIGN(flow, tx.Events().Flow(id));
        EXPECT_EQ(flow.size(), 1u);
        if (!flow.empty()) {
            EXPECT_EQ(flow[0].to_state, "dispatched");
            EXPECT_EQ(flow[0].photo_ids.size(), 1u);
            EXPECT_EQ(flow[0].deadline, 9000);
            EXPECT_EQ(flow[0].actor_org_id, street_);
        }
        LX_ASSIGN(now, tx.Events().Get(id));
        EXPECT_EQ(now->event.version, 2);
        EXPECT_EQ(now->event.state, ev::EventState::kDispatched);
        EXPECT_EQ(now->assignee_org_name, "甲社区");
        return core::Ok();
    }));
    EXPECT_FALSE(t_->db->RawScript("UPDATE event_flow SET note = 'x'"));
    EXPECT_FALSE(t_->db->RawScript("DELETE FROM event_flow"));
}

TEST_P(EventConformance, QueuesFilterByScopeMineStateCategoryAndDeadline) {
    auto e1 = Make(a_, "SJ2026-000011", "city.garbage");
    e1.state = ev::EventState::kInProgress;
    e1.assignee_org_id = a_;
    e1.assignee_org_path = OrgOf(a_).path;
    e1.handle_by = 100;  // overdue at 500
    auto e2 = Make(b_, "SJ2026-000012", "utility.water");
    e2.state = ev::EventState::kDispatched;
    e2.assignee_org_id = b_;
    e2.assignee_org_path = OrgOf(b_).path;
    e2.handle_by = 800;  // due soon at 500 within 1000
    auto e3 = Make(b_, "SJ2026-000013", "utility.power");
    e3.state = ev::EventState::kRated;
    const auto i1 = Insert(e1), i2 = Insert(e2), i3 = Insert(e3);
    const std::string street = OrgOf(street_).path, pa = OrgOf(a_).path;
    EventQuery all;
    all.scope_roots = {street};
    EXPECT_EQ(List(all).size(), 3u);
    EventQuery onlya = all;
    onlya.scope_roots = {pa};
    auto la = List(onlya);
    ASSERT_EQ(la.size(), 1u);
    EXPECT_EQ(la[0].event.id, i1);
    EventQuery none = all;
    none.scope_roots = {};
    EXPECT_TRUE(List(none).empty());  // an empty scope is nothing, never everything
    EventQuery mine = all;
    mine.mine = true;
    mine.mine_org_ids = {b_};
    auto lm = List(mine);
    ASSERT_EQ(lm.size(), 1u);
    EXPECT_EQ(lm[0].event.id, i2);
    EventQuery overdue = all;
    overdue.due_before = 500;
    auto lo = List(overdue);
    ASSERT_EQ(lo.size(), 1u);
    EXPECT_EQ(lo[0].event.id, i1);
    EventQuery soon = all;
    soon.due_after = 500;
    soon.due_before = 1500;
    auto ls = List(soon);
    ASSERT_EQ(ls.size(), 1u);
    EXPECT_EQ(ls[0].event.id, i2);
    EventQuery cat = all;
    cat.category_code = "utility";  // a top category: all its leaves
    EXPECT_EQ(List(cat).size(), 2u);
    cat.category_code = "utility.power";
    EXPECT_EQ(List(cat).size(), 1u);
    EventQuery state = all;
    state.state = "rated";
    auto lr = List(state);
    ASSERT_EQ(lr.size(), 1u);
    EXPECT_EQ(lr[0].event.id, i3);
    EventQuery page = all;
    page.limit = 2;
    auto p1 = List(page);
    ASSERT_EQ(p1.size(), 2u);
    EXPECT_EQ(p1[0].event.id, i3);  // newest first
    page.after_id = p1[1].event.id;
    auto p2 = List(page);
    ASSERT_EQ(p2.size(), 1u);
    EXPECT_EQ(p2[0].event.id, i1);
    // The database's own fence (PostgreSQL row-level security): a transaction scoped to 甲社区 sees only its event.
    std::size_t seen = 0;
    ASSERT_TRUE(db().Read(Scope::Paths({pa}), [&](Tx& tx) -> core::Status {
        for (auto id : {i1, i2, i3}) {
            LX_ASSIGN(got, tx.Events().Get(id));
            if (got) ++seen;
        }
        return core::Ok();
    }));
    EXPECT_EQ(seen, GetParam() == "postgres" ? 1u : 3u);
}

TEST_P(EventConformance, WhistlesRoundTripAndTheirReportIsWritten) {
    const auto id = Insert(Make(a_, "SJ2026-000021"));
    const auto b_path = OrgOf(b_).path;  // read before the Write (OrgOf opens a snapshot of its own)
    ASSERT_TRUE(db().Write(Scope::System(), [&](Tx& tx) -> core::Status {
        core::ports::EventWhistle w;
        w.event_id = id;
        w.target_kind = "org";
        w.target_org_id = b_;
        w.target_org_path = b_path;
        w.target_name = "乙社区";
        w.report_within_minutes = 30;
        w.report_by = 1000 + 30 * 60'000;
        w.blown_at = 1000;
        w.blown_by = 7;
        LX_ASSIGN(wid, tx.Events().InsertWhistle(w));
        LX_ASSIGN(list, tx.Events().Whistles(id));
        EXPECT_EQ(list.size(), 1u);
        if (list.empty()) return core::Ok();
        auto got = list[0];
        EXPECT_EQ(got.id, wid);
        EXPECT_EQ(got.report_within_minutes, 30);
        EXPECT_FALSE(got.reported_at);
        got.reported_at = 2000;
        got.report_note = "城管中队已到场";
        LX_CHECK(tx.Events().UpdateWhistle(got));
        LX_ASSIGN(again, tx.Events().Whistles(id));
        EXPECT_EQ(again[0].reported_at, 2000);
        EXPECT_EQ(again[0].report_note, "城管中队已到场");
        EXPECT_FALSE(again[0].closed_at);
        return core::Ok();
    }));
}

// Issue 17 "Roles and access": a department whistled to sees the event — in the queue of its whistles (by their
// state) and, on PostgreSQL, through row-level security in its own scope (migration 0032's event_whistle_paths);
// another department sees nothing. A grid worker's queue holds the events of its grids only.
TEST_P(EventConformance, AWhistledDepartmentSeesTheEventAndAGridQueueOnlyItsGrids) {
    const auto dept = AddOrg(0, "区城管局");
    const auto other = AddOrg(0, "区水务局");
    const auto dept_path = OrgOf(dept).path;
    const auto other_path = OrgOf(other).path;
    auto placed = Make(a_, "SJ2026-000031");
    const auto id = Insert(placed);
    auto gridded = Make(a_, "SJ2026-000032");
    gridded.grid_id = 777;  // events.grid_id names a grid without a foreign key: any id serves here
    const auto plain = Insert(gridded);
    ASSERT_TRUE(db().Write(Scope::System(), [&](Tx& tx) -> core::Status {
        core::ports::EventWhistle w;
        w.event_id = id;
        w.target_kind = "org";
        w.target_org_id = dept;
        w.target_org_path = dept_path;
        w.seen_through_path = dept_path;
        w.target_name = "区城管局";
        w.report_within_minutes = 30;
        w.report_by = 1000 + 30 * 60'000;
        w.blown_at = 1000;
        w.blown_by = 7;
        return tx.Events().InsertWhistle(w).map([](auto) {});
    }));
    EventQuery q;
    q.whistled_only = true;
    q.whistle_roots = {dept_path};
    q.whistle_state = "open";
    auto got = List(q, Scope::Paths({dept_path}));
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].event.id, id);
    q.whistle_state = "reported";
    EXPECT_TRUE(List(q, Scope::Paths({dept_path})).empty());
    // the whole list of a department: only what was whistled to it (not the other event of the community)
    EventQuery all;
    all.whistle_roots = {dept_path};
    got = List(all, Scope::Paths({dept_path}));
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].event.id, id);
    all.whistle_roots = {other_path};
    EXPECT_TRUE(List(all, Scope::Paths({other_path})).empty());
    // Row-level security: the department's scope reads the event row itself; another department's does not.
    std::size_t seen = 0, unseen = 0;
    ASSERT_TRUE(db().Read(Scope::Paths({dept_path}), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(e, tx.Events().Get(id));
        seen += e ? 1 : 0;
        LX_ASSIGN(p, tx.Events().Get(plain));
        unseen += p ? 1 : 0;
        return core::Ok();
    }));
    EXPECT_EQ(seen, 1u);
    EXPECT_EQ(unseen, GetParam() == "postgres" ? 0u : 1u);  // SQLite has no second fence
    ASSERT_TRUE(db().Read(Scope::Paths({other_path}), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(e, tx.Events().Get(id));
        EXPECT_EQ(e.has_value(), GetParam() != "postgres");
        return core::Ok();
    }));
    // A grid queue: the events of its grids only.
    EventQuery grid;
    grid.grids_only = true;
    grid.grid_ids = {777};
    got = List(grid);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].event.id, plain);
    grid.grid_ids = {778};
    EXPECT_TRUE(List(grid).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, EventConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
