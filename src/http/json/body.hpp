// Strict reading of JSON request bodies: the body must be an object; each field is read with its type;
// fields the route does not know are refused (mass assignment, security.md A7); every problem becomes a
// FieldError naming the field, collected so one answer lists them all.
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "core/common/result.hpp"

namespace lianxin::http {

class JsonBody {
public:
    // Parses `text` (an empty body reads as {}); fails on malformed JSON, invalid UTF-8, nesting > 32 or a
    // non-object top level.
    static core::Result<JsonBody> Parse(const std::string& text);

    // Reads a string field (max `max_chars` bytes); absent -> "" (or a "required" error when required).
    std::string Str(const std::string& name, bool required = true, std::size_t max_bytes = 1024);
    // Reads an integer id field; absent -> 0 (or a "required" error when required).
    std::int64_t Int(const std::string& name, bool required = true);

    // Ok when every field was known and well-typed; otherwise the collected errors.
    core::Status Finish();

private:
    explicit JsonBody(nlohmann::json j) : json_(std::move(j)) {}
    nlohmann::json json_;
    std::set<std::string> read_;
    core::Error errors_ = core::MakeError(core::ErrorCode::kInvalidArgument, "request.invalid");
};

}  // namespace lianxin::http
