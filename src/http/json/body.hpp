// Strict reading of JSON request bodies: the body must be an object; each field is read with its type;
// fields the route does not know are refused (mass assignment, security.md A7); every problem becomes a
// FieldError naming the field, collected so one answer lists them all.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/common/result.hpp"

namespace lianxin::http {

class JsonBody {
public:
    // Parses `text` (an empty body reads as {}); fails on malformed JSON, invalid UTF-8, nesting > 32 or a
    // non-object top level.
    static core::Result<JsonBody> Parse(const std::string& text);

    // Reads a string field (max `max_chars` bytes); absent -> "" (or a "required" error when required).
    std::string Str(const std::string& name, bool required = true, std::size_t max_bytes = 1024);
    // Reads an optional string field: absent or null -> nullopt.
    std::optional<std::string> OptStr(const std::string& name, std::size_t max_bytes = 1024);
    // Reads a string or an integer as text (a policy value: a number or a choice's name); absent -> "" (or a
    // "required" error when required).
    std::string ScalarText(const std::string& name, bool required = true, std::size_t max_bytes = 64);
    // Reads an integer id field; absent -> 0 (or a "required" error when required).
    std::int64_t Int(const std::string& name, bool required = true);

    // Reads a small count in [min, max]; absent -> min.
    int Count(const std::string& name, int min, int max);
    // Reads a finite number (integer or decimal); absent or null -> nullopt.
    std::optional<double> OptNumber(const std::string& name);
    // Reads a boolean; absent -> false.
    bool Bool(const std::string& name);
    // Reads an optional boolean: absent or null -> nullopt.
    std::optional<bool> OptBool(const std::string& name);
    // Reads an array of at most `max_items` integer ids; absent -> empty.
    std::vector<std::int64_t> IdList(const std::string& name, std::size_t max_items);
    // Reads an array of at most `max_items` strings of at most `max_bytes` each; absent -> empty.
    std::vector<std::string> StrList(const std::string& name, std::size_t max_items, std::size_t max_bytes);
    // Reads a nested object; absent -> nullopt. Errors of the child name "name.field"; call Absorb(child)
    // once it is read so that its unknown fields and errors join this body's.
    std::optional<JsonBody> Object(const std::string& name);
    void Absorb(JsonBody& child);
    // Reads an array of at most `max_items` objects; errors of item i name "name[i].field". Absorb each once read.
    std::vector<JsonBody> Objects(const std::string& name, std::size_t max_items);
    // Reads a field as JSON to be parsed by its own reader (a GeoJSON geometry); absent or null -> nullopt.
    std::optional<nlohmann::json> Raw(const std::string& name);

    // Ok when every field was known and well-typed; otherwise the collected errors.
    core::Status Finish();

private:
    explicit JsonBody(nlohmann::json j, std::string prefix = {}) : json_(std::move(j)), prefix_(std::move(prefix)) {}
    void Bad(const std::string& name, std::string key, std::map<std::string, std::string> params = {}) {
        errors_.WithField(prefix_ + name, std::move(key), std::move(params));
    }
    void CheckUnknown();
    // An array of at most `max_items`, each item read by read_item(value, "name[i]") (nullopt: skipped, the
    // item's error already recorded).
    template <typename T, typename ReadItem>
    std::vector<T> ReadList(const std::string& name, std::size_t max_items, const char* type_key, ReadItem read_item);
    nlohmann::json json_;
    std::string prefix_;
    std::set<std::string> read_;
    core::Error errors_ = core::MakeError(core::ErrorCode::kInvalidArgument, "request.invalid");
};

}  // namespace lianxin::http
