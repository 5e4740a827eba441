// Storage conformance of the search for lost-contact members on every backend (domain.md §2.5): entries
// round-trip every field and come back newest first, the table is append-only, and a member with entries is
// not deleted as unreferenced.
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

namespace mm = core::member;
using core::ports::LostContactRecord;

class LostContactConformance : public Conformance {
protected:
    void SetUp() override {
        Conformance::SetUp();
        branch_ = AddOrg(AddOrg(0, "街道"), "甲社区支部");
        member_ = AddMember(MakeMember(branch_, "林失", "11010519491231002X"));
    }

    LostContactRecord Entry(const char* on, mm::LostContactMethod method, bool found = false) {
        return LostContactRecord{
            0, member_, mm::LostContactSearch{*Date::Parse(on), method, "支部书记李某", "拨打原手机号，已停机", found},
            7, "书记",  300};
    }

    std::int64_t branch_ = 0, member_ = 0;
};

TEST_P(LostContactConformance, EntriesRoundTripNewestFirstAndAreAppendOnly) {
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_CHECK(tx.LostContacts().Append(Entry("2026-05-01", mm::LostContactMethod::kPhone)));
        LX_CHECK(tx.LostContacts().Append(Entry("2026-07-01", mm::LostContactMethod::kFormerEmployer)));
        LX_CHECK(tx.LostContacts().Append(Entry("2026-05-01", mm::LostContactMethod::kNotice, true)));
        return core::Ok();
    }));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(list, tx.LostContacts().OfMember(member_));
        EXPECT_EQ(list.size(), 3u);
        if (list.size() != 3u) return core::Ok();
        EXPECT_EQ(list[0].search.on, Date::Parse("2026-07-01"));
        EXPECT_EQ(list[0].search.method, mm::LostContactMethod::kFormerEmployer);
        // The same day: the later entry first.
        EXPECT_EQ(list[1].search.method, mm::LostContactMethod::kNotice);
        EXPECT_TRUE(list[1].search.found);
        EXPECT_FALSE(list[2].search.found);
        EXPECT_EQ(list[2].search.searched_by, "支部书记李某");
        EXPECT_EQ(list[2].search.result, "拨打原手机号，已停机");
        EXPECT_EQ(list[2].member_id, member_);
        EXPECT_EQ(list[2].actor_user_id, 7);
        EXPECT_EQ(list[2].actor_name, "书记");
        EXPECT_EQ(list[2].recorded_at, 300);
        LX_ASSIGN(none, tx.LostContacts().OfMember(member_ + 1000));
        EXPECT_TRUE(none.empty());
        return core::Ok();
    }));
    EXPECT_FALSE(t_->db->RawScript("UPDATE lost_contact_searches SET result = 'x'"));
    EXPECT_FALSE(t_->db->RawScript("DELETE FROM lost_contact_searches"));
    EXPECT_FALSE(
        t_->db->RawScript("INSERT INTO lost_contact_searches (member_id, on_date, method, searched_by, result, "
                          "found, actor_user_id, actor_name, recorded_at) VALUES (1, '2026-01-01', 'email', "
                          "'x', 'x', 0, 1, 'x', 1)"));
}

TEST_P(LostContactConformance, AMemberWithEntriesIsReferenced) {
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_CHECK(tx.LostContacts().Append(Entry("2026-05-01", mm::LostContactMethod::kVisit)));
        LX_ASSIGN(m, tx.Members().Get(member_));
        auto del = tx.Members().DeleteUnreferenced(*m);
        EXPECT_FALSE(del);
        if (!del) { EXPECT_EQ(del.error().message_key, "member.referenced"); }
        return core::Ok();
    }));
}

INSTANTIATE_TEST_SUITE_P(Backends, LostContactConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
