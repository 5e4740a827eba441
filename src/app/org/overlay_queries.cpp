// Reading overlays: the list of the scope, one overlay's detail with its units and the turns to come, and the
// counts per community (core/org/overlay.hpp, core/org/rotation.hpp).
#include "app/org/org_queries.hpp"
#include "app/org/overlays.hpp"

namespace lianxin::app {

using core::auth::Permission;
using core::org::Overlay;
using core::ports::Tx;

namespace {

// How many turns the detail shows: the current one and the next five.
constexpr int kTurnsShown = 6;

core::Result<OverlayView> Describe(Tx& tx, const core::auth::Actor& actor, Overlay o,
                                   const core::org::OverlayCounts& counts, const core::Date& today, bool detail) {
    OverlayView v;
    v.counts = counts;
    v.convenor = core::org::ConvenorOn(o.rotation, today);
    v.next_handover = core::org::NextHandover(o.rotation, today);
    v.meeting = core::org::MeetingDue(o, today);
    v.can_edit = static_cast<bool>(core::auth::Authorize(actor, Permission::kOrgWrite, o.host_org_path));
    if (detail || v.convenor) {
        LX_ASSIGN(units, tx.Overlays().Units(o.id));
        for (const auto& u : units)
            if (v.convenor && u.id == v.convenor->unit_id) v.convenor_name = u.name;
        if (detail) {
            v.units = std::move(units);
            v.turns = core::org::Turns(o.rotation, today, kTurnsShown);
        }
    }
    v.overlay = std::move(o);
    return v;
}

}  // namespace

core::Result<Overlay> VisibleOverlay(Tx& tx, const core::auth::Actor& actor, std::int64_t id, Permission p) {
    LX_CHECK(core::auth::AuthorizeAny(actor, p));
    LX_ASSIGN(o, tx.Overlays().Get(id));
    if (!o) return core::Fail(core::NotFound("overlay"));
    LX_CHECK(core::auth::Authorize(actor, p, o->host_org_path, "overlay"));
    return *o;
}

core::Result<std::vector<OverlayView>> ListOverlays(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgRead));
    const auto today = ctx.clock.Today();
    std::vector<OverlayView> out;
    // System scope (the three reads): an overlay's linked members may belong to other subtrees; they are counted.
    LX_CHECK(ctx.db.Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        core::ports::OverlayQuery q;
        q.scope_roots = core::auth::ScopeRoots(actor, Permission::kOrgRead);
        q.on = today;
        if (org_id != 0) {
            LX_ASSIGN(org, tx.Orgs().Get(org_id));
            if (!org || !core::auth::Authorize(actor, Permission::kOrgRead, org->path))
                return core::Fail(core::InvalidField("org_id", "org.not_in_scope"));
            q.subtree = org->path;
        }
        LX_ASSIGN(list, tx.Overlays().List(q));
        for (auto& s : list) {
            LX_ASSIGN(v, Describe(tx, actor, std::move(s.overlay), s.counts, today, false));
            out.push_back(std::move(v));
        }
        return core::Ok();
    }));
    return out;
}

core::Result<OverlayView> GetOverlay(Context& ctx, const core::auth::Actor& actor, std::int64_t id) {
    const auto today = ctx.clock.Today();
    OverlayView out;
    // System scope: see ListOverlays.
    LX_CHECK(ctx.db.Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(o, VisibleOverlay(tx, actor, id, Permission::kOrgRead));
        LX_ASSIGN(links, tx.Overlays().Links(id, today));
        LX_ASSIGN(units, tx.Overlays().Units(id));
        auto counts = core::org::CountUnits(units, today);
        counts.linked_members = static_cast<int>(links.size());
        LX_ASSIGN(v, Describe(tx, actor, std::move(o), counts, today, true));
        out = std::move(v);
        return core::Ok();
    }));
    return out;
}

core::Result<OverlayCountsView> CountOverlays(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id) {
    const auto today = ctx.clock.Today();
    OverlayCountsView out;
    // System scope: see ListOverlays.
    LX_CHECK(ctx.db.Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(org, VisibleOrg(tx, actor, org_id, Permission::kOrgRead, today));
        LX_ASSIGN(total, tx.Overlays().CountsIn(org.path, today));
        out.total = {org, total};
        LX_ASSIGN(children, tx.Orgs().Children(org.id, today));
        for (const auto& c : children) {
            LX_ASSIGN(counts, tx.Overlays().CountsIn(c.org.path, today));
            out.rows.push_back({c.org, counts});
        }
        return core::Ok();
    }));
    return out;
}

}  // namespace lianxin::app
