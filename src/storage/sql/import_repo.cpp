// Member imports and their written rows (migration 0009).
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::ports::ImportRecord;
using core::ports::ImportRowRecord;

namespace {
constexpr const char* kCols =
    "i.id, i.org_id, i.org_path, o.name, i.file_name, i.file_sha256, i.created_by, i.created_by_name, i.created_at, "
    "i.rows_create, i.rows_update, i.rows_unchanged, i.rows_error, i.undone_at, i.undone_by, i.version, i.kind";

ImportRecord FromRow(const SqlRows& rows, std::size_t r) {
    ImportRecord i;
    i.id = rows.Int(r, 0);
    i.org_id = rows.Int(r, 1);
    i.org_path = rows.Text(r, 2);
    i.org_name = rows.Text(r, 3);
    i.file_name = rows.Text(r, 4);
    i.file_sha256 = rows.Text(r, 5);
    i.created_by = rows.Int(r, 6);
    i.created_by_name = rows.Text(r, 7);
    i.created_at = rows.Int(r, 8);
    i.counts = {static_cast<int>(rows.Int(r, 9)), static_cast<int>(rows.Int(r, 10)), static_cast<int>(rows.Int(r, 11)),
                static_cast<int>(rows.Int(r, 12))};
    i.undone = !rows.IsNull(r, 13);
    i.undone_at = rows.Int(r, 13);
    i.undone_by = rows.Int(r, 14);
    i.version = rows.Int(r, 15);
    i.kind = rows.Text(r, 16);
    return i;
}

// The replaced contact fields, separated by the unit separator (validated text holds no control characters).
constexpr char kSep = '\x1F';

std::string PriorText(const core::member::Member& m) {
    std::string skills;
    for (const auto& s : m.skills) skills += (skills.empty() ? "" : ",") + s;
    return m.phone + kSep + m.education + kSep + m.work_unit + kSep + m.address + kSep + skills;
}

core::member::Member PriorFromText(const std::string& text) {
    std::vector<std::string> parts(1);
    for (char c : text) {
        if (c == kSep) parts.emplace_back();
        else parts.back() += c;
    }
    parts.resize(5);
    core::member::Member m;
    m.phone = parts[0];
    m.education = parts[1];
    m.work_unit = parts[2];
    m.address = parts[3];
    std::string cur;
    for (char c : parts[4] + ",") {
        if (c != ',') cur += c;
        else if (!cur.empty()) m.skills.push_back(std::exchange(cur, ""));
    }
    return m;
}
}  // namespace

core::Result<std::int64_t> SqlImportRepo::Insert(const ImportRecord& r) {
    LX_ASSIGN(rows, c_.Query("INSERT INTO imports (org_id, org_path, file_name, file_sha256, created_by, created_by_name, "
                             "created_at, rows_create, rows_update, rows_unchanged, rows_error, kind) "
                             "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id",
                             {r.org_id, r.org_path, r.file_name, r.file_sha256, r.created_by, r.created_by_name,
                              r.created_at, std::int64_t{r.counts.create}, std::int64_t{r.counts.update},
                              std::int64_t{r.counts.unchanged}, std::int64_t{r.counts.error}, r.kind}));
    return rows.Int(0, 0);
}

core::Status SqlImportRepo::AppendRow(std::int64_t import_id, const ImportRowRecord& row) {
    SqlParam prior = row.created ? SqlParam{nullptr} : SqlParam{Blob{cipher_.Encrypt(PriorText(row.prior))}};
    LX_CHECK(c_.Exec("INSERT INTO import_rows (import_id, row_no, member_id, created, version_after, prior_enc) "
                     "VALUES ($1,$2,$3,$4,$5,$6)",
                     {import_id, std::int64_t{row.row}, row.member_id, std::int64_t{row.created ? 1 : 0},
                      row.version_after, prior}));
    return core::Ok();
}

core::Result<std::optional<ImportRecord>> SqlImportRepo::Get(std::int64_t id) {
    LX_ASSIGN(rows, c_.Query(std::string("SELECT ") + kCols + " FROM imports i JOIN orgs o ON o.id = i.org_id WHERE i.id = $1",
                             {id}));
    if (rows.empty()) return std::optional<ImportRecord>{};
    return std::optional<ImportRecord>{FromRow(rows, 0)};
}

core::Result<std::vector<ImportRecord>> SqlImportRepo::List(const core::ports::ImportQuery& q) {
    SqlParams params{q.kind};
    const std::string sql = std::string("SELECT ") + kCols + " FROM imports i JOIN orgs o ON o.id = i.org_id WHERE i.kind = $1 AND (" +
                            SubtreeFilter("i.org_path", q.scope_roots, params) + ") ORDER BY i.id DESC LIMIT " +
                            std::to_string(q.limit);
    LX_ASSIGN(rows, c_.Query(sql, params));
    std::vector<ImportRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(FromRow(rows, r));
    return out;
}

core::Result<std::vector<ImportRowRecord>> SqlImportRepo::Rows(std::int64_t import_id) {
    LX_ASSIGN(rows, c_.Query("SELECT row_no, member_id, created, version_after, prior_enc FROM import_rows "
                             "WHERE import_id = $1 ORDER BY row_no",
                             {import_id}));
    std::vector<ImportRowRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        ImportRowRecord row;
        row.row = static_cast<int>(rows.Int(r, 0));
        row.member_id = rows.Int(r, 1);
        row.created = rows.Int(r, 2) == 1;
        row.version_after = rows.Int(r, 3);
        LX_ASSIGN(prior, DecryptedOrEmpty(cipher_, rows, r, 4));
        if (!row.created) row.prior = PriorFromText(prior);
        out.push_back(std::move(row));
    }
    return out;
}

core::Status SqlImportRepo::MarkUndone(const ImportRecord& r) {
    LX_ASSIGN(changed, c_.Exec("UPDATE imports SET undone_at = $1, undone_by = $2, version = version + 1 "
                               "WHERE id = $3 AND version = $4 AND undone_at IS NULL",
                               {r.undone_at, r.undone_by, r.id, r.version}));
    if (changed != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", "import version"));
    return core::Ok();
}

core::Status SqlImportRepo::AppendOrg(std::int64_t import_id, const core::ports::ImportOrgRecord& row) {
    LX_CHECK(c_.Exec("INSERT INTO import_orgs (import_id, row_no, org_id) VALUES ($1,$2,$3)",
                     {import_id, std::int64_t{row.row}, row.org_id}));
    return core::Ok();
}

core::Result<std::vector<core::ports::ImportOrgRecord>> SqlImportRepo::Orgs(std::int64_t import_id) {
    LX_ASSIGN(rows, c_.Query("SELECT row_no, org_id FROM import_orgs WHERE import_id = $1 ORDER BY row_no", {import_id}));
    std::vector<core::ports::ImportOrgRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back({static_cast<int>(rows.Int(r, 0)), rows.Int(r, 1)});
    return out;
}

}  // namespace lianxin::storage
