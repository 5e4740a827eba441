// Reading events: the dictionary, the queues and one event with its flow log.
#include "app/event/deadlines.hpp"
#include "app/event/event_access.hpp"
#include "app/policy/policies.hpp"
#include "core/auth/narrow_scope.hpp"
#include "core/event/supervision.hpp"

namespace lianxin::app {

using core::auth::Permission;
using core::ports::Scope;
using core::ports::Tx;

core::Result<std::vector<core::event::Category>> EventCategories(Context& ctx, const core::auth::Actor& actor) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventRead));
    std::vector<core::event::Category> out;
    // The dictionary holds no org's data: read outside any scope.
    LX_CHECK(ctx.db.Read(Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(cats, tx.Events().Categories());
        out = std::move(cats);
        return core::Ok();
    }));
    return out;
}

core::Result<EventPage> ListEvents(Context& ctx, const core::auth::Actor& actor, const EventListInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventRead));
    core::Error errors = core::MakeError(core::ErrorCode::kInvalidArgument, "request.invalid");
    if (in.queue != "all" && in.queue != "mine" && in.queue != "due_soon" && in.queue != "overdue" &&
        in.queue != "grid" && in.queue != "whistled" && in.queue != "supervised")
        errors.WithField("queue", "query.invalid");
    if (!in.whistle_state.empty() && in.whistle_state != "open" && in.whistle_state != "reported" &&
        in.whistle_state != "closed")
        errors.WithField("whistle_state", "query.invalid");
    if (!in.state.empty() && !core::event::ParseEventState(in.state)) errors.WithField("state", "query.invalid");
    if (!errors.fields.empty()) return core::Fail(errors);
    const auto now = ctx.clock.NowMillis();
    core::ports::EventQuery q;
    q.scope_roots = core::auth::ScopeRoots(actor, Permission::kEventRead);
    // the narrowed scopes (issue 17 "Roles and access"): grids, events assigned by name, whistles
    q.grid_ids = core::auth::GridIdsOf(actor, Permission::kEventRead);
    q.assigned_user_id = actor.user_id;
    q.whistle_roots = core::auth::WhistleOrgRoots(actor);
    q.whistle_unit_ids = core::auth::WhistleUnitIds(actor);
    q.grids_only = in.queue == "grid";
    q.whistled_only = in.queue == "whistled";
    q.whistle_state = in.whistle_state;
    q.state = in.state;
    q.category_code = in.category;
    q.after_id = in.after_id;
    q.limit = in.limit + 1;
    if (in.queue == "mine") {
        q.mine = true;
        q.mine_user_id = actor.user_id;
        for (const auto& g : actor.grants)
            if (core::auth::RoleHas(g.role, Permission::kEventWrite)) q.mine_org_ids.push_back(g.org_id);
    }
    if (in.queue == "overdue") q.due_before = now;
    q.supervised_only = in.queue == "supervised";
    EventPage page;
    LX_CHECK(ctx.db.Read(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        // The due-soon window is the policy of the actor's first scope root (the queue is one list).
        LX_ASSIGN(policies, PoliciesFor(tx, q.scope_roots.empty() ? "/" : q.scope_roots.front()));
        const auto window = DueSoonWindowMillis(policies, now);
        if (in.queue == "due_soon") {
            q.due_after = now;
            q.due_before = now + window;
        }
        LX_ASSIGN(rows, tx.Events().List(q));
        const bool more = static_cast<int>(rows.size()) > in.limit;
        if (more) rows.resize(static_cast<std::size_t>(in.limit));
        for (auto& r : rows) {
            LX_ASSIGN(v, LoadEventView(tx, actor, std::move(r), now, false));
            v.due_soon = core::event::DueSoon(v.record.event, now, window);
            if (q.whistled_only) {  // the department's queue shows its own whistles (report by, reported)
                LX_ASSIGN(ws, tx.Events().Whistles(v.record.event.id));
                for (auto& w : ws)
                    if (LiaisonOf(actor, w)) v.whistles.push_back(std::move(w));
            }
            page.items.push_back(std::move(v));
        }
        page.next_after = more ? page.items.back().record.event.id : 0;
        return core::Ok();
    }));
    return page;
}

core::Result<Audited<EventView>> ViewEvent(Context& ctx, const core::auth::Actor& actor, std::int64_t id) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventRead));
    Audited<EventView> out;
    const auto now = ctx.clock.NowMillis();
    LX_CHECK(ctx.db.Read(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(rec, tx.Events().Get(id));
        if (!rec) return core::Fail(core::NotFound("event"));
        LX_ASSIGN(sees, Sees(tx, actor, rec->event));
        if (!sees) return core::Fail(core::NotFound("event"));
        const auto org_id = rec->event.org_id;
        const auto org_path = rec->event.org_path;
        LX_ASSIGN(view, LoadEventView(tx, actor, std::move(*rec), now, true));
        LX_ASSIGN(policies, PoliciesFor(tx, org_path));
        view.due_soon = core::event::DueSoon(view.record.event, now, DueSoonWindowMillis(policies, now));
        out.value = std::move(view);
        out.entry = AuditFor(actor, now, "event.view", "event", std::to_string(id)).On(org_id, org_path);
        return core::Ok();
    }));
    return out;
}

}  // namespace lianxin::app
