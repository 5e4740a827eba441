// Reorganizations and the org history they write (migration 0010).
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::ports::OrgHistoryEntry;
using core::ports::ReorgRecord;

core::Result<std::int64_t> SqlReorgRepo::Insert(const ReorgRecord& r) {
    LX_ASSIGN(rows, c_.Query("INSERT INTO reorganizations (kind, on_date, approval_doc, org_id, org_path, summary, "
                             "created_by, created_by_name, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id",
                             {std::string(ToString(r.kind)), r.on.ToString(), r.approval_doc, r.org_id, r.org_path,
                              r.summary, r.created_by, r.created_by_name, r.created_at}));
    return rows.Int(0, 0);
}

core::Status SqlReorgRepo::AppendHistory(const OrgHistoryEntry& e) {
    LX_CHECK(c_.Exec("INSERT INTO org_history (reorg_id, org_id, event, on_date, old_name, new_name, other_org_id) "
                     "VALUES ($1,$2,$3,$4,$5,$6,$7)",
                     {e.reorg_id, e.org_id, std::string(ToString(e.event)), e.on.ToString(), e.old_name, e.new_name,
                      IdOrNull(e.other_org_id)}));
    return core::Ok();
}

core::Result<std::vector<OrgHistoryEntry>> SqlReorgRepo::History(std::int64_t org_id) {
    // The org and the versions it continues: follow predecessor_id back (a chain as long as the moves).
    std::vector<std::int64_t> chain{org_id};
    for (int guard = 0; guard < 100; ++guard) {
        LX_ASSIGN(prev, c_.Query("SELECT predecessor_id FROM orgs WHERE id = $1", {chain.back()}));
        if (prev.empty() || prev.IsNull(0, 0)) break;
        chain.push_back(prev.Int(0, 0));
    }
    std::vector<OrgHistoryEntry> out;
    for (auto id : chain) {
        LX_ASSIGN(rows, c_.Query("SELECT h.id, h.reorg_id, h.org_id, h.event, h.on_date, h.old_name, h.new_name, "
                                 "coalesce(h.other_org_id, 0), coalesce(o.name, ''), r.approval_doc, r.created_by_name "
                                 "FROM org_history h JOIN reorganizations r ON r.id = h.reorg_id "
                                 "LEFT JOIN orgs o ON o.id = h.other_org_id WHERE h.org_id = $1 "
                                 "ORDER BY h.on_date DESC, h.id DESC",
                                 {id}));
        for (std::size_t r = 0; r < rows.size(); ++r) {
            OrgHistoryEntry e;
            e.id = rows.Int(r, 0);
            e.reorg_id = rows.Int(r, 1);
            e.org_id = rows.Int(r, 2);
            e.event = core::org::ParseOrgEvent(rows.Text(r, 3)).value_or(core::org::OrgEvent::kUpdated);
            e.on = Date::Parse(rows.Text(r, 4)).value_or(Date());
            e.old_name = rows.Text(r, 5);
            e.new_name = rows.Text(r, 6);
            e.other_org_id = rows.Int(r, 7);
            e.other_org_name = rows.Text(r, 8);
            e.approval_doc = rows.Text(r, 9);
            e.by_name = rows.Text(r, 10);
            out.push_back(std::move(e));
        }
    }
    return out;
}

core::Result<std::vector<ReorgRecord>> SqlReorgRepo::List(const core::ports::ReorgQuery& q) {
    SqlParams params;
    const std::string scope = SubtreeFilter("org_path", q.scope_roots, params);
    LX_ASSIGN(rows, c_.Query("SELECT id, kind, on_date, approval_doc, org_id, org_path, summary, created_by, "
                             "created_by_name, created_at FROM reorganizations WHERE " + scope +
                             " ORDER BY id DESC LIMIT " + std::to_string(q.limit),
                             params));
    std::vector<ReorgRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        ReorgRecord rec;
        rec.id = rows.Int(r, 0);
        rec.kind = core::org::ParseReorgKind(rows.Text(r, 1)).value_or(core::org::ReorgKind::kRename);
        rec.on = Date::Parse(rows.Text(r, 2)).value_or(Date());
        rec.approval_doc = rows.Text(r, 3);
        rec.org_id = rows.Int(r, 4);
        rec.org_path = rows.Text(r, 5);
        rec.summary = rows.Text(r, 6);
        rec.created_by = rows.Int(r, 7);
        rec.created_by_name = rows.Text(r, 8);
        rec.created_at = rows.Int(r, 9);
        out.push_back(std::move(rec));
    }
    return out;
}

}  // namespace lianxin::storage
