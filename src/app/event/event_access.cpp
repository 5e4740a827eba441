#include "app/event/event_access.hpp"

#include <algorithm>

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

core::event::Relations RelationsOf(const core::auth::Actor& actor, const core::event::Event& e) {
    core::event::Relations r;
    r.dispatcher = Covers(actor, Permission::kEventWrite, e.owner_org_path);
    r.handler = Covers(actor, Permission::kEventWrite, e.assignee_org_path);
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
           Covers(actor, Permission::kEventRead, e.assignee_org_path);
}

std::int64_t ActingOrg(const core::auth::Actor& actor, const std::string& path) {
    const core::auth::Grant* best = nullptr;
    for (const auto& g : actor.grants) {
        if (!core::auth::RoleHas(g.role, Permission::kEventWrite) ||
            path.compare(0, g.org_path.size(), g.org_path) != 0)
            continue;
        if (!best || g.org_path.size() > best->org_path.size()) best = &g;
    }
    return best ? best->org_id : 0;
}

core::Result<EventView> LoadEventView(core::ports::Tx& tx, const core::auth::Actor& actor, core::ports::EventRecord rec,
                                      std::int64_t now, bool full) {
    EventView v;
    const auto rel = RelationsOf(actor, rec.event);
    v.reveal_phone = rel.dispatcher || rel.handler;
    for (auto a : core::event::AllowedActions(rec.event, rel)) v.actions.emplace_back(core::event::ToString(a));
    const auto& e = rec.event;
    v.overdue = !e.Closed() && e.state != core::event::EventState::kSuspended && e.handle_by && *e.handle_by < now;
    if (full) {
        LX_ASSIGN(flow, tx.Events().Flow(e.id));
        LX_ASSIGN(whistles, tx.Events().Whistles(e.id));
        v.flow = std::move(flow);
        v.whistles = std::move(whistles);
        // report / close_whistle need an open whistle to act on
        const bool open_report = std::any_of(v.whistles.begin(), v.whistles.end(),
                                             [](const auto& w) { return !w.reported_at && !w.closed_at; });
        const bool open_close = std::any_of(v.whistles.begin(), v.whistles.end(),
                                            [](const auto& w) { return !w.closed_at; });
        std::erase_if(v.actions, [&](const std::string& a) {
            return (a == "report" && !open_report) || (a == "close_whistle" && !open_close);
        });
    } else {
        std::erase_if(v.actions, [](const std::string& a) { return a == "report" || a == "close_whistle"; });
    }
    v.record = std::move(rec);
    return v;
}

}  // namespace lianxin::app
