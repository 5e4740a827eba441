// Messages of the rates and boards (issue 17 "Rates and boards"; core/rates): the names and descriptions of the
// rates.* policy keys (the formulas, domain.md §7.4), their choices, and the board's own fields and errors.
#include "http/messages_tables.hpp"

namespace lianxin::http {

const Table& RatesMessages() {
    static const Table kTable{
        {"rates.period.order", {"{field}不能早于开始日期", "{field} cannot be before the start date"}},
        {"rates.period.too_long", {"{field}：统计期间最长 {max} 天", "{field}: a period is at most {max} days long"}},
        {"policy.name.rates.response_step", {"响应率：何为响应", "Response rate: what counts as a response"}},
        {"policy.desc.rates.response_step",
         {"按承办单位自己的第一步（签收、退回或标记）计响应，或按受理单位的分派计；在响应时限内即计为按时响应",
          "The assignee's own first step (start, return or mark) is the response, or the accepting org's "
          "dispatch; within the respond limit it is on time"}},
        {"policy.name.rates.on_time_step", {"按时办结率：何为办结", "On-time rate: what counts as done"}},
        {"policy.desc.rates.on_time_step",
         {"按承办单位最后一次有效办结计，或按诉求人评价结案计；不晚于处置时限即为按时",
          "The handler's last 办结 that stuck, or the closing rating; by the handle deadline it is on time"}},
        {"policy.name.rates.dismissed", {"“不属于职责/不合理诉求”计入方式", "Dismissed events in the rates"}},
        {"policy.desc.rates.dismissed",
         {"经上级确认的不属于职责、不合理诉求：计入按时办结率、解决率、满意率的分母且不计入分子（不能靠认定改善"
          "比率），或不计入；两种方式下都单独列出",
          "Dismissals confirmed by the level above count in the denominators of the on-time, resolution and "
          "satisfaction rates and in no numerator (a dismissal never improves a rate), or are left out; either "
          "way they are listed"}},
        {"policy.name.rates.partly", {"解决率：“部分解决”", "Resolution rate: “partly”"}},
        {"policy.desc.rates.partly",
         {"诉求人评价“部分解决”时，不计为解决，或计为解决",
          "Whether a reporter's “partly resolved” counts as not resolved or as resolved"}},
        {"policy.name.rates.satisfied_min_score", {"满意率：满意的最低评分", "Satisfaction: lowest satisfied score"}},
        {"policy.desc.rates.satisfied_min_score",
         {"诉求人评分（1–5）不低于此分的计为满意；满意率 = 满意数 / 已评价数",
          "A reporter's score (1–5) at least this counts as satisfied; satisfaction = satisfied / rated"}},
        {"policy.name.rates.handling_time", {"平均办理时长：计时方式", "Average handling time: clock"}},
        {"policy.desc.rates.handling_time",
         {"自受理到办结的时长扣除挂起时间，按工作时间（工作日历）或自然时间计",
          "From the report to done, less the time suspended, in working time (the working-day calendar) or "
          "calendar time"}},
        {"policy.choice.handler", {"承办单位签收/退回/标记", "The assignee's first step"}},
        {"policy.choice.dispatch", {"分派", "The dispatch"}},
        {"policy.choice.handle", {"办结", "办结 (handled)"}},
        {"policy.choice.close", {"评价结案", "The closing rating"}},
        {"policy.choice.against", {"计入（不能改善比率）", "Counted against"}},
        {"policy.choice.excluded", {"不计入（仍列出）", "Left out (still listed)"}},
        {"policy.choice.not_resolved", {"不计为解决", "Not resolved"}},
        {"policy.choice.resolved", {"计为解决", "Resolved"}},
        {"policy.choice.working", {"工作时间", "Working time"}},
        {"policy.choice.calendar", {"自然时间", "Calendar time"}},
        {"policy.unit.score", {"分", "points"}},
    };
    return kTable;
}

const Table& RatesLabels() {
    static const Table kTable{
        {"group_by", {"分组方式", "Grouping"}},
    };
    return kTable;
}

}  // namespace lianxin::http
