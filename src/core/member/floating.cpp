#include "core/member/floating.hpp"

#include <algorithm>

#include "core/common/names.hpp"
#include "core/member/fields.hpp"

namespace lianxin::core::member {

namespace {
constexpr int kMaxReport = 500;

Error Rule(std::string key) { return MakeError(ErrorCode::kFailedPrecondition, std::move(key)); }
Error Invalid() { return MakeError(ErrorCode::kInvalidArgument, "request.invalid"); }
}  // namespace

std::string Floating::Destination() const {
    std::string out;
    for (const auto* part : {&province, &city, &county})
        if (!part->empty()) out += (out.empty() ? "" : " ") + *part;
    return out;
}

FloatingPolicy FloatingPolicyOn(const policy::Policies& policies, const Date& on) {
    return {policies.Int(policy::kFloatingCertificateMaxMonths, on),
            policies.Int(policy::kFloatingTransferAfterMonths, on),
            policies.Int(policy::kFloatingReportEveryMonths, on)};
}

Status CheckFloating(const Floating& f, const Date& today, const FloatingPolicy& policy) {
    Error errors = Invalid();
    if (f.left_on > today) errors.WithField("left_on", "date.future", {{"latest", today.ToString()}});
    CheckText(f.province, 2, 20, "province", errors);
    CheckText(f.city, 1, 30, "city", errors);  // 外出流向 to county level (§2.4 field 16)
    CheckText(f.county, 1, 30, "county", errors);
    CheckText(f.employer, 0, 100, "employer", errors);
    CheckPhone(f.phone, "phone", errors);
    if (f.expected_return && *f.expected_return <= f.left_on)
        errors.WithField("expected_return", "floating.after_left", {{"left_on", f.left_on.ToString()}});
    CheckText(f.certificate_no, 0, 30, "certificate_no", errors);
    if (f.cannot_transfer) CheckText(f.cannot_transfer_reason, 2, 200, "cannot_transfer_reason", errors);
    else if (!f.cannot_transfer_reason.empty())
        errors.WithField("cannot_transfer_reason", "floating.reason_without_flag");
    if (f.participating) {
        const auto& p = *f.participating;
        CheckText(p.name, 2, 100, "participating_org_name", errors);
        if (p.since && *p.since > today)
            errors.WithField("participating_since", "date.future", {{"latest", today.ToString()}});
        else if (p.since && *p.since < f.left_on)
            errors.WithField("participating_since", "floating.not_before_left", {{"left_on", f.left_on.ToString()}});
    }
    if (!errors.fields.empty()) return Fail(errors);
    // §5.3: the activity certificate serves short absences (≤ 6 months) or long ones whose relationship cannot
    // be transferred yet; a long absence at a fixed place transfers the relationship instead.
    if (!f.certificate_no.empty() && !f.cannot_transfer) {
        const Date limit = f.left_on.AddMonths(policy.certificate_max_months);
        if (!f.expected_return || *f.expected_return > limit)
            return Fail(Rule("floating.rule.certificate")
                            .WithParam("limit", limit.ToString())
                            .WithParam("months", std::to_string(policy.certificate_max_months)));
    }
    return Ok();
}

Result<Floating> ReturnFloating(const Floating& f, const Date& on, std::string note, const Date& today) {
    if (!f.Open()) return Fail(Rule("floating.rule.closed").WithParam("returned_on", f.returned_on->ToString()));
    Error errors = Invalid();
    if (on > today) errors.WithField("returned_on", "date.future", {{"latest", today.ToString()}});
    else if (on < f.left_on)
        errors.WithField("returned_on", "floating.not_before_left", {{"left_on", f.left_on.ToString()}});
    CheckText(note, 0, 200, "note", errors);
    if (!errors.fields.empty()) return Fail(errors);
    Floating next = f;
    next.returned_on = on;
    next.return_note = std::move(note);
    return next;
}

Status CheckFloatingReport(const Floating& f, const FloatingReport& r, const Date& today) {
    Error errors = Invalid();
    CheckText(r.text, 1, kMaxReport, "text", errors);
    if (r.on > today) errors.WithField("on", "date.future", {{"latest", today.ToString()}});
    else if (r.on < f.left_on) errors.WithField("on", "floating.not_before_left", {{"left_on", f.left_on.ToString()}});
    else if (InflowKind(r.kind) && f.returned_on && r.on > *f.returned_on)
        errors.WithField("on", "floating.after_return", {{"returned_on", f.returned_on->ToString()}});
    if (!errors.fields.empty()) return Fail(errors);
    // The inflow org records only while the member is away; the outflow branch may note the handing back of
    // the certificate and the report on return after the record closed.
    if (InflowKind(r.kind) && !f.Open())
        return Fail(Rule("floating.rule.closed").WithParam("returned_on", f.returned_on->ToString()));
    return Ok();
}

std::vector<Reminder> FloatingReminders(const Floating& f, const std::optional<Date>& last_report,
                                        const FloatingPolicy& policy, const Date& today) {
    std::vector<Reminder> out;
    if (!f.Open()) return out;
    const Date transfer_due = f.left_on.AddMonths(policy.transfer_after_months);
    const bool long_absence = today >= transfer_due || (f.expected_return && *f.expected_return >= transfer_due);
    if (f.fixed_place && !f.cannot_transfer && long_absence)
        out.push_back({"floating.due.transfer",
                       transfer_due,
                       today >= transfer_due,
                       {{"months", std::to_string(policy.transfer_after_months)}}});
    const Date report_due = last_report.value_or(f.left_on).AddMonths(policy.report_every_months);
    out.push_back({"floating.due.report",
                   report_due,
                   today > report_due,
                   {{"months", std::to_string(policy.report_every_months)}}});
    if (f.expected_return && today > *f.expected_return)
        out.push_back({"floating.due.return", *f.expected_return, true, {}});
    std::stable_sort(out.begin(), out.end(), [](const Reminder& a, const Reminder& b) { return a.due < b.due; });
    return out;
}

bool InflowKind(FloatingReportKind k) {
    return k == FloatingReportKind::kParticipation || k == FloatingReportKind::kDues;
}

namespace {
constexpr NameTable<FloatingReason, 5> kReasons{{
    {FloatingReason::kWork, "work"},
    {FloatingReason::kBusiness, "business"},
    {FloatingReason::kStudy, "study"},
    {FloatingReason::kFamily, "family"},
    {FloatingReason::kOther, "other"},
}};
constexpr NameTable<FloatingReportKind, 4> kKinds{{
    {FloatingReportKind::kReport, "report"},
    {FloatingReportKind::kContact, "contact"},
    {FloatingReportKind::kParticipation, "participation"},
    {FloatingReportKind::kDues, "dues"},
}};
}  // namespace

std::string_view ToString(FloatingReason r) { return NameOf(kReasons, r); }
std::optional<FloatingReason> ParseFloatingReason(std::string_view s) { return ValueOf(kReasons, s); }
std::string_view ToString(FloatingReportKind k) { return NameOf(kKinds, k); }
std::optional<FloatingReportKind> ParseFloatingReportKind(std::string_view s) { return ValueOf(kKinds, s); }

}  // namespace lianxin::core::member
