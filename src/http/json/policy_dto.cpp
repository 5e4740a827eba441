#include "http/json/policy_dto.hpp"

#include "http/messages.hpp"

namespace lianxin::http {

nlohmann::json PolicyValueJson(const core::policy::Spec& spec, std::int64_t v) {
    if (spec.kind == core::policy::ValueKind::kChoice) return core::policy::FormatValue(spec, v);
    return v;
}

// One key of the catalogue in the request's language (also `lianxin policy list --json`'s shape).
nlohmann::json PolicySpecJson(const core::policy::Spec& spec, Lang lang) {
    const std::string key(spec.key);
    nlohmann::json choices = nlohmann::json::array();
    for (auto c : spec.choices)
        choices.push_back({{"value", std::string(c)}, {"label", Translate(lang, "policy.choice." + std::string(c))}});
    return {
        {"key", key},
        {"name", Translate(lang, "policy.name." + key)},
        {"description", Translate(lang, "policy.desc." + key)},
        {"kind", spec.kind == core::policy::ValueKind::kChoice ? "choice" : "int"},
        {"unit", std::string(spec.unit)},
        {"unit_label", spec.unit.empty() ? std::string() : Translate(lang, "policy.unit." + std::string(spec.unit))},
        {"min", spec.min},
        {"max", spec.max},
        {"choices", choices},
        {"default", PolicyValueJson(spec, spec.national_default)},
        {"source", std::string(spec.source)},
        {"confidence", std::string(spec.confidence)}};
}

}  // namespace lianxin::http
