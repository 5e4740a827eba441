#include "core/org/org.hpp"
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::org::Org;
using core::ports::OrgView;

namespace {
// The org row, written once (storage/sql/columns.hpp).
constexpr std::string_view kOrgNames[] = {"id",       "parent_id",  "path",           "name",        "short_name",
                                          "org_type", "place_kind", "place_name",     "region_code", "valid_from",
                                          "valid_to", "version",    "predecessor_id", "created_at"};
constexpr Columns kOrg{"orgs", kOrgNames};

Org OrgFromRow(const SqlRows& rows, std::size_t r) {
    const SqlRow row = rows.Row(r);
    Org o;
    o.id = row.Int("id");
    o.parent_id = row.Int("parent_id");
    o.path = row.Text("path");
    o.name = row.Text("name");
    o.short_name = row.Text("short_name");
    o.type = core::org::ParseOrgType(row.Text("org_type")).value_or(core::org::OrgType::kBranch);
    o.place_kind = core::org::ParsePlaceKind(row.Text("place_kind")).value_or(core::org::PlaceKind::kNone);
    o.place_name = row.Text("place_name");
    o.region_code = row.Text("region_code");
    o.valid_from = DateOf(row, "valid_from");
    if (!row.IsNull("valid_to")) o.valid_to = Date::Parse(row.Text("valid_to"));
    o.version = row.Int("version");
    o.predecessor_id = row.Int("predecessor_id");
    return o;
}

const char* kValidOn = "valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)";
}  // namespace

std::optional<Date> OptDate(const SqlRow& row, std::string_view column) {
    if (row.IsNull(column)) return std::nullopt;
    return Date::Parse(row.Text(column));
}

Date DateOf(const SqlRow& row, std::string_view column) { return Date::Parse(row.Text(column)).value_or(Date()); }

const Columns& OrgColumns() { return kOrg; }

SqlParam DateOrNull(const std::optional<Date>& d) { return d ? SqlParam{d->ToString()} : SqlParam{nullptr}; }

SqlParam EncryptedOrNull(const core::ports::FieldCipher& cipher, const std::string& plain) {
    return plain.empty() ? SqlParam{nullptr} : SqlParam{Blob{cipher.Encrypt(plain)}};
}

SqlParam IndexOrNull(const core::ports::FieldCipher& cipher, const std::string& plain) {
    return plain.empty() ? SqlParam{nullptr} : SqlParam{Blob{cipher.BlindIndex(plain)}};
}

core::Result<std::string> DecryptedOrEmpty(const core::ports::FieldCipher& cipher, const SqlRow& row,
                                           std::string_view column) {
    if (row.IsNull(column)) return std::string();
    return cipher.Decrypt(row.Text(column));
}

std::string ContainsPattern(std::string_view text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

std::string SubtreeFilter(std::string_view column, const std::vector<std::string>& roots, SqlParams& params) {
    if (roots.empty()) return "1=0";
    std::string sql = "(";
    for (size_t i = 0; i < roots.size(); ++i) {
        auto [lo, hi] = core::org::SubtreeRange(roots[i]);
        params.emplace_back(lo);
        size_t lo_idx = params.size();
        params.emplace_back(hi);
        if (i) sql += " OR ";
        sql += "(" + std::string(column) + " >= $" + std::to_string(lo_idx) + " AND " + std::string(column) + " < $" +
               std::to_string(lo_idx + 1) + ")";
    }
    return sql + ")";
}

core::Result<std::optional<Org>> SqlOrgRepo::Get(std::int64_t id) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kOrg.Select() + " FROM orgs WHERE id = $1", {id}));
    if (rows.empty()) return std::optional<Org>{};
    return std::optional<Org>{OrgFromRow(rows, 0)};
}

core::Result<OrgView> SqlOrgRepo::WithCounts(Org o, const Date& as_of) {
    auto [lo, hi] = core::org::SubtreeRange(o.path);
    LX_ASSIGN(children, c_.Query(std::string("SELECT count(*) AS n FROM orgs WHERE parent_id = $1 AND ") + kValidOn,
                                 {o.id, as_of.ToString()}));
    // Members of the subtree on the day: their affiliation then, joined by then and not yet left.
    LX_ASSIGN(members, c_.Query("SELECT count(*) AS n FROM " + AffiliatedOn("org_path >= $1 AND org_path < $2", "$3") +
                                    " WHERE status = 'normal' AND (left_on IS NULL OR left_on > $3) AND "
                                    "(join_date IS NULL OR join_date <= $3)",
                                {lo, hi, as_of.ToString()}));
    OrgView v;
    v.org = std::move(o);
    v.child_count = children.Row(0).Int("n");
    v.member_count = members.Row(0).Int("n");
    return v;
}

core::Result<std::vector<OrgView>> SqlOrgRepo::Children(std::int64_t parent_id, const Date& as_of) {
    LX_ASSIGN(rows,
              c_.Query("SELECT " + kOrg.Select() + " FROM orgs WHERE parent_id = $1 AND " + kValidOn + " ORDER BY id",
                       {parent_id, as_of.ToString()}));
    std::vector<OrgView> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        LX_ASSIGN(v, WithCounts(OrgFromRow(rows, r), as_of));
        out.push_back(std::move(v));
    }
    return out;
}

core::Result<std::vector<OrgView>> SqlOrgRepo::ByPaths(const std::vector<std::string>& paths, const Date& as_of) {
    std::vector<OrgView> out;
    for (const auto& p : paths) {
        LX_ASSIGN(rows, c_.Query("SELECT " + kOrg.Select() + " FROM orgs WHERE path = $1 AND " + kValidOn,
                                 {p, as_of.ToString()}));
        if (rows.empty()) continue;
        LX_ASSIGN(v, WithCounts(OrgFromRow(rows, 0), as_of));
        out.push_back(std::move(v));
    }
    return out;
}

core::Result<std::int64_t> SqlOrgRepo::Insert(const Org& o) {
    std::string parent_path = "/";
    if (o.parent_id != 0) {
        LX_ASSIGN(parent, Get(o.parent_id));
        if (!parent) return core::Fail(core::InvalidField("parent_id", "org.parent_missing"));
        parent_path = parent->path;
    }
    // The path holds the new id, so take the id first (SQLite: one writer; PostgreSQL: the sequence).
    LX_ASSIGN(next,
              c_.Query(c_.dialect() == Dialect::kPostgres ? "SELECT nextval(pg_get_serial_sequence('orgs', 'id')) AS id"
                                                          : "SELECT coalesce(max(id), 0) + 1 AS id FROM orgs"));
    const std::int64_t id = next.Row(0).Int("id");
    SqlValues v(kOrg);
    v.Set("id", id).Set("parent_id", IdOrNull(o.parent_id)).Set("path", core::org::ChildPath(parent_path, id));
    v.Set("name", o.name).Set("short_name", o.short_name).Set("org_type", std::string(ToString(o.type)));
    v.Set("place_kind", std::string(ToString(o.place_kind))).Set("place_name", o.place_name);
    v.Set("region_code", o.region_code)
        .Set("valid_from", o.valid_from.ToString())
        .Set("valid_to", DateOrNull(o.valid_to));
    v.Set("created_at", std::int64_t{0}).Set("predecessor_id", IdOrNull(o.predecessor_id));
    LX_CHECK(c_.Exec(v.Insert(), v.Params()));
    return id;
}

core::Result<std::int64_t> SqlOrgRepo::CountAll() {
    LX_ASSIGN(rows, c_.Query("SELECT count(*) AS n FROM orgs"));
    return rows.Row(0).Int("n");
}

core::Result<std::vector<Org>> SqlOrgRepo::Roots() {
    LX_ASSIGN(rows, c_.Query("SELECT " + kOrg.Select() + " FROM orgs WHERE parent_id IS NULL ORDER BY id"));
    std::vector<Org> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(OrgFromRow(rows, r));
    return out;
}

core::Result<std::vector<Org>> SqlOrgRepo::FindByName(const std::string& text, const Date& as_of, int limit) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kOrg.Select() + " FROM orgs WHERE name LIKE $1 ESCAPE '\\' AND " + kValidOn +
                                 " ORDER BY length(name), id LIMIT " + std::to_string(limit),
                             {ContainsPattern(text), as_of.ToString()}));
    std::vector<Org> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(OrgFromRow(rows, r));
    return out;
}

core::Result<std::vector<Org>> SqlOrgRepo::InSubtree(const std::string& path, const Date& as_of) {
    SqlParams params{as_of.ToString()};
    const auto date = "$1";
    LX_ASSIGN(rows, c_.Query("SELECT " + kOrg.Select() + " FROM orgs WHERE " + SubtreeFilter("path", {path}, params) +
                                 " AND valid_from <= " + date + " AND (valid_to IS NULL OR valid_to > " + date +
                                 ") ORDER BY path",
                             params));
    std::vector<Org> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(OrgFromRow(rows, r));
    return out;
}

}  // namespace lianxin::storage
