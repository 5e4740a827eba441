// Messages and labels of grids (网格; issue 17). Each refusal names the field and says what to do; the size and
// team rules are warnings that quote the local rule.
#include "http/messages_tables.hpp"

namespace lianxin::http {

const Table& GridMessages() {
    static const Table kTable{
        {"grid.code.format",
         {"网格编码应为 15 位数字：12 位社区区划代码加 3 位网格序号",
          "The grid code has 15 digits: the community's 12-digit division code and a 3-digit grid number"}},
        {"grid.code.sequence", {"网格序号（编码末 3 位）不能为 000", "The grid number (last 3 digits) cannot be 000"}},
        {"grid.code.community",
         {"网格编码前 12 位应与本社区其他网格一致（{prefix}）",
          "The first 12 digits must match the community's other grids ({prefix})"}},
        {"grid.code.region",
         {"网格编码应以本社区所在区县代码 {region} 开头", "The grid code must start with the district code {region}"}},
        {"grid.code.taken", {"网格编码 {code} 已被使用", "The grid code {code} is already used"}},
        {"grid.name", {"网格名称应为 1–100 个字", "The grid name needs 1–100 characters"}},
        {"grid.count",
         {"{field}应为 0 或正整数（不超过上限）", "{field} must be 0 or a positive whole number within bounds"}},
        {"grid.buildings.too_many", {"楼栋最多 {max} 个", "At most {max} buildings"}},
        {"grid.building",
         {"楼栋名称应为 1–100 个字，不含换行", "A building name needs 1–100 characters, no line break"}},
        {"grid.note", {"备注过长", "The note is too long"}},
        {"grid.person.name", {"请填写姓名（不超过 50 个字）", "Give the person's name (at most 50 characters)"}},
        {"grid.person.phone", {"电话不超过 30 个字符", "The phone has at most 30 characters"}},
        {"grid.person.member_outside",
         {"该党员不在本社区的党组织中", "This member does not belong to an organization of the community"}},
        {"grid.team.too_many", {"网格队伍最多 {max} 人", "At most {max} people in the team"}},
        {"grid.team.post_required",
         {"志愿者须选择岗位：常态岗、特长岗或应急岗", "A volunteer needs a post: regular, specialty or emergency"}},
        {"grid.team.post_for_worker", {"网格员不设岗位类别", "A grid worker has no post kind"}},
        {"grid.team.role", {"队伍角色应为网格员、党员或志愿者", "The role is grid worker, member or volunteer"}},
        {"grid.team.post", {"岗位应为常态岗、特长岗或应急岗", "The post is regular, specialty or emergency"}},
        {"grid.cover.both",
         {"覆盖网格的党支部和党小组只填一个", "Give the covering branch or the covering party group, not both"}},
        {"grid.cover.outside",
         {"覆盖网格的党支部或党小组须在本社区内且仍在运行",
          "The covering branch or party group must be open and inside the community"}},
        {"grid.org.not_community",
         {"网格只能建在社区一级的党组织下", "Grids belong to a community-level organization"}},
        {"grid.boundary.too_many_vertices",
         {"网格边界有 {count} 个顶点，超过上限 {max}，请简化后再提交",
          "The boundary has {count} vertices, more than the limit of {max}; simplify it first"}},
        {"grid.boundary.empty", {"网格边界为空", "The boundary is empty"}},
        {"grid.boundary.coordinate",
         {"网格边界含有无效坐标（经度 {lng}，纬度 {lat}）：应为 WGS-84 经纬度",
          "The boundary holds an invalid coordinate (lng {lng}, lat {lat}): use WGS-84 degrees"}},
        {"grid.boundary.self_intersection",
         {"网格边界自相交，请修改后再提交", "The boundary crosses itself; correct it first"}},
        {"grid.boundary.too_few_points",
         {"网格边界的每个环至少需要 3 个不同的点", "Each ring of the boundary needs at least 3 distinct points"}},
        {"grid.boundary.invalid",
         {"网格边界不是有效的多边形（{reason}）", "The boundary is not a valid polygon ({reason})"}},
        {"grid.geojson.type",
         {"网格边界应为 GeoJSON 的 Polygon 或 MultiPolygon", "The boundary must be a GeoJSON Polygon or MultiPolygon"}},
        {"grid.geojson.coordinates",
         {"网格边界的坐标格式不对：应为 [经度, 纬度] 组成的环",
          "The coordinates must be rings of [lng, lat] positions"}},
        {"grid.geojson.crs",
         {"只接受 WGS-84/CGCS2000 经纬度坐标，请先转换坐标系",
          "Only WGS-84/CGCS2000 degrees are accepted; reproject first"}},
        {"grid.redraw.before_current",
         {"新边界的生效日期应晚于现行边界的生效日期 {date}",
          "The new boundary must start after {date}, when the current one began"}},
        {"grid.point.range", {"{field}超出范围", "{field} is out of range"}},
        {"grid.changed_concurrently",
         {"该网格已被他人修改，请刷新后再试", "Someone else changed this grid; reload and try again"}},
        // Warnings: never a refusal.
        {"grid.households_outside",
         {"网格有 {households} 户，不在本地规定的 {min}–{max} 户之间，可考虑调整网格划分",
          "The grid has {households} households, outside the local range of {min}–{max}; consider re-dividing"}},
        {"grid.team.no_leader", {"尚未明确网格长", "No grid leader yet"}},
        {"grid.team.no_worker", {"尚未配备网格员（1+1+N 队伍）", "No grid worker yet (1+1+N team)"}},
        {"grid.no_cover", {"尚未明确覆盖本网格的党支部或党小组", "No branch or party group covers the grid yet"}},
        {"grid.overlap", {"网格 {a} 与 {b} 有约 {area} 平方米重叠", "Grids {a} and {b} overlap by about {area} m²"}},
        {"grid.gap",
         {"本社区网格之间有约 {area} 平方米的空白未划入任何网格",
          "About {area} m² between the community's grids lie in no grid"}},
        {"json.type_object_list", {"{field}应为对象列表", "{field} must be a list of objects"}},
    };
    return kTable;
}

const Table& GridLabels() {
    static const Table kTable{
        {"grid", {"网格", "grid"}},
        {"boundary", {"网格边界", "Boundary"}},
        {"households", {"户数", "Households"}},
        {"residents", {"人口数", "Residents"}},
        {"buildings", {"楼栋", "Buildings"}},
        {"leader", {"网格长", "Grid leader"}},
        {"team", {"网格队伍", "Team"}},
        {"covering_org_id", {"覆盖的党支部", "Covering branch"}},
        {"covering_group_id", {"覆盖的党小组", "Covering party group"}},
    };
    return kTable;
}

}  // namespace lianxin::http
