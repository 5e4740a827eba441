#include "app/grid/grids.hpp"

#include <algorithm>

#include "app/audit/audit.hpp"
#include "app/grid/grid_read_scope.hpp"
#include "app/org/org_queries.hpp"
#include "app/policy/policies.hpp"
#include "core/auth/narrow_scope.hpp"
#include "core/member/fields.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::auth::Permission;
using core::grid::Grid;
using core::grid::GridVersion;
using core::ports::Tx;
namespace policy = core::policy;

namespace {

core::Error Invalid() { return core::MakeError(ErrorCode::kInvalidArgument, "request.invalid"); }

Grid FromInput(const GridInput& in) {
    Grid g;
    g.code = in.code;
    g.name = in.name;
    g.note = in.note;
    g.households = in.households;
    g.residents = in.residents;
    g.buildings = in.buildings;
    g.leader = in.leader;
    g.covering_org_id = in.covering_org_id;
    g.covering_group_id = in.covering_group_id;
    g.team = in.team;
    return g;
}

// A day given as text (empty: today), not after today.
core::Result<core::Date> DayOf(const std::string& text, const core::Date& today, const char* field) {
    if (text.empty()) return today;
    core::Error errors = Invalid();
    auto day = core::member::CheckDate(text, today, field, errors);
    if (!errors.fields.empty() || !day) return core::Fail(errors);
    return *day;
}

// The people and the cover must lie in the grid's community: members of its branches, a branch below it or a
// party group of one. Fills the names shown (a member's name from the registry) and the cover's name.
core::Status Resolve(Tx& tx, const core::org::Org& community, Grid& g, const core::Date& today) {
    core::Error errors = Invalid();
    auto person = [&](core::grid::Person& p, const std::string& field) -> core::Status {
        if (!p.member_id) return core::Ok();
        LX_ASSIGN(m, tx.Members().Get(p.member_id));
        if (!m || m->left_on || !core::org::InSubtree(m->org_path, community.path))
            errors.WithField(field + ".member_id", "grid.person.member_outside");
        else p.name = m->name;
        return core::Ok();
    };
    LX_CHECK(person(g.leader, "leader"));
    for (std::size_t i = 0; i < g.team.size(); ++i)
        LX_CHECK(person(g.team[i].person, "team[" + std::to_string(i) + "]"));
    g.covering_name.clear();
    if (g.covering_org_id) {
        LX_ASSIGN(o, tx.Orgs().Get(g.covering_org_id));
        if (!o || !o->ValidOn(today) || !core::org::InSubtree(o->path, community.path))
            errors.WithField("covering_org_id", "grid.cover.outside");
        else g.covering_name = o->name;
    }
    if (g.covering_group_id) {
        LX_ASSIGN(grp, tx.Groups().Get(g.covering_group_id));
        if (!grp || grp->valid_to || !core::org::InSubtree(grp->org_path, community.path))
            errors.WithField("covering_group_id", "grid.cover.outside");
        else g.covering_name = grp->name;
    }
    if (!errors.fields.empty()) return core::Fail(errors);
    return core::Ok();
}

// The name of the cover for display (the stored ids only).
core::Status CoverName(Tx& tx, Grid& g) {
    if (g.covering_org_id) {
        LX_ASSIGN(o, tx.Orgs().Get(g.covering_org_id));
        if (o) g.covering_name = o->name;
    } else if (g.covering_group_id) {
        LX_ASSIGN(grp, tx.Groups().Get(g.covering_group_id));
        if (grp) g.covering_name = grp->name;
    }
    return core::Ok();
}

core::Result<core::grid::Boundary> Checked(Tx& tx, const std::string& org_path, core::grid::Boundary b,
                                           const core::Date& on) {
    LX_ASSIGN(policies, PoliciesFor(tx, org_path));
    const auto max = static_cast<std::size_t>(policies.Value(policy::kGridBoundaryMaxVertices, on));
    return core::grid::CheckBoundary(std::move(b), max);
}

GridVersion NewVersion(std::int64_t grid_id, core::grid::Boundary b, const core::Date& from,
                       const core::auth::Actor& actor, std::int64_t now) {
    GridVersion v;
    v.grid_id = grid_id;
    v.box = core::grid::BoxOf(b);
    v.area_m2 = core::grid::AreaM2(b);
    v.boundary = std::move(b);
    v.valid_from = from;
    v.created_by = actor.user_id;
    v.created_at = now;
    return v;
}

// The warnings between the community's grids on `on`, and those naming `code` only when it is given.
core::Result<std::vector<core::org::Warning>> Between(Tx& tx, std::int64_t org_id, const core::Date& on,
                                                      const std::vector<Grid>& grids, const std::string& code = {}) {
    LX_ASSIGN(versions, tx.Grids().VersionsOfOrg(org_id, on));
    std::vector<core::grid::Placed> placed;
    for (const auto& v : versions) {
        auto g = std::find_if(grids.begin(), grids.end(), [&](const Grid& x) { return x.id == v.grid_id; });
        if (g != grids.end()) placed.push_back({g->id, g->code, v.boundary});
    }
    auto all = core::grid::BetweenGrids(placed);
    if (code.empty()) return all;
    std::vector<core::org::Warning> mine;
    for (auto& w : all)
        if (w.key == "grid.overlap" && (w.params["a"] == code || w.params["b"] == code)) mine.push_back(std::move(w));
    return mine;
}

core::Result<GridView> ViewOf(Tx& tx, const core::auth::Actor& actor, Grid g, const core::Date& on) {
    GridView v;
    LX_CHECK(CoverName(tx, g));
    LX_ASSIGN(policies, PoliciesFor(tx, g.org_path));
    v.warnings = core::grid::GridWarnings(g, policies.Int(policy::kGridHouseholdsMin, on),
                                          policies.Int(policy::kGridHouseholdsMax, on));
    LX_ASSIGN(versions, tx.Grids().Versions(g.id));
    if (const auto* cur = core::grid::VersionOn(versions, on)) v.boundary = *cur;
    v.can_edit = core::auth::Authorize(actor, Permission::kOrgWrite, g.org_path).has_value();
    v.grid = std::move(g);
    return v;
}

core::Result<Grid> Visible(Tx& tx, const core::auth::Actor& actor, std::int64_t id, Permission p) {
    LX_CHECK(core::auth::AuthorizeAny(actor, p));
    LX_ASSIGN(found, tx.Grids().Get(id));
    if (!found) return core::Fail(core::NotFound("grid"));
    // reading: also a grid grant naming it, or a branch of its community (read only; grid_read_scope.hpp)
    if (p == Permission::kOrgRead && core::auth::ReadsGrid(actor, found->id, found->org_path))
        return std::move(found).value();
    LX_CHECK(core::auth::Authorize(actor, p, found->org_path, "grid"));
    return std::move(found).value();
}

core::Result<std::vector<Grid>> Siblings(Tx& tx, const core::org::Org& community) {
    core::ports::GridQuery q;
    q.scope_roots = {community.path};
    q.org_id = community.id;
    return tx.Grids().List(q);
}

}  // namespace

core::Result<GridList> ListGrids(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                 const core::Date& on) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgRead));
    GridList out;
    LX_ASSIGN(communities, BranchCommunities(ctx, actor));
    LX_CHECK(ctx.db.Read(GridReadScope(actor, communities), [&](Tx& tx) -> core::Status {
        core::ports::GridQuery q;
        q.scope_roots = core::auth::ScopeRoots(actor, Permission::kOrgRead);
        NarrowGridQuery(actor, communities, q);
        std::optional<core::org::Org> org;
        if (org_id != 0) {
            LX_ASSIGN(o, VisibleOrg(tx, actor, org_id, Permission::kOrgRead));
            q.subtree = o.path;
            org = std::move(o);
        }
        LX_ASSIGN(grids, tx.Grids().List(q));
        if (org && core::grid::HoldsGrids(*org)) {
            LX_ASSIGN(w, Between(tx, org->id, on, grids));
            out.warnings = std::move(w);
        }
        for (auto& g : grids) {
            LX_ASSIGN(v, ViewOf(tx, actor, std::move(g), on));
            out.items.push_back(std::move(v));
        }
        return core::Ok();
    }));
    return out;
}

core::Result<GridView> GetGrid(Context& ctx, const core::auth::Actor& actor, std::int64_t id, const core::Date& on) {
    GridView out;
    LX_ASSIGN(communities, BranchCommunities(ctx, actor));
    LX_CHECK(ctx.db.Read(GridReadScope(actor, communities), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(g, Visible(tx, actor, id, Permission::kOrgRead));
        LX_ASSIGN(siblings, tx.Grids().List({{g.org_path}, {}, g.org_id, 1000}));
        LX_ASSIGN(between, Between(tx, g.org_id, on, siblings, g.code));
        LX_ASSIGN(v, ViewOf(tx, actor, std::move(g), on));
        out = std::move(v);
        out.warnings.insert(out.warnings.end(), between.begin(), between.end());
        return core::Ok();
    }));
    return out;
}

core::Result<std::int64_t> CreateGrid(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                      const GridInput& in, const std::optional<core::grid::Boundary>& boundary,
                                      const std::string& valid_from) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgWrite));
    const auto today = ctx.clock.Today();
    LX_ASSIGN(from, DayOf(valid_from, today, "valid_from"));
    Grid g = FromInput(in);
    core::Error errors = Invalid();
    core::grid::CheckCode(g.code, errors);
    core::grid::CheckAttributes(g, errors);
    if (!errors.fields.empty()) return core::Fail(errors);
    std::int64_t id = 0;
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(org, VisibleOrg(tx, actor, org_id, Permission::kOrgWrite, today));
        if (!core::grid::HoldsGrids(org)) return core::Fail(core::InvalidField("org_id", "grid.org.not_community"));
        LX_ASSIGN(siblings, Siblings(tx, org));
        std::vector<std::string> codes;
        for (const auto& s : siblings) codes.push_back(s.code);
        core::Error in_community = Invalid();
        core::grid::CheckCodeInCommunity(g.code, org.region_code, codes, in_community);
        if (!in_community.fields.empty()) return core::Fail(in_community);
        LX_CHECK(Resolve(tx, org, g, today));
        std::optional<core::grid::Boundary> shape;
        if (boundary) {
            LX_ASSIGN(b, Checked(tx, org.path, *boundary, today));
            shape = std::move(b);
        }
        const auto now = ctx.clock.NowMillis();
        g.org_id = org.id;
        g.org_path = org.path;
        g.created_at = g.updated_at = now;
        LX_ASSIGN(made, tx.Grids().Insert(g));
        id = made;
        if (shape) LX_CHECK(tx.Grids().InsertVersion(NewVersion(id, std::move(*shape), from, actor, now)));
        auto entry = AuditFor(actor, now, "grid.create", "grid", std::to_string(id)).On(org);
        entry.detail = "code=" + g.code + (boundary ? " from=" + from.ToString() : "");
        return tx.Audit().Append(entry);
    }));
    return id;
}

core::Status UpdateGrid(Context& ctx, const core::auth::Actor& actor, std::int64_t id, std::int64_t version,
                        const GridInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgWrite));
    Grid changed = FromInput(in);
    core::Error errors = Invalid();
    core::grid::CheckAttributes(changed, errors);
    if (!errors.fields.empty()) return core::Fail(errors);
    return ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(g, Visible(tx, actor, id, Permission::kOrgWrite));
        if (g.version != version) return core::Fail(core::MakeError(ErrorCode::kConflict, "grid.changed_concurrently"));
        LX_ASSIGN(org, tx.Orgs().Get(g.org_id));
        if (!org) return core::Fail(core::NotFound("grid"));
        LX_CHECK(Resolve(tx, *org, changed, ctx.clock.Today()));
        changed.id = g.id;
        changed.org_id = g.org_id;
        changed.org_path = g.org_path;
        changed.code = g.code;
        changed.version = g.version;
        changed.updated_at = ctx.clock.NowMillis();
        LX_CHECK(tx.Grids().Update(changed));
        auto entry =
            AuditFor(actor, changed.updated_at, "grid.update", "grid", std::to_string(id)).On(g.org_id, g.org_path);
        return tx.Audit().Append(entry);
    });
}

core::Status RedrawGrid(Context& ctx, const core::auth::Actor& actor, std::int64_t id,
                        const core::grid::Boundary& boundary, const std::string& valid_from) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgWrite));
    const auto today = ctx.clock.Today();
    LX_ASSIGN(from, DayOf(valid_from, today, "valid_from"));
    return ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(g, Visible(tx, actor, id, Permission::kOrgWrite));
        LX_ASSIGN(shape, Checked(tx, g.org_path, boundary, today));
        LX_ASSIGN(versions, tx.Grids().Versions(g.id));
        // The open version (the newest) ends where the new one starts; history is never rewritten.
        const GridVersion* open = nullptr;
        for (const auto& v : versions)
            if (!v.valid_to) open = &v;
        if (!versions.empty() && from <= versions.back().valid_from)
            return core::Fail(core::InvalidField("valid_from", "grid.redraw.before_current",
                                                 {{"date", versions.back().valid_from.ToString()}}));
        if (open) LX_CHECK(tx.Grids().CloseVersion(open->id, from));
        const auto now = ctx.clock.NowMillis();
        LX_CHECK(tx.Grids().InsertVersion(NewVersion(g.id, std::move(shape), from, actor, now)));
        auto entry = AuditFor(actor, now, "grid.redraw", "grid", std::to_string(id)).On(g.org_id, g.org_path);
        entry.detail = "from=" + from.ToString();
        return tx.Audit().Append(entry);
    });
}

core::Result<std::vector<GridVersion>> GridHistory(Context& ctx, const core::auth::Actor& actor, std::int64_t id) {
    std::vector<GridVersion> out;
    LX_ASSIGN(communities, BranchCommunities(ctx, actor));
    LX_CHECK(ctx.db.Read(GridReadScope(actor, communities), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(g, Visible(tx, actor, id, Permission::kOrgRead));
        LX_ASSIGN(versions, tx.Grids().Versions(g.id));
        out = std::move(versions);
        return core::Ok();
    }));
    return out;
}

core::Result<std::vector<GridView>> LocateGrid(Context& ctx, const core::auth::Actor& actor, core::grid::LngLat p,
                                               const core::Date& on) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgRead));
    core::Error errors = Invalid();
    if (!(p.lng >= -180 && p.lng <= 180)) errors.WithField("lng", "grid.point.range");
    if (!(p.lat >= -90 && p.lat <= 90)) errors.WithField("lat", "grid.point.range");
    if (!errors.fields.empty()) return core::Fail(errors);
    std::vector<GridView> out;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(found, tx.Grids().Locate(p, on, core::auth::ScopeRoots(actor, Permission::kOrgRead)));
        for (auto& f : found) {
            if (!core::grid::Covers(f.version.boundary, p)) continue;  // the box holds it; does the polygon?
            LX_ASSIGN(g, tx.Grids().Get(f.grid_id));
            if (!g) continue;
            LX_ASSIGN(v, ViewOf(tx, actor, std::move(*g), on));
            v.boundary = std::move(f.version);
            out.push_back(std::move(v));
        }
        return core::Ok();
    }));
    return out;
}

}  // namespace lianxin::app
