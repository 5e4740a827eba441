// Messages and labels of overlays (区域化党建: 大工委、大党委、联合党委、联盟、联席会议). Each refusal says what to do
// instead; field texts name the field themselves where the catalogue's generic label is a person's ("name" 姓名).
#include "http/messages_tables.hpp"

namespace lianxin::http {

const Table& OverlayMessages() {
    static const Table kTable{
        {"overlay.kind_unknown",
         {"请选择类型：大工委（大党工委）、大党委、联合党委、共建联盟或联席会议",
          "Choose the kind: big working committee, big party committee, joint committee, alliance or joint meeting"}},
        {"overlay.unit_type_unknown", {"请选择单位类型", "Choose the kind of unit"}},
        {"overlay.name", {"名称应为 {min}–{max} 个字，且不含控制字符", "The name must have {min}–{max} characters"}},
        {"overlay.note", {"备注最多 {max} 个字", "The note may have at most {max} characters"}},
        {"overlay.unit.name",
         {"单位名称应为 {min}–{max} 个字，且不含控制字符", "The unit's name must have {min}–{max} characters"}},
        {"overlay.unit.address", {"单位地址最多 {max} 个字", "The address may have at most {max} characters"}},
        {"overlay.head.name",
         {"请填写兼职委员（单位负责人）的姓名，{min}–{max} 个字",
          "Give the part-time member's name ({min}–{max} characters)"}},
        {"overlay.head.post", {"职务最多 {max} 个字", "The post may have at most {max} characters"}},
        {"overlay.uscc.invalid",
         {"统一社会信用代码应为 18 位（数字和大写字母，不含 "
          "I、O、S、V、Z），且最后一位校验码正确，请核对营业执照或登记证书",
          "The unified social credit code must have 18 characters with a valid check character (GB 32100)"}},
        {"overlay.before_founded",
         {"{field}不能早于成立日期 {date}", "{field} cannot be before the founding on {date}"}},
        {"overlay.after_first_unit",
         {"成立日期不能晚于 {date}：已有成员单位从那天加入",
          "The founding cannot be after {date}, when a member unit joined"}},
        {"overlay.unit.duplicate", {"已有同名的成员单位", "A member unit of that name is already there"}},
        {"overlay.unit.already_left", {"该单位已于 {date} 退出", "The unit already left on {date}"}},
        {"overlay.unit.end_before_join",
         {"退出日期应晚于加入日期 {date}", "The unit can leave only after it joined on {date}"}},
        {"overlay.roster.repeated", {"轮值顺序中重复选择了同一单位", "The same unit is in the order twice"}},
        {"overlay.roster.not_a_unit",
         {"不是本组织的在册成员单位（可能已退出）", "Not a current member unit of this body"}},
        {"overlay.member_not_in_scope",
         {"该党员不存在、已不在册或不在您的管理范围内：整批未登记，请去掉后重试",
          "This member does not exist or is outside your scope: nothing was linked"}},
        {"overlay.members_required", {"请选择要关联的党员", "Choose the members to link"}},
        {"overlay.changed", {"该组织的信息已被他人修改，请刷新后重试", "It changed meanwhile; reload and retry"}},
        {"overlay.due.meeting", {"联席会议应于 {due} 前召开", "The joint meeting is due by {due}"}},
    };
    return kTable;
}

const Table& OverlayLabels() {
    static const Table kTable{
        {"overlay", {"区域化党建组织", "coordination body"}},
        {"unit", {"成员单位", "member unit"}},
        {"host_org_id", {"牵头党组织", "Host organization"}},
        {"founded_on", {"成立日期", "Founding date"}},
        {"meeting_period_months", {"联席会议周期（月）", "Joint meeting every (months)"}},
        {"last_meeting_on", {"上次联席会议日期", "Last joint meeting"}},
        {"unit_type", {"单位类型", "Kind of unit"}},
        {"uscc", {"统一社会信用代码", "Unified social credit code"}},
        {"two_new", {"“两新”组织", "Two-new organization"}},
        {"joined_on", {"加入日期", "Joined on"}},
        {"head_name", {"兼职委员姓名", "Part-time member"}},
        {"head_post", {"兼职委员职务", "Post"}},
        {"head_member_id", {"兼职委员（党员）", "Part-time member (registry)"}},
        {"unit_ids", {"轮值顺序", "Rotation order"}},
        {"period_months", {"轮值周期（月）", "Turn length (months)"}},
        {"start", {"轮值开始日期", "Rotation start"}},
        {"since", {"关联日期", "Linked from"}},
    };
    return kTable;
}

}  // namespace lianxin::http
