#include "app/otp/resident.hpp"

#include "app/audit/audit.hpp"
#include "app/policy/policies.hpp"
#include "core/policy/catalogue.hpp"

namespace lianxin::app {

namespace otp = core::otp;
namespace pk = core::policy;
using core::ports::Tx;

namespace {

constexpr std::int64_t kMinute = 60'000;

std::string Hex(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) out += {kDigits[c >> 4], kDigits[c & 15]};
    return out;
}

// A resident is no user: the audit row names no account and is filed under the top org, like a failed login
// under an unknown name. The object is the phone, by the first bytes of its keyed hash (never the number).
core::Status AuditResident(Tx& tx, const ClientInfo& client, std::int64_t now, const char* action,
                           const std::string& phone_key, const char* result) {
    LX_ASSIGN(anonymous, ResidentActor(tx, client));
    auto entry = AuditFor(anonymous, now, action, "phone", Hex(phone_key.substr(0, 8)), result).On(kTopOrg);
    return tx.Audit().Append(entry);
}

std::string CodeHash(const Context& ctx, const std::string& phone, const std::string& code) {
    // Keyed, so that a copy of the database cannot try the 10^6 codes offline.
    return ctx.cipher.BlindIndex("otp-code\x1f" + phone + "\x1f" + code);
}

}  // namespace

core::Result<core::auth::Actor> ResidentActor(Tx& tx, const ClientInfo& client) {
    core::auth::Actor anonymous{0, "", "", 0, {}, client.ip, client.request_id};
    LX_ASSIGN(roots, tx.Orgs().Roots());
    if (!roots.empty())
        anonymous.grants.push_back({0, core::auth::Role::kMember, roots[0].id, roots[0].path, roots[0].name});
    return anonymous;
}

std::string ResidentPhotoOwner(const std::string& phone_key) { return "r:" + Hex(phone_key); }

std::string PhoneKey(const Context& ctx, const std::string& phone) {
    return ctx.cipher.BlindIndex("otp-phone\x1f" + phone);
}

core::Result<otp::OtpPolicy> OtpPolicyToday(Context& ctx, Tx& tx) {
    LX_ASSIGN(roots, tx.Orgs().Roots());
    core::policy::Policies policies;
    if (!roots.empty()) {
        LX_ASSIGN(p, PoliciesFor(tx, roots[0].path));
        policies = std::move(p);
    }
    const core::Date today = ctx.clock.Today();
    otp::OtpPolicy out;
    out.code_ttl_minutes = policies.Int(pk::kOtpCodeTtlMinutes, today);
    out.max_tries = policies.Int(pk::kOtpMaxTries, today);
    out.sends_per_hour_phone = policies.Int(pk::kOtpSendsPerHourPhone, today);
    out.sends_per_hour_address = policies.Int(pk::kOtpSendsPerHourAddress, today);
    out.token_ttl_minutes = policies.Int(pk::kOtpTokenTtlMinutes, today);
    return out;
}

core::Status RequestCode(Context& ctx, const std::string& phone_text, const ClientInfo& client) {
    LX_ASSIGN(phone, otp::NormalizePhone(phone_text));
    if (!ctx.code_sender) return core::Fail(core::MakeError(core::ErrorCode::kUnavailable, "otp.no_sender"));
    const std::string key = PhoneKey(ctx, phone);
    const std::string address_key = ctx.cipher.BlindIndex("otp-address\x1f" + client.ip);
    const std::int64_t now = ctx.clock.NowMillis();
    const std::string code = otp::FormatCode(ctx.crypto.RandomBelow(1'000'000));
    std::optional<core::Error> refused;
    otp::OtpPolicy policy;
    // Counted (refused requests too, so that a flood stays refused) and stored in one write transaction before
    // the message goes out: parallel requests cannot pass the limits.
    LX_CHECK(
        ctx.db.Write(core::ports::Scope::System(),  // no org scope: a resident has none
                     [&](Tx& tx) -> core::Status {
                         LX_ASSIGN(p, OtpPolicyToday(ctx, tx));
                         policy = p;
                         LX_ASSIGN(by_address, tx.Otp().CountSend(address_key, now));
                         LX_ASSIGN(by_phone, tx.Otp().CountSend(key, now));
                         if (auto w = otp::WaitAfterCharge(by_address, now, p.sends_per_hour_address); w > 0)
                             refused = otp::ThrottledError(false, p.sends_per_hour_address, w);
                         else if (auto w2 = otp::WaitAfterCharge(by_phone, now, p.sends_per_hour_phone); w2 > 0)
                             refused = otp::ThrottledError(true, p.sends_per_hour_phone, w2);
                         if (refused) return AuditResident(tx, client, now, "otp.send", key, "throttled");
                         const otp::CodeState state{CodeHash(ctx, phone, code), now + p.code_ttl_minutes * kMinute, 0};
                         LX_CHECK(tx.Otp().PutCode(key, phone, state, now));
                         LX_CHECK(tx.Otp().Prune(now - 24 * 60 * kMinute));
                         return AuditResident(tx, client, now, "otp.send", key, "ok");
                     }));
    if (refused) return core::Fail(*refused);
    return ctx.code_sender->Send(phone, otp::CodeText(code, policy.code_ttl_minutes));
}

core::Result<ResidentSession> VerifyCode(Context& ctx, const std::string& phone_text, const std::string& code,
                                         const ClientInfo& client) {
    core::Error errors = core::InvalidField("", "");
    errors.fields.clear();
    auto phone = otp::NormalizePhone(phone_text);
    if (!phone) errors.fields.push_back(phone.error().fields[0]);
    if (auto st = otp::CheckCodeFormat(code); !st) errors.fields.push_back(st.error().fields[0]);
    if (!errors.fields.empty()) return core::Fail(errors);
    const std::string key = PhoneKey(ctx, *phone);
    const std::int64_t now = ctx.clock.NowMillis();
    const std::string token = "r." + ctx.crypto.RandomToken(32);
    std::optional<core::Error> refused;
    ResidentSession out;
    LX_CHECK(ctx.db.Write(
        core::ports::Scope::System(),  // no org scope: a resident has none
        [&](Tx& tx) -> core::Status {
            LX_ASSIGN(p, OtpPolicyToday(ctx, tx));
            // The try is counted before the code is compared (core/otp Judge).
            LX_ASSIGN(tries, tx.Otp().CountTry(key));
            LX_ASSIGN(state, tx.Otp().Code(key));
            const bool matches = state && state->code_hash == CodeHash(ctx, *phone, code);
            const otp::Verdict v = otp::Judge(state, now, p, matches);
            if (v != otp::Verdict::kOk) {
                refused = otp::VerdictError(v, tries, p);
                const char* result = v == otp::Verdict::kLocked || (v == otp::Verdict::kWrong && tries >= p.max_tries)
                                         ? "locked"
                                         : "denied";
                return AuditResident(tx, client, now, "otp.verify", key, result);
            }
            LX_CHECK(tx.Otp().DeleteCode(key));
            out.expires_at = now + p.token_ttl_minutes * kMinute;
            LX_CHECK(tx.Otp().InsertToken({ctx.crypto.Sha256Hex(token), key, *phone, now, out.expires_at}));
            return AuditResident(tx, client, now, "otp.verify", key, "ok");
        }));
    if (refused) return core::Fail(*refused);
    out.token = token;
    return out;
}

core::Result<Resident> AuthenticateResident(Context& ctx, const std::string& token) {
    const auto unknown = core::MakeError(core::ErrorCode::kUnauthenticated, "auth.resident_token");
    if (!IsResidentToken(token) || token.size() > 100) return core::Fail(unknown);
    std::optional<core::ports::ResidentToken> found;
    const std::string hash = ctx.crypto.Sha256Hex(token);
    LX_CHECK(ctx.db.Read(core::ports::Scope::System(),  // a resident has no org scope
                         [&](Tx& tx) -> core::Status {
                             LX_ASSIGN(t, tx.Otp().Token(hash));
                             found = std::move(t);
                             return core::Ok();
                         }));
    if (!found || found->expires_at <= ctx.clock.NowMillis()) return core::Fail(unknown);
    return Resident{found->phone_key, found->phone, found->token_hash, found->expires_at};
}

}  // namespace lianxin::app
