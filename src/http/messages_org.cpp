// Messages and labels of reorganizations (组织调整). Each refusal says what to do instead; the sizing rules of
// the resulting orgs reuse the org.rule.* messages.
#include "http/messages_tables.hpp"

namespace lianxin::http {

const Table& OrgMessages() {
    static const Table kTable{
        {"org.reorg.kind_unknown", {"请选择调整方式：新建、更名、变更隶属、合并、拆分或撤销", "Choose create, rename, move, merge, split or dissolve"}},
        {"org.reorg.type_unknown", {"没有这种组织类型", "Unknown organization type"}},
        {"org.reorg.place_unknown", {"没有这种地点类型", "Unknown kind of place"}},
        {"org.reorg.type_required", {"请选择组织类型", "Choose the organization type"}},
        {"org.reorg.org_missing", {"该组织不存在或已撤销", "The organization does not exist or has closed"}},
        {"org.reorg.on_future", {"生效日期不能晚于今天：上级批复后再登记", "The effective date cannot be after today: record it once approved"}},
        {"org.reorg.on_before_start", {"生效日期不能早于“{org}”的成立日期 {date}", "The date cannot be before {org} began on {date}"}},
        {"org.reorg.on_before_last", {"生效日期不能早于 {date}：“{org}”的党员组织关系或任职从那天开始", "The date cannot be before {date}, when a membership or post in {org} began"}},
        {"org.reorg.type_not_allowed", {"“{parent}”下不能设这种组织：党支部下不设党组织（可设党小组），党总支下只设党支部", "{parent} cannot hold this type: a branch holds no organizations, a general branch only branches"}},
        {"org.reorg.children_not_allowed", {"下设的“{child}”不能归这种组织管理，请先调整下级组织", "{child} below cannot belong to this type; reorganize it first"}},
        {"org.reorg.members_need_branch", {"党员应编入党支部：“{org}”不是党支部，不能直接接收党员", "Members belong to branches: {org} is not a branch"}},
        {"org.reorg.nothing", {"名称、简称、类型和地点都没有变化", "Nothing changes"}},
        {"org.reorg.same_parent", {"已经隶属于该组织", "It already belongs there"}},
        {"org.reorg.into_own_subtree", {"不能隶属于自己的下级组织", "An organization cannot move below itself"}},
        {"org.reorg.merge_none", {"请选择要并入的组织", "Choose the organizations to merge in"}},
        {"org.reorg.merge_repeated", {"重复选择，或选择了保留的组织本身", "Chosen twice, or the remaining organization itself"}},
        {"org.reorg.merge_into_own", {"“{org}”是保留组织的上级，不能并入其下级", "{org} is above the remaining organization"}},
        {"org.reorg.split_branch_only", {"只有党支部可以拆分党员；党委、党总支请用“新建下级组织”和“变更隶属”", "Only a branch splits its members; create and move orgs for committees"}},
        {"org.reorg.split_no_members", {"请选择分到新支部的党员", "Choose the members who go to the new branch"}},
        {"org.reorg.split_not_member", {"不是“{org}”的党员，或重复选择", "Not a member of {org}, or chosen twice"}},
        {"org.reorg.higher_decides", {"组织设置调整由上级党组织决定：请由上级党（工）委登记", "The higher organization decides: ask its committee to record it"}},
        {"org.reorg.blocked", {"暂时不能调整，请先处理提示的事项", "Not yet: deal with the items shown first"}},
        {"org.reorg.blocked.transfers", {"“{org}”有 {n} 件组织关系转接未办结：请先办结或撤回", "{org} has {n} transfers in progress: finish or cancel them first"}},
        {"org.reorg.blocked.member_transfer", {"所选党员中有人的组织关系转接未办结：请先办结或撤回", "A chosen member has a transfer in progress"}},
        {"org.reorg.blocked.members", {"“{org}”还有 {n} 名党员：请先合并到其他支部或办理转接", "{org} still has {n} members: merge it or transfer them first"}},
        {"org.reorg.blocked.children", {"“{org}”还有 {n} 个下级组织：请先调整或撤销下级组织", "{org} still has {n} organizations below it"}},
        {"org.reorg.blocked.overlays", {"“{org}”牵头 {n} 个区域化党建组织（大工委、大党委等）：请先由其他组织牵头", "{org} hosts {n} overlays (大工委, 大党委…): give them another host first"}},
        {"org.reorg.blocked.candidates", {"“{org}”有 {n} 名发展中的同志：请先合并到其他支部", "{org} has {n} people in the development pipeline: merge it instead"}},
        {"position.level.unknown", {"请选择阵地类型：街道党群服务中心、社区党群服务中心、小区党群之家或商圈园区党群服务中心", "Choose the kind of position"}},
        {"position.hours.format", {"{field}应写成“08:30-12:00”，开始早于结束", "{field} must read like 08:30-12:00, starting before it ends"}},
        {"position.hours.order", {"{field}与前一时段重叠或顺序颠倒", "{field} overlaps the time before it"}},
        {"position.hours.too_many", {"每天最多 {max} 个开放时段", "At most {max} opening periods a day"}},
        {"position.area", {"{field}应为 1–100000 平方米", "{field} must be 1–100000 m²"}},
        {"position.service.unknown", {"{field}不在服务项目目录中", "{field} is not in the list of services"}},
        {"position.service.repeated", {"{field}重复", "{field} is repeated"}},
        {"position.point.both", {"经度和纬度要同时填写", "Give both latitude and longitude"}},
        {"position.point.outside", {"{field}不在我国境内，请核对坐标", "{field} is outside China: check the coordinates"}},
        {"position.closed", {"该阵地已停止使用", "This position is closed"}},
        {"position.changed_concurrently", {"该阵地刚被其他人修改，请刷新后再试", "Someone changed this position: reload and try again"}},
        {"position.close_before_start", {"停用日期不能早于启用日期 {date}", "The closing date cannot be before {date}"}},
    };
    return kTable;
}

const Table& OrgLabels() {
    static const Table kTable{
        {"new_parent_id", {"新的上级组织", "New parent"}},
        {"merged", {"并入的组织", "Merged organizations"}},
        {"member_ids", {"分出的党员", "Members who move"}},
        {"org_id", {"组织", "Organization"}},
        {"spec", {"组织信息", "Organization"}},
        {"spec.name", {"组织名称", "Organization name"}},
        {"short_name", {"简称", "Short name"}},
        {"place_kind", {"地点类型", "Kind of place"}},
        {"place_name", {"地点", "Place"}},
        {"type", {"组织类型", "Type"}},
        {"blockers", {"待处理事项", "To do first"}},
        {"level", {"阵地类型", "Kind of position"}},
        {"lat", {"纬度", "Latitude"}},
        {"lng", {"经度", "Longitude"}},
        {"area_m2", {"面积", "Area"}},
        {"services", {"服务项目", "Service"}},
        {"hours", {"开放时间", "Opening hours"}},
        {"mon", {"周一开放时间", "Monday"}},
        {"tue", {"周二开放时间", "Tuesday"}},
        {"wed", {"周三开放时间", "Wednesday"}},
        {"thu", {"周四开放时间", "Thursday"}},
        {"fri", {"周五开放时间", "Friday"}},
        {"sat", {"周六开放时间", "Saturday"}},
        {"sun", {"周日开放时间", "Sunday"}},
        {"position", {"党群服务阵地", "service position"}},
        {"position.name", {"阵地名称", "Name"}},
        {"position.address", {"地址", "Address"}},
        {"position.phone", {"服务电话", "Phone"}},
        {"position.note", {"说明", "Note"}},
    };
    return kTable;
}

}  // namespace lianxin::http
