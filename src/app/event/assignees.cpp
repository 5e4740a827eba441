// The people an assignee org may be handled by, and the check of a named person on 分派 / 转派
// (app/event/duplicates.hpp; issue 17 "The closed loop", "Roles and access").
#include <algorithm>

#include "app/event/duplicates.hpp"
#include "app/event/event_access.hpp"
#include "app/org/org_queries.hpp"
#include "core/auth/narrow_scope.hpp"

namespace lianxin::app {

using core::auth::Permission;
using core::ports::Scope;
using core::ports::Tx;

bool MayBeNamed(const std::string& role, const std::vector<std::int64_t>& grid_ids, std::int64_t event_grid) {
    auto r = core::auth::ParseRole(role);
    if (!r) return false;
    if (core::auth::RoleHas(*r, Permission::kEventWrite)) return true;  // the org's own staff
    if (!core::auth::NarrowHas(*r, Permission::kEventWrite)) return false;
    // a grid worker or leader of the event's own grid; a department's liaison (a member of the department)
    if (core::auth::IsGridRole(*r))
        return event_grid != 0 && std::find(grid_ids.begin(), grid_ids.end(), event_grid) != grid_ids.end();
    return core::auth::IsLiaisonRole(*r);
}

namespace {
core::Result<std::vector<AssignableUser>> PeopleOf(Tx& tx, std::int64_t org_id, std::int64_t event_grid) {
    LX_ASSIGN(grants, tx.Duplicates().UsersOfOrg(org_id));
    std::vector<AssignableUser> out;
    for (const auto& g : grants) {
        if (!MayBeNamed(g.role, g.grid_ids, event_grid)) continue;
        auto it = std::find_if(out.begin(), out.end(), [&](const auto& u) { return u.user_id == g.user_id; });
        if (it == out.end()) it = out.insert(out.end(), AssignableUser{g.user_id, g.display_name, g.username, {}});
        it->roles.push_back(g.role);
    }
    return out;
}
}  // namespace

core::Result<std::vector<AssignableUser>> AssignableUsers(Context& ctx, const core::auth::Actor& actor, std::int64_t id,
                                                          std::int64_t org_id) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventWrite));
    std::vector<AssignableUser> out;
    LX_CHECK(ctx.db.Read(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(rec, tx.Events().Get(id));
        if (!rec) return core::Fail(core::NotFound("event"));
        LX_ASSIGN(sees, Sees(tx, actor, rec->event));
        if (!sees) return core::Fail(core::NotFound("event"));
        auto org = VisibleOrg(tx, actor, org_id, Permission::kEventWrite, ctx.clock.Today());
        if (!org) return core::Fail(core::InvalidField("org_id", "org.not_in_scope"));
        LX_ASSIGN(people, PeopleOf(tx, org->id, rec->event.grid_id));
        out = std::move(people);
        return core::Ok();
    }));
    return out;
}

core::Status NamedAssignee(Tx& tx, const core::event::Event& e, std::int64_t user_id, core::event::Step& step) {
    if (user_id <= 0) return core::Ok();
    if (step.assignee_org_id <= 0) return core::Ok();  // the missing org is the step's own error
    LX_ASSIGN(people, PeopleOf(tx, step.assignee_org_id, e.grid_id));
    auto it = std::find_if(people.begin(), people.end(), [&](const auto& u) { return u.user_id == user_id; });
    if (it == people.end()) return core::Fail(core::InvalidField("assignee_user_id", "event.assignee.user_outside"));
    step.assignee_user_id = user_id;
    if (step.assignee_name.empty()) step.assignee_name = it->display_name;
    return core::Ok();
}

}  // namespace lianxin::app
