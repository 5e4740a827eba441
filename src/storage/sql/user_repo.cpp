#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::ports::User;
using core::ports::UserStatus;

namespace {
constexpr const char* kCols =
    "id, username, display_name, password_hash, status, totp_secret_enc, totp_enrolled, totp_last_step, failures, "
    "first_failure_at, locked_until, member_id, created_at, version";

std::string StatusText(UserStatus s) {
    switch (s) {
        case UserStatus::kPending: return "pending";
        case UserStatus::kActive: return "active";
        case UserStatus::kDisabled: return "disabled";
    }
    return "disabled";
}

User UserFromRow(const SqlRows& rows, std::size_t r) {
    User u;
    u.id = rows.Int(r, 0);
    u.username = rows.Text(r, 1);
    u.display_name = rows.Text(r, 2);
    u.password_hash = rows.Text(r, 3);
    const auto& st = rows.Text(r, 4);
    u.status = st == "active" ? UserStatus::kActive : st == "pending" ? UserStatus::kPending : UserStatus::kDisabled;
    u.totp_secret_enc = rows.Text(r, 5);
    u.totp_enrolled = rows.Int(r, 6) != 0;
    u.totp_last_step = rows.Int(r, 7);
    u.failures.failures = static_cast<int>(rows.Int(r, 8));
    u.failures.first_failure_at = rows.Int(r, 9);
    u.failures.locked_until = rows.Int(r, 10);
    u.member_id = rows.Int(r, 11);
    u.created_at = rows.Int(r, 12);
    u.version = rows.Int(r, 13);
    return u;
}
}  // namespace

core::Status SqlUserRepo::LoadGrants(User& u) {
    LX_ASSIGN(rows, c_.Query("SELECT g.id, g.role, g.org_id, g.org_path, o.name FROM role_grants g "
                             "JOIN orgs o ON o.id = g.org_id WHERE g.user_id = $1 ORDER BY g.id",
                             {u.id}));
    u.grants.clear();
    for (std::size_t r = 0; r < rows.size(); ++r) {
        auto role = core::auth::ParseRole(rows.Text(r, 1));
        if (!role) continue;  // a role this build no longer knows grants nothing
        u.grants.push_back({rows.Int(r, 0), *role, rows.Int(r, 2), rows.Text(r, 3), rows.Text(r, 4)});
    }
    return core::Ok();
}

core::Result<std::optional<User>> SqlUserRepo::One(std::string_view where, const SqlParams& params) {
    LX_ASSIGN(rows, c_.Query(std::string("SELECT ") + kCols + " FROM users WHERE " + std::string(where), params));
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
    std::string sql = std::string("SELECT ") + kCols + " FROM users WHERE (id IN (SELECT g.user_id FROM role_grants g "
                      "WHERE " + scope + ")";
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
    LX_ASSIGN(rows, c_.Query("INSERT INTO users (username, display_name, password_hash, status, member_id, created_at) "
                             "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                             {u.username, u.display_name, u.password_hash, StatusText(u.status), IdOrNull(u.member_id),
                              u.created_at}));
    return rows.Int(0, 0);
}

core::Status SqlUserRepo::Update(const User& u) {
    SqlParam secret = u.totp_secret_enc.empty() ? SqlParam{nullptr} : SqlParam{Blob{u.totp_secret_enc}};
    LX_ASSIGN(changed, c_.Exec("UPDATE users SET display_name = $1, password_hash = $2, status = $3, "
                               "totp_secret_enc = $4, totp_enrolled = $5, totp_last_step = $6, failures = $7, "
                               "first_failure_at = $8, locked_until = $9, member_id = $10, version = version + 1 "
                               "WHERE id = $11 AND version = $12",
                               {u.display_name, u.password_hash, StatusText(u.status), secret,
                                std::int64_t{u.totp_enrolled ? 1 : 0}, u.totp_last_step,
                                std::int64_t{u.failures.failures}, u.failures.first_failure_at,
                                u.failures.locked_until, IdOrNull(u.member_id), u.id, u.version}));
    if (changed == 0) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "user.changed_concurrently"));
    return core::Ok();
}

core::Result<std::int64_t> SqlUserRepo::CountAll() {
    LX_ASSIGN(rows, c_.Query("SELECT count(*) FROM users"));
    return rows.Int(0, 0);
}

core::Result<std::int64_t> SqlUserRepo::AddGrant(std::int64_t user_id, const core::auth::Grant& g,
                                                 std::int64_t granted_by, std::int64_t at) {
    LX_ASSIGN(rows, c_.Query("INSERT INTO role_grants (user_id, role, org_id, org_path, granted_by, granted_at) "
                             "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                             {user_id, std::string(core::auth::Info(g.role).key), g.org_id, g.org_path,
                              IdOrNull(granted_by), at}));
    return rows.Int(0, 0);
}

core::Status SqlUserRepo::RemoveGrant(std::int64_t user_id, std::int64_t grant_id) {
    LX_ASSIGN(n, c_.Exec("DELETE FROM role_grants WHERE id = $1 AND user_id = $2", {grant_id, user_id}));
    if (n == 0) return core::Fail(core::NotFound("grant"));
    return core::Ok();
}

}  // namespace lianxin::storage
