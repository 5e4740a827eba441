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
           "member_status_changes c WHERE c.member_id = " +
           t + ".id AND c.on_date <= " + on + " ORDER BY c.on_date DESC, c.id DESC LIMIT 1), 'normal') END";
}
}  // namespace

std::string AffiliatedOn(const std::string& org_cond, const std::string& on) {
    return "(SELECT id, category, " + StatusOn("members", on) +
           " AS status, join_date, conversion_date, left_on FROM "
           "members WHERE " +
           org_cond + " AND (affiliated_since IS NULL OR affiliated_since <= " + on +
           ") UNION ALL SELECT m.id, m.category, " + StatusOn("m", on) +
           " AS status, m.join_date, m.conversion_date, "
           "m.left_on FROM (SELECT member_id FROM affiliation_history WHERE " +
           org_cond + " AND valid_from <= " + on + " AND valid_to > " + on +
           ") h JOIN members m ON m.id = h.member_id) a";
}

core::Status SqlMemberRepo::Move(const core::member::Member& m, const core::org::Org& to, const Date& on,
                                 std::int64_t transfer_id) {
    // The closing period starts when the current one did: the last move, else the join date.
    LX_ASSIGN(since, c_.Query("SELECT coalesce(affiliated_since, join_date, '1900-01-01') AS since FROM members "
                              "WHERE id = $1",
                              {m.id}));
    if (since.empty()) return core::Fail(core::NotFound("member"));
    std::string from = since.Row(0).Text("since");
    if (from > on.ToString()) from = on.ToString();
    LX_CHECK(
        c_.Exec("INSERT INTO affiliation_history (member_id, org_id, org_path, valid_from, valid_to, transfer_id) "
                "SELECT id, org_id, org_path, $2, $3, $4 FROM members WHERE id = $1",
                {m.id, from, on.ToString(), IdOrNull(transfer_id)}));
    SqlValues v(MemberColumns());
    v.Set("org_id", to.id).Set("org_path", to.path).Set("region_code", to.region_code);
    v.Set("affiliated_since", on.ToString());
    return UpdateVersioned(v, m);
}

core::Result<std::vector<AffiliationPeriod>> SqlMemberRepo::Affiliations(std::int64_t member_id) {
    LX_ASSIGN(closed, c_.Query("SELECT h.org_id AS org_id, h.org_path AS org_path, o.name AS org_name, "
                               "h.valid_from AS valid_from, h.valid_to AS valid_to, coalesce(h.transfer_id, 0) AS "
                               "transfer_id FROM affiliation_history h JOIN orgs o ON o.id = h.org_id "
                               "WHERE h.member_id = $1 ORDER BY h.valid_from, h.id",
                               {member_id}));
    LX_ASSIGN(current, c_.Query("SELECT m.org_id AS org_id, m.org_path AS org_path, o.name AS org_name, "
                                "coalesce(m.affiliated_since, m.join_date, '') AS valid_from, m.left_on AS valid_to, "
                                "0 AS transfer_id FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.id = $1",
                                {member_id}));
    std::vector<AffiliationPeriod> out;
    for (const SqlRows* rows : {&closed, &current})
        for (std::size_t r = 0; r < rows->size(); ++r) {
            const SqlRow row = rows->Row(r);
            out.push_back({row.Int("org_id"), row.Text("org_path"), row.Text("org_name"), DateOf(row, "valid_from"),
                           OptDate(row, "valid_to"), row.Int("transfer_id")});
        }
    return out;
}

namespace {
constexpr std::string_view kStatusChangeNames[] = {"id",      "member_id", "action",      "on_date",    "ground",
                                                   "doc_ref", "reason",    "recorded_by", "recorded_at"};
constexpr Columns kStatusChange{"member_status_changes", kStatusChangeNames};
}  // namespace

core::Status SqlMemberRepo::AppendStatusChange(std::int64_t member_id, const core::ports::StatusChangeRecord& c) {
    SqlValues v(kStatusChange);
    v.Set("member_id", member_id).Set("action", c.action).Set("on_date", c.on.ToString()).Set("ground", c.ground);
    v.Set("doc_ref", c.doc_ref).Set("reason", c.reason).Set("recorded_by", c.recorded_by);
    v.Set("recorded_at", c.recorded_at);
    LX_CHECK(c_.Exec(v.Insert(), v.Params()));
    return core::Ok();
}

core::Result<std::vector<core::ports::StatusChangeRecord>> SqlMemberRepo::StatusChanges(std::int64_t member_id) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kStatusChange.Select() +
                                 " FROM member_status_changes WHERE member_id = $1 "
                                 "ORDER BY id",
                             {member_id}));
    std::vector<core::ports::StatusChangeRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        out.push_back({row.Int("id"), row.Text("action"), DateOf(row, "on_date"), row.Text("ground"),
                       row.Text("doc_ref"), row.Text("reason"), row.Int("recorded_by"), row.Int("recorded_at")});
    }
    return out;
}

}  // namespace lianxin::storage
