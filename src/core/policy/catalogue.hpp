// The catalogue of policy keys (政策参数): every figure of domain.md marked [LOCAL] or [UNKNOWN] that the code
// uses, with its type, bounds, national default and the section it comes from (docs/contributing.md "Adding a
// policy key"). [HIGH] national rules stay constants beside the rule that uses them; these are data, set per
// org subtree from a date (store.hpp). Keys are stable wire and database names: renaming one is a migration.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/common/result.hpp"

namespace lianxin::core::policy {

// The keys the code reads. Each names its area first, as the rest of the code does.
inline constexpr std::string_view kTransferMaxValidityDays = "transfer.max_validity_days";
inline constexpr std::string_view kTransferMaxValidityDaysCrossProvince = "transfer.max_validity_days_cross_province";
inline constexpr std::string_view kTransferReceiptWithinMonths = "transfer.receipt_within_months";
inline constexpr std::string_view kTransferInTransitAlertMonths = "transfer.in_transit_alert_months";
inline constexpr std::string_view kFloatingCertificateMaxMonths = "floating.certificate_max_months";
inline constexpr std::string_view kFloatingTransferAfterMonths = "floating.transfer_after_months";
inline constexpr std::string_view kFloatingReportEveryMonths = "floating.report_every_months";
inline constexpr std::string_view kLostContactSearchEveryMonths = "lost_contact.search_every_months";
inline constexpr std::string_view kDevelopmentApplicationToActivistMonths =
    "development.application_to_activist_months";
inline constexpr std::string_view kMemberLeapDayAnniversary = "member.leap_day_anniversary";
// SLA limits of an event (issue 17 "SLA"; domain.md §7.4 time limits [UNKNOWN]) per SLA class: how the handle and
// close limits are counted (a choice: working_days | natural_days | hours), the time to respond (minutes, on
// the calendar clock), to handle and to close (in the class's unit); and when a deadline is "due soon".
inline constexpr std::string_view kEventSlaGeneralUnit = "event.sla_general_unit";
inline constexpr std::string_view kEventSlaGeneralRespondMinutes = "event.sla_general_respond_minutes";
inline constexpr std::string_view kEventSlaGeneralHandle = "event.sla_general_handle";
inline constexpr std::string_view kEventSlaGeneralClose = "event.sla_general_close";
inline constexpr std::string_view kEventSlaComplexUnit = "event.sla_complex_unit";
inline constexpr std::string_view kEventSlaComplexRespondMinutes = "event.sla_complex_respond_minutes";
inline constexpr std::string_view kEventSlaComplexHandle = "event.sla_complex_handle";
inline constexpr std::string_view kEventSlaComplexClose = "event.sla_complex_close";
inline constexpr std::string_view kEventSlaUtilityUnit = "event.sla_utility_unit";
inline constexpr std::string_view kEventSlaUtilityRespondMinutes = "event.sla_utility_respond_minutes";
inline constexpr std::string_view kEventSlaUtilityHandle = "event.sla_utility_handle";
inline constexpr std::string_view kEventSlaUtilityClose = "event.sla_utility_close";
inline constexpr std::string_view kEventSlaEmergencyUnit = "event.sla_emergency_unit";
inline constexpr std::string_view kEventSlaEmergencyRespondMinutes = "event.sla_emergency_respond_minutes";
inline constexpr std::string_view kEventSlaEmergencyHandle = "event.sla_emergency_handle";
inline constexpr std::string_view kEventSlaEmergencyClose = "event.sla_emergency_close";
inline constexpr std::string_view kEventWarnBeforePercent = "event.warn_before_percent";
// Residents' reports (issue 17 "Events and their intake", "Bad input"): photos and the one-time code.
inline constexpr std::string_view kMediaPhotoMaxBytes = "media.photo_max_bytes";
inline constexpr std::string_view kMediaPhotoMaxPixels = "media.photo_max_pixels";
inline constexpr std::string_view kMediaPhotoMaxEdge = "media.photo_max_edge";
inline constexpr std::string_view kEventPhotosMax = "event.photos_max";
inline constexpr std::string_view kOtpCodeTtlMinutes = "otp.code_ttl_minutes";
inline constexpr std::string_view kOtpMaxTries = "otp.max_tries";
inline constexpr std::string_view kOtpSendsPerHourPhone = "otp.sends_per_hour_phone";
inline constexpr std::string_view kOtpSendsPerHourAddress = "otp.sends_per_hour_address";
inline constexpr std::string_view kOtpTokenTtlMinutes = "otp.token_ttl_minutes";
inline constexpr std::string_view kGridHouseholdsMin = "grid.households_min";
inline constexpr std::string_view kGridHouseholdsMax = "grid.households_max";
inline constexpr std::string_view kGridBoundaryMaxVertices = "grid.boundary_max_vertices";
inline constexpr std::string_view kEventWhistleReportMinutes = "event.whistle_report_minutes";
inline constexpr std::string_view kEventDueSoonHours = "event.due_soon_hours";
// 日巡 (seed 003 日巡、周查、月评; domain.md §4.5 "recurring tasks", frequency [LOCAL]): patrols a grid expects on each
// working day; the duty list names the grids short of it.
inline constexpr std::string_view kPatrolPerGridPerWorkingDay = "patrol.per_grid_per_working_day";
// Residents' reports (issue 17 "Bad input": a report flood from one number; "Residents' data is kept for the event
// only ... with a retention policy").
inline constexpr std::string_view kEventResidentReportsPerDay = "event.resident_reports_per_day";
inline constexpr std::string_view kEventResidentDataRetentionDays = "event.resident_data_retention_days";
// Closing the loop (issue 17 "The closed loop"; domain.md §7 "Closure requires evidence (after-photo / reply)"):
// how many photos taken after handling 办结 needs (0: the handling note, the reply, is the evidence).
inline constexpr std::string_view kEventAfterPhotosMin = "event.after_photos_min";
// 回访 of hotline events (issue 17 "The closed loop"; domain.md §7.2 the 12345 loop 办结 → 回访 → 评价, time limit
// [UNKNOWN]): the call-back is due within this many days after 办结; a later one is recorded and shown as late.
inline constexpr std::string_view kEventCallbackDueDays = "event.callback_due_days";

enum class ValueKind { kInt, kChoice };

struct Spec {
    std::string_view key;
    ValueKind kind = ValueKind::kInt;
    std::int64_t min = 0;  // kInt: inclusive bounds; kChoice: 0 … choices.size() − 1
    std::int64_t max = 0;
    std::int64_t national_default = 0;          // kChoice: the index of the default choice
    std::string_view unit;                      // kInt: "days", "months", "minutes", "percent", "sla_unit" (the
                                                // unit its class's choice key names); "" for choices
    std::span<const std::string_view> choices;  // kChoice: the wire names, in index order
    std::string_view source;                    // "domain.md §5.2"
    std::string_view confidence;                // the tag of the source: "LOCAL", "UNKNOWN", "MED", …
};

// Every key, in the order the policy page lists them.
std::span<const Spec> Catalogue();
// The key's spec, or nullptr.
const Spec* Find(std::string_view key);

// The stored or typed text of a value: a decimal integer in the bounds (kInt) or one of the choices' names.
// Fails with InvalidField(field, "policy.value.range" {min,max} | "policy.value.choice" {choices}).
Result<std::int64_t> ParseValue(const Spec& spec, std::string_view text, const std::string& field = "value");
// The text of a value as ParseValue reads it.
std::string FormatValue(const Spec& spec, std::int64_t value);

}  // namespace lianxin::core::policy
