// The storage conformance suite: every repository behaviour the use cases rely on, run on each backend
// (SQLite in memory, SQLite in a WAL file, and PostgreSQL when LIANXIN_TEST_PG is set — `make test` always
// sets it through scripts/pg).
#include <gtest/gtest.h>

#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

using core::Date;
using core::ports::Tx;

TEST_P(Conformance, MigrationsAreAppliedOnceAndReported) {
    auto again = t_->db->Migrate(0);
    ASSERT_TRUE(again);
    EXPECT_EQ(*again, 0);
    auto state = t_->db->Migrations();
    ASSERT_TRUE(state);
    EXPECT_EQ(state->applied, state->known);
    EXPECT_FALSE(state->newer_than_binary);
}

TEST_P(Conformance, OrgPathsAndSubtreeCounts) {
    auto root = AddOrg(0, "街道党工委");
    auto a = AddOrg(root, "甲社区党委");
    auto b = AddOrg(root, "乙社区党委");
    auto a1 = AddOrg(a, "甲一支部");
    AddMember(MakeMember(a1, "张三", "11010519491231002X"));
    AddMember(MakeMember(b, "李四", "110105194912310029"));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(o, tx.Orgs().Get(a1));
        EXPECT_EQ(o->path, "/" + std::to_string(root) + "/" + std::to_string(a) + "/" + std::to_string(a1) + "/");
        LX_ASSIGN(children, tx.Orgs().Children(root, *Date::Parse("2026-01-01")));
        EXPECT_EQ(children.size(), 2u);
        EXPECT_EQ(children[0].org.id, a);
        EXPECT_EQ(children[0].child_count, 1);
        EXPECT_EQ(children[0].member_count, 1);  // the subtree, not the sibling's member
        LX_ASSIGN(roots, tx.Orgs().ByPaths({"/" + std::to_string(root) + "/"}, *Date::Parse("2026-01-01")));
        EXPECT_EQ(roots[0].member_count, 2);
        return core::Ok();
    }));
}

TEST_P(Conformance, AsOfDateHidesOrgsOutsideTheirValidity) {
    auto root = AddOrg(0, "街道党工委", "2018-01-01");
    AddOrg(root, "旧支部", "2018-01-01", "2022-01-01");
    AddOrg(root, "新支部", "2022-01-01");
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(in2020, tx.Orgs().Children(root, *Date::Parse("2020-06-01")));
        LX_ASSIGN(in2024, tx.Orgs().Children(root, *Date::Parse("2024-06-01")));
        EXPECT_EQ(in2020.size(), 1u);
        EXPECT_EQ(in2020[0].org.name, "旧支部");
        EXPECT_EQ(in2024.size(), 1u);
        EXPECT_EQ(in2024[0].org.name, "新支部");
        return core::Ok();
    }));
}

TEST_P(Conformance, PersonalFieldsAreEncryptedAndFoundByBlindIndex) {
    // security.md F1: no plaintext ID numbers or phones in the database; lookup by keyed blind index.
    auto root = AddOrg(0, "街道党工委");
    auto id = AddMember(MakeMember(root, "王五", "11010519491231002X"));
    auto raw = t_->db->RawQuery("SELECT id_number_enc, phone_enc FROM members");
    ASSERT_TRUE(raw);
    EXPECT_EQ(raw->Text(0, 0).find("11010519491231002X"), std::string::npos);
    EXPECT_EQ(raw->Text(0, 1).find("13812345678"), std::string::npos);
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, tx.Members().Get(id));
        EXPECT_EQ(m->id_number, "11010519491231002X");
        EXPECT_EQ(m->phone, "13812345678");
        EXPECT_EQ(m->conversion_date->ToString(), "2011-07-01");
        LX_ASSIGN(found, tx.Members().FindByIdNumber("11010519491231002X"));
        EXPECT_EQ(found, id);
        return core::Ok();
    }));
}

TEST_P(Conformance, DuplicateIdNumberIsAConflictAndRollsBack) {
    auto root = AddOrg(0, "街道党工委");
    AddMember(MakeMember(root, "王五", "11010519491231002X"));
    auto duplicate = MakeMember(root, "重复", "11010519491231002X");
    auto st = db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_CHECK(tx.Orgs().Insert([&] {
            core::org::Org o;
            o.parent_id = root;
            o.name = "写了一半的支部";
            o.valid_from = *Date::Parse("2020-01-01");
            return o;
        }()));
        LX_CHECK(tx.Members().Insert(duplicate));
        return core::Ok();
    });
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code, core::ErrorCode::kConflict);
    // Nothing half-written: the org of the failed transaction is gone too.
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(n, tx.Orgs().CountAll());
        EXPECT_EQ(n, 1);
        return core::Ok();
    }));
}

TEST_P(Conformance, MemberListIsScopedAndPaged) {
    auto root = AddOrg(0, "街道党工委");
    auto a = AddOrg(root, "甲支部");
    auto b = AddOrg(root, "乙支部");
    auto a_path = "/" + std::to_string(root) + "/" + std::to_string(a) + "/";
    AddMember(MakeMember(a, "张一", "110105194912310011"));
    AddMember(MakeMember(a, "张二", "11010519491231003X"));
    AddMember(MakeMember(a, "李三", "110105194912310053"));
    AddMember(MakeMember(b, "张四", "110105194912310070"));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        core::ports::MemberQuery q;
        q.scope_roots = {a_path};
        q.limit = 2;
        LX_ASSIGN(page1, tx.Members().List(q));
        EXPECT_EQ(page1.size(), 2u);
        q.after_id = page1.back().id;
        LX_ASSIGN(page2, tx.Members().List(q));
        EXPECT_EQ(page2.size(), 1u);
        q.after_id = 0;
        q.limit = 50;
        q.name_prefix = "张";
        LX_ASSIGN(zhang, tx.Members().List(q));
        EXPECT_EQ(zhang.size(), 2u);  // 张四 is in the sibling branch
        q.scope_roots = {};
        LX_ASSIGN(none, tx.Members().List(q));
        EXPECT_TRUE(none.empty());  // an empty scope is nothing, never everything
        return core::Ok();
    }));
}

TEST_P(Conformance, UserUpdateDetectsStaleVersion) {
    auto root = AddOrg(0, "街道党工委");
    std::int64_t uid = 0;
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        core::ports::User u;
        u.username = "secretary1";
        u.display_name = "书记";
        LX_ASSIGN(id, tx.Users().Insert(u));
        uid = id;
        LX_ASSIGN(o, tx.Orgs().Get(root));
        LX_CHECK(tx.Users().AddGrant(id, {0, core::auth::Role::kBranchSecretary, root, o->path, o->name}, 0, 1));
        return core::Ok();
    }));
    core::ports::User first, second;
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(u, tx.Users().Get(uid));
        first = second = *u;
        EXPECT_EQ(u->grants.size(), 1u);
        EXPECT_EQ(u->grants[0].org_name, "街道党工委");
        return core::Ok();
    }));
    first.display_name = "新名字";
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) { return tx.Users().Update(first); }));
    second.display_name = "旧副本";
    auto st = db().Write(core::ports::Scope::System(), [&](Tx& tx) { return tx.Users().Update(second); });
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code, core::ErrorCode::kConflict);
}

TEST_P(Conformance, SetupLinkIsSingleUse) {
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) {
        return tx.SetupLinks().Insert({"hash1", core::ports::SetupPurpose::kFirstAdmin, 0, 100, 0});
    }));
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) { return tx.SetupLinks().MarkUsed("hash1", 5); }));
    auto again = db().Write(core::ports::Scope::System(), [&](Tx& tx) { return tx.SetupLinks().MarkUsed("hash1", 6); });
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
}

TEST_P(Conformance, SessionsRoundTrip) {
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        core::ports::User u;
        u.username = "u1";
        u.display_name = "甲";
        LX_ASSIGN(id, tx.Users().Insert(u));
        return tx.Sessions().Put({"sid", id, "csrf", 10, 10, core::ports::MfaState::kEnroll});
    }));
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) { return tx.Sessions().Touch("sid", 99); }));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(s, tx.Sessions().Get("sid"));
        EXPECT_EQ(s->last_seen_at, 99);
        EXPECT_EQ(s->mfa, core::ports::MfaState::kEnroll);
        return core::Ok();
    }));
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) { return tx.Sessions().Delete("sid"); }));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(s, tx.Sessions().Get("sid"));
        EXPECT_FALSE(s);
        return core::Ok();
    }));
}

core::ports::AuditEntry Entry(const std::string& action, std::int64_t subject = 0) {
    core::ports::AuditEntry e;
    e.at = 1000;
    e.actor_user_id = 1;
    e.actor_name = "管理员";
    e.actor_org_path = "/1/";
    e.action = action;
    e.object_type = "member";
    e.subject_member_id = subject;
    e.result = "ok";
    return e;
}

TEST_P(Conformance, AuditChainVerifiesAndNamesTheFirstBrokenRow) {
    // security.md E2: the log is append-only; a changed row is found by the verifier.
    for (int i = 0; i < 5; ++i) {
        auto e = Entry("member.view", 7);
        ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) { return tx.Audit().Append(e); }));
    }
    core::ports::AuditVerification v;
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(r, tx.Audit().Verify());
        v = r;
        LX_ASSIGN(views, tx.Audit().ViewsOf(7, 0, 10));
        EXPECT_EQ(views.size(), 5u);
        return core::Ok();
    }));
    EXPECT_TRUE(v.ok);
    EXPECT_EQ(v.rows, 5);

    // The application cannot change a row...
    EXPECT_FALSE(t_->db->RawScript("UPDATE audit_log SET actor_name = 'x' WHERE id = 3"));
    EXPECT_FALSE(t_->db->RawScript("DELETE FROM audit_log WHERE id = 3"));
    // ...and when someone with the database file does, the chain names the row.
    bool pg = t_->db->Engine() == "postgresql";
    ASSERT_TRUE(t_->db->RawScript(pg ? "ALTER TABLE audit_log DISABLE TRIGGER audit_no_change"
                                     : "DROP TRIGGER audit_no_update"));
    ASSERT_TRUE(t_->db->RawScript("UPDATE audit_log SET actor_name = '别人' WHERE id = 3"));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(r, tx.Audit().Verify());
        v = r;
        return core::Ok();
    }));
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.first_broken_id, 3);
}

TEST_P(Conformance, AuditListIsScoped) {
    // Filed under the object's org (issue 15 defect 5); the actor's org does not scope the list.
    auto inside = Entry("auth.login");
    inside.object_org_id = 2;
    inside.object_org_path = "/1/2/";
    auto outside = Entry("auth.login");
    outside.object_org_id = 3;
    outside.object_org_path = "/1/3/";
    outside.actor_org_path = "/1/2/";
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_CHECK(tx.Audit().Append(inside));
        return tx.Audit().Append(outside);
    }));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        core::ports::AuditQuery q;
        q.scope_roots = {"/1/2/"};
        LX_ASSIGN(items, tx.Audit().List(q));
        EXPECT_EQ(items.size(), 1u);
        EXPECT_EQ(items[0].object_org_path, "/1/2/");
        return core::Ok();
    }));
}

// gen drops the random-order member indexes for its load and builds them at the end, on both engines.
TEST_P(Conformance, BulkLoadRebuildsTheMemberIndexes) {
    const bool pg = t_->db->Engine() == "postgresql";
    const std::string count =
        pg ? "SELECT count(*) FROM pg_indexes WHERE indexname IN ('members_name', 'members_phone')"
           : "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
             "name IN ('members_name', 'members_phone')";
    ASSERT_TRUE(BeginBulkMemberLoad(*t_->db));
    EXPECT_EQ(t_->db->RawQuery(count)->Int(0, 0), 0);
    const auto branch = AddOrg(AddOrg(0, "街道"), "支部");
    AddMember(MakeMember(branch, "王五", "11010519491231002X"));
    ASSERT_TRUE(EndBulkMemberLoad(*t_->db));
    ASSERT_TRUE(EndBulkMemberLoad(*t_->db));  // idempotent
    EXPECT_EQ(t_->db->RawQuery(count)->Int(0, 0), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, Conformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing

namespace lianxin::storage::testing {

// Issue 16 (a regression): members were inserted with created_at and updated_at 0 whatever the use case set.
TEST_P(Conformance, AMemberIsInsertedWithItsTimestamp) {
    auto root = AddOrg(0, "街道党工委");
    auto a = AddOrg(root, "甲支部");
    auto m = MakeMember(a, "张一", "110105194912310011");
    m.updated_at = 1'795'363'200'000;
    const auto id = AddMember(m);
    auto rows = t_->db->RawQuery("SELECT created_at, updated_at FROM members WHERE id = " + std::to_string(id));
    ASSERT_TRUE(rows) << rows.error().detail;
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ(rows->Int(0, 0), 1'795'363'200'000);
    EXPECT_EQ(rows->Int(0, 1), 1'795'363'200'000);
}

}  // namespace lianxin::storage::testing
