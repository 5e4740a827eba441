// Reading events: the dictionary, the queues and one event with its flow log.
#include "app/event/deadlines.hpp"
#include "app/event/event_access.hpp"
#include "app/policy/policies.hpp"

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
    if (in.queue != "all" && in.queue != "mine" && in.queue != "due_soon" && in.queue != "overdue")
        errors.WithField("queue", "query.invalid");
    if (!in.state.empty() && !core::event::ParseEventState(in.state)) errors.WithField("state", "query.invalid");
    if (!errors.fields.empty()) return core::Fail(errors);
    const auto now = ctx.clock.NowMillis();
    core::ports::EventQuery q;
    q.scope_roots = core::auth::ScopeRoots(actor, Permission::kEventRead);
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
    EventPage page;
    LX_CHECK(ctx.db.Read(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        if (in.queue == "due_soon") {
            // The window is the policy of the actor's first scope root (the queue is one list).
            LX_ASSIGN(policies, PoliciesFor(tx, q.scope_roots.empty() ? "/" : q.scope_roots.front()));
            q.due_after = now;
            q.due_before = now + DueSoonWindowMillis(policies, now);
        }
        LX_ASSIGN(rows, tx.Events().List(q));
        const bool more = static_cast<int>(rows.size()) > in.limit;
        if (more) rows.resize(static_cast<std::size_t>(in.limit));
        for (auto& r : rows) {
            LX_ASSIGN(v, LoadEventView(tx, actor, std::move(r), now, false));
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
        if (!rec || !MaySee(actor, rec->event)) return core::Fail(core::NotFound("event"));
        const auto org_id = rec->event.org_id;
        const auto org_path = rec->event.org_path;
        LX_ASSIGN(view, LoadEventView(tx, actor, std::move(*rec), now, true));
        out.value = std::move(view);
        out.entry = AuditFor(actor, now, "event.view", "event", std::to_string(id)).On(org_id, org_path);
        return core::Ok();
    }));
    return out;
}

}  // namespace lianxin::app
