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
        if (required) Bad(name, "json.required");
        return {};
    }
    if (!it->is_string()) {
        Bad(name, "json.type_string");
        return {};
    }
    std::string v = it->get<std::string>();
    if (v.size() > max_bytes) {
        Bad(name, "json.too_long");
        return {};
    }
    if (required && v.empty()) Bad(name, "json.required");
    return v;
}

std::string JsonBody::ScalarText(const std::string& name, bool required, std::size_t max_bytes) {
    auto it = json_.find(name);
    if (it != json_.end() && it->is_number_integer()) {
        read_.insert(name);
        return std::to_string(it->get<std::int64_t>());
    }
    return Str(name, required, max_bytes);
}

std::int64_t JsonBody::Int(const std::string& name, bool required) {
    read_.insert(name);
    auto it = json_.find(name);
    if (it == json_.end() || it->is_null()) {
        if (required) Bad(name, "json.required");
        return 0;
    }
    if (!it->is_number_integer()) {
        Bad(name, "json.type_integer");
        return 0;
    }
    return it->get<std::int64_t>();
}

int JsonBody::Count(const std::string& name, int min, int max) {
    read_.insert(name);
    auto it = json_.find(name);
    if (it == json_.end() || it->is_null()) return min;
    if (!it->is_number_integer()) {
        Bad(name, "json.type_integer");
        return min;
    }
    auto v = it->get<std::int64_t>();
    if (v < min || v > max) {
        Bad(name, "json.range", {{"min", std::to_string(min)}, {"max", std::to_string(max)}});
        return min;
    }
    return static_cast<int>(v);
}

std::optional<double> JsonBody::OptNumber(const std::string& name) {
    read_.insert(name);
    auto it = json_.find(name);
    if (it == json_.end() || it->is_null()) return std::nullopt;
    if (!it->is_number()) {
        Bad(name, "json.type_number");
        return std::nullopt;
    }
    return it->get<double>();
}

bool JsonBody::Bool(const std::string& name) {
    read_.insert(name);
    auto it = json_.find(name);
    if (it == json_.end() || it->is_null()) return false;
    if (!it->is_boolean()) {
        Bad(name, "json.type_boolean");
        return false;
    }
    return it->get<bool>();
}

std::optional<bool> JsonBody::OptBool(const std::string& name) {
    auto it = json_.find(name);
    if (it == json_.end() || it->is_null()) {
        read_.insert(name);
        return std::nullopt;
    }
    return Bool(name);
}

std::optional<std::string> JsonBody::OptStr(const std::string& name, std::size_t max_bytes) {
    auto it = json_.find(name);
    if (it == json_.end() || it->is_null()) {
        read_.insert(name);
        return std::nullopt;
    }
    return Str(name, false, max_bytes);
}

template <typename T, typename ReadItem>
std::vector<T> JsonBody::ReadList(const std::string& name, std::size_t max_items, const char* type_key,
                                  ReadItem read_item) {
    read_.insert(name);
    std::vector<T> out;
    auto it = json_.find(name);
    if (it == json_.end() || it->is_null()) return out;
    if (!it->is_array()) {
        Bad(name, type_key);
        return out;
    }
    if (it->size() > max_items) {
        Bad(name, "json.too_many", {{"max", std::to_string(max_items)}});
        return out;
    }
    for (std::size_t i = 0; i < it->size(); ++i)
        if (auto v = read_item((*it)[i], name + "[" + std::to_string(i) + "]")) out.push_back(std::move(*v));
    return out;
}

std::vector<std::int64_t> JsonBody::IdList(const std::string& name, std::size_t max_items) {
    return ReadList<std::int64_t>(
        name, max_items, "json.type_id_list",
        [&](const nlohmann::json& v, const std::string& field) -> std::optional<std::int64_t> {
            if (v.is_number_integer()) return v.get<std::int64_t>();
            Bad(field, "json.type_integer");
            return std::nullopt;
        });
}

std::vector<std::string> JsonBody::StrList(const std::string& name, std::size_t max_items, std::size_t max_bytes) {
    return ReadList<std::string>(name, max_items, "json.type_string_list",
                                 [&](const nlohmann::json& v, const std::string& field) -> std::optional<std::string> {
                                     if (!v.is_string()) {
                                         Bad(field, "json.type_string");
                                     } else if (v.get_ref<const std::string&>().size() > max_bytes) {
                                         Bad(field, "json.too_long");
                                     } else {
                                         return v.get<std::string>();
                                     }
                                     return std::nullopt;
                                 });
}

std::optional<JsonBody> JsonBody::Object(const std::string& name) {
    read_.insert(name);
    auto it = json_.find(name);
    if (it == json_.end() || it->is_null()) return std::nullopt;
    if (!it->is_object()) {
        Bad(name, "json.type_object");
        return std::nullopt;
    }
    return JsonBody(*it, prefix_ + name + ".");
}

std::vector<JsonBody> JsonBody::Objects(const std::string& name, std::size_t max_items) {
    return ReadList<JsonBody>(name, max_items, "json.type_object_list",
                              [&](const nlohmann::json& v, const std::string& field) -> std::optional<JsonBody> {
                                  if (v.is_object()) return JsonBody(v, prefix_ + field + ".");
                                  Bad(field, "json.type_object");
                                  return std::nullopt;
                              });
}

std::optional<nlohmann::json> JsonBody::Raw(const std::string& name) {
    read_.insert(name);
    auto it = json_.find(name);
    if (it == json_.end() || it->is_null()) return std::nullopt;
    return *it;
}

void JsonBody::Absorb(JsonBody& child) {
    child.CheckUnknown();
    for (auto& f : child.errors_.fields) errors_.fields.push_back(std::move(f));
    child.errors_.fields.clear();
}

void JsonBody::CheckUnknown() {
    for (const auto& [key, _] : json_.items())
        if (!read_.count(key)) Bad(key, "json.unknown_field", {{"name", key.substr(0, 64)}});
}

core::Status JsonBody::Finish() {
    CheckUnknown();
    if (!errors_.fields.empty()) return core::Fail(errors_);
    return core::Ok();
}

}  // namespace lianxin::http
