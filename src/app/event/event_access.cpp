#include "app/event/event_access.hpp"

#include <algorithm>

#include "app/event/duplicates.hpp"
#include "app/event/hotline.hpp"
#include "core/auth/narrow_scope.hpp"

namespace lianxin::app {

using core::auth::Permission;

std::string ParentPath(const std::string& path) {
    if (path.size() < 2) return "";
    const auto cut = path.find_last_of('/', path.size() - 2);
    return cut == 0 || cut == std::string::npos ? "" : path.substr(0, cut + 1);
}

namespace {
bool Covers(const core::auth::Actor& actor, Permission p, const std::string& path) {
    return !path.empty() && static_cast<bool>(core::auth::Authorize(actor, p, path));
}
}  // namespace

core::event::Relations RelationsOf(const core::auth::Actor& actor, const core::event::Event& e,
                                   const std::vector<core::ports::EventWhistle>& whistles) {
    core::event::Relations r;
    r.dispatcher = Covers(actor, Permission::kEventWrite, e.owner_org_path);
    r.handler = Covers(actor, Permission::kEventWrite, e.assignee_org_path);
    // 小事不出网格: a grid worker or leader handles what its community was given in its grids, and what was
    // assigned to it by name.
    if (!r.handler && e.grid_id != 0 && !e.assignee_org_path.empty() && e.assignee_org_path == e.org_path)
        r.handler = core::auth::CoversGrid(actor, Permission::kEventWrite, e.grid_id, e.org_path);
    if (!r.handler && e.assignee_user_id != 0 && e.assignee_user_id == actor.user_id)
        r.handler = static_cast<bool>(core::auth::AuthorizeAny(actor, Permission::kEventWrite));
    r.whistled = std::any_of(whistles.begin(), whistles.end(), [&](const auto& w) { return LiaisonOf(actor, w); });
    if (!e.assignee_org_path.empty()) {
        const auto above = ParentPath(e.assignee_org_path);
        r.level_above = Covers(actor, Permission::kEventWrite, above.empty() ? e.owner_org_path : above);
    }
    r.handled_it = e.handled_by != 0 && e.handled_by == actor.user_id;
    return r;
}

bool MaySee(const core::auth::Actor& actor, const core::event::Event& e) {
    return Covers(actor, Permission::kEventRead, e.org_path) ||
           Covers(actor, Permission::kEventRead, e.owner_org_path) ||
           Covers(actor, Permission::kEventRead, e.assignee_org_path) ||
           (e.grid_id != 0 && core::auth::CoversGrid(actor, Permission::kEventRead, e.grid_id, e.org_path)) ||
           (e.assignee_user_id != 0 && e.assignee_user_id == actor.user_id &&
            core::auth::AuthorizeAny(actor, Permission::kEventRead));
}

bool LiaisonOf(const core::auth::Actor& actor, const core::ports::EventWhistle& w) {
    return core::auth::CoversWhistle(actor, {w.target_org_path, w.overlay_unit_id});
}

core::Result<bool> Sees(core::ports::Tx& tx, const core::auth::Actor& actor, const core::event::Event& e) {
    if (MaySee(actor, e)) return true;
    const bool liaison = std::any_of(actor.grants.begin(), actor.grants.end(),
                                     [](const auto& g) { return core::auth::IsLiaisonRole(g.role); });
    if (!liaison) return false;
    LX_ASSIGN(whistles, tx.Events().Whistles(e.id));
    return std::any_of(whistles.begin(), whistles.end(), [&](const auto& w) { return LiaisonOf(actor, w); });
}

std::int64_t ActingOrg(const core::auth::Actor& actor, const std::string& path) {
    const core::auth::Grant* best = nullptr;
    for (const auto& g : actor.grants) {
        // a narrowed grant acts for its org too (a grid worker for its community, a liaison for its department)
        if (!(core::auth::RoleHas(g.role, Permission::kEventWrite) ||
              core::auth::NarrowHas(g.role, Permission::kEventWrite)) ||
            path.compare(0, g.org_path.size(), g.org_path) != 0)
            continue;
        if (!best || g.org_path.size() > best->org_path.size()) best = &g;
    }
    return best ? best->org_id : 0;
}

core::Result<EventView> LoadEventView(core::ports::Tx& tx, const core::auth::Actor& actor, core::ports::EventRecord rec,
                                      std::int64_t now, bool full) {
    EventView v;
    const auto& e = rec.event;
    std::vector<core::ports::EventWhistle> whistles;
    if (full) {
        LX_ASSIGN(ws, tx.Events().Whistles(e.id));
        whistles = std::move(ws);
    }
    const auto rel = RelationsOf(actor, rec.event, whistles);
    // The dispatcher and the handler call the reporter back; a liaison sees the phone masked.
    v.reveal_phone = rel.dispatcher || rel.handler;
    for (auto a : core::event::AllowedActions(rec.event, rel)) v.actions.emplace_back(core::event::ToString(a));
    v.overdue = !e.Closed() && e.state != core::event::EventState::kSuspended && e.handle_by && *e.handle_by < now;
    if (full) {
        LX_ASSIGN(flow, tx.Events().Flow(e.id));
        LX_ASSIGN(callback_due, CallbackDue(tx, e, flow));
        v.callback_due = callback_due;
        v.flow = std::move(flow);
        v.whistles = std::move(whistles);
        // report / close_whistle need an open whistle to act on (a liaison's own, when it is only a liaison)
        const bool only_liaison = rel.whistled && !rel.dispatcher && !rel.handler;
        auto mine = [&](const auto& w) { return !only_liaison || LiaisonOf(actor, w); };
        const bool open_report = std::any_of(v.whistles.begin(), v.whistles.end(),
                                             [&](const auto& w) { return mine(w) && !w.reported_at && !w.closed_at; });
        const bool open_close = std::any_of(v.whistles.begin(), v.whistles.end(),
                                            [&](const auto& w) { return mine(w) && !w.closed_at; });
        std::erase_if(v.actions, [&](const std::string& a) {
            return (a == "report" && !open_report) || (a == "close_whistle" && !open_close);
        });
        LX_ASSIGN(merged, MergedDuplicates(tx, e.id));
        v.merged = std::move(merged);
        if (core::event::IsMerged(e)) {
            LX_ASSIGN(primary, tx.Events().Get(e.duplicate_of));
            if (primary) {
                v.merged_into_id = primary->event.id;
                v.merged_into_number = primary->event.number;
            }
        }
    } else {
        std::erase_if(v.actions, [](const std::string& a) { return a == "report" || a == "close_whistle"; });
    }
    v.record = std::move(rec);
    return v;
}

}  // namespace lianxin::app
