// Writing overlays: create and edit one, a member unit joins or leaves, the roster is set. Each a checklist:
// validate → load → check scope (org_write on the host) → core rules → write with the audit row.
#include <algorithm>

#include "app/audit/audit.hpp"
#include "app/org/overlays.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::auth::Permission;
using core::org::MemberUnit;
using core::org::Overlay;
using core::ports::Tx;

namespace {

core::Error Invalid() { return core::MakeError(ErrorCode::kInvalidArgument, "request.invalid"); }

// The fields of the form on top of `o` (a new overlay or the stored one).
void Apply(const OverlayInput& in, const core::Date& today, Overlay& o, core::Error& errors) {
    if (auto kind = core::org::ParseOverlayKind(in.kind)) o.kind = *kind;
    else errors.WithField("kind", "overlay.kind_unknown");
    o.name = in.name;
    o.note = in.note;
    o.meeting_period_months = in.meeting_period_months;
    if (auto d = core::Date::Parse(in.founded_on)) o.founded_on = *d;
    else errors.WithField("founded_on", "date.format");
    o.last_meeting_on.reset();
    if (!in.last_meeting_on.empty()) {
        o.last_meeting_on = core::Date::Parse(in.last_meeting_on);
        if (!o.last_meeting_on) errors.WithField("last_meeting_on", "date.format");
    }
    core::org::CheckOverlay(o, today, errors);
}

// A registry member who may be named in this request: in the registry, inside the actor's member_read scope and,
// when `within` is given, inside that subtree (security.md A2).
core::Result<bool> NameableMember(Tx& tx, const core::auth::Actor& actor, std::int64_t id, const std::string& within) {
    LX_ASSIGN(m, tx.Members().Get(id));
    return m && !m->left_on && core::auth::Authorize(actor, Permission::kMemberRead, m->org_path) &&
           (within.empty() || core::org::InSubtree(m->org_path, within));
}

core::Status Audit(Tx& tx, const core::auth::Actor& actor, std::int64_t now, const char* action, const Overlay& o,
                   std::string detail, std::int64_t subject = 0) {
    auto entry = AuditFor(actor, now, action, "overlay", std::to_string(o.id)).On(o.host_org_id, o.host_org_path);
    entry.detail = std::move(detail);
    entry.subject_member_id = subject;
    return tx.Audit().Append(entry);
}

// The overlay the form was read from: org_write on its host, and still at the version the form read (409 otherwise).
core::Result<Overlay> AtVersion(Tx& tx, const core::auth::Actor& actor, std::int64_t id, std::int64_t version) {
    LX_ASSIGN(o, VisibleOverlay(tx, actor, id, Permission::kOrgWrite));
    if (version != o.version) return core::Fail(core::MakeError(ErrorCode::kConflict, "overlay.changed"));
    return o;
}

// A unit joined or left: the rotation restarted at the running turn (core/org/rotation.hpp), written when it changed.
core::Status Rotate(Tx& tx, Overlay& o, const core::org::Rotation& next, std::int64_t now) {
    if (next.order == o.rotation.order) return core::Ok();
    o.rotation = next;
    return SaveRotation(tx, o, now);
}

std::string RotationText(const core::org::Rotation& r) {
    return "units=" + std::to_string(r.order.size()) + " period=" + std::to_string(r.period_months) +
           " start=" + (r.start ? r.start->ToString() : "-");
}

}  // namespace

core::Status SaveRotation(Tx& tx, const Overlay& o, std::int64_t now) {
    LX_CHECK(tx.Overlays().Update(o, now));
    return tx.Overlays().SetRoster(o.id, o.rotation.order);
}

core::Result<std::int64_t> CreateOverlay(Context& ctx, const core::auth::Actor& actor, const OverlayInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgWrite));
    const auto today = ctx.clock.Today();
    Overlay o;
    auto errors = Invalid();
    Apply(in, today, o, errors);
    if (!errors.fields.empty()) return core::Fail(errors);
    std::int64_t id = 0;
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(host, tx.Orgs().Get(in.host_org_id));
        if (!host || !host->ValidOn(today) || !core::auth::Authorize(actor, Permission::kOrgWrite, host->path))
            return core::Fail(core::InvalidField("host_org_id", "org.not_in_scope"));
        o.host_org_id = host->id;
        o.host_org_path = host->path;
        const auto now = ctx.clock.NowMillis();
        LX_ASSIGN(new_id, tx.Overlays().Insert(o, actor.user_id, now));
        id = o.id = new_id;
        return Audit(tx, actor, now, "overlay.create", o,
                     "kind=" + std::string(ToString(o.kind)) + " host=" + std::to_string(host->id));
    }));
    return id;
}

core::Status UpdateOverlay(Context& ctx, const core::auth::Actor& actor, std::int64_t id, const OverlayInput& in) {
    const auto today = ctx.clock.Today();
    return ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(o, AtVersion(tx, actor, id, in.version));
        auto errors = Invalid();
        Apply(in, today, o, errors);
        LX_ASSIGN(units, tx.Overlays().Units(id));
        for (const auto& u : units)
            if (u.joined_on < o.founded_on) {
                errors.WithField("founded_on", "overlay.after_first_unit", {{"date", u.joined_on.ToString()}});
                break;
            }
        if (!errors.fields.empty()) return core::Fail(errors);
        const auto now = ctx.clock.NowMillis();
        LX_CHECK(tx.Overlays().Update(o, now));
        return Audit(tx, actor, now, "overlay.update", o, "kind=" + std::string(ToString(o.kind)));
    });
}

core::Result<std::int64_t> AddMemberUnit(Context& ctx, const core::auth::Actor& actor, std::int64_t overlay_id,
                                         const UnitInput& in) {
    const auto today = ctx.clock.Today();
    std::int64_t id = 0;
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(o, VisibleOverlay(tx, actor, overlay_id, Permission::kOrgWrite));
        auto errors = Invalid();
        MemberUnit u;
        u.overlay_id = overlay_id;
        u.name = in.name;
        u.uscc = core::org::NormalizeUscc(in.uscc);
        u.address = in.address;
        if (auto type = core::org::ParseUnitType(in.unit_type)) u.type = *type;
        else errors.WithField("unit_type", "overlay.unit_type_unknown");
        u.two_new = in.two_new.value_or(core::org::DefaultTwoNew(u.type));
        if (auto d = core::Date::Parse(in.joined_on)) u.joined_on = *d;
        else errors.WithField("joined_on", "date.format");
        u.head = {in.head_name, in.head_post, in.head_member_id};
        core::org::CheckUnit(u, o, today, errors);
        LX_ASSIGN(units, tx.Overlays().Units(overlay_id));
        for (const auto& other : units)
            if (other.ActiveOn(today) && other.name == u.name) errors.WithField("name", "overlay.unit.duplicate");
        if (u.head.member_id) {
            LX_ASSIGN(ok, NameableMember(tx, actor, u.head.member_id, o.host_org_path));
            if (!ok) errors.WithField("head_member_id", "member.not_in_scope");
        }
        if (!errors.fields.empty()) return core::Fail(errors);
        const auto now = ctx.clock.NowMillis();
        LX_ASSIGN(new_id, tx.Overlays().InsertUnit(u, actor.user_id, now));
        id = new_id;
        // With a rotation set, the new unit convenes last; the running turn stays as it is.
        LX_CHECK(Rotate(tx, o, core::org::WithUnit(o.rotation, id, today), now));
        return Audit(tx, actor, now, "overlay.unit.add", o,
                     "unit=" + std::to_string(id) + " type=" + std::string(ToString(u.type)), u.head.member_id);
    }));
    return id;
}

core::Status EndMemberUnit(Context& ctx, const core::auth::Actor& actor, std::int64_t overlay_id, std::int64_t unit_id,
                           const std::string& on) {
    const auto today = ctx.clock.Today();
    return ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(o, VisibleOverlay(tx, actor, overlay_id, Permission::kOrgWrite));
        LX_ASSIGN(units, tx.Overlays().Units(overlay_id));
        auto it = std::find_if(units.begin(), units.end(), [&](const MemberUnit& u) { return u.id == unit_id; });
        if (it == units.end()) return core::Fail(core::NotFound("unit"));
        auto errors = Invalid();
        auto day = on.empty() ? std::optional<core::Date>(today) : core::Date::Parse(on);
        if (!day) errors.WithField("on", "date.format");
        else core::org::CheckUnitEnd(*it, *day, today, errors);
        if (!errors.fields.empty()) return core::Fail(errors);
        const auto now = ctx.clock.NowMillis();
        LX_CHECK(tx.Overlays().EndUnit(unit_id, *day));
        LX_CHECK(Rotate(tx, o, core::org::WithoutUnit(o.rotation, unit_id, today), now));
        return Audit(tx, actor, now, "overlay.unit.end", o, "unit=" + std::to_string(unit_id), it->head.member_id);
    });
}

core::Status SetRoster(Context& ctx, const core::auth::Actor& actor, std::int64_t overlay_id, const RosterInput& in) {
    const auto today = ctx.clock.Today();
    return ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(o, AtVersion(tx, actor, overlay_id, in.version));
        auto errors = Invalid();
        core::org::Rotation r{in.unit_ids, in.period_months, std::nullopt};
        if (!in.start.empty()) {
            r.start = core::Date::Parse(in.start);
            if (!r.start) errors.WithField("start", "date.format");
        }
        LX_ASSIGN(units, tx.Overlays().Units(overlay_id));
        if (errors.fields.empty()) core::org::CheckRoster(r, o, units, today, errors);
        if (!errors.fields.empty()) return core::Fail(errors);
        if (r.order.empty()) r = {};  // no rotation: no period, no start
        o.rotation = r;
        const auto now = ctx.clock.NowMillis();
        LX_CHECK(SaveRotation(tx, o, now));
        return Audit(tx, actor, now, "overlay.roster", o, RotationText(r));
    });
}

}  // namespace lianxin::app
