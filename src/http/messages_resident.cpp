// Messages of a resident's own events (issue 17: report, follow, confirm and rate on the phone page; the report
// flood; retention of residents' data). Each names its field and quotes the figure in force.
#include "http/messages_tables.hpp"

namespace lianxin::http {

const Table& ResidentMessages() {
    static const Table kTable{
        {"event.resident.flood",
         {"这个{field}今天已上报 {max} 件事，请明天再报；紧急情况请拨打 12345",
          "This {field} has reported {max} problems today; please report again tomorrow, or call 12345 if urgent"}},
        {"event.resident.outcome",
         {"请选择“已解决”“部分解决”或“未解决”", "Choose resolved, partly resolved or not resolved"}},
        {"event.resident.place_missing",
         {"请在地图上点选位置，或从列表中选择所在社区",
          "Pick the place on the map, or choose your community from the list"}},
        {"event.resident.outside",
         {"{field}不在任何网格内，请从列表中选择所在社区",
          "The {field} is outside every grid; choose your community from the list"}},
        {"event.resident.address_missing",
         {"没有在地图上选位置时，请填写{field}", "Without a place on the map, please type the {field}"}},
        {"event.resident.community", {"{field}不在可选的社区中", "The {field} is not one of the communities listed"}},
        {"event.photo.not_yours",
         {"{field}不是用这个手机号上传的照片，请重新上传",
          "The {field} was not uploaded with this phone; upload it again"}},
        {"policy.name.event.resident_reports_per_day", {"居民每日上报上限", "Resident's reports per day"}},
        {"policy.desc.event.resident_reports_per_day",
         {"同一手机号一天内最多可上报的事件数，超过即拒绝（防止刷单）",
          "The most events one phone number may report in a day; more are refused (a report flood)"}},
        {"policy.name.event.resident_data_retention_days", {"居民信息保留天数", "Residents' data kept for"}},
        {"policy.desc.event.resident_data_retention_days",
         {"事件结案后，反映人的姓名、手机号和跟踪链接保留的天数，到期清除（事件本身及统计数字保留）",
          "Days after an event closes that the reporter's name, phone and follow link are kept; then they are "
          "blanked (the event and its figures stay)"}},
        {"policy.unit.per_day", {"件/天", "per day"}},
    };
    return kTable;
}

const Table& ResidentLabels() {
    static const Table kTable{
        {"comment", {"意见", "Comment"}},
        {"location", {"位置", "place"}},
    };
    return kTable;
}

}  // namespace lianxin::http
