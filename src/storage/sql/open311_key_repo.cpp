// Open311 api keys (migration 0039; core/ports/open311_records.hpp): rows by name, the org's name joined in.
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::ports::Open311Key;

namespace {
constexpr std::string_view kKeyNames[] = {"id",         "org_id",     "org_path",   "name",
                                          "key_hash",   "last4",      "created_by", "created_by_name",
                                          "created_at", "revoked_at", "revoked_by", "last_used_at"};
constexpr Columns kKey{"open311_keys", kKeyNames};

std::optional<std::int64_t> OptInstant(const SqlRow& row, std::string_view column) {
    return row.IsNull(column) ? std::nullopt : std::optional<std::int64_t>(row.Int(column));
}
}  // namespace

const Columns& Open311KeyColumns() { return kKey; }

core::Result<std::vector<Open311Key>> SqlOpen311KeyRepo::Read(const std::string& where, const SqlParams& params) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kKey.Select("k") +
                                 ", o.name AS org_name FROM open311_keys k "
                                 "JOIN orgs o ON o.id = k.org_id " +
                                 where,
                             params));
    std::vector<Open311Key> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        Open311Key k;
        k.id = row.Int("id");
        k.org_id = row.Int("org_id");
        k.org_path = row.Text("org_path");
        k.org_name = row.Text("org_name");
        k.name = row.Text("name");
        k.key_hash = row.Text("key_hash");
        k.last4 = row.Text("last4");
        k.created_by = row.Int("created_by");
        k.created_by_name = row.Text("created_by_name");
        k.created_at = row.Int("created_at");
        k.revoked_at = OptInstant(row, "revoked_at");
        k.revoked_by = row.Int("revoked_by");
        k.last_used_at = OptInstant(row, "last_used_at");
        out.push_back(std::move(k));
    }
    return out;
}

core::Result<std::int64_t> SqlOpen311KeyRepo::Insert(const Open311Key& k) {
    SqlValues v(kKey);
    v.Set("org_id", k.org_id).Set("org_path", k.org_path).Set("name", k.name).Set("key_hash", k.key_hash);
    v.Set("last4", k.last4).Set("created_by", k.created_by).Set("created_by_name", k.created_by_name);
    v.Set("created_at", k.created_at);
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    return rows.Row(0).Int("id");
}

core::Result<std::optional<Open311Key>> SqlOpen311KeyRepo::Get(std::int64_t id) {
    LX_ASSIGN(found, Read("WHERE k.id = $1", {id}));
    if (found.empty()) return std::optional<Open311Key>{};
    return std::optional<Open311Key>(std::move(found.front()));
}

core::Result<std::optional<Open311Key>> SqlOpen311KeyRepo::ByHash(const std::string& key_hash) {
    LX_ASSIGN(found, Read("WHERE k.key_hash = $1", {key_hash}));
    if (found.empty()) return std::optional<Open311Key>{};
    return std::optional<Open311Key>(std::move(found.front()));
}

core::Result<std::vector<Open311Key>> SqlOpen311KeyRepo::List(const std::vector<std::string>& scope_roots) {
    SqlParams params;
    const std::string where = "WHERE " + SubtreeFilter("k.org_path", scope_roots, params) + " ORDER BY k.id DESC";
    return Read(where, params);
}

core::Result<bool> SqlOpen311KeyRepo::Revoke(std::int64_t id, std::int64_t by, std::int64_t at) {
    LX_ASSIGN(n,
              c_.Exec("UPDATE open311_keys SET revoked_at = $1, revoked_by = $2 WHERE id = $3 AND revoked_at IS NULL",
                      {at, by, id}));
    return n == 1;
}

core::Status SqlOpen311KeyRepo::Used(std::int64_t id, std::int64_t at) {
    LX_CHECK(c_.Exec("UPDATE open311_keys SET last_used_at = $1 WHERE id = $2", {at, id}));
    return core::Ok();
}

}  // namespace lianxin::storage
