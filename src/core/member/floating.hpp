// The floating-member register (流动党员登记, domain.md §5.3), kept by the outflow branch: a member who, for
// work, business, study or family, cannot take part in the life of the org holding the formal relationship for
// a long time. One affiliation, dual management (一方隶属、双重管理): the formal affiliation never changes; the
// member may take part in the life of a participating org at the destination (流入地党组织) — inside this
// system (an org id) or outside it (a name only) — pay dues there, but has no vote there.
//
// A record opens on the day the member left (外出日期) and closes on the day they returned (返回日期); at most
// one record is open per member. Reports (汇报/联系记录, and the inflow org's participation notes) are dated,
// short and append-only. Rules that are reminders are never acted on automatically.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/date.hpp"
#include "core/common/result.hpp"
#include "core/member/reminder.hpp"
#include "core/policy/policies.hpp"

namespace lianxin::core::member {

// 外出原因: 务工 / 经商 / 求学 / 随迁 / 其他.
enum class FloatingReason { kWork, kBusiness, kStudy, kFamily, kOther };

// What a dated note records: the member's yearly report on thinking, work and organizational life
// (思想汇报/情况报告), the branch's contact (联系记录) — both on the outflow side — and, from the inflow org,
// taking part in its organizational life (参加组织生活) or paying dues there (交纳党费).
enum class FloatingReportKind { kReport, kContact, kParticipation, kDues };

// Figures of §5.3, read from the policy store (core/policy: floating.*) for the outflow branch on a date.
struct FloatingPolicy {
    int certificate_max_months = 0;  // 活动证: short absences (national: ≤ 6 months) or "cannot transfer yet"
    int transfer_after_months = 0;   // this long at a relatively fixed place → transfer the relationship (6)
    int report_every_months = 0;     // "report at least once per year" (12)
};
// The figures in force on `on` for the org whose settings `policies` holds.
FloatingPolicy FloatingPolicyOn(const policy::Policies& policies, const Date& on);

// The participating org at the destination (流入地党组织).
struct ParticipatingOrg {
    std::int64_t org_id = 0;  // 0 when the org is outside this system (then only the name is known)
    std::string name;
    std::optional<Date> since;  // takes part in its life since
};

// The facts of one record as the outflow branch registers them.
struct Floating {
    Date left_on;  // 外出日期
    FloatingReason reason = FloatingReason::kWork;
    std::string province, city, county;   // 外出流向, to county level
    std::string employer;                 // 工作单位或所在地 at the destination
    std::string phone;                    // 外出期间联系电话 (encrypted at rest, masked by role)
    std::optional<Date> expected_return;  // 预计返回日期
    bool fixed_place = true;              // 相对固定地点 (not moving about and often returning)
    std::string certificate_no;           // 流动党员活动证编号; empty = none issued
    bool cannot_transfer = false;         // the relationship cannot be transferred yet …
    std::string cannot_transfer_reason;   // … and why
    std::optional<ParticipatingOrg> participating;
    std::optional<Date> returned_on;  // 返回日期: closes the record
    std::string return_note;

    bool Open() const { return !returned_on; }
    // "省 市 县" as the registry's 外出流向 shows it.
    std::string Destination() const;
};

struct FloatingReport {
    FloatingReportKind kind = FloatingReportKind::kReport;
    Date on;
    std::string text;  // ≤ 500 characters
};

// Checks every field of a record as opened or edited (one error naming each wrong field), then the rules:
// dates not in the future, expected return and participation not before leaving, the certificate only for
// absences of at most 6 months or with "cannot transfer yet" and its reason ("floating.rule.certificate").
Status CheckFloating(const Floating& f, const Date& today, const FloatingPolicy& policy);

// Closes the record on `on`: not in the future, not before leaving, not twice ("floating.rule.*").
Result<Floating> ReturnFloating(const Floating& f, const Date& on, std::string note, const Date& today);

// Checks a note before it is appended to `f`: text 1–500 characters, dated not in the future, not before leaving
// and (participation, dues) not after the return.
Status CheckFloatingReport(const Floating& f, const FloatingReport& r, const Date& today);

// What the outflow branch should do next for an open record, earliest first:
//  - "floating.due.transfer": at a fixed place for 6 months or more (or expected to be) without "cannot
//    transfer yet" → the relationship should be transferred (应转接组织关系, §5.3); never done automatically;
//  - "floating.due.report": the yearly report is due a year after the last one (or after leaving);
//  - "floating.due.return": the expected return date has passed without a return being registered.
std::vector<Reminder> FloatingReminders(const Floating& f, const std::optional<Date>& last_report,
                                        const FloatingPolicy& policy, const Date& today);

// Which side may append a note of this kind: the outflow branch (report, contact) or the inflow org.
bool InflowKind(FloatingReportKind k);

std::string_view ToString(FloatingReason r);
std::optional<FloatingReason> ParseFloatingReason(std::string_view s);
std::string_view ToString(FloatingReportKind k);
std::optional<FloatingReportKind> ParseFloatingReportKind(std::string_view s);

}  // namespace lianxin::core::member
