#include "storage/testing/audit_rows.hpp"

namespace lianxin::storage::testing {
namespace {

std::string Quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

}  // namespace

std::vector<StoredAuditRow> AuditRows(ManagedDatabase& db, const AuditRowFilter& f) {
    std::string where = "action = " + Quote(f.action);
    if (f.subject_member_id) where += " AND subject_member_id = " + std::to_string(f.subject_member_id);
    if (!f.object_type.empty()) where += " AND object_type = " + Quote(f.object_type);
    if (!f.object_id.empty()) where += " AND object_id = " + Quote(f.object_id);
    auto rows = db.RawQuery("SELECT id, detail FROM audit_log WHERE " + where + " ORDER BY id");
    std::vector<StoredAuditRow> out;
    for (std::size_t r = 0; rows && r < rows->size(); ++r) out.push_back({rows->Int(r, 0), rows->Text(r, 1)});
    return out;
}

core::Status CutAuditTail(ManagedDatabase& db, std::int64_t keep_id) {
    const bool pg = db.Engine() == "postgresql";
    LX_CHECK(
        db.RawScript(pg ? "ALTER TABLE audit_log DISABLE TRIGGER audit_no_change" : "DROP TRIGGER audit_no_delete"));
    const std::string id = std::to_string(keep_id);
    return db.RawScript("DELETE FROM audit_log WHERE id > " + id +
                        "; UPDATE audit_head SET hash = "
                        "(SELECT hash FROM audit_log WHERE id = " +
                        id + ") WHERE one = 1");
}

}  // namespace lianxin::storage::testing
