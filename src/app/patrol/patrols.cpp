#include "app/patrol/patrols.hpp"

#include <algorithm>
#include <map>

#include "app/audit/audit.hpp"
#include "app/calendar/calendar.hpp"
#include "app/org/org_queries.hpp"
#include "app/policy/policies.hpp"
#include "core/member/fields.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::auth::Permission;
using core::ports::Scope;
using core::ports::Tx;
namespace pt = core::patrol;

namespace {

core::Error Invalid() { return core::MakeError(ErrorCode::kInvalidArgument, "request.invalid"); }

std::string NameOf(const core::auth::Actor& a) { return a.display_name.empty() ? a.username : a.display_name; }

// The patrol, 404 unless the actor may read it (out of scope reads as absent).
core::Result<pt::Patrol> Readable(Tx& tx, const core::auth::Actor& actor, std::int64_t id) {
    LX_ASSIGN(p, tx.Fieldwork().GetPatrol(id));
    if (!p || !MayReadIn(actor, p->org_path, p->grid_id)) return core::Fail(core::NotFound("patrol"));
    return *p;
}

// The patrol for a write: 404 unless the actor may record there.
core::Result<pt::Patrol> Writable(Tx& tx, const core::auth::Actor& actor, std::int64_t id) {
    LX_ASSIGN(p, tx.Fieldwork().GetPatrol(id));
    if (!p || !MayRecordIn(actor, p->org_path, p->grid_id)) return core::Fail(core::NotFound("patrol"));
    return *p;
}

std::optional<core::Date> OptDay(const std::string& text, const char* field, core::Error& errors) {
    if (text.empty()) return std::nullopt;
    auto d = core::Date::Parse(text);
    if (!d) errors.WithField(field, "date.format");
    return d;
}

}  // namespace

core::Result<std::int64_t> StartPatrol(Context& ctx, const core::auth::Actor& actor, const PatrolInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventWrite));
    const auto now = ctx.clock.NowMillis();
    std::int64_t id = 0;
    LX_CHECK(ctx.db.Write(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        core::Error errors = Invalid();
        pt::Patrol p;
        p.start_time = in.start_time;
        p.end_time = in.end_time;
        p.route = in.route;
        p.note = in.note;
        pt::CheckPatrol(in.day, ctx.clock.Today(), p, errors);
        if (in.grid_id <= 0) {
            errors.WithField("grid_id", "field.required");
        } else {
            LX_ASSIGN(grid, tx.Grids().Get(in.grid_id));
            if (!grid || !MayRecordIn(actor, grid->org_path, grid->id)) {
                errors.WithField("grid_id", "fieldwork.grid.not_in_scope");
            } else {
                p.grid_id = grid->id;
                p.org_id = grid->org_id;
                p.org_path = grid->org_path;
            }
        }
        if (!errors.fields.empty()) return core::Fail(errors);
        p.worker_user_id = actor.user_id;
        p.worker_name = NameOf(actor);
        p.created_at = now;
        p.updated_at = now;
        LX_ASSIGN(new_id, tx.Fieldwork().InsertPatrol(p));
        id = new_id;
        auto entry = AuditFor(actor, now, "patrol.create", "patrol", std::to_string(id)).On(p.org_id, p.org_path);
        return tx.Audit().Append(entry);
    }));
    return id;
}

core::Status UpdatePatrol(Context& ctx, const core::auth::Actor& actor, std::int64_t id, int version,
                          const PatrolInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventWrite));
    const auto now = ctx.clock.NowMillis();
    return ctx.db.Write(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(p, Writable(tx, actor, id));
        if (p.version != version)
            return core::Fail(core::MakeError(ErrorCode::kConflict, "fieldwork.changed_concurrently"));
        p.end_time = in.end_time;
        p.route = in.route;
        p.note = in.note;
        core::Error errors = Invalid();
        pt::CheckPatrol(p.day.ToString(), p.day, p, errors);
        if (!errors.fields.empty()) return core::Fail(errors);
        p.updated_at = now;
        LX_CHECK(tx.Fieldwork().UpdatePatrol(p));
        auto entry = AuditFor(actor, now, "patrol.update", "patrol", std::to_string(id)).On(p.org_id, p.org_path);
        return tx.Audit().Append(entry);
    });
}

core::Result<PatrolView> GetPatrol(Context& ctx, const core::auth::Actor& actor, std::int64_t id) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventRead));
    PatrolView out;
    LX_CHECK(ctx.db.Read(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(p, Readable(tx, actor, id));
        LX_ASSIGN(items, tx.Fieldwork().Items(pt::ItemKind::kPatrol, id));
        p.findings = std::move(items);
        out.can_edit = MayRecordIn(actor, p.org_path, p.grid_id);
        out.patrol = std::move(p);
        return core::Ok();
    }));
    return out;
}

core::Result<PatrolPage> ListPatrols(Context& ctx, const core::auth::Actor& actor, const PatrolListInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventRead));
    core::Error errors = Invalid();
    core::ports::PatrolQuery q;
    q.from = OptDay(in.from, "from", errors);
    q.to = OptDay(in.to, "to", errors);
    if (!errors.fields.empty()) return core::Fail(errors);
    q.scope_roots = core::auth::ScopeRoots(actor, Permission::kEventRead);
    q.grid_id = in.grid_id;
    q.worker_user_id = in.worker_user_id;
    q.after_id = in.after_id;
    q.limit = in.limit + 1;
    PatrolPage page;
    LX_CHECK(ctx.db.Read(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        if (in.org_id) {
            LX_ASSIGN(org, VisibleOrg(tx, actor, in.org_id, Permission::kEventRead));
            q.subtree = org.path;
        }
        LX_ASSIGN(rows, tx.Fieldwork().ListPatrols(q));
        const bool more = static_cast<int>(rows.size()) > in.limit;
        if (more) rows.pop_back();
        for (auto& p : rows) {
            LX_ASSIGN(items, tx.Fieldwork().Items(pt::ItemKind::kPatrol, p.id));
            page.findings.push_back(static_cast<int>(items.size()));
            page.items.push_back(std::move(p));
        }
        page.next_after = more ? page.items.back().id : 0;
        return core::Ok();
    }));
    return page;
}

core::Result<int> AddFinding(Context& ctx, const core::auth::Actor& actor, std::int64_t patrol_id,
                             const pt::Item& item) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventWrite));
    const auto now = ctx.clock.NowMillis();
    int seq = 0;
    LX_CHECK(ctx.db.Write(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(p, Writable(tx, actor, patrol_id));
        LX_ASSIGN(max_photos, ItemPhotoLimit(tx, p.org_path, ctx.clock.Today()));
        core::Error errors = Invalid();
        pt::CheckItem(item, max_photos, "", errors);
        LX_CHECK(CheckPhotosStored(tx, {item}, {""}, errors));
        if (!errors.fields.empty()) return core::Fail(errors);
        LX_ASSIGN(items, tx.Fieldwork().Items(pt::ItemKind::kPatrol, patrol_id));
        pt::Item row = item;
        row.seq = static_cast<int>(items.size()) + 1;
        row.event_id = 0;
        row.created_by = actor.user_id;
        row.created_at = now;
        LX_CHECK(tx.Fieldwork().InsertItem(pt::ItemKind::kPatrol, patrol_id, row));
        seq = row.seq;
        auto entry = AuditFor(actor, now, "patrol.finding", "patrol",
                              std::to_string(patrol_id) + "#" + std::to_string(seq))
                         .On(p.org_id, p.org_path);
        return tx.Audit().Append(entry);
    }));
    return seq;
}

core::Result<std::int64_t> RaiseFinding(Context& ctx, const core::auth::Actor& actor, std::int64_t patrol_id, int seq,
                                        const RaiseInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventWrite));
    const auto now = ctx.clock.NowMillis();
    std::int64_t event_id = 0;
    LX_CHECK(ctx.db.Write(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(p, Writable(tx, actor, patrol_id));
        RaisePlace place;
        place.channel = core::event::Channel::kPatrol;
        place.org_id = p.org_id;
        place.grid_id = p.grid_id;
        place.address = p.grid_name;
        place.related = "日巡记录 #" + std::to_string(p.id) + " 第 " + std::to_string(seq) + " 条";
        LX_ASSIGN(id, RaiseItem(tx, actor, pt::ItemKind::kPatrol, p.id, p.org_path, seq, place, in, now));
        event_id = id;
        return core::Ok();
    }));
    return event_id;
}

core::Result<DutyList> PatrolDuty(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                  const core::Date& on) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventRead));
    DutyList out;
    out.on = on;
    out.week_from = pt::WeekStart(on);
    LX_CHECK(ctx.db.Read(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        core::ports::GridQuery q;
        q.scope_roots = core::auth::ScopeRoots(actor, Permission::kEventRead);
        if (org_id) {
            LX_ASSIGN(org, VisibleOrg(tx, actor, org_id, Permission::kEventRead));
            q.subtree = org.path;
        }
        LX_ASSIGN(grids, tx.Grids().List(q));
        LX_ASSIGN(counts, tx.Fieldwork().CountPatrols(q.scope_roots, out.week_from, on));
        LX_ASSIGN(calendar, WorkCalendarFor(tx, out.week_from.year(), on.year()));
        std::map<std::pair<std::int64_t, std::int64_t>, int> by_grid_day;
        for (const auto& c : counts) by_grid_day[{c.grid_id, c.day.DaysSinceEpoch()}] = c.patrols;
        out.working_day = calendar.IsWorkingDay(on, &out.unloaded_years);
        std::map<std::string, int> expected_of;  // per org path: the policy of the grid's org on the day
        std::sort(grids.begin(), grids.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
        for (const auto& g : grids) {
            if (!MayReadIn(actor, g.org_path, g.id)) continue;
            if (!expected_of.contains(g.org_path)) {
                LX_ASSIGN(policies, PoliciesFor(tx, g.org_path));
                expected_of[g.org_path] = static_cast<int>(policies.Int(core::policy::kPatrolPerGridPerWorkingDay, on));
            }
            DutyGrid d;
            d.grid_id = g.id;
            d.code = g.code;
            d.name = g.name;
            d.org_name = g.org_name;
            d.expected = expected_of[g.org_path];
            std::vector<pt::DutyDay> days;
            for (auto day = out.week_from; day <= on; day = day.AddDays(1)) {
                pt::DutyDay dd;
                dd.day = day;
                dd.working = calendar.IsWorkingDay(day, &out.unloaded_years);
                auto it = by_grid_day.find({g.id, day.DaysSinceEpoch()});
                dd.patrols = it == by_grid_day.end() ? 0 : it->second;
                days.push_back(dd);
            }
            d.today = days.back().patrols;
            d.short_days = pt::ShortDays(days, d.expected);
            out.items.push_back(std::move(d));
        }
        return core::Ok();
    }));
    return out;
}

}  // namespace lianxin::app
