// The single mapping from ErrorCode to HTTP status, and the JSON error body of docs/api-errors.md.
#pragma once

#include "core/common/error.hpp"
#include "http/http_types.hpp"

namespace lianxin::http {

int HttpStatus(core::ErrorCode code);
std::string CodeName(core::ErrorCode code);

// {"error":{"code","message","request_id","fields":[{"field","message"}]}} in the request's language.
// 503 answers carry Retry-After. Internal details never reach the body.
Response ErrorResponse(const core::Error& e, const Request& req);

// An HTTP-level error that has no ErrorCode of its own (405, 413, 415).
Response ProtocolError(int status, const std::string& code_name, const std::string& key, const Request& req,
                       const std::map<std::string, std::string>& params = {});

}  // namespace lianxin::http
