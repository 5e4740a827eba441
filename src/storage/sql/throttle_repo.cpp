#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::auth::ThrottleState;

namespace {
// The login throttle row, written once (storage/sql/columns.hpp).
constexpr std::string_view kThrottleNames[] = {"key_hash", "name_hash", "failures", "last_failure_at", "blocked_until"};
constexpr Columns kThrottle{"login_throttle", kThrottleNames};
}  // namespace

core::Result<ThrottleState> SqlThrottleRepo::Get(const std::string& key_hash) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kThrottle.Select() + " FROM login_throttle WHERE key_hash = $1", {key_hash}));
    if (rows.empty()) return ThrottleState{};
    const SqlRow row = rows.Row(0);
    return ThrottleState{static_cast<int>(row.Int("failures")), row.Int("last_failure_at"), row.Int("blocked_until")};
}

core::Status SqlThrottleRepo::Put(const std::string& key_hash, const std::string& name_hash, const ThrottleState& s) {
    SqlValues v(kThrottle);
    v.Set("key_hash", key_hash).Set("name_hash", name_hash).Set("failures", std::int64_t{s.failures});
    v.Set("last_failure_at", s.last_failure_at).Set("blocked_until", s.blocked_until);
    LX_CHECK(c_.Exec(v.Insert() + " ON CONFLICT (key_hash) DO UPDATE SET failures = excluded.failures, "
                                  "last_failure_at = excluded.last_failure_at, blocked_until = excluded.blocked_until",
                     v.Params()));
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
    LX_ASSIGN(rows, c_.Query("SELECT coalesce(max(blocked_until), 0) AS blocked_until FROM login_throttle "
                             "WHERE name_hash = $1",
                             {name_hash}));
    return rows.Row(0).Int("blocked_until");
}

core::Status SqlThrottleRepo::Prune(std::int64_t quiet_since) {
    LX_CHECK(c_.Exec("DELETE FROM login_throttle WHERE last_failure_at < $1 AND blocked_until < $1", {quiet_since}));
    return core::Ok();
}

}  // namespace lianxin::storage
