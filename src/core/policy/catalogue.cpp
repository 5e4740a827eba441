#include "core/policy/catalogue.hpp"

#include <array>
#include <charconv>

namespace lianxin::core::policy {

namespace {
// Defaults are the national rule where one exists, else domain.md's recommendation; 0 turns a local minimum off.
// The order of each choice list is the order of its enum (core/common/date.hpp LeapDay).
constexpr std::array<std::string_view, 2> kLeapDayChoices{"feb_28", "mar_1"};

constexpr std::array<Spec, 12> kCatalogue{{
    {kTransferMaxValidityDays, ValueKind::kInt, 1, 366, 90, "days", {}, "domain.md §5.2", "LOCAL"},
    {kTransferMaxValidityDaysCrossProvince, ValueKind::kInt, 1, 366, 180, "days", {}, "domain.md §5.2", "LOW"},
    {kTransferReceiptWithinMonths, ValueKind::kInt, 1, 12, 1, "months", {}, "domain.md §5.2", "HIGH"},
    {kTransferInTransitAlertMonths, ValueKind::kInt, 1, 24, 3, "months", {}, "domain.md §5.2", "LOCAL"},
    {kFloatingCertificateMaxMonths, ValueKind::kInt, 1, 24, 6, "months", {}, "domain.md §5.3", "HIGH"},
    {kFloatingTransferAfterMonths, ValueKind::kInt, 1, 24, 6, "months", {}, "domain.md §5.3", "HIGH"},
    {kFloatingReportEveryMonths, ValueKind::kInt, 1, 24, 12, "months", {}, "domain.md §5.3", "HIGH"},
    {kLostContactSearchEveryMonths, ValueKind::kInt, 1, 12, 3, "months", {}, "domain.md §2.5", "LOCAL"},
    {kDevelopmentApplicationToActivistMonths, ValueKind::kInt, 0, 24, 0, "months", {}, "domain.md §2.2 row 4", "LOCAL"},
    {kMemberLeapDayAnniversary, ValueKind::kChoice, 0, 1, 0, "", kLeapDayChoices, "domain.md §2.3", "UNKNOWN"},
    {kEventWhistleReportMinutes, ValueKind::kInt, 5, 1440, 30, "minutes", {}, "domain.md §7.3", "LOCAL"},
    {kEventDueSoonHours, ValueKind::kInt, 1, 720, 24, "hours", {}, "domain.md §7 SLA", "UNKNOWN"},
}};
}  // namespace

std::span<const Spec> Catalogue() { return kCatalogue; }

const Spec* Find(std::string_view key) {
    for (const auto& s : kCatalogue)
        if (s.key == key) return &s;
    return nullptr;
}

Result<std::int64_t> ParseValue(const Spec& spec, std::string_view text, const std::string& field) {
    if (spec.kind == ValueKind::kChoice) {
        for (std::size_t i = 0; i < spec.choices.size(); ++i)
            if (spec.choices[i] == text) return static_cast<std::int64_t>(i);
        std::string names;
        for (auto c : spec.choices) names += (names.empty() ? "" : ", ") + std::string(c);
        return Fail(InvalidField(field, "policy.value.choice", {{"choices", names}}));
    }
    std::int64_t v = 0;
    const auto* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (text.empty() || ec != std::errc{} || ptr != end || v < spec.min || v > spec.max)
        return Fail(InvalidField(field, "policy.value.range",
                                 {{"min", std::to_string(spec.min)}, {"max", std::to_string(spec.max)}}));
    return v;
}

std::string FormatValue(const Spec& spec, std::int64_t value) {
    if (spec.kind == ValueKind::kChoice)
        return value >= 0 && static_cast<std::size_t>(value) < spec.choices.size()
                   ? std::string(spec.choices[static_cast<std::size_t>(value)])
                   : std::string(spec.choices[0]);
    return std::to_string(value);
}

}  // namespace lianxin::core::policy
