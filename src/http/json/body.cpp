#include "http/json/body.hpp"

namespace lianxin::http {

namespace {
// Nesting depth outside strings, checked before parsing so that hostile input cannot exhaust the stack.
bool TooDeep(const std::string& s, int limit) {
    int depth = 0;
    bool in_string = false, escape = false;
    for (char c : s) {
        if (in_string) {
            if (escape) escape = false;
            else if (c == '\\') escape = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '{' || c == '[') {
            if (++depth > limit) return true;
        } else if (c == '}' || c == ']') --depth;
    }
    return false;
}
}  // namespace

core::Result<JsonBody> JsonBody::Parse(const std::string& text) {
    if (text.empty()) return JsonBody(nlohmann::json::object());
    if (TooDeep(text, 32)) return core::Fail(core::MakeError(core::ErrorCode::kInvalidArgument, "json.too_deep"));
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded()) return core::Fail(core::MakeError(core::ErrorCode::kInvalidArgument, "json.malformed"));
    if (!j.is_object()) return core::Fail(core::MakeError(core::ErrorCode::kInvalidArgument, "json.not_object"));
    return JsonBody(std::move(j));
}

std::string JsonBody::Str(const std::string& name, bool required, std::size_t max_bytes) {
    read_.insert(name);
    auto it = json_.find(name);
    if (it == json_.end() || it->is_null()) {
        if (required) errors_.WithField(name, "json.required");
        return {};
    }
    if (!it->is_string()) {
        errors_.WithField(name, "json.type_string");
        return {};
    }
    std::string v = it->get<std::string>();
    if (v.size() > max_bytes) {
        errors_.WithField(name, "json.too_long");
        return {};
    }
    if (required && v.empty()) errors_.WithField(name, "json.required");
    return v;
}

std::int64_t JsonBody::Int(const std::string& name, bool required) {
    read_.insert(name);
    auto it = json_.find(name);
    if (it == json_.end() || it->is_null()) {
        if (required) errors_.WithField(name, "json.required");
        return 0;
    }
    if (!it->is_number_integer()) {
        errors_.WithField(name, "json.type_integer");
        return 0;
    }
    return it->get<std::int64_t>();
}

core::Status JsonBody::Finish() {
    for (const auto& [key, _] : json_.items())
        if (!read_.count(key)) errors_.WithField(key, "json.unknown_field", {{"name", key.substr(0, 64)}});
    if (!errors_.fields.empty()) return core::Fail(errors_);
    return core::Ok();
}

}  // namespace lianxin::http
