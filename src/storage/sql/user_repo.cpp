#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::ports::User;
using core::ports::UserStatus;

namespace {
// The user row and the role grant row, written once (storage/sql/columns.hpp).
constexpr std::string_view kUserNames[] = {"id",         "username",         "display_name",  "password_hash",
                                           "status",     "totp_secret_enc",  "totp_enrolled", "totp_last_step",
                                           "failures",   "first_failure_at", "locked_until",  "member_id",
                                           "created_at", "version"};
constexpr Columns kUser{"users", kUserNames};
constexpr std::string_view kGrantNames[] = {"id",       "user_id",    "role",       "org_id",
                                            "org_path", "granted_by", "granted_at", "overlay_unit_id"};
constexpr Columns kGrant{"role_grants", kGrantNames};

std::string StatusText(UserStatus s) {
    switch (s) {
        case UserStatus::kPending:
            return "pending";
        case UserStatus::kActive:
            return "active";
        case UserStatus::kDisabled:
            return "disabled";
    }
    return "disabled";
}

User UserFromRow(const SqlRows& rows, std::size_t r) {
    const SqlRow row = rows.Row(r);
    User u;
    u.id = row.Int("id");
    u.username = row.Text("username");
    u.display_name = row.Text("display_name");
    u.password_hash = row.Text("password_hash");
    const auto& st = row.Text("status");
    u.status = st == "active" ? UserStatus::kActive : st == "pending" ? UserStatus::kPending : UserStatus::kDisabled;
    u.totp_secret_enc = row.Text("totp_secret_enc");
    u.totp_enrolled = row.Int("totp_enrolled") != 0;
    u.totp_last_step = row.Int("totp_last_step");
    u.failures.failures = static_cast<int>(row.Int("failures"));
    u.failures.first_failure_at = row.Int("first_failure_at");
    u.failures.locked_until = row.Int("locked_until");
    u.member_id = row.Int("member_id");
    u.created_at = row.Int("created_at");
    u.version = row.Int("version");
    return u;
}
}  // namespace

core::Status SqlUserRepo::LoadGrants(User& u) {
    LX_ASSIGN(rows,
              c_.Query("SELECT " + kGrant.Select("g") +
                           ", o.name AS org_name, ou.name AS overlay_unit_name FROM role_grants g "
                           "JOIN orgs o ON o.id = g.org_id LEFT JOIN overlay_units ou ON ou.id = g.overlay_unit_id "
                           "WHERE g.user_id = $1 ORDER BY g.id",
                       {u.id}));
    // The grids of the grid grants (migration 0032).
    LX_ASSIGN(grids, c_.Query("SELECT gg.grant_id, gg.grid_id FROM role_grant_grids gg JOIN role_grants g ON "
                              "g.id = gg.grant_id WHERE g.user_id = $1 ORDER BY gg.grant_id, gg.grid_id",
                              {u.id}));
    u.grants.clear();
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        auto role = core::auth::ParseRole(row.Text("role"));
        if (!role) continue;  // a role this build no longer knows grants nothing
        core::auth::Grant g{row.Int("id"), *role, row.Int("org_id"), row.Text("org_path"), row.Text("org_name")};
        g.overlay_unit_id = row.Int("overlay_unit_id");
        g.overlay_unit_name = row.Text("overlay_unit_name");
        for (std::size_t k = 0; k < grids.size(); ++k)
            if (grids.Row(k).Int("grant_id") == g.id) g.grid_ids.push_back(grids.Row(k).Int("grid_id"));
        u.grants.push_back(std::move(g));
    }
    return core::Ok();
}

core::Result<std::optional<User>> SqlUserRepo::One(std::string_view where, const SqlParams& params) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kUser.Select() + " FROM users WHERE " + std::string(where), params));
    if (rows.empty()) return std::optional<User>{};
    User u = UserFromRow(rows, 0);
    LX_CHECK(LoadGrants(u));
    return std::optional<User>{std::move(u)};
}

core::Result<std::optional<User>> SqlUserRepo::Get(std::int64_t id) { return One("id = $1", {id}); }

core::Result<std::optional<User>> SqlUserRepo::GetByUsername(const std::string& username) {
    return One("username = $1", {username});
}

core::Result<std::optional<User>> SqlUserRepo::GetByMember(std::int64_t member_id) {
    return One("member_id = $1", {member_id});
}

core::Result<std::vector<User>> SqlUserRepo::List(const core::ports::UserQuery& q) {
    SqlParams params;
    std::string scope = SubtreeFilter("g.org_path", q.scope_roots, params);
    if (!q.subtree.empty()) scope += " AND " + SubtreeFilter("g.org_path", {q.subtree}, params);
    std::string sql = "SELECT " + kUser.Select() +
                      " FROM users WHERE (id IN (SELECT g.user_id FROM role_grants g "
                      "WHERE " +
                      scope + ")";
    if (q.include_ungranted && q.subtree.empty())
        sql += " OR NOT EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = users.id)";
    sql += ")";
    if (!q.q.empty()) {
        params.emplace_back(ContainsPattern(q.q));
        std::string p = "$" + std::to_string(params.size());
        sql += " AND (username LIKE " + p + " ESCAPE '\\' OR display_name LIKE " + p + " ESCAPE '\\')";
    }
    params.emplace_back(q.after_id);
    sql += " AND id > $" + std::to_string(params.size()) + " ORDER BY id LIMIT " + std::to_string(q.limit);
    LX_ASSIGN(rows, c_.Query(sql, params));
    std::vector<User> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        User u = UserFromRow(rows, r);
        LX_CHECK(LoadGrants(u));
        out.push_back(std::move(u));
    }
    return out;
}

core::Result<std::int64_t> SqlUserRepo::Insert(const User& u) {
    SqlValues v(kUser);
    v.Set("username", u.username).Set("display_name", u.display_name).Set("password_hash", u.password_hash);
    v.Set("status", StatusText(u.status)).Set("member_id", IdOrNull(u.member_id)).Set("created_at", u.created_at);
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    return rows.Row(0).Int("id");
}

core::Status SqlUserRepo::Update(const User& u) {
    SqlParam secret = u.totp_secret_enc.empty() ? SqlParam{nullptr} : SqlParam{Blob{u.totp_secret_enc}};
    SqlValues v(kUser);
    v.Set("display_name", u.display_name).Set("password_hash", u.password_hash).Set("status", StatusText(u.status));
    v.Set("totp_secret_enc", secret).Set("totp_enrolled", std::int64_t{u.totp_enrolled ? 1 : 0});
    v.Set("totp_last_step", u.totp_last_step).Set("failures", std::int64_t{u.failures.failures});
    v.Set("first_failure_at", u.failures.first_failure_at).Set("locked_until", u.failures.locked_until);
    v.Set("member_id", IdOrNull(u.member_id));
    const std::string where = " WHERE id = " + v.Param(u.id) + " AND version = " + v.Param(u.version);
    LX_ASSIGN(changed, c_.Exec(v.Update() + ", version = version + 1" + where, v.Params()));
    if (changed == 0) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "user.changed_concurrently"));
    return core::Ok();
}

core::Result<std::int64_t> SqlUserRepo::CountAll() {
    LX_ASSIGN(rows, c_.Query("SELECT count(*) AS n FROM users"));
    return rows.Row(0).Int("n");
}

core::Result<std::int64_t> SqlUserRepo::AddGrant(std::int64_t user_id, const core::auth::Grant& g,
                                                 std::int64_t granted_by, std::int64_t at) {
    SqlValues v(kGrant);
    v.Set("user_id", user_id).Set("role", std::string(core::auth::Info(g.role).key)).Set("org_id", g.org_id);
    v.Set("org_path", g.org_path).Set("granted_by", IdOrNull(granted_by)).Set("granted_at", at);
    v.Set("overlay_unit_id", IdOrNull(g.overlay_unit_id));
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    const auto id = rows.Row(0).Int("id");
    for (auto grid_id : g.grid_ids)
        LX_CHECK(c_.Exec("INSERT INTO role_grant_grids (grant_id, grid_id) VALUES ($1, $2)", {id, grid_id}));
    return id;
}

core::Status SqlUserRepo::RemoveGrant(std::int64_t user_id, std::int64_t grant_id) {
    LX_ASSIGN(n, c_.Exec("DELETE FROM role_grants WHERE id = $1 AND user_id = $2", {grant_id, user_id}));
    if (n == 0) return core::Fail(core::NotFound("grant"));
    return core::Ok();
}

}  // namespace lianxin::storage
