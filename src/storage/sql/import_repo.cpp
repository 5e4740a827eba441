// Member imports and their written rows (migration 0009).
#include "core/member/field_spec.hpp"
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::ports::ImportRecord;
using core::ports::ImportRowRecord;

namespace {
// The import, import row and import org rows, written once (storage/sql/columns.hpp); an import is read with
// its org's name.
constexpr std::string_view kImportNames[] = {"id",          "org_id",      "org_path",        "file_name",
                                             "file_sha256", "created_by",  "created_by_name", "created_at",
                                             "rows_create", "rows_update", "rows_unchanged",  "rows_error",
                                             "undone_at",   "undone_by",   "version",         "kind"};
constexpr Columns kImport{"imports", kImportNames};
constexpr std::string_view kImportRowNames[] = {"import_id", "row_no",        "member_id",
                                                "created",   "version_after", "prior_enc"};
constexpr Columns kImportRow{"import_rows", kImportRowNames};
constexpr std::string_view kImportOrgNames[] = {"import_id", "row_no", "org_id"};
constexpr Columns kImportOrg{"import_orgs", kImportOrgNames};

std::string ImportSelect() {
    return "SELECT " + kImport.Select("i") +
           ", o.name AS org_name FROM imports i JOIN orgs o ON o.id = i.org_id WHERE ";
}

ImportRecord FromRow(const SqlRows& rows, std::size_t r) {
    const SqlRow row = rows.Row(r);
    ImportRecord i;
    i.id = row.Int("id");
    i.org_id = row.Int("org_id");
    i.org_path = row.Text("org_path");
    i.org_name = row.Text("org_name");
    i.file_name = row.Text("file_name");
    i.file_sha256 = row.Text("file_sha256");
    i.created_by = row.Int("created_by");
    i.created_by_name = row.Text("created_by_name");
    i.created_at = row.Int("created_at");
    i.counts = {static_cast<int>(row.Int("rows_create")), static_cast<int>(row.Int("rows_update")),
                static_cast<int>(row.Int("rows_unchanged")), static_cast<int>(row.Int("rows_error"))};
    i.undone = !row.IsNull("undone_at");
    i.undone_at = row.Int("undone_at");
    i.undone_by = row.Int("undone_by");
    i.version = row.Int("version");
    i.kind = row.Text("kind");
    return i;
}

// The replaced contact fields, separated by the unit separator (validated text holds no control characters).
constexpr char kSep = '\x1F';

// The fields an import may change, before it: phone, education, work unit, address and skills in five places
// (as rows written before the registry fields came from the spec keep them), then every registry field of the
// member spec as "name=value", so that an undo restores a field added to the spec (degree …) too.
std::string PriorText(const core::member::Member& m) {
    std::string skills;
    for (const auto& s : m.skills) skills += (skills.empty() ? "" : ",") + s;
    std::string text = m.phone + kSep + m.education + kSep + m.work_unit + kSep + m.address + kSep + skills;
    for (const auto& f : core::member::MemberFields())
        if (f.registry) text += kSep + std::string(f.name) + "=" + m.*f.registry;
    return text;
}

core::member::Member PriorFromText(const std::string& text) {
    std::vector<std::string> parts(1);
    for (char c : text) {
        if (c == kSep) parts.emplace_back();
        else parts.back() += c;
    }
    std::vector<std::string> named(parts.size() > 5 ? parts.begin() + 5 : parts.end(), parts.end());
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
    for (const auto& part : named) {
        const auto eq = part.find('=');
        for (const auto& f : core::member::MemberFields())
            if (f.registry && eq != std::string::npos && part.compare(0, eq, f.name) == 0 &&
                std::char_traits<char>::length(f.name) == eq)
                m.*f.registry = part.substr(eq + 1);
    }
    return m;
}
}  // namespace

core::Result<std::int64_t> SqlImportRepo::Insert(const ImportRecord& r) {
    SqlValues v(kImport);
    v.Set("org_id", r.org_id).Set("org_path", r.org_path).Set("file_name", r.file_name);
    v.Set("file_sha256", r.file_sha256).Set("created_by", r.created_by).Set("created_by_name", r.created_by_name);
    v.Set("created_at", r.created_at).Set("rows_create", std::int64_t{r.counts.create});
    v.Set("rows_update", std::int64_t{r.counts.update}).Set("rows_unchanged", std::int64_t{r.counts.unchanged});
    v.Set("rows_error", std::int64_t{r.counts.error}).Set("kind", r.kind);
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    return rows.Row(0).Int("id");
}

core::Status SqlImportRepo::AppendRow(std::int64_t import_id, const ImportRowRecord& row) {
    SqlParam prior = row.created ? SqlParam{nullptr} : SqlParam{Blob{cipher_.Encrypt(PriorText(row.prior))}};
    SqlValues v(kImportRow);
    v.Set("import_id", import_id).Set("row_no", std::int64_t{row.row}).Set("member_id", row.member_id);
    v.Set("created", std::int64_t{row.created ? 1 : 0}).Set("version_after", row.version_after);
    v.Set("prior_enc", prior);
    LX_CHECK(c_.Exec(v.Insert(), v.Params()));
    return core::Ok();
}

core::Result<std::optional<ImportRecord>> SqlImportRepo::Get(std::int64_t id) {
    LX_ASSIGN(rows, c_.Query(ImportSelect() + "i.id = $1", {id}));
    if (rows.empty()) return std::optional<ImportRecord>{};
    return std::optional<ImportRecord>{FromRow(rows, 0)};
}

core::Result<std::vector<ImportRecord>> SqlImportRepo::List(const core::ports::ImportQuery& q) {
    SqlParams params{q.kind};
    const std::string sql = ImportSelect() + "i.kind = $1 AND (" + SubtreeFilter("i.org_path", q.scope_roots, params) +
                            ") ORDER BY i.id DESC LIMIT " + std::to_string(q.limit);
    LX_ASSIGN(rows, c_.Query(sql, params));
    std::vector<ImportRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(FromRow(rows, r));
    return out;
}

core::Result<std::vector<ImportRowRecord>> SqlImportRepo::Rows(std::int64_t import_id) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kImportRow.Select() + " FROM import_rows WHERE import_id = $1 ORDER BY row_no",
                             {import_id}));
    std::vector<ImportRowRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow cells = rows.Row(r);
        ImportRowRecord row;
        row.row = static_cast<int>(cells.Int("row_no"));
        row.member_id = cells.Int("member_id");
        row.created = cells.Int("created") == 1;
        row.version_after = cells.Int("version_after");
        LX_ASSIGN(prior, DecryptedOrEmpty(cipher_, cells, "prior_enc"));
        if (!row.created) row.prior = PriorFromText(prior);
        out.push_back(std::move(row));
    }
    return out;
}

core::Status SqlImportRepo::MarkUndone(const ImportRecord& r) {
    SqlValues v(kImport);
    v.Set("undone_at", r.undone_at).Set("undone_by", r.undone_by);
    const std::string where = " WHERE id = " + v.Param(r.id) + " AND version = " + v.Param(r.version);
    LX_ASSIGN(changed, c_.Exec(v.Update() + ", version = version + 1" + where + " AND undone_at IS NULL", v.Params()));
    if (changed != 1)
        return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", "import version"));
    return core::Ok();
}

core::Status SqlImportRepo::AppendOrg(std::int64_t import_id, const core::ports::ImportOrgRecord& row) {
    SqlValues v(kImportOrg);
    v.Set("import_id", import_id).Set("row_no", std::int64_t{row.row}).Set("org_id", row.org_id);
    LX_CHECK(c_.Exec(v.Insert(), v.Params()));
    return core::Ok();
}

core::Result<std::vector<core::ports::ImportOrgRecord>> SqlImportRepo::Orgs(std::int64_t import_id) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kImportOrg.Select() + " FROM import_orgs WHERE import_id = $1 ORDER BY row_no",
                             {import_id}));
    std::vector<core::ports::ImportOrgRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r)
        out.push_back({static_cast<int>(rows.Row(r).Int("row_no")), rows.Row(r).Int("org_id")});
    return out;
}

}  // namespace lianxin::storage
