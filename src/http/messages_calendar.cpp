// Messages of the working-day calendar (工作日历) and of the SLA policy keys (issue 17 "SLA"). A calendar row's
// message names its row and field itself ("第 3 行：日期…"): the labels "date", "kind" and "name" mean other
// things elsewhere.
#include "http/messages_tables.hpp"

namespace lianxin::http {

namespace {
// Names and descriptions of the SLA keys of one class (core/policy/catalogue.hpp event.sla_<class>_*).
#define LX_SLA_CLASS(cls, zh, en)                                                                                \
    {"policy.name.event.sla_" cls "_unit", {zh "事件计时方式", en " events: how limits are counted"}},           \
        {"policy.desc.event.sla_" cls "_unit",                                                                   \
         {zh "事件的处置时限和办结时限按工作日（节假日和调休按工作日历）、自然日或小时计算",                     \
          en " events: handle and close limits in working days (holidays and adjusted working days from the "    \
             "working-day calendar), natural days or hours"}},                                                   \
        {"policy.name.event.sla_" cls "_respond_minutes", {zh "事件响应时限", en " events: respond within"}},    \
        {"policy.desc.event.sla_" cls "_respond_minutes",                                                        \
         {"自受理起签收、联系诉求人的时限（分钟，按自然时间；挂起期间停止计时）",                                \
          "Minutes from intake to sign for the event and contact the reporter (calendar time; 挂起 stops it)"}}, \
        {"policy.name.event.sla_" cls "_handle", {zh "事件处置时限", en " events: handle within"}},              \
        {"policy.desc.event.sla_" cls "_handle",                                                                 \
         {"自受理起处置完毕的时限，单位按本类计时方式；挂起期间停止计时",                                        \
          "From intake until handled, in this class's unit; 挂起 stops the clock"}},                             \
        {"policy.name.event.sla_" cls "_close", {zh "事件办结时限", en " events: close within"}},                \
        {"policy.desc.event.sla_" cls "_close",                                                                  \
         {"自受理起办结并反馈诉求人的时限，单位按本类计时方式；挂起期间停止计时",                                \
          "From intake until closed with feedback to the reporter, in this class's unit; 挂起 stops the clock"}},
}  // namespace

const Table& CalendarMessages() {
    static const Table kTable{
        {"calendar.year.range", {"年份应为 2000–2100 之间的四位数", "The year must be from 2000 to 2100"}},
        {"calendar.source.length",
         {"依据（通知文号或标题）应为 1–{max} 个字符",
          "The source (the notice's number or title) must have 1–{max} characters"}},
        {"calendar.load.top_org",
         {"工作日历对全部组织适用，只能由最上级党委的管理员载入",
          "The calendar holds for every org: only an administrator of the top committee may load it"}},
        {"calendar.rows.too_many", {"一年最多 {max} 行", "At most {max} rows for a year"}},
        {"calendar.date.format",
         {"第 {row} 行：日期应为有效日期（年-月-日）", "Row {row}: the date must be a valid date (YYYY-MM-DD)"}},
        {"calendar.date.year", {"第 {row} 行：日期不在 {year} 年内", "Row {row}: the date is not in {year}"}},
        {"calendar.date.duplicate",
         {"第 {row} 行：日期 {date} 与第 {first} 行重复（同一天不能既放假又上班）",
          "Row {row}: {date} is listed in row {first} already (a day cannot be both a holiday and a working day)"}},
        {"calendar.kind",
         {"第 {row} 行：类型应为 holiday（放假）或 workday（调休上班）",
          "Row {row}: the kind must be holiday or workday"}},
        {"calendar.name.length",
         {"第 {row} 行：名称最多 {max} 个字符", "Row {row}: the name may have at most {max} characters"}},
        {"calendar.workday.weekday",
         {"第 {row} 行：{date} 是周一至周五，本来就上班；调休上班日应为周六或周日",
          "Row {row}: {date} is a weekday, a working day anyway; an adjusted working day is a Saturday or Sunday"}},
        // The SLA keys (core/policy/catalogue.hpp).
        LX_SLA_CLASS("general", "一般", "General") LX_SLA_CLASS("complex", "复杂", "Complex")
            LX_SLA_CLASS("utility", "水电气热", "Utility") LX_SLA_CLASS("emergency", "紧急", "Emergency"){
                "policy.name.event.warn_before_percent", {"事件临期提醒", "Events: due soon warning"}},
        {"policy.desc.event.warn_before_percent",
         {"时限剩余不足此百分比时，列为临期（%）；0 表示到期前不提醒",
          "A deadline is due soon when less than this share of its time is left (%); 0 = no warning before it"}},
        {"policy.choice.working_days", {"工作日", "working days"}},
        {"policy.choice.natural_days", {"自然日", "natural days"}},
        {"policy.choice.hours", {"小时", "hours"}},
        {"policy.unit.minutes", {"分钟", "minutes"}},
        {"policy.unit.percent", {"%", "%"}},
        {"policy.unit.sla_unit", {"（按计时方式）", "(in the class's unit)"}},
    };
    return kTable;
}

#undef LX_SLA_CLASS

const Table& CalendarLabels() {
    static const Table kTable{
        {"source", {"依据", "Source"}},
        {"csv", {"日历内容", "Calendar rows"}},
        {"year", {"年份", "Year"}},
        {"days", {"日历行", "Rows"}},
    };
    return kTable;
}

}  // namespace lianxin::http
