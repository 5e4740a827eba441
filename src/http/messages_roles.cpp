// Messages and labels of the narrowed roles (issue 17 "Roles and access"): grid workers and grid leaders scoped to
// grids, department and unit liaisons scoped to what was whistled to them.
#include "http/messages_tables.hpp"

namespace lianxin::http {

const Table& RoleMessages() {
    static const Table kTable{
        {"user.grant.not_community",
         {"网格员、网格长的授权应落在划有网格的社区",
          "A grid worker's or grid leader's grant lies on a community with grids"}},
        {"user.grant.grids_required", {"请至少选择一个本社区的网格", "Pick at least one grid of the community"}},
        {"user.grant.grid_unknown", {"网格 {id} 不是本社区的网格", "Grid {id} is not a grid of this community"}},
        {"user.grant.grids_not_allowed",
         {"只有网格员、网格长的授权才能选择网格", "Only a grid worker's or grid leader's grant names grids"}},
        {"user.grant.unit_required", {"请选择该联络员所属的成员单位", "Pick the member unit the liaison acts for"}},
        {"user.grant.unit_unknown",
         {"该成员单位不属于本组织牵头的大工委/大党委，或已退出",
          "The unit is not a current member unit of an overlay this organization hosts"}},
        {"event.grid.outside", {"该网格不是事件所在社区的网格", "The grid is not a grid of the event's community"}},
        {"user.grant.unit_not_allowed",
         {"只有单位联络员的授权才能选择成员单位", "Only a unit liaison's grant names a member unit"}},
    };
    return kTable;
}

const Table& RoleLabels() {
    static const Table kTable{
        {"grid_ids", {"网格", "Grids"}},
        {"whistle_state", {"报到状态", "Report state"}},
    };
    return kTable;
}

}  // namespace lianxin::http
