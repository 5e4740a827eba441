// Formal affiliation over time (migration 0004): the member row holds the current period, affiliation_history
// the closed ones; a move closes one and opens the next in the same transaction. And the member's recorded
// status decisions (migration 0008).
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::ports::AffiliationPeriod;

namespace {
// The party status of member row `t` on day `on`: the current one when it began on or before that day (or has no
// recorded day); otherwise what the last decision before then left (stop → stopped, restore → normal), or normal
// when there was none — the member was normal until the first decision. Only members decided on after `on` pay
// for the look-up in member_status_changes.
std::string StatusOn(const std::string& t, const std::string& on) {
    return "CASE WHEN " + t + ".status_since IS NULL OR " + t + ".status_since <= " + on + " THEN " + t +
           ".status ELSE coalesce((SELECT CASE c.action WHEN 'restore' THEN 'normal' ELSE 'stopped' END FROM "
           "member_status_changes c WHERE c.member_id = " + t + ".id AND c.on_date <= " + on +
           " ORDER BY c.on_date DESC, c.id DESC LIMIT 1), 'normal') END";
}
}  // namespace

std::string AffiliatedOn(const std::string& org_cond, const std::string& on) {
    return "(SELECT id, category, " + StatusOn("members", on) + " AS status, join_date, conversion_date, left_on FROM "
           "members WHERE " + org_cond + " AND (affiliated_since IS NULL OR affiliated_since <= " + on +
           ") UNION ALL SELECT m.id, m.category, " + StatusOn("m", on) + " AS status, m.join_date, m.conversion_date, "
           "m.left_on FROM (SELECT member_id FROM affiliation_history WHERE " + org_cond + " AND valid_from <= " + on +
           " AND valid_to > " + on + ") h JOIN members m ON m.id = h.member_id) a";
}

core::Status SqlMemberRepo::Move(const core::member::Member& m, const core::org::Org& to, const Date& on,
                                 std::int64_t transfer_id) {
    // The closing period starts when the current one did: the last move, else the join date.
    LX_ASSIGN(since, c_.Query("SELECT coalesce(affiliated_since, join_date, '1900-01-01') FROM members WHERE id = $1",
                              {m.id}));
    if (since.empty()) return core::Fail(core::NotFound("member"));
    std::string from = since.Text(0, 0);
    if (from > on.ToString()) from = on.ToString();
    LX_CHECK(c_.Exec("INSERT INTO affiliation_history (member_id, org_id, org_path, valid_from, valid_to, transfer_id) "
                     "SELECT id, org_id, org_path, $2, $3, $4 FROM members WHERE id = $1",
                     {m.id, from, on.ToString(), IdOrNull(transfer_id)}));
    LX_ASSIGN(changed, c_.Exec("UPDATE members SET org_id = $1, org_path = $2, region_code = $3, affiliated_since = $4, "
                               "version = version + 1 WHERE id = $5 AND version = $6",
                               {to.id, to.path, to.region_code, on.ToString(), m.id, m.version}));
    if (changed != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", "member version"));
    return core::Ok();
}

core::Result<std::vector<AffiliationPeriod>> SqlMemberRepo::Affiliations(std::int64_t member_id) {
    LX_ASSIGN(closed, c_.Query("SELECT h.org_id, h.org_path, o.name, h.valid_from, h.valid_to, "
                               "coalesce(h.transfer_id, 0) FROM affiliation_history h JOIN orgs o ON o.id = h.org_id "
                               "WHERE h.member_id = $1 ORDER BY h.valid_from, h.id",
                               {member_id}));
    LX_ASSIGN(current, c_.Query("SELECT m.org_id, m.org_path, o.name, coalesce(m.affiliated_since, m.join_date, ''), "
                                "m.left_on, 0 FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.id = $1",
                                {member_id}));
    std::vector<AffiliationPeriod> out;
    for (const SqlRows* rows : {&closed, &current})
        for (std::size_t r = 0; r < rows->size(); ++r)
            out.push_back({rows->Int(r, 0), rows->Text(r, 1), rows->Text(r, 2),
                           Date::Parse(rows->Text(r, 3)).value_or(Date()), OptDate(*rows, r, 4), rows->Int(r, 5)});
    return out;
}

core::Status SqlMemberRepo::AppendStatusChange(std::int64_t member_id, const core::ports::StatusChangeRecord& c) {
    LX_CHECK(c_.Exec("INSERT INTO member_status_changes (member_id, action, on_date, ground, doc_ref, reason, "
                     "recorded_by, recorded_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)",
                     {member_id, c.action, c.on.ToString(), c.ground, c.doc_ref, c.reason, c.recorded_by,
                      c.recorded_at}));
    return core::Ok();
}

core::Result<std::vector<core::ports::StatusChangeRecord>> SqlMemberRepo::StatusChanges(std::int64_t member_id) {
    LX_ASSIGN(rows, c_.Query("SELECT id, action, on_date, ground, doc_ref, reason, recorded_by, recorded_at "
                             "FROM member_status_changes WHERE member_id = $1 ORDER BY id",
                             {member_id}));
    std::vector<core::ports::StatusChangeRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r)
        out.push_back({rows.Int(r, 0), rows.Text(r, 1), Date::Parse(rows.Text(r, 2)).value_or(Date()), rows.Text(r, 3),
                       rows.Text(r, 4), rows.Text(r, 5), rows.Int(r, 6), rows.Int(r, 7)});
    return out;
}

}  // namespace lianxin::storage
