#include "core/policy/policies.hpp"

#include <utility>

#include "core/member/fields.hpp"
#include "core/org/org.hpp"

namespace lianxin::core::policy {

Policies::Policies(std::string org_path, std::vector<Setting> settings)
    : org_path_(std::move(org_path)), settings_(std::move(settings)) {}

const Setting* Policies::InForce(std::string_view key, const Date& on) const {
    const Setting* best = nullptr;
    for (const auto& s : settings_) {
        if (s.key != key || !s.ValidOn(on) || !org::InSubtree(org_path_, s.org_path)) continue;
        // The nearest org wins; of one org's settings at most one is valid on a date.
        if (!best || s.org_path.size() > best->org_path.size()) best = &s;
    }
    return best;
}

std::int64_t Policies::Value(std::string_view key, const Date& on) const {
    if (const Setting* s = InForce(key, on)) return s->value;
    const Spec* spec = Find(key);
    return spec ? spec->national_default : 0;
}

Result<Change> PlanChange(const std::vector<Setting>& same_org_key, Setting proposed, const std::string& value_text,
                          const Date& today) {
    const Spec* spec = Find(proposed.key);
    if (!spec) return Fail(InvalidField("key", "policy.key.unknown"));
    Error errors = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    auto value = ParseValue(*spec, value_text);
    if (!value) errors.fields.push_back(value.error().fields.front());
    member::CheckText(proposed.doc, 1, 100, "doc", errors);
    if (proposed.valid_from < today)
        errors.WithField("valid_from", "policy.rule.past",
                         {{"today", today.ToString()}, {"label", "policy.valid_from"}});
    if (!errors.fields.empty()) return Fail(errors);
    proposed.value = *value;
    proposed.valid_to.reset();
    Change out;
    for (const auto& s : same_org_key) {
        if (s.key != proposed.key || s.org_id != proposed.org_id) continue;
        if (s.valid_to && *s.valid_to <= proposed.valid_from) continue;  // ended before the new one starts
        const Date end = s.valid_from < proposed.valid_from ? proposed.valid_from : s.valid_from;
        out.closes.emplace_back(s.id, end);
    }
    out.setting = std::move(proposed);
    return out;
}

}  // namespace lianxin::core::policy
