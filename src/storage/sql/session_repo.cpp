#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::ports::MfaState;
using core::ports::Session;
using core::ports::SetupLink;
using core::ports::SetupPurpose;

namespace {
std::string MfaText(MfaState m) {
    switch (m) {
        case MfaState::kNone:
            return "none";
        case MfaState::kEnroll:
            return "enroll";
        case MfaState::kVerify:
            return "verify";
        case MfaState::kOk:
            return "ok";
    }
    return "verify";
}
MfaState ParseMfa(const std::string& s) {
    if (s == "none") return MfaState::kNone;
    if (s == "enroll") return MfaState::kEnroll;
    if (s == "ok") return MfaState::kOk;
    return MfaState::kVerify;
}

// The session and setup link rows, written once (storage/sql/columns.hpp).
constexpr std::string_view kSessionNames[] = {"id_hash", "user_id", "csrf_token", "created_at", "last_seen_at", "mfa"};
constexpr Columns kSession{"sessions", kSessionNames};
constexpr std::string_view kLinkNames[] = {"token_hash", "purpose", "user_id", "expires_at", "used_at"};
constexpr Columns kLink{"setup_links", kLinkNames};
}  // namespace

core::Result<std::optional<Session>> SqlSessionRepo::Get(const std::string& id_hash) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kSession.Select() + " FROM sessions WHERE id_hash = $1", {id_hash}));
    if (rows.empty()) return std::optional<Session>{};
    const SqlRow row = rows.Row(0);
    Session s{row.Text("id_hash"),   row.Int("user_id"),      row.Text("csrf_token"),
              row.Int("created_at"), row.Int("last_seen_at"), ParseMfa(row.Text("mfa"))};
    return std::optional<Session>{std::move(s)};
}

core::Status SqlSessionRepo::Put(const Session& s) {
    SqlValues v(kSession);
    v.Set("id_hash", s.id_hash).Set("user_id", s.user_id).Set("csrf_token", s.csrf_token);
    v.Set("created_at", s.created_at).Set("last_seen_at", s.last_seen_at).Set("mfa", MfaText(s.mfa));
    LX_CHECK(c_.Exec(v.Insert() + " ON CONFLICT (id_hash) DO UPDATE SET csrf_token = excluded.csrf_token, "
                                  "last_seen_at = excluded.last_seen_at, mfa = excluded.mfa",
                     v.Params()));
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
    LX_ASSIGN(rows, c_.Query("SELECT " + kLink.Select() + " FROM setup_links WHERE token_hash = $1", {token_hash}));
    if (rows.empty()) return std::optional<SetupLink>{};
    const SqlRow row = rows.Row(0);
    SetupLink l{row.Text("token_hash"),
                row.Text("purpose") == "first_admin" ? SetupPurpose::kFirstAdmin : SetupPurpose::kUserPassword,
                row.Int("user_id"), row.Int("expires_at"), row.Int("used_at")};
    return std::optional<SetupLink>{std::move(l)};
}

core::Status SqlSetupLinkRepo::Insert(const SetupLink& l) {
    SqlValues v(kLink);
    v.Set("token_hash", l.token_hash);
    v.Set("purpose", std::string(l.purpose == SetupPurpose::kFirstAdmin ? "first_admin" : "user_password"));
    v.Set("user_id", IdOrNull(l.user_id)).Set("expires_at", l.expires_at);
    LX_CHECK(c_.Exec(v.Insert(), v.Params()));
    return core::Ok();
}

core::Status SqlSetupLinkRepo::MarkUsed(const std::string& token_hash, std::int64_t at) {
    LX_ASSIGN(n,
              c_.Exec("UPDATE setup_links SET used_at = $1 WHERE token_hash = $2 AND used_at = 0", {at, token_hash}));
    if (n == 0) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "setup.link_used"));
    return core::Ok();
}

core::Status SqlSetupLinkRepo::RevokeForUser(std::int64_t user_id, std::int64_t at) {
    LX_CHECK(c_.Exec("UPDATE setup_links SET used_at = $1 WHERE user_id = $2 AND used_at = 0", {at, user_id}));
    return core::Ok();
}

}  // namespace lianxin::storage
