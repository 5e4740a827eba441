#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::ports::AuditCheckpoint;
using core::ports::AuditEntry;
using core::ports::AuditVerification;

namespace {
// The audit row, written once (storage/sql/columns.hpp).
constexpr std::string_view kAuditNames[] = {
    "id",        "at",          "actor_user_id", "actor_name",      "actor_org_id", "actor_org_path",    "ip",
    "action",    "object_type", "object_id",     "result",          "request_id",   "subject_member_id", "detail",
    "prev_hash", "hash",        "object_org_id", "object_org_path", "hash_kind"};
constexpr Columns kAudit{"audit_log", kAuditNames};
constexpr const char* kMac = "mac1";  // keyed BLAKE2b under the audit subkey of the master key (security.md E2)
constexpr const char* kSha = "sha256";

AuditEntry EntryFromRow(const SqlRows& rows, std::size_t r) {
    const SqlRow row = rows.Row(r);
    AuditEntry e;
    e.id = row.Int("id");
    e.at = row.Int("at");
    e.actor_user_id = row.Int("actor_user_id");
    e.actor_name = row.Text("actor_name");
    e.actor_org_id = row.Int("actor_org_id");
    e.actor_org_path = row.Text("actor_org_path");
    e.ip = row.Text("ip");
    e.action = row.Text("action");
    e.object_type = row.Text("object_type");
    e.object_id = row.Text("object_id");
    e.result = row.Text("result");
    e.request_id = row.Text("request_id");
    e.subject_member_id = row.Int("subject_member_id");
    e.detail = row.Text("detail");
    e.prev_hash = row.Text("prev_hash");
    e.hash = row.Text("hash");
    e.object_org_id = row.Int("object_org_id");
    e.object_org_path = row.Text("object_org_path");
    e.hash_kind = row.Text("hash_kind");
    return e;
}

// Length-prefixed fields, so that no choice of field contents can make two entries hash alike.
void Field(std::string& out, const std::string& v) {
    out += std::to_string(v.size());
    out += ':';
    out += v;
    out += '|';
}

// What a keyed row's MAC covers: the kind, every stored field (the object's org included) and the link.
std::string MacCanonical(const AuditEntry& e) {
    std::string s = std::string(kMac) + "|" + AuditCanonical(e);
    Field(s, std::to_string(e.object_org_id));
    Field(s, e.object_org_path);
    return s;
}
}  // namespace

std::string AuditCanonical(const AuditEntry& e) {
    std::string s;
    for (const std::string& v :
         {std::to_string(e.id), std::to_string(e.at), std::to_string(e.actor_user_id), e.actor_name,
          std::to_string(e.actor_org_id), e.actor_org_path, e.ip, e.action, e.object_type, e.object_id, e.result,
          e.request_id, std::to_string(e.subject_member_id), e.detail, e.prev_hash})
        Field(s, v);
    return s;
}

core::Status SqlAuditRepo::Append(AuditEntry& e) {
    // Locks the chain head for the rest of the transaction (SQLite: the single writer already does).
    LX_ASSIGN(head, c_.Query(c_.dialect() == Dialect::kPostgres ? "SELECT hash FROM audit_head WHERE one = 1 FOR UPDATE"
                                                                : "SELECT hash FROM audit_head WHERE one = 1"));
    e.prev_hash = head.empty() ? "" : head.Row(0).Text("hash");
    LX_ASSIGN(next, c_.Query(c_.dialect() == Dialect::kPostgres
                                 ? "SELECT nextval(pg_get_serial_sequence('audit_log', 'id')) AS id"
                                 : "SELECT coalesce(max(id), 0) + 1 AS id FROM audit_log"));
    e.id = next.Row(0).Int("id");
    if (!e.object_org_id) {  // concerns no org in particular (e.g. a login under an unknown name): the top org
        LX_ASSIGN(top, c_.Query("SELECT id, path FROM orgs WHERE parent_id IS NULL ORDER BY id LIMIT 1"));
        if (!top.empty()) {
            e.object_org_id = top.Row(0).Int("id");
            e.object_org_path = top.Row(0).Text("path");
        }
    }
    // Keyed from the first row on: the first keyed row of an upgraded database seals the SHA-256 rows before it.
    e.hash_kind = kMac;
    e.hash = cipher_.AuditRowMac(MacCanonical(e));
    SqlValues v(kAudit);
    v.Set("id", e.id).Set("at", e.at).Set("actor_user_id", e.actor_user_id).Set("actor_name", e.actor_name);
    v.Set("actor_org_id", e.actor_org_id).Set("actor_org_path", e.actor_org_path).Set("ip", e.ip);
    v.Set("action", e.action).Set("object_type", e.object_type).Set("object_id", e.object_id);
    v.Set("result", e.result).Set("request_id", e.request_id).Set("subject_member_id", e.subject_member_id);
    v.Set("detail", e.detail).Set("prev_hash", e.prev_hash).Set("hash", e.hash);
    v.Set("object_org_id", e.object_org_id).Set("object_org_path", e.object_org_path).Set("hash_kind", e.hash_kind);
    LX_CHECK(c_.Exec(v.Insert(), v.Params()));
    LX_CHECK(c_.Exec("UPDATE audit_head SET hash = $1 WHERE one = 1", {e.hash}));
    return core::Ok();
}

core::Result<std::vector<AuditEntry>> SqlAuditRepo::List(const core::ports::AuditQuery& q) {
    SqlParams params;
    // Filed under the object's org (issue 15 defect 5): an auditor reads what was done to its subtree's objects.
    std::string sql = "SELECT " + kAudit.Select() + " FROM audit_log WHERE " +
                      SubtreeFilter("object_org_path", q.scope_roots, params);
    auto add = [&](SqlParam p) {
        params.push_back(std::move(p));
        return "$" + std::to_string(params.size());
    };
    if (!q.action.empty()) sql += " AND action = " + add(q.action);
    if (!q.actor.empty()) sql += " AND actor_name LIKE " + add(ContainsPattern(q.actor)) + " ESCAPE '\\'";
    if (q.from) sql += " AND at >= " + add(q.from);
    if (q.to) sql += " AND at < " + add(q.to);
    if (q.before_id) sql += " AND id < " + add(q.before_id);
    sql += " ORDER BY id DESC LIMIT " + std::to_string(q.limit);
    LX_ASSIGN(rows, c_.Query(sql, params));
    std::vector<AuditEntry> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(EntryFromRow(rows, r));
    return out;
}

core::Result<std::vector<AuditEntry>> SqlAuditRepo::ViewsOf(std::int64_t member_id, std::int64_t before_id, int limit) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kAudit.Select() +
                                 " FROM audit_log WHERE subject_member_id = $1 AND id < $2 "
                                 "ORDER BY id DESC LIMIT " +
                                 std::to_string(limit),
                             {member_id, before_id ? before_id : INT64_MAX}));
    std::vector<AuditEntry> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(EntryFromRow(rows, r));
    return out;
}

core::Result<AuditVerification> SqlAuditRepo::Verify(const AuditCheckpoint* cp, bool resume) {
    AuditVerification v;
    auto broken = [&](std::int64_t id, const char* problem) {
        v.ok = false;
        v.first_broken_id = id;
        v.problem = problem;
        return v;
    };
    if (cp) {
        v.checkpoint_head_id = cp->head_id;
        v.checkpoint_at = cp->written_at;
    }
    std::string prev;
    std::int64_t after = 0;
    if (resume && cp && cp->head_id) {
        // The server's own last checkpoint is trusted: only the rows after it are walked.
        LX_ASSIGN(head_row, c_.Query("SELECT hash FROM audit_log WHERE id = $1", {cp->head_id}));
        if (head_row.empty()) return broken(cp->head_id, "missing_tail");
        if (head_row.Row(0).Text("hash") != cp->head_mac) return broken(cp->head_id, "checkpoint");
        prev = cp->head_mac;
        after = cp->head_id;
        v.first_mac_id = cp->first_mac_id;
        v.last_id = cp->head_id;
        v.last_hash = cp->head_mac;
    }
    // Walks the chain in pages so that a large log is never held in memory at once.
    for (;;) {
        LX_ASSIGN(rows, c_.Query("SELECT " + kAudit.Select() + " FROM audit_log WHERE id > $1 ORDER BY id LIMIT 5000",
                                 {after}));
        if (rows.empty()) break;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            AuditEntry e = EntryFromRow(rows, r);
            // Past the checkpoint's head without meeting it (PostgreSQL goes on numbering after a cut): a lost tail.
            if (cp && !resume && e.id > cp->head_id && v.last_id < cp->head_id)
                return broken(v.last_id + 1, "missing_tail");
            if (e.prev_hash != prev) return broken(e.id, "link");
            if (e.hash_kind == kMac) {
                if (cipher_.AuditRowMac(MacCanonical(e)) != e.hash) return broken(e.id, "mac");
                if (!v.first_mac_id) v.first_mac_id = e.id;
            } else {
                // A row of an older version, before the key: its SHA-256 only, and only before the first keyed row.
                // Such rows were filed under the actor's org by migration 0019, which their hash does not cover.
                if (e.hash_kind != kSha || v.first_mac_id || (cp && cp->first_mac_id && e.id >= cp->first_mac_id))
                    return broken(e.id, "plain_after_mac");
                if (crypto_.Sha256Hex(AuditCanonical(e)) != e.hash || e.object_org_id != e.actor_org_id ||
                    e.object_org_path != e.actor_org_path)
                    return broken(e.id, "mac");
                ++v.legacy_rows;
            }
            if (cp && e.id == cp->head_id && e.hash != cp->head_mac) return broken(e.id, "checkpoint");
            prev = e.hash;
            after = e.id;
            v.last_id = e.id;
            v.last_hash = e.hash;
            ++v.rows;
        }
    }
    if (cp && v.last_id < cp->head_id) return broken(v.last_id + 1, "missing_tail");
    LX_ASSIGN(head, c_.Query("SELECT hash FROM audit_head WHERE one = 1"));
    // The newest rows were removed or the head was rewritten: the break is after the last good row.
    if (!head.empty() && head.Row(0).Text("hash") != prev) return broken(after + 1, "head");
    return v;
}

}  // namespace lianxin::storage
