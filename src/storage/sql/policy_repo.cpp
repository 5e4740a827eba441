// The policy store (migration 0023; core/policy/policies.hpp).
#include "storage/sql/sql_repos.hpp"

#include "core/org/org.hpp"

namespace lianxin::storage {

using core::Date;
using core::policy::Setting;

namespace {
// One column list for the reader, the SELECTs and the INSERT (id is generated).
constexpr const char* kCols = "id, key, org_id, org_path, valid_from, valid_to, value, doc, set_by, set_by_name, set_at";
constexpr const char* kInsertCols = "key, org_id, org_path, valid_from, valid_to, value, doc, set_by, set_by_name, set_at";

core::Result<std::vector<Setting>> Read(SqlConn& c, const std::string& where, const SqlParams& params) {
    LX_ASSIGN(rows, c.Query(std::string("SELECT ") + kCols + " FROM policies " + where +
                                " ORDER BY key, org_path, valid_from, id",
                            params));
    std::vector<Setting> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto* spec = core::policy::Find(rows.Text(r, 1));
        if (!spec) continue;  // a key the catalogue no longer has
        auto value = core::policy::ParseValue(*spec, rows.Text(r, 6));
        if (!value) continue;  // out of today's bounds: the default holds (bounds only ever widen)
        Setting s;
        s.id = rows.Int(r, 0);
        s.key = rows.Text(r, 1);
        s.org_id = rows.Int(r, 2);
        s.org_path = rows.Text(r, 3);
        s.valid_from = Date::Parse(rows.Text(r, 4)).value_or(Date());
        s.valid_to = OptDate(rows, r, 5);
        s.value = *value;
        s.doc = rows.Text(r, 7);
        s.set_by = rows.Int(r, 8);
        s.set_by_name = rows.Text(r, 9);
        s.set_at = rows.Int(r, 10);
        out.push_back(std::move(s));
    }
    return out;
}
}  // namespace

core::Result<std::vector<Setting>> SqlPolicyRepo::ForPath(const std::string& org_path) {
    SqlParams params;
    std::string in;
    std::string path = "/";
    for (auto id : core::org::PathIds(org_path)) {
        path += std::to_string(id) + "/";
        params.push_back(path);
        in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
    }
    if (params.empty()) return std::vector<Setting>{};
    return Read(c_, "WHERE org_path IN (" + in + ")", params);
}

core::Result<std::vector<Setting>> SqlPolicyRepo::OfOrg(std::int64_t org_id, const std::string& key) {
    if (key.empty()) return Read(c_, "WHERE org_id = $1", {org_id});
    return Read(c_, "WHERE org_id = $1 AND key = $2", {org_id, key});
}

core::Result<std::vector<Setting>> SqlPolicyRepo::All() { return Read(c_, "", {}); }

core::Result<std::int64_t> SqlPolicyRepo::Insert(const Setting& s) {
    const auto* spec = core::policy::Find(s.key);
    if (!spec) return core::Fail(core::InvalidField("key", "policy.key.unknown"));
    LX_ASSIGN(rows, c_.Query(std::string("INSERT INTO policies (") + kInsertCols +
                                 ") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id",
                             {s.key, s.org_id, s.org_path, s.valid_from.ToString(),
                              s.valid_to ? SqlParam{s.valid_to->ToString()} : SqlParam{nullptr},
                              core::policy::FormatValue(*spec, s.value), s.doc, s.set_by, s.set_by_name, s.set_at}));
    return rows.Int(0, 0);
}

core::Status SqlPolicyRepo::Close(std::int64_t id, const Date& valid_to) {
    LX_ASSIGN(n, c_.Exec("UPDATE policies SET valid_to = $1 WHERE id = $2", {valid_to.ToString(), id}));
    if (n != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", "policy close"));
    return core::Ok();
}

}  // namespace lianxin::storage
