#include "app/grid/grid_import.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "app/audit/audit.hpp"
#include "app/org/org_queries.hpp"
#include "app/policy/policies.hpp"
#include "core/member/fields.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::auth::Permission;
using core::grid::Grid;
using core::org::Org;
using core::ports::Tx;
namespace policy = core::policy;

namespace {

core::Error Invalid() { return core::MakeError(ErrorCode::kInvalidArgument, "request.invalid"); }

struct Planned {
    GridImportFeature view;
    std::optional<Grid> existing;  // with its team, as stored
    std::int64_t open_version = 0;
};

struct Plan {
    GridImportPreview preview;
    std::vector<Planned> rows;
};

bool SameShape(const core::grid::Boundary& a, const core::grid::Boundary& b) {
    if (a == b) return true;
    const double shared = core::grid::OverlapM2(a, b);
    return std::abs(core::grid::AreaM2(a) - shared) < 1.0 && std::abs(core::grid::AreaM2(b) - shared) < 1.0;
}

// The community a feature goes to: its existing grid's; the one its community attribute names; the target when
// it is one; the one whose grids' codes share the code's first 12 digits.
const Org* CommunityOf(const std::vector<Org>& communities, const Org& target, const std::vector<Grid>& grids,
                       GridImportFeature& v) {
    if (v.grid_id) {
        for (const auto& c : communities)
            if (c.id == v.community.id) return &c;
    }
    if (!v.values.community.empty()) {
        std::vector<const Org*> found;
        for (const auto& c : communities)
            if (c.name == v.values.community || (!c.short_name.empty() && c.short_name == v.values.community))
                found.push_back(&c);
        if (found.size() == 1) return found[0];
        v.errors.push_back({"community",
                            found.empty() ? "grid.import.community_unknown" : "grid.import.community_ambiguous",
                            {{"name", v.values.community}, {"scope", target.name}}});
        return nullptr;
    }
    if (core::grid::HoldsGrids(target)) return &target;
    if (v.values.code.size() == 15) {
        std::set<std::int64_t> ids;
        for (const auto& g : grids)
            if (g.code.substr(0, 12) == v.values.code.substr(0, 12)) ids.insert(g.org_id);
        if (ids.size() == 1)
            for (const auto& c : communities)
                if (c.id == *ids.begin()) return &c;
    }
    v.errors.push_back({"community", "grid.import.no_community", {{"scope", target.name}}});
    return nullptr;
}

core::Result<Plan> MakePlan(Context& ctx, Tx& tx, const Org& target, const GridImportInput& in,
                            const core::Date& today) {
    LX_ASSIGN(policies, PoliciesFor(tx, target.path));
    core::geo::ReadLimits limits;
    limits.max_vertices = std::max(
        limits.max_vertices, static_cast<std::size_t>(policies.Value(policy::kGridBoundaryMaxVertices, today)) + 1);
    LX_ASSIGN(set, ctx.gis->Read(in.bytes, in.file_name, limits));
    Plan plan;
    auto& pv = plan.preview;
    pv.org = target;
    pv.format = set.format;
    pv.crs = set.crs;
    pv.encoding = set.encoding;
    pv.attributes = set.fields;
    pv.mapping = core::grid::GuessMapping(set.fields);
    core::Error bad = Invalid();
    for (const auto& [field, attribute] : in.mapping) {
        std::string* slot = core::grid::MappedAttribute(pv.mapping, field);
        if (!slot) bad.WithField("mapping." + field, "query.invalid");
        else *slot = attribute;
    }
    core::grid::CheckMapping(pv.mapping, set.fields, bad);
    if (in.valid_from.empty()) pv.valid_from = today;
    else if (auto day = core::member::CheckDate(in.valid_from, today, "valid_from", bad)) pv.valid_from = *day;
    if (!bad.fields.empty()) return core::Fail(bad);

    LX_ASSIGN(orgs, tx.Orgs().InSubtree(target.path, today));
    std::vector<Org> communities;
    for (auto& o : orgs)
        if (core::grid::HoldsGrids(o)) communities.push_back(o);
    core::ports::GridQuery q;
    q.scope_roots = {target.path};
    q.limit = 100000;
    LX_ASSIGN(grids, tx.Grids().List(q));
    std::map<std::string, int> file_codes;                           // code → feature
    std::map<std::int64_t, std::vector<core::grid::Placed>> placed;  // community → the file's valid boundaries
    for (std::size_t i = 0; i < set.features.size(); ++i) {
        Planned p;
        auto& v = p.view;
        v.feature = static_cast<int>(i + 1);
        v.values = core::grid::ReadAttributes(set.features[i], pv.mapping);
        v.errors = v.values.errors;
        v.boundary = set.features[i].polygons;
        const auto& code = v.values.code;
        if (auto it = file_codes.find(code); !code.empty() && it != file_codes.end())
            v.errors.push_back({"code", "grid.import.repeated", {{"feature", std::to_string(it->second)}}});
        else if (!code.empty()) file_codes[code] = v.feature;
        for (const auto& g : grids)
            if (g.code == code) {
                p.existing = g;
                v.grid_id = g.id;
                v.community.id = g.org_id;
            }
        const Org* community = CommunityOf(communities, target, grids, v);
        if (community) v.community = *community;
        Grid g = p.existing.value_or(Grid{});
        g.code = code;
        g.name = v.values.name;
        if (v.values.has_households) g.households = v.values.households;
        if (v.values.has_residents) g.residents = v.values.residents;
        if (v.values.has_buildings) g.buildings = v.values.buildings;
        core::Error checks = Invalid();
        if (!p.existing) {
            core::grid::CheckCode(code, checks);
            if (community && checks.fields.empty()) {
                std::vector<std::string> siblings;
                for (const auto& s : grids)
                    if (s.org_id == community->id) siblings.push_back(s.code);
                for (const auto& r : plan.rows)  // the file's grids above, of the same community
                    if (r.view.community.id == community->id && r.view.action != "error")
                        siblings.push_back(r.view.values.code);
                core::grid::CheckCodeInCommunity(code, community->region_code, siblings, checks);
            }
        }
        core::grid::CheckAttributes(g, checks);
        for (auto& e : checks.fields)
            if (e.field != "code" || v.values.errors.empty() || v.values.errors[0].field != "code")
                v.errors.push_back(e);
        // The boundary: valid, within the vertex limit of its community's policy.
        std::size_t max = static_cast<std::size_t>(policies.Value(policy::kGridBoundaryMaxVertices, today));
        int households_min = policies.Int(policy::kGridHouseholdsMin, today);
        int households_max = policies.Int(policy::kGridHouseholdsMax, today);
        if (community) {
            LX_ASSIGN(own, PoliciesFor(tx, community->path));
            max = static_cast<std::size_t>(own.Value(policy::kGridBoundaryMaxVertices, today));
            households_min = own.Int(policy::kGridHouseholdsMin, today);
            households_max = own.Int(policy::kGridHouseholdsMax, today);
        }
        auto checked = core::grid::CheckBoundary(v.boundary, max);
        if (!checked) {
            for (const auto& e : checked.error().fields) v.errors.push_back(e);
        } else {
            v.boundary = std::move(*checked);
            v.area_m2 = core::grid::AreaM2(v.boundary);
        }
        for (auto& w : core::grid::GridWarnings(g, households_min, households_max))
            if (w.key == "grid.households_outside") v.warnings.push_back(std::move(w));
        // What changes on an existing grid; a redraw must start after its current boundary.
        if (p.existing && checked) {
            LX_ASSIGN(versions, tx.Grids().Versions(p.existing->id));
            const core::grid::GridVersion* open = nullptr;
            for (const auto& ver : versions)
                if (!ver.valid_to) open = &ver;
            if (!open || !SameShape(open->boundary, v.boundary)) {
                v.changes.push_back("boundary");
                if (!versions.empty() && pv.valid_from <= versions.back().valid_from)
                    v.errors.push_back({"valid_from",
                                        "grid.redraw.before_current",
                                        {{"date", versions.back().valid_from.ToString()}}});
            }
            if (open) p.open_version = open->id;
            const auto& e = *p.existing;
            if (e.name != g.name) v.changes.push_back("name");
            if (e.households != g.households) v.changes.push_back("households");
            if (e.residents != g.residents) v.changes.push_back("residents");
            if (e.buildings != g.buildings) v.changes.push_back("buildings");
        }
        const bool redraw = std::find(v.changes.begin(), v.changes.end(), "boundary") != v.changes.end();
        v.action = !v.errors.empty()   ? "error"
                   : !p.existing       ? "create"
                   : redraw            ? "redraw"
                   : v.changes.empty() ? "unchanged"
                                       : "update";
        if (v.action != "error") placed[v.community.id].push_back({v.grid_id, code, v.boundary});
        ++(v.action == "create"      ? pv.create
           : v.action == "redraw"    ? pv.redraw
           : v.action == "update"    ? pv.update
           : v.action == "unchanged" ? pv.unchanged
                                     : pv.error);
        plan.rows.push_back(std::move(p));
    }
    // Overlaps and gaps (warnings) of each community as it would stand on valid_from: its other grids as they
    // are, the file's in their new shape.
    for (auto& [community_id, mine] : placed) {
        LX_ASSIGN(versions, tx.Grids().VersionsOfOrg(community_id, pv.valid_from));
        std::vector<core::grid::Placed> all = mine;
        for (const auto& ver : versions) {
            if (std::any_of(mine.begin(), mine.end(), [&](const auto& m) { return m.id == ver.grid_id; })) continue;
            for (const auto& g : grids)
                if (g.id == ver.grid_id) all.push_back({g.id, g.code, ver.boundary});
        }
        for (auto& w : core::grid::BetweenGrids(all)) {
            if (w.key != "grid.overlap") {
                for (const auto& c : communities)
                    if (c.id == community_id) w.params["community"] = c.name;
                pv.warnings.push_back(std::move(w));
                continue;
            }
            for (auto& r : plan.rows)
                if (r.view.community.id == community_id &&
                    (r.view.values.code == w.params["a"] || r.view.values.code == w.params["b"]))
                    r.view.warnings.push_back(w);
        }
    }
    for (const auto& r : plan.rows) pv.features.push_back(r.view);
    return plan;
}

}  // namespace

core::Result<GridImportPreview> PreviewGridImport(Context& ctx, const core::auth::Actor& actor,
                                                  const GridImportInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgWrite));
    if (!ctx.gis) return core::Fail(core::MakeError(ErrorCode::kInternal, "internal", "no GIS reader wired"));
    GridImportPreview out;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        const auto today = ctx.clock.Today();
        LX_ASSIGN(target, VisibleOrg(tx, actor, in.org_id, Permission::kOrgWrite, today));
        LX_ASSIGN(plan, MakePlan(ctx, tx, target, in, today));
        out = std::move(plan.preview);
        return core::Ok();
    }));
    return out;
}

core::Result<GridImportResult> CommitGridImport(Context& ctx, const core::auth::Actor& actor,
                                                const GridImportInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgWrite));
    if (!ctx.gis) return core::Fail(core::MakeError(ErrorCode::kInternal, "internal", "no GIS reader wired"));
    core::Error errors = Invalid();
    core::member::CheckText(in.file_name, 1, 200, "file_name", errors);
    if (!errors.fields.empty()) return core::Fail(errors);
    GridImportResult out;
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        const auto today = ctx.clock.Today();
        LX_ASSIGN(target, VisibleOrg(tx, actor, in.org_id, Permission::kOrgWrite, today));
        LX_ASSIGN(plan, MakePlan(ctx, tx, target, in, today));
        const auto& pv = plan.preview;
        // All or nothing: one feature in error refuses the file, naming each such feature's fields.
        if (pv.error > 0) {
            auto refused = core::MakeError(ErrorCode::kInvalidArgument, "grid.import.has_errors")
                               .WithParam("count", std::to_string(pv.error));
            for (const auto& r : plan.rows)
                for (const auto& e : r.view.errors)
                    refused.WithField("features[" + std::to_string(r.view.feature) + "]." + e.field, e.message_key,
                                      e.params);
            return core::Fail(refused);
        }
        if (pv.create + pv.redraw + pv.update == 0)
            return core::Fail(core::MakeError(ErrorCode::kFailedPrecondition, "import.nothing"));
        const auto now = ctx.clock.NowMillis();
        const std::string from = pv.valid_from.ToString();
        auto version = [&](std::int64_t grid_id, const core::grid::Boundary& b) {
            core::grid::GridVersion ver;
            ver.grid_id = grid_id;
            ver.boundary = b;
            ver.box = core::grid::BoxOf(b);
            ver.area_m2 = core::grid::AreaM2(b);
            ver.valid_from = pv.valid_from;
            ver.created_by = actor.user_id;
            ver.created_at = now;
            return tx.Grids().InsertVersion(ver);
        };
        for (const auto& p : plan.rows) {
            const auto& v = p.view;
            if (v.action == "unchanged") continue;
            const auto& c = v.community;
            if (v.action == "create") {
                Grid g;
                g.org_id = c.id;
                g.org_path = c.path;
                g.code = v.values.code;
                g.name = v.values.name;
                g.households = v.values.households;
                g.residents = v.values.residents;
                g.buildings = v.values.buildings;
                g.created_at = g.updated_at = now;
                LX_ASSIGN(id, tx.Grids().Insert(g));
                LX_CHECK(version(id, v.boundary));
                auto entry = AuditFor(actor, now, "grid.create", "grid", std::to_string(id)).On(c);
                entry.detail = "code=" + g.code + " from=" + from + " import=" + std::to_string(v.feature);
                LX_CHECK(tx.Audit().Append(entry));
                out.grid_ids.push_back(id);
                ++out.create;
                continue;
            }
            Grid g = *p.existing;
            const bool redraw = v.action == "redraw";
            if (v.changes.size() > (redraw ? 1u : 0u)) {
                g.name = v.values.name;
                if (v.values.has_households) g.households = v.values.households;
                if (v.values.has_residents) g.residents = v.values.residents;
                if (v.values.has_buildings) g.buildings = v.values.buildings;
                g.updated_at = now;
                LX_CHECK(tx.Grids().Update(g));
                auto entry = AuditFor(actor, now, "grid.update", "grid", std::to_string(g.id)).On(g.org_id, g.org_path);
                entry.detail = "import=" + std::to_string(v.feature);
                LX_CHECK(tx.Audit().Append(entry));
            }
            if (redraw) {
                if (p.open_version) LX_CHECK(tx.Grids().CloseVersion(p.open_version, pv.valid_from));
                LX_CHECK(version(g.id, v.boundary));
                auto entry = AuditFor(actor, now, "grid.redraw", "grid", std::to_string(g.id)).On(g.org_id, g.org_path);
                entry.detail = "from=" + from + " import=" + std::to_string(v.feature);
                LX_CHECK(tx.Audit().Append(entry));
                ++out.redraw;
            } else {
                ++out.update;
            }
            out.grid_ids.push_back(g.id);
        }
        out.unchanged = pv.unchanged;
        out.valid_from = pv.valid_from;
        auto entry = AuditFor(actor, now, "grid.import", "org", std::to_string(target.id)).On(target);
        entry.detail = "create=" + std::to_string(out.create) + " redraw=" + std::to_string(out.redraw) +
                       " update=" + std::to_string(out.update) + " from=" + from +
                       " sha256=" + ctx.crypto.Sha256Hex(in.bytes);
        return tx.Audit().Append(entry);
    }));
    return out;
}

}  // namespace lianxin::app
