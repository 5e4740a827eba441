#include "app/org/positions.hpp"

#include "app/audit/audit.hpp"
#include "app/org/org_queries.hpp"
#include "core/member/fields.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::auth::Permission;
using core::ports::PositionRecord;
using core::ports::Tx;

namespace {

// The record a valid input makes; field errors name every wrong field.
core::Result<PositionRecord> Read(const PositionInput& in) {
    core::Error errors = core::MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    core::org::PositionInput p;
    p.level = core::org::ParsePositionLevel(in.level);
    p.name = in.name;
    p.address = in.address;
    p.phone = in.phone;
    p.note = in.note;
    p.lat = in.lat;
    p.lng = in.lng;
    if (in.area_m2 > 0) p.area_m2 = in.area_m2;
    p.services = in.services;
    for (std::size_t d = 0; d < in.hours.size(); ++d)
        p.hours.days[d] = core::org::ParseDayHours(in.hours[d], "hours." + std::string(core::org::kWeekdayKeys[d]),
                                                   errors);
    auto point = core::org::CheckPosition(p, errors);
    // "name" and "address" of a person read differently: the messages name the position's fields.
    for (auto& f : errors.fields)
        if (f.field == "name" || f.field == "address" || f.field == "phone" || f.field == "note")
            f.params["label"] = "position." + f.field;
    if (!errors.fields.empty()) return core::Fail(errors);
    PositionRecord r;
    r.level = *p.level;
    r.name = p.name;
    r.address = p.address;
    r.phone = p.phone;
    r.note = p.note;
    r.point = point;
    r.area_m2 = p.area_m2;
    r.hours = p.hours;
    r.services = p.services;
    return r;
}

PositionView View(PositionRecord r, std::int64_t now_millis, const core::auth::Actor& actor) {
    // Asia/Shanghai is UTC+8 without DST (design.md §4).
    const auto local = now_millis / 60000 + 8 * 60;
    const int minute = static_cast<int>((local % 1440 + 1440) % 1440);
    const int weekday = core::org::Weekday(core::Date::FromInstant(now_millis));
    const bool open = core::org::IsOpenAt(r.hours, weekday, minute);
    const bool can_edit = !r.valid_to && core::auth::Authorize(actor, Permission::kOrgWrite, r.org_path).has_value();
    return PositionView{std::move(r), open, can_edit};
}

// Does some scope root of `p` lie below the org at `path` (which then serves it)?
bool ServesScope(const core::auth::Actor& actor, Permission p, const std::string& path) {
    for (const auto& root : core::auth::ScopeRoots(actor, p))
        if (core::org::InSubtree(root, path)) return true;
    return false;
}

// The position when the actor holds `p` on the org that runs it (reads: or on an org it serves); 404 otherwise.
core::Result<PositionRecord> Visible(Tx& tx, const core::auth::Actor& actor, std::int64_t id, Permission p) {
    LX_CHECK(core::auth::AuthorizeAny(actor, p));
    LX_ASSIGN(found, tx.Positions().Get(id));
    if (!found) return core::Fail(core::NotFound("position"));
    if (p == Permission::kOrgRead && ServesScope(actor, p, found->org_path)) return std::move(found).value();
    LX_CHECK(core::auth::Authorize(actor, p, found->org_path, "position"));
    return std::move(found).value();
}

core::Status CheckVersion(const PositionRecord& r, std::int64_t version) {
    if (r.valid_to) return core::Fail(core::MakeError(ErrorCode::kFailedPrecondition, "position.closed"));
    if (r.version != version) return core::Fail(core::MakeError(ErrorCode::kConflict, "position.changed_concurrently"));
    return core::Ok();
}

}  // namespace

core::Result<std::vector<PositionView>> ListPositions(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                                      const std::string& level) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgRead));
    core::ports::PositionQuery q;
    if (!level.empty()) {
        q.level = core::org::ParsePositionLevel(level);
        if (!q.level) return core::Fail(core::InvalidField("level", "position.level.unknown"));
    }
    q.scope_roots = core::auth::ScopeRoots(actor, Permission::kOrgRead);
    // The centres of the orgs above the scope serve it too (a branch's community and street centres).
    for (const auto& root : q.scope_roots) {
        const auto ids = core::org::PathIds(root);
        std::string path = "/";
        for (std::size_t i = 0; i + 1 < ids.size(); ++i) {
            path += std::to_string(ids[i]) + "/";
            q.also_orgs.push_back(path);
        }
    }
    q.as_of = ctx.clock.Today();
    std::vector<PositionView> out;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        if (org_id != 0) {
            LX_ASSIGN(org, tx.Orgs().Get(org_id));
            if (!org || !core::auth::Authorize(actor, Permission::kOrgRead, org->path))
                return core::Fail(core::InvalidField("org_id", "org.not_in_scope"));
            q.subtree = org->path;
        }
        LX_ASSIGN(list, tx.Positions().List(q));
        const auto now = ctx.clock.NowMillis();
        for (auto& r : list) out.push_back(View(std::move(r), now, actor));
        return core::Ok();
    }));
    return out;
}

core::Result<PositionView> GetPosition(Context& ctx, const core::auth::Actor& actor, std::int64_t id) {
    PositionView out;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(r, Visible(tx, actor, id, Permission::kOrgRead));
        out = View(std::move(r), ctx.clock.NowMillis(), actor);
        return core::Ok();
    }));
    return out;
}

core::Result<std::int64_t> CreatePosition(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                          const PositionInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgWrite));
    LX_ASSIGN(rec, Read(in));
    std::int64_t id = 0;
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(org, VisibleOrg(tx, actor, org_id, Permission::kOrgWrite, ctx.clock.Today()));
        const auto now = ctx.clock.NowMillis();
        rec.org_id = org.id;
        rec.org_path = org.path;
        rec.valid_from = ctx.clock.Today();
        rec.created_at = rec.updated_at = now;
        LX_ASSIGN(made, tx.Positions().Insert(rec));
        id = made;
        auto entry = AuditFor(actor, now, "position.create", "position", std::to_string(id)).On(org);
        entry.detail = "org=" + std::to_string(org.id) + " level=" + std::string(ToString(rec.level));
        return tx.Audit().Append(entry);
    }));
    return id;
}

core::Status UpdatePosition(Context& ctx, const core::auth::Actor& actor, std::int64_t id, std::int64_t version,
                            const PositionInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgWrite));
    LX_ASSIGN(changed, Read(in));
    return ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(r, Visible(tx, actor, id, Permission::kOrgWrite));
        LX_CHECK(CheckVersion(r, version));
        changed.id = r.id;
        changed.org_id = r.org_id;
        changed.org_path = r.org_path;
        changed.version = r.version;
        changed.updated_at = ctx.clock.NowMillis();
        LX_CHECK(tx.Positions().Update(changed));
        auto entry = AuditFor(actor, changed.updated_at, "position.update", "position", std::to_string(id))
                         .On(r.org_id, r.org_path);
        return tx.Audit().Append(entry);
    });
}

core::Status ClosePosition(Context& ctx, const core::auth::Actor& actor, std::int64_t id, std::int64_t version,
                           const std::string& on) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgWrite));
    core::Error errors = core::MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    auto day = core::member::CheckDate(on, ctx.clock.Today(), "on", errors);
    if (!errors.fields.empty()) return core::Fail(errors);
    return ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(r, Visible(tx, actor, id, Permission::kOrgWrite));
        LX_CHECK(CheckVersion(r, version));
        if (*day < r.valid_from)
            return core::Fail(
                core::InvalidField("on", "position.close_before_start", {{"date", r.valid_from.ToString()}}));
        LX_CHECK(tx.Positions().Close(r, *day));
        auto entry = AuditFor(actor, ctx.clock.NowMillis(), "position.close", "position", std::to_string(id))
                         .On(r.org_id, r.org_path);
        return tx.Audit().Append(entry);
    });
}

}  // namespace lianxin::app
