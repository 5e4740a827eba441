// Small helpers the handlers share: JSON responses, query parameters with field-named errors.
#pragma once

#include <nlohmann/json.hpp>

#include "core/common/result.hpp"
#include "core/org/rules.hpp"
#include "http/http_types.hpp"
#include "http/messages.hpp"

namespace lianxin::http {

Response JsonResponse(const nlohmann::json& body, int status = 200);
// The web app's path of a one-time set-up link ("/#/setup?token=…").
std::string SetupLinkPath(const std::string& token);
Response NoContent();

// ?limit= (1–200, default 50).
core::Result<int> LimitParam(const Request& req);
// An optional decimal id in the query (?cursor=, ?org_id=); 0 when absent.
core::Result<std::int64_t> IdParam(const Request& req, const std::string& name);
// ?as_of=YYYY-MM-DD, default today (Asia/Shanghai).
core::Result<core::Date> AsOfParam(const Request& req, const core::Date& today);
// A path parameter (always digits: the router checked).
std::int64_t PathId(const Request& req, const std::string& name);
// An optional text filter of at most `max` bytes.
core::Result<std::string> TextParam(const Request& req, const std::string& name, std::size_t max = 64);
// ?from= / ?to= as YYYY-MM-DD business dates, converted to UTC instants (start of that day in Shanghai).
core::Result<std::int64_t> DayStartParam(const Request& req, const std::string& name, int add_days = 0);

class JsonBody;
// A member field read with the size its spec allows (core/member/field_spec.hpp), so that no handler keeps its
// own length: absent -> "" (Opt: nullopt). The use case checks the value against the same spec.
std::string MemberFieldStr(JsonBody& body, const char* name);
std::optional<std::string> OptMemberFieldStr(JsonBody& body, const char* name);

// Rule warnings (sizing, blockers) as [{"key","message"}] with the rule quoted in the request's language.
nlohmann::json WarningsJson(const std::vector<core::org::Warning>& warnings, Lang lang);

}  // namespace lianxin::http
