// The floating-member register and its append-only notes (migration 0015). The outflow side is scoped by the
// member's current org (joined from members); the inflow side by the participating org's path.
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::member::Floating;
using core::ports::FloatingNote;
using core::ports::FloatingRecord;

namespace {
// The floating record row and the note row, written once (storage/sql/columns.hpp). A record is read with its
// last report's date and its member's facts, under names of their own.
constexpr std::string_view kFloatingNames[] = {"id",
                                               "member_id",
                                               "left_on",
                                               "reason",
                                               "province",
                                               "city",
                                               "county",
                                               "employer",
                                               "phone_enc",
                                               "expected_return",
                                               "fixed_place",
                                               "certificate_no",
                                               "cannot_transfer",
                                               "cannot_transfer_reason",
                                               "in_org_id",
                                               "in_org_path",
                                               "in_org_name",
                                               "in_since",
                                               "returned_on",
                                               "return_note",
                                               "version",
                                               "created_by",
                                               "created_at",
                                               "updated_at"};
constexpr Columns kFloating{"floating_records", kFloatingNames};
constexpr const char* kJoined =
    ", (SELECT max(n.on_date) FROM floating_notes n WHERE n.record_id = f.id AND n.kind = 'report') AS last_report_on, "
    "m.name AS member_name, m.sex AS member_sex, m.birth_date AS member_birth_date, m.category AS member_category, "
    "m.org_id AS member_org_id, m.org_path AS member_org_path, o.name AS member_org_name";
constexpr const char* kFrom =
    " FROM floating_records f JOIN members m ON m.id = f.member_id JOIN orgs o ON o.id = m.org_id";
constexpr std::string_view kNoteNames[] = {"id",   "record_id", "seq",           "kind",       "on_date",
                                           "text", "side",      "actor_user_id", "actor_name", "recorded_at"};
constexpr Columns kNote{"floating_notes", kNoteNames};

std::int64_t Flag(bool b) { return b ? 1 : 0; }

// The columns the use cases change, written by the insert and the update.
void SetFacts(SqlValues& v, const FloatingRecord& rec, const core::ports::FieldCipher& cipher) {
    const Floating& f = rec.facts;
    const auto& p = f.participating;
    v.Set("left_on", f.left_on.ToString()).Set("reason", std::string(core::member::ToString(f.reason)));
    v.Set("province", f.province).Set("city", f.city).Set("county", f.county).Set("employer", f.employer);
    v.Set("phone_enc", EncryptedOrNull(cipher, f.phone)).Set("expected_return", DateOrNull(f.expected_return));
    v.Set("fixed_place", Flag(f.fixed_place)).Set("certificate_no", f.certificate_no);
    v.Set("cannot_transfer", Flag(f.cannot_transfer)).Set("cannot_transfer_reason", f.cannot_transfer_reason);
    v.Set("in_org_id", IdOrNull(p ? p->org_id : 0)).Set("in_org_path", rec.in_org_path);
    v.Set("in_org_name", p ? p->name : std::string()).Set("in_since", DateOrNull(p ? p->since : std::nullopt));
    v.Set("returned_on", DateOrNull(f.returned_on)).Set("return_note", f.return_note);
}
}  // namespace

core::Result<FloatingRecord> SqlFloatingRepo::FromRow(const SqlRows& rows, std::size_t r) {
    const SqlRow row = rows.Row(r);
    FloatingRecord rec;
    rec.id = row.Int("id");
    rec.member_id = row.Int("member_id");
    Floating& f = rec.facts;
    f.left_on = DateOf(row, "left_on");
    f.reason = core::member::ParseFloatingReason(row.Text("reason")).value_or(core::member::FloatingReason::kOther);
    f.province = row.Text("province");
    f.city = row.Text("city");
    f.county = row.Text("county");
    f.employer = row.Text("employer");
    LX_ASSIGN(phone, DecryptedOrEmpty(cipher_, row, "phone_enc"));
    f.phone = std::move(phone);
    f.expected_return = OptDate(row, "expected_return");
    f.fixed_place = row.Int("fixed_place") == 1;
    f.certificate_no = row.Text("certificate_no");
    f.cannot_transfer = row.Int("cannot_transfer") == 1;
    f.cannot_transfer_reason = row.Text("cannot_transfer_reason");
    if (!row.IsNull("in_org_id") || !row.Text("in_org_name").empty())
        f.participating = core::member::ParticipatingOrg{row.Int("in_org_id"), row.Text("in_org_name"),
                                                         OptDate(row, "in_since")};
    rec.in_org_path = row.Text("in_org_path");
    f.returned_on = OptDate(row, "returned_on");
    f.return_note = row.Text("return_note");
    rec.version = row.Int("version");
    rec.created_by = row.Int("created_by");
    rec.last_report_on = OptDate(row, "last_report_on");
    rec.name = row.Text("member_name");
    rec.sex = row.Text("member_sex") == "female" ? core::member::Sex::kFemale : core::member::Sex::kMale;
    rec.birth_date = DateOf(row, "member_birth_date");
    rec.category = row.Text("member_category") == "probationary" ? core::member::Category::kProbationary
                                                                 : core::member::Category::kFull;
    rec.org_id = row.Int("member_org_id");
    rec.org_path = row.Text("member_org_path");
    rec.org_name = row.Text("member_org_name");
    return rec;
}

core::Result<std::vector<FloatingRecord>> SqlFloatingRepo::Many(const std::string& where, const SqlParams& params) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kFloating.Select("f") + kJoined + kFrom + " WHERE " + where, params));
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
    LX_ASSIGN(open, c_.Query("SELECT count(*) AS n FROM floating_records WHERE member_id = $1 AND returned_on IS NULL",
                             {rec.member_id}));
    if (open.Row(0).Int("n") != 0)
        return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", "open floating record"));
    SqlValues v(kFloating);
    v.Set("member_id", rec.member_id);
    SetFacts(v, rec, cipher_);
    v.Set("created_by", rec.created_by).Set("created_at", at).Set("updated_at", at);
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    return rows.Row(0).Int("id");
}

core::Status SqlFloatingRepo::Update(const FloatingRecord& rec, std::int64_t at) {
    SqlValues v(kFloating);
    SetFacts(v, rec, cipher_);
    v.Set("updated_at", at);
    const std::string where = " WHERE id = " + v.Param(rec.id) + " AND version = " + v.Param(rec.version);
    LX_ASSIGN(changed, c_.Exec(v.Update() + ", version = version + 1" + where, v.Params()));
    if (changed != 1)
        return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", "floating record version"));
    return core::Ok();
}

core::Result<std::vector<FloatingNote>> SqlFloatingRepo::Notes(std::int64_t record_id) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kNote.Select() + " FROM floating_notes WHERE record_id = $1 ORDER BY seq",
                             {record_id}));
    std::vector<FloatingNote> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        FloatingNote n;
        n.id = row.Int("id");
        n.seq = static_cast<int>(row.Int("seq"));
        n.report.kind = core::member::ParseFloatingReportKind(row.Text("kind"))
                            .value_or(core::member::FloatingReportKind::kContact);
        n.report.on = DateOf(row, "on_date");
        n.report.text = row.Text("text");
        n.side = row.Text("side");
        n.actor_user_id = row.Int("actor_user_id");
        n.actor_name = row.Text("actor_name");
        n.recorded_at = row.Int("recorded_at");
        out.push_back(std::move(n));
    }
    return out;
}

core::Status SqlFloatingRepo::AppendNote(std::int64_t record_id, const FloatingNote& n) {
    // Lock the record first so that two notes at once take turns for the next number (PostgreSQL row lock; SQLite
    // has one writer anyway).
    LX_CHECK(c_.Exec("UPDATE floating_records SET updated_at = updated_at WHERE id = $1", {record_id}));
    LX_ASSIGN(last,
              c_.Query("SELECT coalesce(max(seq), 0) AS seq FROM floating_notes WHERE record_id = $1", {record_id}));
    SqlValues v(kNote);
    v.Set("record_id", record_id).Set("seq", last.Row(0).Int("seq") + 1);
    v.Set("kind", std::string(core::member::ToString(n.report.kind))).Set("on_date", n.report.on.ToString());
    v.Set("text", n.report.text).Set("side", n.side).Set("actor_user_id", n.actor_user_id);
    v.Set("actor_name", n.actor_name).Set("recorded_at", n.recorded_at);
    LX_CHECK(c_.Exec(v.Insert(), v.Params()));
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
