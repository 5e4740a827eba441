// Storage conformance of the keyed audit chain on every backend (security.md E2, issue 15 defects 4 and 5): each
// row carries a MAC under the audit key, so that someone who holds the database but not the key file can neither
// edit a row and recompute the chain nor pass unkeyed rows off as the log; the head checkpoint kept outside the
// database finds a removed tail; the SHA-256 rows of an older version stay verifiable, sealed by the first keyed
// row; the list is filed under the object's org.
#include "storage/sql/sql_repos.hpp"
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

using core::ports::AuditCheckpoint;
using core::ports::AuditEntry;
using core::ports::AuditVerification;

class AuditConformance : public Conformance {
protected:
    void SetUp() override {
        Conformance::SetUp();
        street_ = AddOrg(0, "街道");
        community_ = AddOrg(street_, "社区");
    }

    AuditEntry Row(const std::string& action) {
        AuditEntry e;
        e.at = 1000;
        e.actor_user_id = 1;
        e.actor_name = "管理员";
        e.actor_org_id = street_;
        e.actor_org_path = OrgOf(street_).path;
        e.object_org_id = community_;
        e.object_org_path = OrgOf(community_).path;
        e.action = action;
        e.object_type = "member";
        e.object_id = "7";
        e.result = "ok";
        return e;
    }
    void Append(int n) {
        for (int i = 0; i < n; ++i) {
            auto e = Row("member.view");
            ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) { return tx.Audit().Append(e); }));
        }
    }
    AuditVerification Verify(const AuditCheckpoint* cp = nullptr, bool resume = false) {
        AuditVerification v;
        EXPECT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(r, tx.Audit().Verify(cp, resume));
            v = r;
            return core::Ok();
        }));
        return v;
    }
    // What the server's checkpoint would record now.
    AuditCheckpoint CheckpointNow() {
        auto v = Verify();
        EXPECT_TRUE(v.ok);
        return {v.last_id, v.last_hash, v.first_mac_id, 5000};
    }
    bool Pg() const { return t_->db->Engine() == "postgresql"; }
    // Goes around the append-only triggers, as someone holding the database file can (security.md E2).
    void DropGuards() {
        ASSERT_TRUE(t_->db->RawScript(Pg() ? "ALTER TABLE audit_log DISABLE TRIGGER audit_no_change"
                                           : "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete"));
    }
    void Exec(const std::string& sql) { ASSERT_TRUE(t_->db->RawScript(sql)) << sql; }

    // The attack that passed before the fix: rewrite the rows from `from_id` on as SHA-256 rows (`as_plain`) or
    // keep their kind, recompute each hash over the canonical text and the previous hash, and move the head.
    void RechainWithSha256(std::int64_t from_id, bool as_plain, std::int64_t to_id = INT64_MAX) {
        auto rows = t_->db->RawQuery(
            "SELECT id, at, actor_user_id, actor_name, actor_org_id, actor_org_path, ip, action, object_type, "
            "object_id, "
            "result, request_id, subject_member_id, detail, prev_hash, hash FROM audit_log ORDER BY id");
        ASSERT_TRUE(rows);
        std::string prev;
        for (std::size_t r = 0; r < rows->size(); ++r) {
            AuditEntry e;
            e.id = rows->Int(r, 0);
            e.at = rows->Int(r, 1);
            e.actor_user_id = rows->Int(r, 2);
            e.actor_name = rows->Text(r, 3);
            e.actor_org_id = rows->Int(r, 4);
            e.actor_org_path = rows->Text(r, 5);
            e.ip = rows->Text(r, 6);
            e.action = rows->Text(r, 7);
            e.object_type = rows->Text(r, 8);
            e.object_id = rows->Text(r, 9);
            e.result = rows->Text(r, 10);
            e.request_id = rows->Text(r, 11);
            e.subject_member_id = rows->Int(r, 12);
            e.detail = rows->Text(r, 13);
            if (e.id > to_id) break;
            if (e.id < from_id) {
                prev = rows->Text(r, 15);
                continue;
            }
            e.prev_hash = prev;
            prev = t_->crypto.Sha256Hex(AuditCanonical(e));
            std::string set = "prev_hash = '" + e.prev_hash + "', hash = '" + prev + "'";
            if (as_plain)
                set += ", hash_kind = 'sha256', object_org_id = actor_org_id, object_org_path = actor_org_path";
            Exec("UPDATE audit_log SET " + set + " WHERE id = " + std::to_string(e.id));
        }
        Exec("UPDATE audit_head SET hash = '" + prev + "' WHERE one = 1");
    }

    std::int64_t street_ = 0, community_ = 0;
};

TEST_P(AuditConformance, RowsAreKeyedAndAnEditedRowFailsItsMac) {
    Append(5);
    auto v = Verify();
    EXPECT_TRUE(v.ok);
    EXPECT_EQ(v.rows, 5);
    EXPECT_EQ(v.legacy_rows, 0);
    EXPECT_EQ(v.first_mac_id, 1);
    EXPECT_EQ(v.last_id, 5);
    DropGuards();
    Exec("UPDATE audit_log SET actor_name = '别人' WHERE id = 3");
    v = Verify();
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.first_broken_id, 3);
    EXPECT_EQ(v.problem, "mac");
}

// Issue 15 defect 4: editing a row and recomputing a SHA-256 chain passed `lianxin check`; a keyed row cannot be
// recomputed without the key.
TEST_P(AuditConformance, EditingARowAndRecomputingTheChainFails) {
    Append(5);
    DropGuards();
    Exec("UPDATE audit_log SET actor_name = '别人' WHERE id = 3");
    RechainWithSha256(3, false);
    auto v = Verify();
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.first_broken_id, 3);
    EXPECT_EQ(v.problem, "mac");
    // Passing the rewritten rows off as unkeyed rows of an older version: a plain row after a keyed one.
    RechainWithSha256(3, true);
    v = Verify();
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.first_broken_id, 3);
    EXPECT_EQ(v.problem, "plain_after_mac");
}

// Rewriting the whole log as unkeyed rows looks like a log of an older version, but the checkpoint records where
// the keyed rows begin.
TEST_P(AuditConformance, AWholeLogRewrittenAsUnkeyedRowsFailsAgainstTheCheckpoint) {
    Append(4);
    const auto cp = CheckpointNow();
    DropGuards();
    Exec("UPDATE audit_log SET actor_name = '别人' WHERE id = 2");
    RechainWithSha256(1, true);
    EXPECT_TRUE(Verify().ok) << "without the checkpoint the rewrite passes as a log from before the key";
    auto v = Verify(&cp);
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.first_broken_id, 1);
    EXPECT_EQ(v.problem, "plain_after_mac");
}

// Issue 15 defect 4: deleting the last rows (and moving audit_head back) passed `lianxin check`; the checkpoint
// written outside the database names the missing tail.
TEST_P(AuditConformance, DeletedTailIsFoundByTheCheckpoint) {
    Append(5);
    const auto cp = CheckpointNow();
    EXPECT_TRUE(Verify(&cp).ok);
    DropGuards();
    auto third = t_->db->RawQuery("SELECT hash FROM audit_log WHERE id = 3");
    ASSERT_TRUE(third);
    Exec("DELETE FROM audit_log WHERE id > 3");
    Exec("UPDATE audit_head SET hash = '" + third->Text(0, 0) + "' WHERE one = 1");
    EXPECT_TRUE(Verify().ok) << "the chain alone cannot tell a removed tail";
    auto v = Verify(&cp);
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.problem, "missing_tail");
    EXPECT_EQ(v.first_broken_id, 4);
    EXPECT_EQ(v.last_id, 3);
    EXPECT_EQ(v.checkpoint_head_id, 5);
    EXPECT_EQ(v.checkpoint_at, 5000);
    // The server's incremental step from its checkpoint finds the same.
    v = Verify(&cp, true);
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.problem, "missing_tail");
}

TEST_P(AuditConformance, TheServerMovesItsCheckpointOverTheNewRowsOnly) {
    Append(3);
    const auto cp = CheckpointNow();
    auto v = Verify(&cp, true);
    EXPECT_TRUE(v.ok);
    EXPECT_EQ(v.rows, 0);
    EXPECT_EQ(v.last_id, 3);
    Append(2);
    v = Verify(&cp, true);
    EXPECT_TRUE(v.ok);
    EXPECT_EQ(v.rows, 2);
    EXPECT_EQ(v.last_id, 5);
    EXPECT_EQ(v.first_mac_id, 1);
    // A replaced head row (a restored backup that went on, or a rewrite) is not the row the checkpoint records.
    DropGuards();
    Exec("UPDATE audit_log SET hash = 'x' WHERE id = 3");
    v = Verify(&cp, true);
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.problem, "checkpoint");
    EXPECT_EQ(v.first_broken_id, 3);
}

// An upgraded database: its SHA-256 rows stay verifiable and the first keyed row seals them (links to their head).
TEST_P(AuditConformance, OlderUnkeyedRowsAreSealedByTheFirstKeyedRow) {
    Append(3);
    DropGuards();
    RechainWithSha256(1, true);  // as migration 0019 leaves the rows of an older version
    Append(2);
    auto v = Verify();
    EXPECT_TRUE(v.ok) << v.problem << " " << v.first_broken_id;
    EXPECT_EQ(v.rows, 5);
    EXPECT_EQ(v.legacy_rows, 3);
    EXPECT_EQ(v.first_mac_id, 4);
    // Rewriting an old row with its SHA-256 chain breaks the link the keyed row holds.
    Exec("UPDATE audit_log SET actor_name = '别人' WHERE id = 2");
    RechainWithSha256(2, true, 3);
    Exec("UPDATE audit_head SET hash = (SELECT hash FROM audit_log WHERE id = 5) WHERE one = 1");
    v = Verify();
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.first_broken_id, 4);
    EXPECT_EQ(v.problem, "link");
}

// Issue 15 defect 5: the list is filed under the object's org, not the actor's.
TEST_P(AuditConformance, ListIsFiledUnderTheObjectsOrg) {
    const auto other = AddOrg(street_, "另一社区");
    auto mine = Row("member.reveal");
    auto theirs = Row("member.reveal");
    theirs.object_org_id = other;
    theirs.object_org_path = OrgOf(other).path;
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_CHECK(tx.Audit().Append(mine));
        return tx.Audit().Append(theirs);
    }));
    const auto community_path = OrgOf(community_).path, street_path = OrgOf(street_).path;
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        core::ports::AuditQuery q;
        q.scope_roots = {community_path};
        LX_ASSIGN(items, tx.Audit().List(q));
        EXPECT_EQ(items.size(), 1u);
        if (!items.empty()) {
            EXPECT_EQ(items[0].object_org_id, community_);
            EXPECT_EQ(items[0].actor_org_id, street_) << "the actor's org is kept as the second column";
            EXPECT_EQ(items[0].hash_kind, "mac1");
        }
        q.scope_roots = {street_path};
        LX_ASSIGN(all, tx.Audit().List(q));
        EXPECT_EQ(all.size(), 2u);
        return core::Ok();
    }));
    // The object's org is covered by the MAC: moving a row to another org's auditors is found.
    DropGuards();
    Exec("UPDATE audit_log SET object_org_path = '" + OrgOf(other).path + "' WHERE id = 1");
    auto v = Verify();
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.first_broken_id, 1);
}

TEST_P(AuditConformance, AnEntryFiledUnderNoOrgGoesToTheTopOrg) {
    auto e = Row("auth.login");
    e.object_org_id = 0;
    e.object_org_path.clear();
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) { return tx.Audit().Append(e); }));
    EXPECT_EQ(e.object_org_id, street_);
    EXPECT_EQ(e.object_org_path, OrgOf(street_).path);
    EXPECT_TRUE(Verify().ok);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
