// Messages of the hotline channel (issue 17): the work-order import, the call-back (回访) and its policy key.
#include "http/messages_tables.hpp"

namespace lianxin::http {

const Table& HotlineMessages() {
    static const Table kTable{
        {"hotline.channel", {"请选择热线渠道（12345 或 81890）", "Choose the hotline (12345 or 81890)"}},
        {"hotline.ref.repeated", {"{field}“{ref}”与第 {row} 行重复", "{field} \"{ref}\" repeats row {row}"}},
        {"hotline.ref.imported", {"{field}“{ref}”已导入，跳过", "{field} \"{ref}\" was imported before: skipped"}},
        {"hotline.category.unknown",
         {"{field}“{text}”不在事件分类中，请按分类名称填写（如“垃圾堆放”）",
          "{field} \"{text}\" is not an event category; write its name (e.g. Piled-up rubbish)"}},
        {"hotline.datetime.format",
         {"{field}“{text}”不是有效的时间（如 2026-03-02 09:30）",
          "{field} \"{text}\" is not a valid time (e.g. 2026-03-02 09:30)"}},
        {"event.callback.channel",
         {"只有 12345 / 81890 热线事件才需回访", "Only 12345 / 81890 hotline events get a call-back"}},
        {"event.callback.reached", {"请选择是否联系上来电人", "Say whether the caller was reached"}},
        {"event.callback.unreached",
         {"未联系上来电人时不填写{field}", "{field} is not given when the caller was not reached"}},
        {"event.outcome.callback",
         {"回访结果应为“已解决”“部分解决”或“未解决”", "The call-back's verdict is resolved, partly or not resolved"}},
        {"policy.name.event.callback_due_days", {"热线回访时限", "Call-back due within"}},
        {"policy.desc.event.callback_due_days",
         {"热线事件办结后应在此天数内完成回访；逾期的回访照常记录，并标明逾期",
          "A hotline event's call-back is due within this many days after it is handled; a later one is recorded "
          "and shown as late"}},
    };
    return kTable;
}

const Table& HotlineLabels() {
    static const Table kTable{
        {"reached", {"是否联系上", "Reached"}},
        {"event_action.callback", {"回访", "call-back"}},
        {"hotline.col.external_ref", {"工单编号", "Work-order number"}},
        {"hotline.col.reported_at", {"来电时间", "Time of the call"}},
        {"hotline.col.description", {"诉求内容", "Demand"}},
        {"hotline.col.address", {"地址", "Address"}},
        {"hotline.col.category_code", {"类别", "Category"}},
        {"hotline.col.handle_by", {"办理时限", "Deadline"}},
        {"hotline.col.reporter_name", {"来电人", "Caller"}},
        {"hotline.col.reporter_phone", {"联系电话", "Phone"}},
    };
    return kTable;
}

}  // namespace lianxin::http
