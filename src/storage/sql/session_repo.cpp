#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::ports::MfaState;
using core::ports::Session;
using core::ports::SetupLink;
using core::ports::SetupPurpose;

namespace {
std::string MfaText(MfaState m) {
    switch (m) {
        case MfaState::kNone: return "none";
        case MfaState::kEnroll: return "enroll";
        case MfaState::kVerify: return "verify";
        case MfaState::kOk: return "ok";
    }
    return "verify";
}
MfaState ParseMfa(const std::string& s) {
    if (s == "none") return MfaState::kNone;
    if (s == "enroll") return MfaState::kEnroll;
    if (s == "ok") return MfaState::kOk;
    return MfaState::kVerify;
}
}  // namespace

core::Result<std::optional<Session>> SqlSessionRepo::Get(const std::string& id_hash) {
    LX_ASSIGN(rows, c_.Query("SELECT id_hash, user_id, csrf_token, created_at, last_seen_at, mfa FROM sessions "
                             "WHERE id_hash = $1",
                             {id_hash}));
    if (rows.empty()) return std::optional<Session>{};
    Session s{rows.Text(0, 0), rows.Int(0, 1), rows.Text(0, 2), rows.Int(0, 3), rows.Int(0, 4), ParseMfa(rows.Text(0, 5))};
    return std::optional<Session>{std::move(s)};
}

core::Status SqlSessionRepo::Put(const Session& s) {
    LX_CHECK(c_.Exec("INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, mfa) "
                     "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id_hash) DO UPDATE SET "
                     "csrf_token = excluded.csrf_token, last_seen_at = excluded.last_seen_at, mfa = excluded.mfa",
                     {s.id_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, MfaText(s.mfa)}));
    return core::Ok();
}

core::Status SqlSessionRepo::Touch(const std::string& id_hash, std::int64_t last_seen_at) {
    LX_CHECK(c_.Exec("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2", {last_seen_at, id_hash}));
    return core::Ok();
}

core::Status SqlSessionRepo::Delete(const std::string& id_hash) {
    LX_CHECK(c_.Exec("DELETE FROM sessions WHERE id_hash = $1", {id_hash}));
    return core::Ok();
}

core::Status SqlSessionRepo::DeleteForUser(std::int64_t user_id) {
    LX_CHECK(c_.Exec("DELETE FROM sessions WHERE user_id = $1", {user_id}));
    return core::Ok();
}

core::Result<std::optional<SetupLink>> SqlSetupLinkRepo::Get(const std::string& token_hash) {
    LX_ASSIGN(rows, c_.Query("SELECT token_hash, purpose, user_id, expires_at, used_at FROM setup_links "
                             "WHERE token_hash = $1",
                             {token_hash}));
    if (rows.empty()) return std::optional<SetupLink>{};
    SetupLink l{rows.Text(0, 0),
                rows.Text(0, 1) == "first_admin" ? SetupPurpose::kFirstAdmin : SetupPurpose::kUserPassword,
                rows.Int(0, 2), rows.Int(0, 3), rows.Int(0, 4)};
    return std::optional<SetupLink>{std::move(l)};
}

core::Status SqlSetupLinkRepo::Insert(const SetupLink& l) {
    LX_CHECK(c_.Exec("INSERT INTO setup_links (token_hash, purpose, user_id, expires_at) VALUES ($1, $2, $3, $4)",
                     {l.token_hash, std::string(l.purpose == SetupPurpose::kFirstAdmin ? "first_admin" : "user_password"),
                      IdOrNull(l.user_id), l.expires_at}));
    return core::Ok();
}

core::Status SqlSetupLinkRepo::MarkUsed(const std::string& token_hash, std::int64_t at) {
    LX_ASSIGN(n, c_.Exec("UPDATE setup_links SET used_at = $1 WHERE token_hash = $2 AND used_at = 0", {at, token_hash}));
    if (n == 0) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "setup.link_used"));
    return core::Ok();
}

core::Status SqlSetupLinkRepo::RevokeForUser(std::int64_t user_id, std::int64_t at) {
    LX_CHECK(c_.Exec("UPDATE setup_links SET used_at = $1 WHERE user_id = $2 AND used_at = 0", {at, user_id}));
    return core::Ok();
}

}  // namespace lianxin::storage
