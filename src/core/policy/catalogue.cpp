#include "core/policy/catalogue.hpp"

#include <array>
#include <charconv>

#include "core/policy/duplicate_keys.hpp"
#include "core/policy/rates_keys.hpp"

namespace lianxin::core::policy {

namespace {
// Defaults are the national rule where one exists, else domain.md's recommendation; 0 turns a local minimum off.
// The order of each choice list is the order of its enum (core/common/date.hpp LeapDay).
constexpr std::array<std::string_view, 2> kLeapDayChoices{"feb_28", "mar_1"};
// core/calendar/work_calendar.hpp Unit.
constexpr std::array<std::string_view, 3> kSlaUnitChoices{"working_days", "natural_days", "hours"};
// SLA defaults: the unofficial explainer of domain.md §7.4 [LOW — do not hard-code]: general demands 7 days,
// complex 15, utility 24 hours, emergencies 2 hours; respond = the "24-hour sign-for" (签收) base indicator, an
// hour for utility and 30 minutes for emergencies (the Pinggu on-site rule of §7.3 as the nearest figure). Close
// (feedback to the reporter after handling) has no figure of its own: it defaults to the handle limit.
constexpr std::string_view kSla = "domain.md §7.4";

// The rates' formulas (core/rates/rates.hpp): domain.md §7.4 gives only "generally understood" definitions [LOW]
// (response = contacted within the limit; resolution, satisfaction = share of call-back answers); the defaults
// are the strict reading: the assignee's own first step, 办结 by the deadline, dismissals counted against,
// "partly" not resolved, satisfied = 4 or 5 of 5, working time as the SLA clock counts.
constexpr std::array<std::string_view, 2> kRatesResponseChoices{"handler", "dispatch"};
constexpr std::array<std::string_view, 2> kRatesOnTimeChoices{"handle", "close"};
constexpr std::array<std::string_view, 2> kRatesDismissedChoices{"against", "excluded"};
constexpr std::array<std::string_view, 2> kRatesPartlyChoices{"not_resolved", "resolved"};
constexpr std::array<std::string_view, 2> kRatesTimeChoices{"working", "calendar"};

constexpr std::array<Spec, 54> kCatalogue{{
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
    {kEventSlaGeneralUnit, ValueKind::kChoice, 0, 2, 0, "", kSlaUnitChoices, kSla, "UNKNOWN"},
    {kEventSlaGeneralRespondMinutes, ValueKind::kInt, 1, 43200, 1440, "minutes", {}, kSla, "UNKNOWN"},
    {kEventSlaGeneralHandle, ValueKind::kInt, 1, 999, 7, "sla_unit", {}, kSla, "UNKNOWN"},
    {kEventSlaGeneralClose, ValueKind::kInt, 1, 999, 7, "sla_unit", {}, kSla, "UNKNOWN"},
    {kEventSlaComplexUnit, ValueKind::kChoice, 0, 2, 0, "", kSlaUnitChoices, kSla, "UNKNOWN"},
    {kEventSlaComplexRespondMinutes, ValueKind::kInt, 1, 43200, 1440, "minutes", {}, kSla, "UNKNOWN"},
    {kEventSlaComplexHandle, ValueKind::kInt, 1, 999, 15, "sla_unit", {}, kSla, "UNKNOWN"},
    {kEventSlaComplexClose, ValueKind::kInt, 1, 999, 15, "sla_unit", {}, kSla, "UNKNOWN"},
    {kEventSlaUtilityUnit, ValueKind::kChoice, 0, 2, 2, "", kSlaUnitChoices, kSla, "UNKNOWN"},
    {kEventSlaUtilityRespondMinutes, ValueKind::kInt, 1, 43200, 60, "minutes", {}, kSla, "UNKNOWN"},
    {kEventSlaUtilityHandle, ValueKind::kInt, 1, 999, 24, "sla_unit", {}, kSla, "UNKNOWN"},
    {kEventSlaUtilityClose, ValueKind::kInt, 1, 999, 24, "sla_unit", {}, kSla, "UNKNOWN"},
    {kEventSlaEmergencyUnit, ValueKind::kChoice, 0, 2, 2, "", kSlaUnitChoices, kSla, "UNKNOWN"},
    {kEventSlaEmergencyRespondMinutes, ValueKind::kInt, 1, 43200, 30, "minutes", {}, kSla, "UNKNOWN"},
    {kEventSlaEmergencyHandle, ValueKind::kInt, 1, 999, 2, "sla_unit", {}, kSla, "UNKNOWN"},
    {kEventSlaEmergencyClose, ValueKind::kInt, 1, 999, 2, "sla_unit", {}, kSla, "UNKNOWN"},
    {kEventWarnBeforePercent, ValueKind::kInt, 0, 90, 20, "percent", {}, kSla, "UNKNOWN"},
    // Residents' reports (issue 17): what a photo may be, and how the one-time code is guarded. No national rule.
    {kMediaPhotoMaxBytes, ValueKind::kInt, 65'536, 33'554'432, 8'388'608, "bytes", {}, "domain.md §7.2", "LOCAL"},
    {kMediaPhotoMaxPixels, ValueKind::kInt, 1'000'000, 100'000'000, 25'000'000, "pixels", {}, "domain.md §7.2", "LOCAL"},
    {kMediaPhotoMaxEdge, ValueKind::kInt, 256, 8192, 2048, "pixels", {}, "domain.md §7.2", "LOCAL"},
    {kEventPhotosMax, ValueKind::kInt, 1, 20, 6, "photos", {}, "domain.md §7.2", "LOCAL"},
    {kOtpCodeTtlMinutes, ValueKind::kInt, 1, 60, 10, "minutes", {}, "domain.md §7.2", "LOCAL"},
    {kOtpMaxTries, ValueKind::kInt, 1, 10, 5, "tries", {}, "domain.md §7.2", "LOCAL"},
    {kOtpSendsPerHourPhone, ValueKind::kInt, 1, 60, 5, "per_hour", {}, "domain.md §7.2", "LOCAL"},
    {kOtpSendsPerHourAddress, ValueKind::kInt, 1, 1000, 30, "per_hour", {}, "domain.md §7.2", "LOCAL"},
    {kOtpTokenTtlMinutes, ValueKind::kInt, 10, 1440, 120, "minutes", {}, "domain.md §7.2", "LOCAL"},
    {kGridHouseholdsMin, ValueKind::kInt, 0, 100000, 300, "households", {}, "domain.md §7.1", "LOCAL"},
    {kGridHouseholdsMax, ValueKind::kInt, 1, 100000, 500, "households", {}, "domain.md §7.1", "LOCAL"},
    {kGridBoundaryMaxVertices, ValueKind::kInt, 4, 1000000, 10000, "vertices", {}, "domain.md §7.1", "LOCAL"},
    {kEventWhistleReportMinutes, ValueKind::kInt, 5, 1440, 30, "minutes", {}, "domain.md §7.3", "LOCAL"},
    {kEventDueSoonHours, ValueKind::kInt, 1, 720, 24, "hours", {}, "domain.md §7 SLA", "UNKNOWN"},
    {kRatesResponseStep, ValueKind::kChoice, 0, 1, 0, "", kRatesResponseChoices, "domain.md §7.4", "LOW"},
    {kRatesOnTimeStep, ValueKind::kChoice, 0, 1, 0, "", kRatesOnTimeChoices, "domain.md §7.4", "LOW"},
    {kRatesDismissed, ValueKind::kChoice, 0, 1, 0, "", kRatesDismissedChoices, "domain.md §7.4", "LOW"},
    {kRatesPartly, ValueKind::kChoice, 0, 1, 0, "", kRatesPartlyChoices, "domain.md §7.4", "LOW"},
    {kRatesSatisfiedMinScore, ValueKind::kInt, 1, 5, 4, "score", {}, "domain.md §7.4", "LOW"},
    {kRatesHandlingTime, ValueKind::kChoice, 0, 1, 0, "", kRatesTimeChoices, "domain.md §7.4", "LOW"},
    {kPatrolPerGridPerWorkingDay, ValueKind::kInt, 0, 10, 1, "patrols", {}, "domain.md §4.5", "LOCAL"},
    {kEventResidentReportsPerDay, ValueKind::kInt, 1, 100, 5, "per_day", {}, "domain.md §7.2", "LOCAL"},
    {kEventResidentDataRetentionDays, ValueKind::kInt, 1, 3650, 180, "days", {}, "domain.md §7.2", "LOCAL"},
    // "after-photo / reply": either is evidence; the note (the reply) is always required, photos from this number.
    {kEventAfterPhotosMin, ValueKind::kInt, 0, 20, 0, "photos", {}, "domain.md §7", "MED"},
    {kEventCallbackDueDays, ValueKind::kInt, 1, 30, 3, "days", {}, "domain.md §7.2", "UNKNOWN"},
    // Duplicates (issue 17): no source gives a figure; 100 m (a building and its street front) and 7 days (the
    // general handling limit of §7.4's explainer) are this platform's defaults. 0 m offers only the same point.
    {kEventDuplicateDistanceMetres, ValueKind::kInt, 0, 5000, 100, "metres", {}, "domain.md §7.2", "UNKNOWN"},
    {kEventDuplicateWindowDays, ValueKind::kInt, 1, 90, 7, "days", {}, "domain.md §7.2", "UNKNOWN"},
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
