// Messages and labels of the floating-member register (流动党员, domain.md §5.3). Each rule message quotes the
// rule and where it comes from; reminders say what the branch should do, never that it was done.
#include "http/messages_tables.hpp"

namespace lianxin::http {

const Table& FloatingMessages() {
    static const Table kTable{
        {"floating.reason.unknown",
         {"请选择外出原因：务工、经商、求学、随迁或其他", "Choose the reason: work, business, study, family or other"}},
        {"floating.kind.unknown",
         {"记录类型应为思想汇报、联系记录、参加组织生活或交纳党费",
          "The kind must be report, contact, participation or dues"}},
        {"floating.after_left", {"{field}应晚于外出日期 {left_on}", "{field} must be after leaving on {left_on}"}},
        {"floating.not_before_left",
         {"{field}不能早于外出日期 {left_on}", "{field} cannot be before leaving on {left_on}"}},
        {"floating.after_return",
         {"{field}不能晚于返回日期 {returned_on}", "{field} cannot be after the return on {returned_on}"}},
        {"floating.reason_without_flag",
         {"只有勾选“暂不具备转接条件”时才填写{field}",
          "Give the {field} only when the relationship cannot be transferred yet"}},
        {"floating.participating.missing",
         {"填写了参加组织生活的日期，请同时选择或填写{field}", "Name the {field} for that date"}},
        {"floating.participating.unknown", {"{field}不存在或已撤销", "{field} does not exist or was dissolved"}},
        {"floating.participating.own_org",
         {"{field}不能是党员组织关系所在的党组织", "The {field} cannot be the member's own organization"}},
        {"floating.open_exists",
         {"该党员已有一条未返回的流动党员登记，请修改该登记或先登记返回",
          "The member already has an open floating record"}},
        {"floating.changed_concurrently",
         {"该流动党员登记已被他人更新，请刷新后重试", "The record changed meanwhile; reload and retry"}},
        {"floating.not_your_side",
         {"这项记录应由另一方党组织填写：思想汇报、联系记录和登记返回由流出地党支部办理，参加组织生活、交纳党费由流入地"
          "党组织登记",
          "The other organization records this"}},
        {"floating.rule.certificate",
         {"《流动党员活动证》用于外出 {months} 个月以内（预计 {limit} "
          "前返回），或暂不具备转接组织关系条件的党员；外出更久、地点相对固定的应转接组织关系（《中国共产党党员教育管理"
          "工作条例》）",
          "The activity certificate serves absences of up to {months} months (return by {limit}) or members who cannot "
          "transfer yet; longer absences at a fixed place transfer the relationship"}},
        {"floating.rule.closed",
         {"该登记已于 {returned_on} 登记返回，不能再修改或登记参加组织生活", "The record closed on {returned_on}"}},
        {"floating.due.transfer",
         {"外出 {months} 个月以上且地点相对固定（{due} 满 {months} "
          "个月），应转接组织关系（《中国共产党党员教育管理工作条例》）；确实暂不具备条件的请在登记中注明原因",
          "Away {months} months at a fixed place by {due}: the relationship should be transferred"}},
        {"floating.due.report",
         {"流动党员至少每 {months} 个月向流出地党组织汇报一次思想、工作和参加组织生活情况，应于 {due} 前汇报",
          "A report on thinking, work and organizational life is due every {months} months: by {due}"}},
        {"floating.due.return",
         {"预计于 {due} 返回，请核实是否已返回并登记", "Expected back on {due}: check and register the return"}},
        {"member.floating.register_open",
         {"该党员有未返回的流动党员登记，{field}随登记变化：请在“流动党员”中修改或登记返回",
          "The member has an open floating record; change the {field} through the floating register"}},
    };
    return kTable;
}

const Table& FloatingLabels() {
    static const Table kTable{
        {"floating", {"流动党员登记", "floating record"}},
        {"left_on", {"外出日期", "Left on"}},
        {"province", {"外出流向（省）", "Province"}},
        {"city", {"外出流向（市）", "City"}},
        {"county", {"外出流向（县/区）", "County"}},
        {"employer", {"外出工作单位或所在地", "Employer or place"}},
        {"expected_return", {"预计返回日期", "Expected return"}},
        {"fixed_place", {"地点相对固定", "Fixed place"}},
        {"certificate_no", {"流动党员活动证编号", "Activity certificate number"}},
        {"cannot_transfer", {"暂不具备转接条件", "Cannot transfer yet"}},
        {"cannot_transfer_reason", {"暂不具备转接条件的原因", "Why the relationship cannot be transferred yet"}},
        {"participating_org_id", {"流入地党组织", "Participating organization"}},
        {"participating_org_name", {"流入地党组织名称", "Participating organization"}},
        {"participating_since", {"参加组织生活起始日期", "Taking part since"}},
        {"returned_on", {"返回日期", "Returned on"}},
        {"text", {"内容", "Text"}},
    };
    return kTable;
}

}  // namespace lianxin::http
