// Storage conformance of the hotline channel on every backend (migration 0036; issue 17 "Events and their intake":
// the import is idempotent by 工单编号; "The closed loop": "Hotline events get a call-back (回访) record"): a
// channel's work-order number is found taken whatever the org, another channel's is not, and a call-back row of
// the append-only flow log keeps whether the resident was reached, the verdict and the satisfaction.
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

namespace ev = core::event;
using core::ports::EventFlowEntry;
using core::ports::Scope;

class HotlineConformance : public Conformance {
protected:
    void SetUp() override {
        Conformance::SetUp();
        street_ = AddOrg(0, "街道");
        a_ = AddOrg(street_, "甲社区");
    }

    std::int64_t Insert(const std::string& number, const std::string& ref, ev::Channel channel) {
        ev::Event e;
        e.number = number;
        e.channel = channel;
        e.external_ref = ref;
        e.category_code = "city.garbage";
        e.org_id = a_;
        e.org_path = OrgOf(a_).path;
        e.owner_org_id = street_;
        e.owner_org_path = OrgOf(street_).path;
        e.description = "小区门口垃圾无人清运";
        e.reported_at = 1000;
        e.created_by = 1;
        e.created_at = 1000;
        e.updated_at = 1000;
        std::int64_t id = 0;
        auto st = db().Write(Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(i, tx.Events().Insert(e));
            id = i;
            return core::Ok();
        });
        EXPECT_TRUE(st) << (st ? "" : st.error().message_key);
        return id;
    }

    bool Taken(const std::string& channel, const std::string& ref) {
        bool out = false;
        EXPECT_TRUE(db().Read(Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(t, tx.Events().ExternalRefTaken(channel, ref));
            out = t;
            return core::Ok();
        }));
        return out;
    }

    std::int64_t street_ = 0, a_ = 0;
};

TEST_P(HotlineConformance, AWorkOrderNumberIsTakenOnItsChannelOnly) {
    Insert("SJ2026-000101", "GD-2026-0001", ev::Channel::kHotline12345);
    EXPECT_TRUE(Taken("hotline_12345", "GD-2026-0001"));
    EXPECT_FALSE(Taken("hotline_81890", "GD-2026-0001"));
    EXPECT_FALSE(Taken("hotline_12345", "GD-2026-0002"));
    // The same number on another channel is another work order; on the same channel it is refused naming the field.
    Insert("SJ2026-000102", "GD-2026-0001", ev::Channel::kHotline81890);
    EXPECT_TRUE(Taken("hotline_81890", "GD-2026-0001"));
    const auto place = OrgOf(a_), owner = OrgOf(street_);  // read before the write transaction
    auto again = db().Write(Scope::System(), [&](Tx& tx) -> core::Status {
        ev::Event e;
        e.number = "SJ2026-000103";
        e.channel = ev::Channel::kHotline12345;
        e.external_ref = "GD-2026-0001";
        e.category_code = "city.garbage";
        e.org_id = a_;
        e.owner_org_id = street_;
        e.description = "重复的工单";
        e.org_path = place.path;
        e.owner_org_path = owner.path;
        e.reported_at = 1000;
        e.created_by = 1;
        e.created_at = 1000;
        e.updated_at = 1000;
        return tx.Events().Insert(e).map([](auto) {});
    });
    ASSERT_FALSE(again);
    ASSERT_EQ(again.error().fields.size(), 1u);
    EXPECT_EQ(again.error().fields[0].field, "external_ref");
    EXPECT_EQ(again.error().fields[0].message_key, "event.external_ref.taken");
}

TEST_P(HotlineConformance, ACallBackRowKeepsReachedVerdictAndSatisfaction) {
    const auto id = Insert("SJ2026-000201", "GD-2026-0201", ev::Channel::kHotline12345);
    ASSERT_TRUE(db().Write(Scope::System(), [&](Tx& tx) -> core::Status {
        EventFlowEntry accept;
        accept.event_id = id;
        accept.seq = 1;
        accept.action = "accept";
        accept.from_state = accept.to_state = "accepted";
        accept.actor_user_id = 7;
        accept.actor_name = "话务员";
        accept.at = 1000;
        LX_CHECK(tx.Events().AppendFlow(accept).map([](auto) {}));
        EventFlowEntry missed = accept;
        missed.seq = 2;
        missed.action = "callback";
        missed.from_state = missed.to_state = "verified";
        missed.reached = false;
        missed.deadline = 5000;
        missed.at = 2000;
        LX_CHECK(tx.Events().AppendFlow(missed).map([](auto) {}));
        EventFlowEntry reached = missed;
        reached.seq = 3;
        reached.to_state = "in_progress";
        reached.reached = true;
        reached.outcome = "not_resolved";
        reached.score = 2;
        reached.note = "居民说路灯仍不亮";
        reached.at = 3000;
        LX_CHECK(tx.Events().AppendFlow(reached).map([](auto) {}));
        LX_ASSIGN(flow, tx.Events().Flow(id));
        EXPECT_EQ(flow.size(), 3u);
        if (flow.size() == 3) {
            EXPECT_FALSE(flow[0].reached.has_value());  // not a call-back
            EXPECT_EQ(flow[0].outcome, "");
            EXPECT_EQ(flow[0].score, 0);
            EXPECT_EQ(flow[1].reached, false);
            EXPECT_EQ(flow[1].deadline, 5000);
            EXPECT_EQ(flow[2].reached, true);
            EXPECT_EQ(flow[2].outcome, "not_resolved");
            EXPECT_EQ(flow[2].score, 2);
            EXPECT_EQ(flow[2].note, "居民说路灯仍不亮");
        }
        return core::Ok();
    }));
    // The verdict and the score are what the loop knows; anything else is refused by the schema.
    EXPECT_FALSE(
        t_->db->RawScript("INSERT INTO event_flow (event_id, seq, action, from_state, to_state, actor_user_id, "
                          "actor_name, at, outcome) VALUES (" +
                          std::to_string(id) + ", 9, 'callback', 'verified', 'rated', 7, 'x', 1, 'great')"));
    EXPECT_FALSE(t_->db->RawScript("UPDATE event_flow SET score = 5"));  // append-only
}

INSTANTIATE_TEST_SUITE_P(Backends, HotlineConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
