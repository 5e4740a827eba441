#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::otp::CodeState;
using core::otp::SendWindow;
using core::ports::ResidentToken;

namespace {
// The rows of core/otp, written once (storage/sql/columns.hpp). Keys are keyed hashes, stored as blobs.
constexpr std::string_view kCodeNames[] = {"phone_key", "phone_enc", "code_hash", "expires_at", "tries", "created_at"};
constexpr Columns kCode{"otp_codes", kCodeNames};
constexpr std::string_view kWindowNames[] = {"key_hash", "window_start", "sends"};
constexpr Columns kWindow{"otp_windows", kWindowNames};
constexpr std::string_view kTokenNames[] = {"token_hash", "phone_key", "phone_enc", "created_at", "expires_at"};
constexpr Columns kToken{"resident_tokens", kTokenNames};
}  // namespace

core::Result<std::optional<CodeState>> SqlOtpRepo::Code(const std::string& phone_key) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kCode.Select() + " FROM otp_codes WHERE phone_key = $1", {Blob{phone_key}}));
    if (rows.empty()) return std::optional<CodeState>{};
    const SqlRow row = rows.Row(0);
    return std::optional<CodeState>{
        CodeState{row.Text("code_hash"), row.Int("expires_at"), static_cast<int>(row.Int("tries"))}};
}

core::Status SqlOtpRepo::PutCode(const std::string& phone_key, const std::string& phone, const CodeState& s,
                                 std::int64_t at) {
    SqlValues v(kCode);
    v.Set("phone_key", Blob{phone_key}).Set("phone_enc", Blob{cipher_.Encrypt(phone)});
    v.Set("code_hash", Blob{s.code_hash}).Set("expires_at", s.expires_at);
    v.Set("tries", std::int64_t{s.failures}).Set("created_at", at);
    LX_CHECK(c_.Exec(v.Insert() + " ON CONFLICT (phone_key) DO UPDATE SET phone_enc = excluded.phone_enc, "
                                  "code_hash = excluded.code_hash, expires_at = excluded.expires_at, "
                                  "tries = excluded.tries, created_at = excluded.created_at",
                     v.Params()));
    return core::Ok();
}

core::Result<int> SqlOtpRepo::CountTry(const std::string& phone_key) {
    // One statement, so that parallel tries each see the count that includes them (the row is locked).
    LX_ASSIGN(rows, c_.Query("UPDATE otp_codes SET tries = tries + 1 WHERE phone_key = $1 RETURNING tries",
                             {Blob{phone_key}}));
    return rows.empty() ? 0 : static_cast<int>(rows.Row(0).Int("tries"));
}

core::Status SqlOtpRepo::DeleteCode(const std::string& phone_key) {
    LX_ASSIGN(n, c_.Exec("DELETE FROM otp_codes WHERE phone_key = $1", {Blob{phone_key}}));
    if (n == 0) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "otp.code.none"));
    return core::Ok();
}

core::Result<SendWindow> SqlOtpRepo::CountSend(const std::string& key, std::int64_t now) {
    // core::otp::AfterSend as one upsert: a window that began an hour ago or more starts afresh at `now`. Both
    // engines evaluate every SET expression over the row as it was.
    SqlValues v(kWindow);
    v.Set("key_hash", Blob{key}).Set("window_start", now).Set("sends", std::int64_t{1});
    const std::string stale = v.Param(now - core::otp::kWindowMillis);
    LX_ASSIGN(rows, c_.Query(v.Insert() +
                                 " ON CONFLICT (key_hash) DO UPDATE SET "
                                 "sends = CASE WHEN otp_windows.window_start <= " +
                                 stale +
                                 " THEN 1 ELSE otp_windows.sends + 1 END, "
                                 "window_start = CASE WHEN otp_windows.window_start <= " +
                                 stale +
                                 " THEN excluded.window_start ELSE otp_windows.window_start END "
                                 "RETURNING window_start, sends",
                             v.Params()));
    const SqlRow row = rows.Row(0);
    return SendWindow{row.Int("window_start"), static_cast<int>(row.Int("sends"))};
}

core::Status SqlOtpRepo::InsertToken(const ResidentToken& t) {
    SqlValues v(kToken);
    v.Set("token_hash", t.token_hash)
        .Set("phone_key", Blob{t.phone_key})
        .Set("phone_enc", Blob{cipher_.Encrypt(t.phone)});
    v.Set("created_at", t.created_at).Set("expires_at", t.expires_at);
    LX_CHECK(c_.Exec(v.Insert(), v.Params()));
    return core::Ok();
}

core::Result<std::optional<ResidentToken>> SqlOtpRepo::Token(const std::string& token_hash) {
    LX_ASSIGN(rows,
              c_.Query("SELECT " + kToken.Select() + " FROM resident_tokens WHERE token_hash = $1", {token_hash}));
    if (rows.empty()) return std::optional<ResidentToken>{};
    const SqlRow row = rows.Row(0);
    LX_ASSIGN(phone, cipher_.Decrypt(row.Text("phone_enc")));
    return std::optional<ResidentToken>{ResidentToken{row.Text("token_hash"), row.Text("phone_key"), std::move(phone),
                                                      row.Int("created_at"), row.Int("expires_at")}};
}

core::Status SqlOtpRepo::Prune(std::int64_t before) {
    LX_CHECK(c_.Exec("DELETE FROM otp_codes WHERE expires_at < $1", {before}));
    LX_CHECK(c_.Exec("DELETE FROM otp_windows WHERE window_start < $1", {before - core::otp::kWindowMillis}));
    LX_CHECK(c_.Exec("DELETE FROM resident_tokens WHERE expires_at < $1", {before}));
    return core::Ok();
}

}  // namespace lianxin::storage
