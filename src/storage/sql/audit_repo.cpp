#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::ports::AuditEntry;

namespace {
constexpr const char* kCols =
    "id, at, actor_user_id, actor_name, actor_org_id, actor_org_path, ip, action, object_type, object_id, result, "
    "request_id, subject_member_id, detail, prev_hash, hash";

AuditEntry EntryFromRow(const SqlRows& rows, std::size_t r) {
    AuditEntry e;
    e.id = rows.Int(r, 0);
    e.at = rows.Int(r, 1);
    e.actor_user_id = rows.Int(r, 2);
    e.actor_name = rows.Text(r, 3);
    e.actor_org_id = rows.Int(r, 4);
    e.actor_org_path = rows.Text(r, 5);
    e.ip = rows.Text(r, 6);
    e.action = rows.Text(r, 7);
    e.object_type = rows.Text(r, 8);
    e.object_id = rows.Text(r, 9);
    e.result = rows.Text(r, 10);
    e.request_id = rows.Text(r, 11);
    e.subject_member_id = rows.Int(r, 12);
    e.detail = rows.Text(r, 13);
    e.prev_hash = rows.Text(r, 14);
    e.hash = rows.Text(r, 15);
    return e;
}

// Length-prefixed fields, so that no choice of field contents can make two entries hash alike.
void Field(std::string& out, const std::string& v) {
    out += std::to_string(v.size());
    out += ':';
    out += v;
    out += '|';
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
    LX_ASSIGN(head, c_.Query(c_.dialect() == Dialect::kPostgres
                                 ? "SELECT hash FROM audit_head WHERE one = 1 FOR UPDATE"
                                 : "SELECT hash FROM audit_head WHERE one = 1"));
    e.prev_hash = head.empty() ? "" : head.Text(0, 0);
    LX_ASSIGN(next, c_.Query(c_.dialect() == Dialect::kPostgres
                                 ? "SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))"
                                 : "SELECT coalesce(max(id), 0) + 1 FROM audit_log"));
    e.id = next.Int(0, 0);
    e.hash = crypto_.Sha256Hex(AuditCanonical(e));
    LX_CHECK(c_.Exec("INSERT INTO audit_log (id, at, actor_user_id, actor_name, actor_org_id, actor_org_path, ip, "
                     "action, object_type, object_id, result, request_id, subject_member_id, detail, prev_hash, hash) "
                     "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)",
                     {e.id, e.at, e.actor_user_id, e.actor_name, e.actor_org_id, e.actor_org_path, e.ip, e.action,
                      e.object_type, e.object_id, e.result, e.request_id, e.subject_member_id, e.detail, e.prev_hash,
                      e.hash}));
    LX_CHECK(c_.Exec("UPDATE audit_head SET hash = $1 WHERE one = 1", {e.hash}));
    return core::Ok();
}

core::Result<std::vector<AuditEntry>> SqlAuditRepo::List(const core::ports::AuditQuery& q) {
    SqlParams params;
    std::string sql = std::string("SELECT ") + kCols + " FROM audit_log WHERE " +
                      SubtreeFilter("actor_org_path", q.scope_roots, params);
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
    LX_ASSIGN(rows, c_.Query(std::string("SELECT ") + kCols + " FROM audit_log WHERE subject_member_id = $1 AND id < $2 "
                                 "ORDER BY id DESC LIMIT " + std::to_string(limit),
                             {member_id, before_id ? before_id : INT64_MAX}));
    std::vector<AuditEntry> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(EntryFromRow(rows, r));
    return out;
}

core::Result<core::ports::AuditVerification> SqlAuditRepo::Verify() {
    core::ports::AuditVerification v;
    std::string prev;
    std::int64_t after = 0;
    // Walks the chain in pages so that a large log is never held in memory at once.
    for (;;) {
        LX_ASSIGN(rows, c_.Query(std::string("SELECT ") + kCols + " FROM audit_log WHERE id > $1 ORDER BY id LIMIT 5000",
                                 {after}));
        if (rows.empty()) break;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            AuditEntry e = EntryFromRow(rows, r);
            if (e.prev_hash != prev || crypto_.Sha256Hex(AuditCanonical(e)) != e.hash) {
                v.ok = false;
                v.first_broken_id = e.id;
                return v;
            }
            prev = e.hash;
            after = e.id;
            ++v.rows;
        }
    }
    LX_ASSIGN(head, c_.Query("SELECT hash FROM audit_head WHERE one = 1"));
    if (!head.empty() && head.Text(0, 0) != prev) {
        // The newest rows were removed or the head was rewritten: the break is after the last good row.
        v.ok = false;
        v.first_broken_id = after + 1;
    }
    return v;
}

}  // namespace lianxin::storage
