// Storage conformance of a resident's own events on every backend (migration 0033; issue 17 "Events and their
// intake", "Bad input": a report flood from one number; "Residents' data is kept for the event only ... with a
// retention policy"): the phone's blind index and the follow token round-trip (the token encrypted at rest), the
// per-day count is one atomic upsert per phone and day, and the purge blanks name, phone, key and token of the
// org's events closed before the cut-off while the event's figures stay.
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

namespace ev = core::event;
using core::ports::Scope;

class ResidentEventConformance : public Conformance {
protected:
    void SetUp() override {
        Conformance::SetUp();
        a_ = AddOrg(0, "甲社区");
        path_ = OrgOf(a_).path;
    }

    ev::Event Make(const std::string& number, const std::string& key, const std::string& token) {
        ev::Event e;
        e.number = number;
        e.channel = ev::Channel::kResident;
        e.category_code = "city.garbage";
        e.org_id = e.owner_org_id = a_;
        e.org_path = e.owner_org_path = path_;
        e.description = "楼下垃圾堆放多日无人清理";
        e.reporter_name = "王阿姨";
        e.reporter_phone = "13912345678";
        e.reporter_key = key;
        e.follow_token = token;
        e.follow_token_hash = "hash-" + token;
        e.reported_at = e.created_at = e.updated_at = 1000;
        return e;
    }

    core::Status Write(const std::function<core::Status(Tx&)>& fn) { return db().Write(Scope::System(), fn); }

    std::int64_t a_ = 0;
    std::string path_;
};

TEST_P(ResidentEventConformance, AResidentsEventsAreFoundByPhoneKeyAndFollowToken) {
    const std::string key("\x01\x02\xff\x00k", 5);  // a blind index is bytes
    std::int64_t id = 0;
    ASSERT_TRUE(Write([&](Tx& tx) -> core::Status {
        LX_ASSIGN(i, tx.Events().Insert(Make("SJ2026-000001", key, "tokenA")));
        id = i;
        LX_CHECK(tx.Events().Insert(Make("SJ2026-000002", "other", "tokenB")).map([](auto) {}));
        return core::Ok();
    }));
    auto raw = t_->db->RawQuery("SELECT follow_token_enc FROM events WHERE id = " + std::to_string(id));
    ASSERT_TRUE(raw);
    EXPECT_EQ(raw->Row(0).Text("follow_token_enc").find("tokenA"), std::string::npos) << "encrypted at rest";
    ASSERT_TRUE(db().Read(Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(mine, tx.Events().OfReporter(key, 10));
        EXPECT_EQ(mine.size(), 1u);
        if (!mine.empty()) {
            EXPECT_EQ(mine[0].event.id, id);
            EXPECT_EQ(mine[0].event.reporter_key, key);
            EXPECT_EQ(mine[0].event.follow_token, "tokenA");
        }
        LX_ASSIGN(by_token, tx.Events().ByFollowToken("hash-tokenA"));
        EXPECT_TRUE(by_token && by_token->event.id == id);
        LX_ASSIGN(none, tx.Events().ByFollowToken("hash-nothing"));
        EXPECT_FALSE(none);
        return core::Ok();
    }));
}

TEST_P(ResidentEventConformance, ReportsCountPerPhoneAndDay) {
    ASSERT_TRUE(Write([&](Tx& tx) -> core::Status {
        for (int i = 1; i <= 3; ++i) {
            LX_ASSIGN(n, tx.Events().CountReport("k1", "2026-11-23"));
            EXPECT_EQ(n, i);
        }
        LX_ASSIGN(other, tx.Events().CountReport("k2", "2026-11-23"));
        EXPECT_EQ(other, 1);
        LX_ASSIGN(next_day, tx.Events().CountReport("k1", "2026-11-24"));
        EXPECT_EQ(next_day, 1);
        return core::Ok();
    }));
    // A refused report rolls its count back with the transaction.
    auto st = Write([&](Tx& tx) -> core::Status {
        LX_CHECK(tx.Events().CountReport("k1", "2026-11-24").map([](auto) {}));
        return core::Fail(core::MakeError(core::ErrorCode::kTooManyRequests, "event.resident.flood"));
    });
    ASSERT_FALSE(st);
    ASSERT_TRUE(Write([&](Tx& tx) -> core::Status {
        LX_ASSIGN(n, tx.Events().CountReport("k1", "2026-11-24"));
        EXPECT_EQ(n, 2);
        return core::Ok();
    }));
}

TEST_P(ResidentEventConformance, ThePurgeBlanksResidentsDataOfEventsClosedBeforeTheCutoffAndKeepsTheFigures) {
    std::int64_t old_id = 0, recent_id = 0, open_id = 0;
    ASSERT_TRUE(Write([&](Tx& tx) -> core::Status {
        auto closed = [&](const std::string& number, std::int64_t at) -> core::Result<std::int64_t> {
            auto e = Make(number, "key", "tok" + number);
            e.state = ev::EventState::kRated;
            e.outcome = "resolved";
            e.score = 5;
            e.closed_at = at;
            return tx.Events().Insert(e);
        };
        LX_ASSIGN(a, closed("SJ2026-000001", 5000));
        LX_ASSIGN(b, closed("SJ2026-000002", 9000));
        LX_ASSIGN(c, tx.Events().Insert(Make("SJ2026-000003", "key", "open")));
        old_id = a, recent_id = b, open_id = c;
        return core::Ok();
    }));
    ASSERT_TRUE(Write([&](Tx& tx) -> core::Status {
        LX_ASSIGN(paths, tx.Events().RetainedOrgPaths());
        EXPECT_EQ(paths, std::vector<std::string>{path_});
        LX_ASSIGN(n, tx.Events().PurgeResidentData(path_, 8000, 20000));
        EXPECT_EQ(n, 1);
        LX_ASSIGN(again, tx.Events().PurgeResidentData(path_, 8000, 20000));
        EXPECT_EQ(again, 0);
        return core::Ok();
    }));
    ASSERT_TRUE(db().Read(Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(old, tx.Events().Get(old_id));
        const auto& e = old->event;
        EXPECT_EQ(e.reporter_name, "");
        EXPECT_EQ(e.reporter_phone, "");
        EXPECT_EQ(e.reporter_key, "");
        EXPECT_EQ(e.follow_token, "");
        EXPECT_EQ(e.follow_token_hash, "");
        EXPECT_EQ(e.resident_purged_at, 20000);
        EXPECT_EQ(e.score, 5);
        EXPECT_EQ(e.outcome, "resolved");
        EXPECT_EQ(e.state, ev::EventState::kRated);
        EXPECT_EQ(e.description, "楼下垃圾堆放多日无人清理");
        LX_ASSIGN(recent, tx.Events().Get(recent_id));
        EXPECT_EQ(recent->event.reporter_phone, "13912345678");
        LX_ASSIGN(open, tx.Events().Get(open_id));
        EXPECT_EQ(open->event.follow_token, "open");
        LX_ASSIGN(mine, tx.Events().OfReporter("key", 10));
        EXPECT_EQ(mine.size(), 2u);
        return core::Ok();
    }));
}

INSTANTIATE_TEST_SUITE_P(Backends, ResidentEventConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
