#include "http/handlers/common.hpp"

#include <charconv>

#include "core/member/field_spec.hpp"
#include "http/json/body.hpp"
#include "http/json/dto.hpp"

namespace lianxin::http {

Response JsonResponse(const nlohmann::json& body, int status) {
    Response r;
    r.status = status;
    r.body = Dump(body);
    return r;
}

std::string MemberFieldStr(JsonBody& body, const char* name) {
    return body.Str(name, false, core::member::MaxBytes(core::member::MemberField(name)));
}

std::optional<std::string> OptMemberFieldStr(JsonBody& body, const char* name) {
    return body.OptStr(name, core::member::MaxBytes(core::member::MemberField(name)));
}

Response NoContent() {
    Response r;
    r.status = 204;
    r.content_type.clear();
    return r;
}

static bool ParseInt(const std::string& s, std::int64_t& out) {
    if (s.empty() || s.size() > 18) return false;
    auto res = std::from_chars(s.data(), s.data() + s.size(), out);
    return res.ec == std::errc() && res.ptr == s.data() + s.size() && out >= 0;
}

core::Result<int> LimitParam(const Request& req) {
    const std::string* v = req.Query("limit");
    if (!v) return 50;
    std::int64_t n = 0;
    if (!ParseInt(*v, n) || n < 1 || n > 200) return core::Fail(core::InvalidField("limit", "query.invalid"));
    return static_cast<int>(n);
}

core::Result<std::int64_t> IdParam(const Request& req, const std::string& name) {
    const std::string* v = req.Query(name);
    if (!v || v->empty()) return 0;
    std::int64_t n = 0;
    if (!ParseInt(*v, n)) return core::Fail(core::InvalidField(name, "query.invalid"));
    return n;
}

core::Result<core::Date> AsOfParam(const Request& req, const core::Date& today) {
    const std::string* v = req.Query("as_of");
    if (!v || v->empty()) return today;
    auto d = core::Date::Parse(*v);
    if (!d) return core::Fail(core::InvalidField("as_of", "query.invalid"));
    return *d;
}

std::int64_t PathId(const Request& req, const std::string& name) {
    std::int64_t n = 0;
    auto it = req.params.find(name);
    if (it != req.params.end()) ParseInt(it->second, n);
    return n;
}

core::Result<std::string> TextParam(const Request& req, const std::string& name, std::size_t max) {
    const std::string* v = req.Query(name);
    if (!v) return std::string();
    if (v->size() > max) return core::Fail(core::InvalidField(name, "query.invalid"));
    return *v;
}

core::Result<std::int64_t> DayStartParam(const Request& req, const std::string& name, int add_days) {
    const std::string* v = req.Query(name);
    if (!v || v->empty()) return 0;
    auto d = core::Date::Parse(*v);
    if (!d) return core::Fail(core::InvalidField(name, "query.invalid"));
    // Midnight in Shanghai is 16:00 UTC of the day before.
    return (d->AddDays(add_days).DaysSinceEpoch() * 86400LL - 8 * 3600) * 1000;
}

nlohmann::json WarningsJson(const std::vector<core::org::Warning>& warnings, Lang lang) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& w : warnings) out.push_back({{"key", w.key}, {"message", Translate(lang, w.key, w.params)}});
    return out;
}

std::string SetupLinkPath(const std::string& token) { return "/#/setup?token=" + token; }

}  // namespace lianxin::http
