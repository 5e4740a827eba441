#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::auth::ThrottleState;

core::Result<ThrottleState> SqlThrottleRepo::Get(const std::string& key_hash) {
    LX_ASSIGN(rows, c_.Query("SELECT failures, last_failure_at, blocked_until FROM login_throttle WHERE key_hash = $1",
                             {key_hash}));
    if (rows.empty()) return ThrottleState{};
    return ThrottleState{static_cast<int>(rows.Int(0, 0)), rows.Int(0, 1), rows.Int(0, 2)};
}

core::Status SqlThrottleRepo::Put(const std::string& key_hash, const std::string& name_hash, const ThrottleState& s) {
    LX_CHECK(c_.Exec("INSERT INTO login_throttle (key_hash, name_hash, failures, last_failure_at, blocked_until) "
                   "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key_hash) DO UPDATE SET failures = excluded.failures, "
                   "last_failure_at = excluded.last_failure_at, blocked_until = excluded.blocked_until",
                   {key_hash, name_hash, std::int64_t{s.failures}, s.last_failure_at, s.blocked_until}));
    return core::Ok();
}

core::Status SqlThrottleRepo::Delete(const std::string& key_hash) {
    LX_CHECK(c_.Exec("DELETE FROM login_throttle WHERE key_hash = $1", {key_hash}));
    return core::Ok();
}

core::Status SqlThrottleRepo::DeleteForName(const std::string& name_hash) {
    LX_CHECK(c_.Exec("DELETE FROM login_throttle WHERE name_hash = $1", {name_hash}));
    return core::Ok();
}

core::Result<std::int64_t> SqlThrottleRepo::BlockedUntilForName(const std::string& name_hash) {
    LX_ASSIGN(rows, c_.Query("SELECT coalesce(max(blocked_until), 0) FROM login_throttle WHERE name_hash = $1",
                             {name_hash}));
    return rows.Int(0, 0);
}

core::Status SqlThrottleRepo::Prune(std::int64_t quiet_since) {
    LX_CHECK(c_.Exec("DELETE FROM login_throttle WHERE last_failure_at < $1 AND blocked_until < $1", {quiet_since}));
    return core::Ok();
}

}  // namespace lianxin::storage
