// The policy store (migration 0023; core/policy/policies.hpp).
#include "storage/sql/sql_repos.hpp"

#include "core/org/org.hpp"

namespace lianxin::storage {

using core::Date;
using core::policy::Setting;

namespace {
// The policy row, written once (storage/sql/columns.hpp): the reader, the SELECTs and the INSERT.
constexpr std::string_view kPolicyNames[] = {"id",    "key", "org_id", "org_path",    "valid_from", "valid_to",
                                             "value", "doc", "set_by", "set_by_name", "set_at"};
constexpr Columns kPolicy{"policies", kPolicyNames};

core::Result<std::vector<Setting>> Read(SqlConn& c, const std::string& where, const SqlParams& params) {
    LX_ASSIGN(rows, c.Query("SELECT " + kPolicy.Select() + " FROM policies " + where +
                                " ORDER BY key, org_path, valid_from, id",
                            params));
    std::vector<Setting> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        const auto* spec = core::policy::Find(row.Text("key"));
        if (!spec) continue;  // a key the catalogue no longer has
        auto value = core::policy::ParseValue(*spec, row.Text("value"));
        if (!value) continue;  // out of today's bounds: the default holds (bounds only ever widen)
        Setting s;
        s.id = row.Int("id");
        s.key = row.Text("key");
        s.org_id = row.Int("org_id");
        s.org_path = row.Text("org_path");
        s.valid_from = DateOf(row, "valid_from");
        s.valid_to = OptDate(row, "valid_to");
        s.value = *value;
        s.doc = row.Text("doc");
        s.set_by = row.Int("set_by");
        s.set_by_name = row.Text("set_by_name");
        s.set_at = row.Int("set_at");
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
    SqlValues v(kPolicy);
    v.Set("key", s.key).Set("org_id", s.org_id).Set("org_path", s.org_path).Set("valid_from", s.valid_from.ToString());
    v.Set("valid_to", DateOrNull(s.valid_to)).Set("value", core::policy::FormatValue(*spec, s.value)).Set("doc", s.doc);
    v.Set("set_by", s.set_by).Set("set_by_name", s.set_by_name).Set("set_at", s.set_at);
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    return rows.Row(0).Int("id");
}

core::Status SqlPolicyRepo::Close(std::int64_t id, const Date& valid_to) {
    LX_ASSIGN(n, c_.Exec("UPDATE policies SET valid_to = $1 WHERE id = $2", {valid_to.ToString(), id}));
    if (n != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", "policy close"));
    return core::Ok();
}

}  // namespace lianxin::storage
