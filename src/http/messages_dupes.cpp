// Messages and labels of duplicate events, the merge and the person named on a dispatch (issue 17 "Duplicates").
#include "http/messages_tables.hpp"

namespace lianxin::http {

const Table& DupesMessages() {
    static const Table kTable{
        {"event.merge.self", {"不能把事件合并到它自己", "An event cannot be merged into itself"}},
        {"event.merge.closed",
         {"{field}：事件 {number} 已办结或已关闭，不能作为合并的主事件",
          "{field}: event {number} is closed and cannot take a merge"}},
        {"event.merge.chain",
         {"{field}：事件 {number} 本身已合并到其他事件，请合并到它的主事件",
          "{field}: event {number} is itself merged; merge into its primary"}},
        {"event.merge.category",
         {"{field}：只能合并同一分类的事件", "{field}: only an event of the same category can be merged"}},
        {"event.merge.unknown", {"{field}：没有这个事件，或不在您的范围内", "{field}: no such event in your scope"}},
        {"event.assignee.user_outside",
         {"{field}：此人不是承办单位的人员（本单位工作人员、本网格的网格员或部门联络员）",
          "{field}: this person is not of the assignee (its staff, a grid worker of this grid or a liaison)"}},
        {"policy.name.event.duplicate_distance_metres", {"疑似重复事件距离", "Duplicate distance"}},
        {"policy.desc.event.duplicate_distance_metres",
         {"新事件与同类未办结事件相距不超过此米数（且在时间范围内）时，提示“可能是同一问题”",
          "A new event within this many metres of an open one of the same category (and within the window) is "
          "offered as the same problem"}},
        {"policy.name.event.duplicate_window_days", {"疑似重复事件时间范围", "Duplicate window"}},
        {"policy.desc.event.duplicate_window_days",
         {"两次反映相隔不超过此天数时才提示“可能是同一问题”",
          "Two reports at most this many days apart may be the same problem"}},
        {"policy.unit.metres", {"米", "metres"}},
    };
    return kTable;
}

const Table& DupesLabels() {
    static const Table kTable{
        {"primary_id", {"主事件", "Primary event"}},
        {"assignee_user_id", {"承办人", "Person in charge"}},
    };
    return kTable;
}

}  // namespace lianxin::http
