// Messages and labels of 日巡 patrols, 民情面对面 sessions and 大走访 household visits (issue 17; seeds 000, 002, 003).
// Each refusal names the field and says what to do.
#include "http/messages_tables.hpp"

namespace lianxin::http {

const Table& VisitsMessages() {
    static const Table kTable{
        {"patrol.time.format", {"{field}应为“时:分”，如 08:30", "{field} must be HH:MM, e.g. 08:30"}},
        {"patrol.time.before_start", {"结束时间不能早于开始时间", "The end cannot be before the start"}},
        {"fieldwork.grid.not_in_scope",
         {"该网格不存在或不在您的工作范围内", "The grid does not exist or is outside your scope"}},
        {"fieldwork.photo.unknown",
         {"照片未上传成功，请重新拍照上传", "This photo was not uploaded; take or pick it again"}},
        {"fieldwork.category.missing", {"请选择事件分类后再上报", "Choose the event category before reporting it"}},
        {"fieldwork.item.raised",
         {"该条已上报为事件 {number}，不能重复上报", "This was already reported as event {number}"}},
        {"fieldwork.changed_concurrently",
         {"记录已被他人更新，请刷新后重试", "The record was changed meanwhile; reload and try again"}},
        {"visit.clear.unknown", {"“六清楚”中没有这一项", "No such item among the six to know (六清楚)"}},
        {"visit.clear.answer", {"{field}应为“有”“无”或“未清楚”", "{field} must be yes, no or unknown"}},
        {"visit.member.outside",
         {"该党员不在本组织或本社区中", "This member does not belong to the organization or community"}},
        {"visit.items.too_many", {"{field}最多 {max} 条", "At most {max} entries in {field}"}},
        {"policy.name.patrol.per_grid_per_working_day",
         {"每个网格每个工作日巡查次数", "Patrols per grid per working day"}},
        {"policy.desc.patrol.per_grid_per_working_day",
         {"日巡：每个网格每个工作日应有的巡查次数；不足的网格列入当日和本周的巡查提醒（只列网格，不对人员排名）",
          "Daily patrol (日巡): patrols each grid should have on a working day; grids short of it are listed for the "
          "day "
          "and the week (grids, never a ranking of people)"}},
        {"policy.unit.patrols", {"次", "patrols"}},
    };
    return kTable;
}

const Table& VisitsLabels() {
    static const Table kTable{
        {"day", {"日期", "Day"}},
        {"start_time", {"开始时间", "Start time"}},
        {"end_time", {"结束时间", "End time"}},
        {"route", {"巡查路线", "Route"}},
        {"findings", {"巡查发现", "Findings"}},
        {"building", {"楼栋", "Building"}},
        {"door", {"门牌号", "Door"}},
        {"resident_name", {"住户姓名", "Resident"}},
        {"resident_phone", {"住户电话", "Resident's phone"}},
        {"visitor_member_id", {"走访人", "Visitor"}},
        {"clears", {"六清楚", "Six to know"}},
        {"needs", {"需求", "Needs"}},
        {"problems", {"反映问题", "Problems raised"}},
        {"place", {"地点", "Place"}},
        {"topic", {"主题", "Topic"}},
        {"residents_count", {"参加居民人数", "Residents attending"}},
        {"residents_text", {"参加居民情况", "Residents attending (text)"}},
        {"worker_user_id", {"巡查人", "Patroller"}},
        {"seq", {"序号", "Number"}},
        {"attendees", {"参加的党员", "Members attending"}},
        {"patrol", {"巡查记录", "patrol"}},
        {"visit", {"走访记录", "visit"}},
        {"visit_session", {"民情面对面记录", "session"}},
        {"item", {"条目", "entry"}},
    };
    return kTable;
}

}  // namespace lianxin::http
