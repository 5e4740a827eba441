#include "core/member/floating.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::member {
namespace {

Date D(const char* s) { return *Date::Parse(s); }
// The national defaults of the policy store (domain.md §5.3): 6, 6 and 12 months.
const FloatingPolicy kPolicy = FloatingPolicyOn(policy::Policies(), *Date::Parse("2026-01-01"));
const Date kToday = D("2026-11-23");

Floating Record(const char* left = "2026-09-01") {
    Floating f;
    f.left_on = D(left);
    f.reason = FloatingReason::kWork;
    f.province = "广东省";
    f.city = "深圳市";
    f.county = "南山区";
    f.employer = "某科技有限公司";
    f.phone = "13900001111";
    return f;
}

std::string FieldsOf(const Status& s) {
    std::string out;
    if (!s)
        for (const auto& f : s.error().fields) out += (out.empty() ? "" : ",") + f.field + ":" + f.message_key;
    return out;
}
std::string RuleOf(const Status& s) { return s ? "" : s.error().message_key; }

std::vector<std::string> Keys(const std::vector<Reminder>& rs) {
    std::vector<std::string> out;
    for (const auto& r : rs) out.push_back(r.key);
    return out;
}

// §2.4 field 16: the outflow destination to county level (province, city, county); §5.3 "before leaving":
// reason, time, place and contact.
TEST(FloatingRules, DestinationToCountyLevelAndContactAreChecked) {
    EXPECT_TRUE(CheckFloating(Record(), kToday, kPolicy));
    auto f = Record();
    f.county = "";
    f.phone = "12345";
    EXPECT_EQ(FieldsOf(CheckFloating(f, kToday, kPolicy)), "county:field.text,phone:phone.format");
    EXPECT_EQ(Record().Destination(), "广东省 深圳市 南山区");
}

// Dates are facts: leaving not in the future; the expected return and the participation after leaving.
TEST(FloatingRules, DatesNotInTheFutureAndNotBeforeLeaving) {
    auto f = Record("2026-11-24");
    EXPECT_EQ(FieldsOf(CheckFloating(f, kToday, kPolicy)), "left_on:date.future");
    f = Record();
    f.expected_return = D("2026-09-01");
    f.participating = ParticipatingOrg{0, "深圳市某街道流动党员党支部", D("2026-08-31")};
    EXPECT_EQ(FieldsOf(CheckFloating(f, kToday, kPolicy)),
              "expected_return:floating.after_left,participating_since:floating.not_before_left");
}

// §5.3 "Certificate scope": the 流动党员活动证 is for short absences (≤ 6 months) or long absences where the
// relationship cannot yet be transferred.
TEST(FloatingRules, CertificateOnlyForSixMonthsOrCannotTransferYet) {
    auto f = Record("2026-09-01");
    f.certificate_no = "粤流 2026-0012";
    EXPECT_EQ(RuleOf(CheckFloating(f, kToday, kPolicy)), "floating.rule.certificate");  // no expected return
    f.expected_return = D("2027-03-01");
    EXPECT_TRUE(CheckFloating(f, kToday, kPolicy));  // exactly six months
    f.expected_return = D("2027-03-02");
    EXPECT_EQ(RuleOf(CheckFloating(f, kToday, kPolicy)), "floating.rule.certificate");
    f.cannot_transfer = true;
    EXPECT_EQ(FieldsOf(CheckFloating(f, kToday, kPolicy)), "cannot_transfer_reason:field.text");
    f.cannot_transfer_reason = "务工单位无党组织，居住地尚未稳定";
    EXPECT_TRUE(CheckFloating(f, kToday, kPolicy));
    f.cannot_transfer = false;
    EXPECT_EQ(FieldsOf(CheckFloating(f, kToday, kPolicy)), "cannot_transfer_reason:floating.reason_without_flag");
}

// §5.3 "Not to be used": long (≥ 6 months) at a fixed place → transfer the formal relationship. A reminder
// for the branch, never an automatic transfer; not for a member moving about or one who cannot transfer yet.
TEST(FloatingRules, SixMonthsAtAFixedPlaceRemindsToTransfer) {
    auto f = Record("2026-05-23");
    auto rs = FloatingReminders(f, std::nullopt, kPolicy, kToday);
    ASSERT_EQ(Keys(rs), (std::vector<std::string>{"floating.due.transfer", "floating.due.report"}));
    EXPECT_EQ(rs[0].due, D("2026-11-23"));
    EXPECT_TRUE(rs[0].overdue);
    f.fixed_place = false;
    EXPECT_EQ(Keys(FloatingReminders(f, std::nullopt, kPolicy, kToday)),
              (std::vector<std::string>{"floating.due.report"}));
    f.fixed_place = true;
    f.cannot_transfer = true;
    EXPECT_EQ(Keys(FloatingReminders(f, std::nullopt, kPolicy, kToday)),
              (std::vector<std::string>{"floating.due.report"}));

    // Expected to stay longer than six months: reminded ahead of time, not yet overdue.
    auto g = Record("2026-10-01");
    EXPECT_EQ(Keys(FloatingReminders(g, std::nullopt, kPolicy, kToday)),
              (std::vector<std::string>{"floating.due.report"}));
    g.expected_return = D("2027-06-30");
    rs = FloatingReminders(g, std::nullopt, kPolicy, kToday);
    ASSERT_EQ(rs.front().key, "floating.due.transfer");
    EXPECT_EQ(rs.front().due, D("2027-04-01"));
    EXPECT_FALSE(rs.front().overdue);
}

// §5.3 "Reporting": report at least once per year — due a year after the last report, or after leaving.
TEST(FloatingRules, YearlyReportDueAfterTheLastOne) {
    auto f = Record("2025-10-01");
    f.cannot_transfer = true;
    f.cannot_transfer_reason = "异地务工，单位无党组织";
    auto rs = FloatingReminders(f, std::nullopt, kPolicy, kToday);
    ASSERT_EQ(Keys(rs), (std::vector<std::string>{"floating.due.report"}));
    EXPECT_EQ(rs[0].due, D("2026-10-01"));
    EXPECT_TRUE(rs[0].overdue);
    rs = FloatingReminders(f, D("2026-07-01"), kPolicy, kToday);
    EXPECT_EQ(rs[0].due, D("2027-07-01"));
    EXPECT_FALSE(rs[0].overdue);
}

// An expected return that has passed is flagged; a closed record has no reminders.
TEST(FloatingRules, PassedExpectedReturnAndClosedRecords) {
    auto f = Record("2026-09-01");
    f.expected_return = D("2026-11-01");
    auto rs = FloatingReminders(f, std::nullopt, kPolicy, kToday);
    ASSERT_EQ(rs.front().key, "floating.due.return");
    EXPECT_TRUE(rs.front().overdue);
    auto closed = ReturnFloating(f, D("2026-11-20"), "交回活动证", kToday);
    ASSERT_TRUE(closed);
    EXPECT_FALSE(closed->Open());
    EXPECT_TRUE(FloatingReminders(*closed, std::nullopt, kPolicy, kToday).empty());
}

// §5.3 "On return": the return closes the record, once; not before leaving, not in the future.
TEST(FloatingRules, ReturnClosesOnceNotBeforeLeaving) {
    auto f = Record("2026-09-01");
    auto early = ReturnFloating(f, D("2026-08-31"), "", kToday);
    ASSERT_FALSE(early);
    EXPECT_EQ(FieldsOf(Fail(early.error())), "returned_on:floating.not_before_left");
    EXPECT_FALSE(ReturnFloating(f, D("2026-11-24"), "", kToday));
    auto closed = ReturnFloating(f, D("2026-11-01"), "", kToday);
    ASSERT_TRUE(closed);
    auto again = ReturnFloating(*closed, D("2026-11-02"), "", kToday);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().message_key, "floating.rule.closed");
}

// Reports are dated while away; the inflow org's participation and dues notes only while the record is open
// (§5.3 "At destination": may take part in organizational life and pay dues there).
TEST(FloatingRules, ReportsAreShortDatedNotes) {
    auto f = Record("2026-09-01");
    EXPECT_TRUE(
        CheckFloatingReport(f, {FloatingReportKind::kReport, D("2026-11-01"), "本年度思想、工作情况汇报"}, kToday));
    EXPECT_EQ(FieldsOf(CheckFloatingReport(f, {FloatingReportKind::kContact, D("2026-08-01"), std::string(501, 'x')},
                                           kToday)),
              "text:field.text,on:floating.not_before_left");
    EXPECT_EQ(FieldsOf(CheckFloatingReport(f, {FloatingReportKind::kContact, D("2026-11-24"), "电话联系"}, kToday)),
              "on:date.future");
    auto closed = *ReturnFloating(f, D("2026-11-10"), "", kToday);
    EXPECT_EQ(RuleOf(CheckFloatingReport(closed, {FloatingReportKind::kParticipation, D("2026-11-05"), "参加主题党日"},
                                         kToday)),
              "floating.rule.closed");
    EXPECT_TRUE(
        CheckFloatingReport(closed, {FloatingReportKind::kReport, D("2026-11-12"), "返回后汇报外出期间情况"}, kToday));
    EXPECT_TRUE(InflowKind(FloatingReportKind::kDues));
    EXPECT_FALSE(InflowKind(FloatingReportKind::kContact));
    EXPECT_EQ(ParseFloatingReportKind("participation"), FloatingReportKind::kParticipation);
    EXPECT_EQ(ParseFloatingReason("study"), FloatingReason::kStudy);
    EXPECT_FALSE(ParseFloatingReason("holiday"));
}

}  // namespace
}  // namespace lianxin::core::member
