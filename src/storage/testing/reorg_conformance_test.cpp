// Storage conformance of reorganizations on every backend: the facts a plan reads, members moved with their
// history periods (counts as of the day before and after), posts carried with their term, grants moved and
// revoked, an org closed once, the history chain across versions and the names an org had before a rename.
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

using core::org::Org;

class ReorgConformance : public Conformance {
protected:
    void SetUp() override {
        Conformance::SetUp();
        street_ = AddOrg(0, "街道");
        a_ = AddOrg(street_, "甲支部");
        b_ = AddOrg(street_, "乙支部");
        m1_ = AddMember(MakeMember(a_, "林一", "11010519491231002X"));
        m2_ = AddMember(MakeMember(a_, "林二", "110105194912310029"));
    }
    static core::ports::OrgHistoryEntry Event(std::int64_t reorg, std::int64_t org, core::org::OrgEvent e, Date on,
                                              std::string old_name, std::string new_name, std::int64_t other) {
        core::ports::OrgHistoryEntry h;
        h.reorg_id = reorg;
        h.org_id = org;
        h.event = e;
        h.on = on;
        h.old_name = std::move(old_name);
        h.new_name = std::move(new_name);
        h.other_org_id = other;
        return h;
    }
    std::int64_t street_ = 0, a_ = 0, b_ = 0, m1_ = 0, m2_ = 0;
};

TEST_P(ReorgConformance, MembersPostsAndGrantsMoveWithTheirHistory) {
    const auto on = *Date::Parse("2026-11-20");
    // Read before the transactions: a read inside a write would wait for the connection the write holds.
    const Org street = OrgOf(street_), a = OrgOf(a_), b = OrgOf(b_);
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        core::ports::OrgPost p;
        p.org_id = a_;
        p.member_id = m1_;
        p.post = core::org::Post::kSecretary;
        p.term_start = *Date::Parse("2024-01-10");
        p.valid_from = *Date::Parse("2024-01-10");
        p.approval_doc = "文1";
        LX_CHECK(tx.Orgs().InsertPost(p, 1, 1));
        core::ports::User u;
        u.username = "sec";
        u.display_name = "书记";
        u.status = core::ports::UserStatus::kActive;
        LX_ASSIGN(uid, tx.Users().Insert(u));
        LX_CHECK(tx.Users().AddGrant(uid, {0, core::auth::Role::kBranchSecretary, a_, a.path, ""}, 1, 1));
        return core::Ok();
    }));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(f, tx.Orgs().Facts(a, on, true));
        EXPECT_EQ(f.registry_members, 2);
        EXPECT_EQ(f.headcount.full, 2);
        EXPECT_EQ(f.posts, 1);
        EXPECT_EQ(f.grants, 1);
        EXPECT_EQ(f.open_transfers, 0);
        EXPECT_EQ(f.last_start->ToString(), "2024-01-10");  // the post began after the members joined (2010)
        EXPECT_EQ(f.members.size(), 2u);
        EXPECT_EQ(f.members.at(0).posts, 1);
        return core::Ok();
    }));
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        core::ports::ReorgRecord r;
        r.kind = core::org::ReorgKind::kMove;
        r.on = on;
        r.approval_doc = "文2";
        r.org_id = a_;
        r.org_path = street.path;
        r.created_by_name = "管理员";
        LX_ASSIGN(reorg, tx.Reorgs().Insert(r));
        LX_ASSIGN(moved, tx.Members().MoveAll(a_, b, on, reorg, {m2_}));
        EXPECT_EQ(moved, 1);
        LX_ASSIGN(rest, tx.Members().MoveAll(a_, b, on, reorg, {}));
        EXPECT_EQ(rest, 1);
        LX_ASSIGN(carried, tx.Orgs().CarryPosts(a_, b_, on, 1, 2));
        EXPECT_EQ(carried, 1);
        LX_ASSIGN(users, tx.Users().MoveGrants(a_, b));
        EXPECT_EQ(users.size(), 1u);
        LX_CHECK(tx.Orgs().Close(a, on));
        LX_CHECK(tx.Reorgs().AppendHistory(Event(reorg, a_, core::org::OrgEvent::kMovedOut, on, "", "甲支部", b_)));
        return core::Ok();
    }));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(before, tx.Orgs().Headcount(a_, *Date::Parse("2026-11-19")));
        EXPECT_EQ(before.full, 2);
        LX_ASSIGN(after_a, tx.Orgs().Headcount(a_, on));
        EXPECT_EQ(after_a.full, 0);
        LX_ASSIGN(after_b, tx.Orgs().Headcount(b_, on));
        EXPECT_EQ(after_b.full, 2);
        LX_ASSIGN(posts, tx.Orgs().Posts(b_, on));
        EXPECT_EQ(posts.size(), 1u);
        EXPECT_EQ(posts.at(0).term_start.ToString(), "2024-01-10");
        LX_ASSIGN(old_posts, tx.Orgs().Posts(a_, on));
        EXPECT_TRUE(old_posts.empty());
        LX_ASSIGN(periods, tx.Members().Affiliations(m1_));
        EXPECT_EQ(periods.size(), 2u);
        LX_ASSIGN(h, tx.Reorgs().History(a_));
        EXPECT_EQ(h.size(), 1u);
        EXPECT_EQ(h.at(0).other_org_name, "乙支部");
        EXPECT_EQ(h.at(0).approval_doc, "文2");
        core::ports::ReorgQuery q;
        q.scope_roots = {street.path};
        LX_ASSIGN(list, tx.Reorgs().List(q));
        EXPECT_EQ(list.size(), 1u);
        q.scope_roots = {b.path};
        LX_ASSIGN(none, tx.Reorgs().List(q));
        EXPECT_TRUE(none.empty());
        return core::Ok();
    }));
    // A closed org closes once: a second close is a conflict.
    const Org closed = OrgOf(a_);
    auto again = db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        Org stale = closed;
        return tx.Orgs().Close(stale, on);
    });
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
    // Revoking the moved grants.
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(users, tx.Users().RevokeGrants(b_));
        EXPECT_EQ(users.size(), 1u);
        return core::Ok();
    }));
}

TEST_P(ReorgConformance, VersionsChainTheirHistoryAndRenamesKeepTheOldName) {
    const auto on = *Date::Parse("2026-11-20");
    const Org street = OrgOf(street_), a = OrgOf(a_);
    std::int64_t next = 0;
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        core::ports::ReorgRecord r;
        r.kind = core::org::ReorgKind::kRename;
        r.on = *Date::Parse("2025-03-01");
        r.approval_doc = "文3";
        r.org_id = a_;
        r.org_path = street.path;
        LX_ASSIGN(rename, tx.Reorgs().Insert(r));
        Org o = a;
        o.name = "甲社区第一支部";
        LX_CHECK(tx.Orgs().Update(o));
        LX_CHECK(
            tx.Reorgs().AppendHistory(Event(rename, a_, core::org::OrgEvent::kUpdated, r.on, "甲支部", o.name, 0)));
        Org v2;
        v2.parent_id = b_;
        v2.name = o.name;
        v2.valid_from = on;
        v2.predecessor_id = a_;
        LX_ASSIGN(id, tx.Orgs().Insert(v2));
        next = id;
        r.kind = core::org::ReorgKind::kMove;
        r.on = on;
        LX_ASSIGN(move, tx.Reorgs().Insert(r));
        return tx.Reorgs().AppendHistory(Event(move, next, core::org::OrgEvent::kMovedIn, on, "", o.name, a_));
    }));
    EXPECT_EQ(OrgOf(next).predecessor_id, a_);
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(h, tx.Reorgs().History(next));
        EXPECT_EQ(h.size(), 2u);  // its own move, then the rename of the version it continues
        EXPECT_EQ(h.at(0).event, core::org::OrgEvent::kMovedIn);
        EXPECT_EQ(h.at(1).old_name, "甲支部");
        LX_ASSIGN(then, tx.Orgs().NamesOn({a_, b_}, *Date::Parse("2025-02-28")));
        EXPECT_EQ(then.size(), 1u);
        EXPECT_EQ(then.at(a_), "甲支部");
        LX_ASSIGN(now, tx.Orgs().NamesOn({a_}, *Date::Parse("2025-03-01")));
        EXPECT_TRUE(now.empty());
        return core::Ok();
    }));
}

INSTANTIATE_TEST_SUITE_P(Backends, ReorgConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
