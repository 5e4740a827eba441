// Reorganizations and the org history they write (migration 0010).
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::ports::OrgHistoryEntry;
using core::ports::ReorgRecord;

namespace {
// The reorganization and org history rows, written once (storage/sql/columns.hpp).
constexpr std::string_view kReorgNames[] = {"id",       "kind",    "on_date",    "approval_doc",    "org_id",
                                            "org_path", "summary", "created_by", "created_by_name", "created_at"};
constexpr Columns kReorg{"reorganizations", kReorgNames};
constexpr std::string_view kHistoryNames[] = {"id",      "reorg_id", "org_id",   "event",
                                              "on_date", "old_name", "new_name", "other_org_id"};
constexpr Columns kHistory{"org_history", kHistoryNames};
}  // namespace

core::Result<std::int64_t> SqlReorgRepo::Insert(const ReorgRecord& r) {
    SqlValues v(kReorg);
    v.Set("kind", std::string(ToString(r.kind))).Set("on_date", r.on.ToString()).Set("approval_doc", r.approval_doc);
    v.Set("org_id", r.org_id).Set("org_path", r.org_path).Set("summary", r.summary).Set("created_by", r.created_by);
    v.Set("created_by_name", r.created_by_name).Set("created_at", r.created_at);
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    return rows.Row(0).Int("id");
}

core::Status SqlReorgRepo::AppendHistory(const OrgHistoryEntry& e) {
    SqlValues v(kHistory);
    v.Set("reorg_id", e.reorg_id).Set("org_id", e.org_id).Set("event", std::string(ToString(e.event)));
    v.Set("on_date", e.on.ToString()).Set("old_name", e.old_name).Set("new_name", e.new_name);
    v.Set("other_org_id", IdOrNull(e.other_org_id));
    LX_CHECK(c_.Exec(v.Insert(), v.Params()));
    return core::Ok();
}

core::Result<std::vector<OrgHistoryEntry>> SqlReorgRepo::History(std::int64_t org_id) {
    // The org and the versions it continues: follow predecessor_id back (a chain as long as the moves).
    std::vector<std::int64_t> chain{org_id};
    for (int guard = 0; guard < 100; ++guard) {
        LX_ASSIGN(prev, c_.Query("SELECT predecessor_id FROM orgs WHERE id = $1", {chain.back()}));
        if (prev.empty() || prev.Row(0).IsNull("predecessor_id")) break;
        chain.push_back(prev.Row(0).Int("predecessor_id"));
    }
    std::vector<OrgHistoryEntry> out;
    for (auto id : chain) {
        LX_ASSIGN(rows, c_.Query("SELECT " + kHistory.Select("h") +
                                     ", coalesce(o.name, '') AS other_org_name, "
                                     "r.approval_doc AS approval_doc, r.created_by_name AS by_name FROM org_history h "
                                     "JOIN reorganizations r ON r.id = h.reorg_id "
                                     "LEFT JOIN orgs o ON o.id = h.other_org_id WHERE h.org_id = $1 "
                                     "ORDER BY h.on_date DESC, h.id DESC",
                                 {id}));
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const SqlRow row = rows.Row(r);
            OrgHistoryEntry e;
            e.id = row.Int("id");
            e.reorg_id = row.Int("reorg_id");
            e.org_id = row.Int("org_id");
            e.event = core::org::ParseOrgEvent(row.Text("event")).value_or(core::org::OrgEvent::kUpdated);
            e.on = DateOf(row, "on_date");
            e.old_name = row.Text("old_name");
            e.new_name = row.Text("new_name");
            e.other_org_id = row.Int("other_org_id");  // 0 for none (null)
            e.other_org_name = row.Text("other_org_name");
            e.approval_doc = row.Text("approval_doc");
            e.by_name = row.Text("by_name");
            out.push_back(std::move(e));
        }
    }
    return out;
}

core::Result<std::vector<ReorgRecord>> SqlReorgRepo::List(const core::ports::ReorgQuery& q) {
    SqlParams params;
    const std::string scope = SubtreeFilter("org_path", q.scope_roots, params);
    LX_ASSIGN(rows, c_.Query("SELECT " + kReorg.Select() + " FROM reorganizations WHERE " + scope +
                                 " ORDER BY id DESC LIMIT " + std::to_string(q.limit),
                             params));
    std::vector<ReorgRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        ReorgRecord rec;
        rec.id = row.Int("id");
        rec.kind = core::org::ParseReorgKind(row.Text("kind")).value_or(core::org::ReorgKind::kRename);
        rec.on = DateOf(row, "on_date");
        rec.approval_doc = row.Text("approval_doc");
        rec.org_id = row.Int("org_id");
        rec.org_path = row.Text("org_path");
        rec.summary = row.Text("summary");
        rec.created_by = row.Int("created_by");
        rec.created_by_name = row.Text("created_by_name");
        rec.created_at = row.Int("created_at");
        out.push_back(std::move(rec));
    }
    return out;
}

}  // namespace lianxin::storage
