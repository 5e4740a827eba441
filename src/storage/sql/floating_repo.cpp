// The floating-member register and its append-only notes (migration 0015). The outflow side is scoped by the
// member's current org (joined from members); the inflow side by the participating org's path.
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::member::Floating;
using core::ports::FloatingNote;
using core::ports::FloatingRecord;

namespace {
constexpr const char* kCols =
    "f.id, f.member_id, f.left_on, f.reason, f.province, f.city, f.county, f.employer, f.phone_enc, "
    "f.expected_return, f.fixed_place, f.certificate_no, f.cannot_transfer, f.cannot_transfer_reason, f.in_org_id, "
    "f.in_org_path, f.in_org_name, f.in_since, f.returned_on, f.return_note, f.version, f.created_by, "
    "(SELECT max(n.on_date) FROM floating_notes n WHERE n.record_id = f.id AND n.kind = 'report'), "
    "m.name, m.sex, m.birth_date, m.category, m.org_id, m.org_path, o.name";
constexpr const char* kFrom = " FROM floating_records f JOIN members m ON m.id = f.member_id JOIN orgs o ON o.id = m.org_id";
constexpr const char* kNoteCols = "id, seq, kind, on_date, text, side, actor_user_id, actor_name, recorded_at";

std::int64_t Flag(bool b) { return b ? 1 : 0; }
}  // namespace

core::Result<FloatingRecord> SqlFloatingRepo::FromRow(const SqlRows& rows, std::size_t r) {
    FloatingRecord rec;
    rec.id = rows.Int(r, 0);
    rec.member_id = rows.Int(r, 1);
    Floating& f = rec.facts;
    f.left_on = Date::Parse(rows.Text(r, 2)).value_or(Date());
    f.reason = core::member::ParseFloatingReason(rows.Text(r, 3)).value_or(core::member::FloatingReason::kOther);
    f.province = rows.Text(r, 4);
    f.city = rows.Text(r, 5);
    f.county = rows.Text(r, 6);
    f.employer = rows.Text(r, 7);
    LX_ASSIGN(phone, DecryptedOrEmpty(cipher_, rows, r, 8));
    f.phone = std::move(phone);
    f.expected_return = OptDate(rows, r, 9);
    f.fixed_place = rows.Int(r, 10) == 1;
    f.certificate_no = rows.Text(r, 11);
    f.cannot_transfer = rows.Int(r, 12) == 1;
    f.cannot_transfer_reason = rows.Text(r, 13);
    if (!rows.IsNull(r, 14) || !rows.Text(r, 16).empty())
        f.participating = core::member::ParticipatingOrg{rows.Int(r, 14), rows.Text(r, 16), OptDate(rows, r, 17)};
    rec.in_org_path = rows.Text(r, 15);
    f.returned_on = OptDate(rows, r, 18);
    f.return_note = rows.Text(r, 19);
    rec.version = rows.Int(r, 20);
    rec.created_by = rows.Int(r, 21);
    rec.last_report_on = OptDate(rows, r, 22);
    rec.name = rows.Text(r, 23);
    rec.sex = rows.Text(r, 24) == "female" ? core::member::Sex::kFemale : core::member::Sex::kMale;
    rec.birth_date = Date::Parse(rows.Text(r, 25)).value_or(Date());
    rec.category = rows.Text(r, 26) == "probationary" ? core::member::Category::kProbationary
                                                       : core::member::Category::kFull;
    rec.org_id = rows.Int(r, 27);
    rec.org_path = rows.Text(r, 28);
    rec.org_name = rows.Text(r, 29);
    return rec;
}

core::Result<std::vector<FloatingRecord>> SqlFloatingRepo::Many(const std::string& where, const SqlParams& params) {
    LX_ASSIGN(rows, c_.Query(std::string("SELECT ") + kCols + kFrom + " WHERE " + where, params));
    std::vector<FloatingRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        LX_ASSIGN(rec, FromRow(rows, r));
        out.push_back(std::move(rec));
    }
    return out;
}

core::Result<std::optional<FloatingRecord>> SqlFloatingRepo::Get(std::int64_t id) {
    LX_ASSIGN(found, Many("f.id = $1", {id}));
    if (found.empty()) return std::optional<FloatingRecord>{};
    return std::optional<FloatingRecord>{std::move(found.front())};
}

core::Result<std::vector<FloatingRecord>> SqlFloatingRepo::List(const core::ports::FloatingQuery& q) {
    SqlParams params;
    const char* path = q.inflow ? "f.in_org_path" : "m.org_path";
    std::string where = "(" + SubtreeFilter(path, q.scope_roots, params) + ")";
    if (!q.subtree.empty()) where += " AND (" + SubtreeFilter(path, {q.subtree}, params) + ")";
    // A member who left the registry (transferred out, removed) is no longer anyone's floating member.
    if (q.open_only) where += " AND f.returned_on IS NULL AND m.left_on IS NULL";
    if (q.member_id != 0) {
        params.emplace_back(q.member_id);
        where += " AND f.member_id = $" + std::to_string(params.size());
    }
    params.emplace_back(q.after_id);
    where += " AND f.id > $" + std::to_string(params.size()) + " ORDER BY f.id LIMIT " + std::to_string(q.limit);
    return Many(where, params);
}

core::Result<std::vector<FloatingRecord>> SqlFloatingRepo::OfMember(std::int64_t member_id) {
    return Many("f.member_id = $1 ORDER BY f.id DESC", {member_id});
}

core::Result<std::int64_t> SqlFloatingRepo::Insert(const FloatingRecord& rec, std::int64_t at) {
    LX_ASSIGN(open, c_.Query("SELECT count(*) FROM floating_records WHERE member_id = $1 AND returned_on IS NULL",
                             {rec.member_id}));
    if (open.Int(0, 0) != 0)
        return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", "open floating record"));
    const Floating& f = rec.facts;
    const auto& p = f.participating;
    LX_ASSIGN(rows, c_.Query(
        "INSERT INTO floating_records (member_id, left_on, reason, province, city, county, employer, phone_enc, "
        "expected_return, fixed_place, certificate_no, cannot_transfer, cannot_transfer_reason, in_org_id, in_org_path, "
        "in_org_name, in_since, returned_on, return_note, created_by, created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,"
        "$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$21) RETURNING id",
        {rec.member_id, f.left_on.ToString(), std::string(core::member::ToString(f.reason)), f.province, f.city,
         f.county, f.employer, EncryptedOrNull(cipher_, f.phone), DateOrNull(f.expected_return), Flag(f.fixed_place),
         f.certificate_no, Flag(f.cannot_transfer), f.cannot_transfer_reason, IdOrNull(p ? p->org_id : 0),
         rec.in_org_path, p ? p->name : std::string(), DateOrNull(p ? p->since : std::nullopt),
         DateOrNull(f.returned_on), f.return_note, rec.created_by, at}));
    return rows.Int(0, 0);
}

core::Status SqlFloatingRepo::Update(const FloatingRecord& rec, std::int64_t at) {
    const Floating& f = rec.facts;
    const auto& p = f.participating;
    LX_ASSIGN(changed, c_.Exec(
        "UPDATE floating_records SET left_on = $1, reason = $2, province = $3, city = $4, county = $5, employer = $6, "
        "phone_enc = $7, expected_return = $8, fixed_place = $9, certificate_no = $10, cannot_transfer = $11, "
        "cannot_transfer_reason = $12, in_org_id = $13, in_org_path = $14, in_org_name = $15, in_since = $16, "
        "returned_on = $17, return_note = $18, updated_at = $19, version = version + 1 WHERE id = $20 AND version = $21",
        {f.left_on.ToString(), std::string(core::member::ToString(f.reason)), f.province, f.city, f.county,
         f.employer, EncryptedOrNull(cipher_, f.phone), DateOrNull(f.expected_return), Flag(f.fixed_place),
         f.certificate_no, Flag(f.cannot_transfer), f.cannot_transfer_reason, IdOrNull(p ? p->org_id : 0),
         rec.in_org_path, p ? p->name : std::string(), DateOrNull(p ? p->since : std::nullopt),
         DateOrNull(f.returned_on), f.return_note, at, rec.id, rec.version}));
    if (changed != 1)
        return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", "floating record version"));
    return core::Ok();
}

core::Result<std::vector<FloatingNote>> SqlFloatingRepo::Notes(std::int64_t record_id) {
    LX_ASSIGN(rows, c_.Query(std::string("SELECT ") + kNoteCols +
                                 " FROM floating_notes WHERE record_id = $1 ORDER BY seq",
                             {record_id}));
    std::vector<FloatingNote> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        FloatingNote n;
        n.id = rows.Int(r, 0);
        n.seq = static_cast<int>(rows.Int(r, 1));
        n.report.kind = core::member::ParseFloatingReportKind(rows.Text(r, 2))
                            .value_or(core::member::FloatingReportKind::kContact);
        n.report.on = Date::Parse(rows.Text(r, 3)).value_or(Date());
        n.report.text = rows.Text(r, 4);
        n.side = rows.Text(r, 5);
        n.actor_user_id = rows.Int(r, 6);
        n.actor_name = rows.Text(r, 7);
        n.recorded_at = rows.Int(r, 8);
        out.push_back(std::move(n));
    }
    return out;
}

core::Status SqlFloatingRepo::AppendNote(std::int64_t record_id, const FloatingNote& n) {
    // Lock the record first so that two notes at once take turns for the next number (PostgreSQL row lock; SQLite
    // has one writer anyway).
    LX_CHECK(c_.Exec("UPDATE floating_records SET updated_at = updated_at WHERE id = $1", {record_id}));
    LX_ASSIGN(last, c_.Query("SELECT coalesce(max(seq), 0) FROM floating_notes WHERE record_id = $1", {record_id}));
    LX_CHECK(c_.Exec("INSERT INTO floating_notes (record_id, seq, kind, on_date, text, side, actor_user_id, actor_name, "
                     "recorded_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)",
                     {record_id, last.Int(0, 0) + 1, std::string(core::member::ToString(n.report.kind)),
                      n.report.on.ToString(), n.report.text, n.side, n.actor_user_id, n.actor_name, n.recorded_at}));
    return core::Ok();
}

core::Result<int> SqlFloatingRepo::FollowInflowOrg(std::int64_t from_org, const std::optional<core::org::Org>& to) {
    if (!to) {
        LX_ASSIGN(n, c_.Exec("UPDATE floating_records SET in_org_id = NULL, in_org_path = '', version = version + 1 "
                             "WHERE in_org_id = $1 AND returned_on IS NULL",
                             {from_org}));
        return static_cast<int>(n);
    }
    LX_ASSIGN(n, c_.Exec("UPDATE floating_records SET in_org_id = $1, in_org_path = $2, in_org_name = $3, "
                         "version = version + 1 WHERE in_org_id = $4 AND returned_on IS NULL",
                         {to->id, to->path, to->name, from_org}));
    return static_cast<int>(n);
}

core::Result<int> SqlFloatingRepo::RenameInflowOrg(std::int64_t org_id, const std::string& name) {
    LX_ASSIGN(n, c_.Exec("UPDATE floating_records SET in_org_name = $1 WHERE in_org_id = $2 AND returned_on IS NULL",
                         {name, org_id}));
    return static_cast<int>(n);
}

}  // namespace lianxin::storage
