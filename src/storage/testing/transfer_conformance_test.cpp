// Storage conformance of transfers and affiliation history on every backend: a transfer round-trips every
// field (the arriving person's ID number encrypted), a stale version or a second open transfer of the same
// member is a conflict, events are append-only, lists follow the sending or the receiving side's scope, and a
// move keeps history so that counts "as of" an earlier day give what was true then (domain.md §5, issue 4).
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

namespace mm = core::member;
using core::ports::TransferEvent;
using core::ports::TransferQuery;
using core::ports::TransferRecord;

class TransferConformance : public Conformance {
protected:
    void SetUp() override {
        Conformance::SetUp();
        street_ = AddOrg(0, "街道");
        a_ = AddOrg(street_, "甲社区支部");
        b_ = AddOrg(street_, "乙社区支部");
        member_ = AddMember(MakeMember(a_, "林转", "11010519491231002X"));
    }

    core::org::Org OrgOf(std::int64_t id) {
        core::org::Org out;
        EXPECT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(o, tx.Orgs().Get(id));
            if (!o) return core::Fail(core::NotFound("org"));
            out = std::move(o).value();
            return core::Ok();
        }));
        return out;
    }

    TransferRecord Within() {
        TransferRecord t;
        t.facts.kind = mm::TransferKind::kWithin;
        t.facts.requested_on = *Date::Parse("2026-10-08");
        t.member_id = member_;
        const auto a = OrgOf(a_), b = OrgOf(b_);
        t.from_org_id = a.id;
        t.from_org_path = a.path;
        t.from_org_name = a.name;
        t.to_org_id = b.id;
        t.to_org_path = b.path;
        t.to_org_name = b.name;
        t.name = "林转";
        t.birth_date = *Date::Parse("1949-12-31");
        t.reason = "迁居";
        t.created_by = 7;
        return t;
    }

    TransferEvent Event(int seq, const char* action, const char* on) {
        return TransferEvent{0, seq, action, *Date::Parse(on), "", 7, "书记", 100 + seq};
    }

    std::int64_t Insert(const TransferRecord& t) {
        std::int64_t id = 0;
        EXPECT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(i, tx.Transfers().Insert(t, Event(1, "request", "2026-10-08"), 100));
            id = i;
            return core::Ok();
        }));
        return id;
    }

    std::int64_t street_ = 0, a_ = 0, b_ = 0, member_ = 0;
};

TEST_P(TransferConformance, ArrivingLetterRoundTripsWithItsPersonEncrypted) {
    TransferRecord t = Within();
    t.facts.kind = mm::TransferKind::kIn;
    t.facts.state = mm::TransferState::kIssued;
    t.facts.letter = mm::Letter{"外-2026-9", *Date::Parse("2026-10-01"), 30, "2026-09", true};
    t.member_id = 0;
    t.from_org_id = 0;
    t.from_org_path = "";
    t.from_org_name = "某省某县某乡党委";
    t.id_number = "110105194912310029";
    t.phone = "13900002222";
    t.category = mm::Category::kProbationary;
    t.join_date = Date::Parse("2026-03-01");
    t.due_key = "transfer.due.letter_expires";
    t.due_on = Date::Parse("2026-10-30");
    const auto id = Insert(t);
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(got, tx.Transfers().Get(id));
        EXPECT_EQ(got->facts.kind, mm::TransferKind::kIn);
        EXPECT_EQ(got->facts.state, mm::TransferState::kIssued);
        EXPECT_EQ(got->facts.letter->serial, "外-2026-9");
        EXPECT_EQ(got->facts.letter->valid_days, 30);
        EXPECT_EQ(got->facts.letter->dues_paid_to, "2026-09");
        EXPECT_TRUE(got->facts.letter->cross_province);
        EXPECT_EQ(got->id_number, "110105194912310029");
        EXPECT_EQ(got->phone, "13900002222");
        EXPECT_EQ(got->category, mm::Category::kProbationary);
        EXPECT_EQ(got->join_date, Date::Parse("2026-03-01"));
        EXPECT_EQ(got->from_org_id, 0);
        EXPECT_EQ(got->due_on, Date::Parse("2026-10-30"));
        LX_ASSIGN(events, tx.Transfers().Events(id));
        EXPECT_EQ(events.size(), 1u);
        EXPECT_EQ(events[0].actor_name, "书记");
        return core::Ok();
    }));
}

TEST_P(TransferConformance, StaleVersionAndSecondOpenTransferAreConflicts) {
    const auto within = Within();
    const auto id = Insert(within);
    auto second = db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(again, tx.Transfers().Insert(within, Event(1, "request", "2026-10-09"), 101));
        (void)again;
        return core::Ok();
    });
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, core::ErrorCode::kConflict);
    auto stale = db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(t, tx.Transfers().Get(id));
        t->facts.state = mm::TransferState::kCancelled;
        LX_CHECK(tx.Transfers().Update(*t, 200));
        return tx.Transfers().Update(*t, 201);  // same version again
    });
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, core::ErrorCode::kConflict);
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(t, tx.Transfers().Get(id));
        EXPECT_EQ(t->facts.state, mm::TransferState::kRequested);  // the whole transaction rolled back
        EXPECT_EQ(t->version, 1);
        return core::Ok();
    }));
    // Once the first one ended, a new transfer of the same member may start.
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(t, tx.Transfers().Get(id));
        t->facts.state = mm::TransferState::kCancelled;
        LX_CHECK(tx.Transfers().Update(*t, 200));
        LX_ASSIGN(again, tx.Transfers().Insert(within, Event(1, "request", "2026-10-09"), 201));
        (void)again;
        return core::Ok();
    }));
}

TEST_P(TransferConformance, EventsAreAppendOnlyAndNumbered) {
    const auto id = Insert(Within());
    auto taken = db().Write(core::ports::Scope::System(),
                            [&](Tx& tx) { return tx.Transfers().AppendEvent(id, Event(1, "issue", "2026-10-09")); });
    ASSERT_FALSE(taken);
    EXPECT_EQ(taken.error().code, core::ErrorCode::kConflict);
    EXPECT_FALSE(t_->db->RawScript("UPDATE transfer_events SET note = 'x'"));
    EXPECT_FALSE(t_->db->RawScript("DELETE FROM transfer_events"));
}

TEST_P(TransferConformance, ListsFollowTheSideOfTheScope) {
    const auto id = Insert(Within());
    const auto a = OrgOf(a_), b = OrgOf(b_);
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        TransferQuery out;
        out.scope_roots = {a.path};
        LX_ASSIGN(sent, tx.Transfers().List(out));
        EXPECT_EQ(sent.size(), 1u);
        TransferQuery in = out;
        in.outgoing = false;
        LX_ASSIGN(arriving_at_a, tx.Transfers().List(in));
        EXPECT_TRUE(arriving_at_a.empty());
        in.scope_roots = {b.path};
        LX_ASSIGN(arriving_at_b, tx.Transfers().List(in));
        EXPECT_EQ(arriving_at_b.size(), 1u);
        out.scope_roots = {b.path};
        LX_ASSIGN(sent_by_b, tx.Transfers().List(out));
        EXPECT_TRUE(sent_by_b.empty());
        in.scope_roots = {};
        LX_ASSIGN(none, tx.Transfers().List(in));
        EXPECT_TRUE(none.empty());
        in.scope_roots = {b.path};
        in.open_only = true;
        in.member_id = member_;
        LX_ASSIGN(open, tx.Transfers().List(in));
        EXPECT_EQ(open.size(), 1u);
        EXPECT_EQ(open.at(0).id, id);
        return core::Ok();
    }));
}

// Issue 4: any count "as of" a past date gives what was true then; the move keeps the earlier period.
TEST_P(TransferConformance, MoveKeepsHistoryForCountsAsOfADate) {
    const auto b = OrgOf(b_);
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, tx.Members().Get(member_));
        return tx.Members().Move(*m, b, *Date::Parse("2026-11-10"), 0);
    }));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        const auto before = *Date::Parse("2026-11-09"), after = *Date::Parse("2026-11-10");
        LX_ASSIGN(a_before, tx.Orgs().Headcount(a_, before));
        LX_ASSIGN(a_after, tx.Orgs().Headcount(a_, after));
        LX_ASSIGN(b_before, tx.Orgs().Headcount(b_, before));
        LX_ASSIGN(b_after, tx.Orgs().Headcount(b_, after));
        EXPECT_EQ(a_before.full, 1);
        EXPECT_EQ(a_after.full, 0);
        EXPECT_EQ(b_before.full, 0);
        EXPECT_EQ(b_after.full, 1);
        LX_ASSIGN(vote_a, tx.Members().CountVoting(a_, before));
        LX_ASSIGN(vote_b, tx.Members().CountVoting(b_, before));
        EXPECT_EQ(vote_a, 1);
        EXPECT_EQ(vote_b, 0);
        LX_ASSIGN(tree_before, tx.Orgs().Children(street_, before));
        LX_ASSIGN(tree_after, tx.Orgs().Children(street_, after));
        EXPECT_EQ(tree_before.at(0).member_count, 1);  // 甲社区支部
        EXPECT_EQ(tree_before.at(1).member_count, 0);
        EXPECT_EQ(tree_after.at(0).member_count, 0);
        EXPECT_EQ(tree_after.at(1).member_count, 1);
        LX_ASSIGN(m, tx.Members().Get(member_));
        EXPECT_EQ(m->org_id, b_);
        EXPECT_EQ(m->org_path, b.path);
        EXPECT_EQ(m->affiliated_since, after);
        LX_ASSIGN(periods, tx.Members().Affiliations(member_));
        EXPECT_EQ(periods.size(), 2u);
        EXPECT_EQ(periods.at(0).org_id, a_);
        EXPECT_EQ(periods.at(0).valid_from, Date::Parse("2010-07-01"));  // since joining
        EXPECT_EQ(periods.at(0).valid_to, after);
        EXPECT_EQ(periods.at(1).org_id, b_);
        EXPECT_EQ(periods.at(1).valid_from, after);
        EXPECT_FALSE(periods.at(1).valid_to);
        return core::Ok();
    }));
    // A stale member version does not move (and writes no history).
    const auto a = OrgOf(a_);
    auto stale = db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, tx.Members().Get(member_));
        m->version -= 1;
        return tx.Members().Move(*m, a, *Date::Parse("2026-11-20"), 0);
    });
    EXPECT_FALSE(stale);
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(periods, tx.Members().Affiliations(member_));
        EXPECT_EQ(periods.size(), 2u);
        return core::Ok();
    }));
}

INSTANTIATE_TEST_SUITE_P(Backends, TransferConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
