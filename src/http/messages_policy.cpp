// Messages and names of the policy store (政策参数, issue 16): each key's name and what it governs, as the
// policy page and `lianxin policy list` show them.
#include "http/messages_tables.hpp"

namespace lianxin::http {

const Table& PolicyMessages() {
    static const Table kTable{
        {"policy.key.unknown", {"没有这项政策参数", "No such policy key"}},
        {"policy.value.range",
         {"{field}应为 {min}–{max} 之间的整数", "{field} must be a whole number from {min} to {max}"}},
        {"policy.value.choice", {"{field}应为以下之一：{choices}", "{field} must be one of: {choices}"}},
        {"policy.rule.past",
         {"{field}不能早于今天（{today}）：过去的事项按当时有效的规定办理，不能改",
          "{field} cannot be before today ({today}): the past is judged by the rule then in force"}},
        {"policy.rule.branch",
         {"党支部不设政策参数：请由上级党委（社区党委、街道党工委或区委）设定",
          "A branch sets no policies: its committee (community, street or district) does"}},
        // Names and descriptions of the keys (core/policy/catalogue.hpp).
        {"policy.name.transfer.max_validity_days", {"介绍信有效期上限", "Longest validity of an introduction letter"}},
        {"policy.desc.transfer.max_validity_days",
         {"开具组织关系介绍信时可填写的最长有效期（天）；各地规定不一，一般不超过三个月",
          "The longest validity (days) an issuer may give a letter; local rules differ, usually at most 3 months"}},
        {"policy.name.transfer.max_validity_days_cross_province",
         {"跨省介绍信有效期上限", "Longest validity across provinces"}},
        {"policy.desc.transfer.max_validity_days_cross_province",
         {"跨省（区、市）转接时介绍信的最长有效期（天）",
          "The longest validity (days) of a letter to another province"}},
        {"policy.name.transfer.receipt_within_months", {"回执退回期限", "Receipt due within"}},
        {"policy.desc.transfer.receipt_within_months",
         {"接收党组织收到党员后退回回执的期限（月），超期提醒",
          "Months within which the receiving committee returns the receipt; later is flagged"}},
        {"policy.name.transfer.in_transit_alert_months", {"介绍信在途提醒", "Letter in transit alert"}},
        {"policy.desc.transfer.in_transit_alert_months",
         {"介绍信开出后超过此月数仍未被接收的，列为在途过久提醒",
          "A letter not accepted this many months after issue is flagged"}},
        {"policy.name.floating.certificate_max_months",
         {"《流动党员活动证》适用外出期限", "Activity certificate: longest absence"}},
        {"policy.desc.floating.certificate_max_months",
         {"外出不超过此月数的，可发《流动党员活动证》（月）",
          "Absences up to this many months may use the certificate"}},
        {"policy.name.floating.transfer_after_months", {"应转接组织关系的外出期限", "Transfer after (fixed place)"}},
        {"policy.desc.floating.transfer_after_months",
         {"外出满此月数且地点相对固定的，应转接组织关系（月）",
          "Away this many months at a fixed place: the relationship should be transferred"}},
        {"policy.name.floating.report_every_months", {"流动党员汇报间隔", "Floating member reports every"}},
        {"policy.desc.floating.report_every_months",
         {"流动党员向流出地党组织汇报思想、工作和参加组织生活情况的最长间隔（月）",
          "Longest gap (months) between a floating member's reports to the outflow branch"}},
        {"policy.name.lost_contact.search_every_months", {"失联党员寻找间隔", "Search lost-contact members every"}},
        {"policy.desc.lost_contact.search_every_months",
         {"失联满六个月的党员，至少每隔此月数组织一次寻找并记录，超期提醒支部（月）",
          "A member lost for six months is searched for at least this often; later, the branch is reminded"}},
        {"policy.name.development.application_to_activist_months",
         {"递交申请至确定积极分子最短期限", "Application to activist at least"}},
        {"policy.desc.development.application_to_activist_months",
         {"递交入党申请书后满此月数，方可确定为入党积极分子（月）；0 表示不设此要求",
          "Months from the application before the person may be made an activist; 0 = no such rule"}},
        {"policy.name.member.leap_day_anniversary", {"2月29日的周年日", "Anniversary of 29 February"}},
        {"policy.desc.member.leap_day_anniversary",
         {"入党日期或转正日期为2月29日的，平年的周年日（预备期满、党龄）记为2月28日或3月1日",
          "In a year without 29 February, a 29 February join or conversion date has its anniversary (probation end, "
          "party age) on 28 February or 1 March"}},
        {"policy.choice.feb_28", {"2月28日", "28 February"}},
        {"policy.choice.mar_1", {"3月1日", "1 March"}},
        {"policy.name.event.whistle_report_minutes", {"吹哨后报到时限", "Report within after a whistle"}},
        {"policy.desc.event.whistle_report_minutes",
         {"街乡吹哨后，职能部门或成员单位应在此分钟数内到场报到（平谷试点为 30 分钟）；事不完、人不撤",
          "After the whistle a department or member unit reports on site within this many minutes (Pinggu pilot: 30); "
          "it stays until the event is closed"}},
        {"policy.name.event.due_soon_hours", {"临期提醒提前量", "Due soon within"}},
        {"policy.desc.event.due_soon_hours",
         {"事件距办理时限不足此小时数时列入“即将到期”",
          "An event whose deadline is less than this many hours away is listed as due soon"}},
        {"policy.unit.minutes", {"分钟", "minutes"}},
        {"policy.unit.hours", {"小时", "hours"}},
        {"policy.unit.days", {"天", "days"}},
        {"policy.unit.months", {"个月", "months"}},
    };
    return kTable;
}

const Table& PolicyLabels() {
    static const Table kTable{
        {"key", {"政策参数", "Policy key"}},
        {"value", {"取值", "Value"}},
        {"valid_from", {"生效日期", "In force from"}},
        {"doc", {"依据文号", "Decision document"}},
        {"on", {"查询日期", "On"}},
    };
    return kTable;
}

}  // namespace lianxin::http
