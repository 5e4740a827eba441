// Storage conformance of accounts on every backend (issue 15): at most one account per member (migration 0018's
// unique index, and how it treats a database that already holds several), a member's account found by the member,
// users without grants listed only when asked, and the set-up links of a user revoked together (defect 8).
#include <cstring>

#include "storage/sql/migrations.hpp"
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

using core::ports::SetupPurpose;
using core::ports::User;

class UserConformance : public Conformance {
protected:
    void SetUp() override {
        Conformance::SetUp();
        root_ = AddOrg(0, "街道党工委");
        branch_ = AddOrg(root_, "甲支部");
        member_ = AddMember(MakeMember(branch_, "张三", "11010519491231002X"));
    }

    core::Result<std::int64_t> Insert(const std::string& username, std::int64_t member_id, bool grant = true) {
        std::int64_t id = 0;
        const auto o = OrgOf(branch_);
        LX_CHECK(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            User u;
            u.username = u.display_name = username;
            u.member_id = member_id;
            u.created_at = 1;
            LX_ASSIGN(i, tx.Users().Insert(u));
            id = i;
            if (!grant) return core::Ok();
            LX_CHECK(tx.Users().AddGrant(id, {0, core::auth::Role::kMember, o.id, o.path, o.name}, 0, 1));
            return core::Ok();
        }));
        return id;
    }

    const char* Migration0018() {
        const auto& list = t_->db->Engine() == "sqlite" ? SqliteMigrations() : PostgresMigrations();
        for (const auto& m : list)
            if (std::strcmp(m.name, "0018_member_accounts") == 0) return m.sql;
        return nullptr;
    }

    std::int64_t root_ = 0, branch_ = 0, member_ = 0;
};

TEST_P(UserConformance, OneAccountPerMemberFoundByTheMember) {
    auto first = Insert("zhang", member_);
    ASSERT_TRUE(first);
    auto second = Insert("zhang2", member_);
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, core::ErrorCode::kConflict);
    auto other = Insert("li", 0);  // accounts without a member are not limited
    auto other2 = Insert("wang", 0);
    ASSERT_TRUE(other && other2);
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(u, tx.Users().GetByMember(member_));
        EXPECT_TRUE(u && u->id == *first && u->grants.size() == 1u);
        LX_ASSIGN(none, tx.Users().GetByMember(member_ + 1000));
        EXPECT_FALSE(none);
        return core::Ok();
    }));
}

TEST_P(UserConformance, UsersWithoutGrantsAreListedOnlyWhenAsked) {
    auto granted = Insert("granted", 0);
    auto bare = Insert("bare", 0, false);
    ASSERT_TRUE(granted && bare);
    const auto root_path = OrgOf(root_).path;
    const auto branch_path = OrgOf(branch_).path;  // read before the transaction: OrgOf opens its own
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        core::ports::UserQuery q{{root_path}, "", false, "", 0, 50};
        LX_ASSIGN(plain, tx.Users().List(q));
        EXPECT_EQ(plain.size(), 1u);
        q.include_ungranted = true;
        LX_ASSIGN(all, tx.Users().List(q));
        EXPECT_EQ(all.size(), 2u);
        q.q = "bare";
        LX_ASSIGN(named, tx.Users().List(q));
        EXPECT_EQ(named.size(), 1u);
        q.q = "";
        q.subtree = branch_path;  // narrowed to an org: only users with a grant below it
        LX_ASSIGN(narrowed, tx.Users().List(q));
        EXPECT_EQ(narrowed.size(), 1u);
        return core::Ok();
    }));
}

TEST_P(UserConformance, RevokeForUserSpendsEveryLiveLinkOfThatUserOnly) {
    auto a = Insert("a", 0);
    auto b = Insert("b", 0);
    ASSERT_TRUE(a && b);
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_CHECK(tx.SetupLinks().Insert({"h1", SetupPurpose::kUserPassword, *a, 1000, 0}));
        LX_CHECK(tx.SetupLinks().Insert({"h2", SetupPurpose::kUserPassword, *a, 2000, 0}));
        LX_CHECK(tx.SetupLinks().Insert({"h3", SetupPurpose::kUserPassword, *b, 2000, 0}));
        LX_CHECK(tx.SetupLinks().MarkUsed("h1", 50));
        return tx.SetupLinks().RevokeForUser(*a, 77);
    }));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(h1, tx.SetupLinks().Get("h1"));
        LX_ASSIGN(h2, tx.SetupLinks().Get("h2"));
        LX_ASSIGN(h3, tx.SetupLinks().Get("h3"));
        EXPECT_EQ(h1->used_at, 50);  // a spent link keeps the instant it was used
        EXPECT_EQ(h2->used_at, 77);
        EXPECT_EQ(h3->used_at, 0);  // another user's link stays live
        return core::Ok();
    }));
}

TEST_P(UserConformance, Migration0018KeepsTheOldestLinkOfADuplicatedMemberAndTheNewestLiveSetupLink) {
    // A database from before 0018: the index is not there yet and several accounts name one member.
    ASSERT_TRUE(t_->db->RawScript("DROP INDEX users_one_per_member; DROP INDEX setup_links_user;"));
    auto oldest = Insert("oldest", member_);
    auto later = Insert("later", member_);
    auto latest = Insert("latest", member_);
    ASSERT_TRUE(oldest && later && latest);
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_CHECK(tx.Sessions().Put({"s-later", *later, "csrf", 1, 1, core::ports::MfaState::kNone}));
        LX_CHECK(tx.Sessions().Put({"s-oldest", *oldest, "csrf", 1, 1, core::ports::MfaState::kNone}));
        LX_CHECK(tx.SetupLinks().Insert({"old-link", SetupPurpose::kUserPassword, *oldest, 1000, 0}));
        LX_CHECK(tx.SetupLinks().Insert({"new-link", SetupPurpose::kUserPassword, *oldest, 2000, 0}));
        return tx.SetupLinks().Insert({"only-link", SetupPurpose::kUserPassword, *later, 1500, 0});
    }));
    const char* sql = Migration0018();
    ASSERT_NE(sql, nullptr);
    auto ran = t_->db->RawScript(sql);
    ASSERT_TRUE(ran) << ran.error().detail;
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(kept, tx.Users().GetByMember(member_));
        EXPECT_TRUE(kept && kept->id == *oldest);
        LX_ASSIGN(l, tx.Users().Get(*later));
        EXPECT_EQ(l->member_id, 0);
        EXPECT_EQ(l->grants.size(), 1u);  // roles stay
        LX_ASSIGN(gone, tx.Sessions().Get("s-later"));
        EXPECT_FALSE(gone);
        LX_ASSIGN(stays, tx.Sessions().Get("s-oldest"));
        EXPECT_TRUE(stays);
        LX_ASSIGN(old_link, tx.SetupLinks().Get("old-link"));
        LX_ASSIGN(new_link, tx.SetupLinks().Get("new-link"));
        LX_ASSIGN(only_link, tx.SetupLinks().Get("only-link"));
        EXPECT_NE(old_link->used_at, 0);
        EXPECT_EQ(new_link->used_at, 0);
        EXPECT_EQ(only_link->used_at, 0);
        return core::Ok();
    }));
    EXPECT_FALSE(Insert("again", member_));  // and the index is in place
}

INSTANTIATE_TEST_SUITE_P(Backends, UserConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
