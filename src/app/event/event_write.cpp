// Registering an event and taking the steps of its loop: each one write transaction with the event's row, one
// flow-log row and one audit row (half-written never).
#include <algorithm>

#include "app/event/deadlines.hpp"
#include "app/event/duplicates.hpp"
#include "app/event/event_access.hpp"
#include "app/event/grid_report.hpp"
#include "app/event/hotline.hpp"
#include "app/event/register.hpp"
#include "app/org/org_queries.hpp"
#include "app/policy/policies.hpp"
#include "core/auth/narrow_scope.hpp"
#include "core/event/supervision.hpp"

namespace lianxin::app {

namespace ev = core::event;
using core::ErrorCode;
using core::auth::Permission;
using core::ports::EventFlowEntry;
using core::ports::Scope;
using core::ports::Tx;

namespace {

core::Result<ev::Category> FindCategory(Tx& tx, const std::string& code, core::Error& errors) {
    LX_ASSIGN(cats, tx.Events().Categories());
    for (auto& c : cats)
        if (c.code == code) return c;
    errors.WithField("category_code", "event.category.unknown");
    return ev::Category{};
}

EventFlowEntry FlowOf(const core::auth::Actor& actor, const ev::Event& before, const ev::Event& after,
                      std::string action, int seq, std::int64_t org_id, std::int64_t at) {
    EventFlowEntry f;
    f.event_id = after.id;
    f.seq = seq;
    f.action = std::move(action);
    f.from_state = std::string(ev::ToString(before.state));
    f.to_state = std::string(ev::ToString(after.state));
    f.actor_user_id = actor.user_id;
    f.actor_name = actor.display_name.empty() ? actor.username : actor.display_name;
    f.actor_org_id = org_id;
    f.at = at;
    return f;
}

std::optional<std::int64_t> Deadline(const std::string& text, core::Error& errors) {
    if (text.empty()) return std::nullopt;
    auto t = ev::ParseDateTime(text);
    if (!t) errors.WithField("deadline", "event.datetime.format");
    return t;
}

// 吹哨: the target (an org of the tree, or an active member unit of an overlay hosted in the actor's scope) and
// its report-within time, the policy event.whistle_report_minutes of the event's org on that day.
core::Result<core::ports::EventWhistle> Whistle(Tx& tx, const core::auth::Actor& actor, const ev::Event& e,
                                                const EventActionInput& in, std::int64_t now) {
    core::ports::EventWhistle w;
    w.event_id = e.id;
    w.target_kind = in.target_kind;
    const auto today = core::Date::FromInstant(now);
    if (in.target_kind == "org") {
        LX_ASSIGN(org, tx.Orgs().Get(in.target_org_id));
        if (!org || org->valid_from > today || (org->valid_to && *org->valid_to <= today))
            return core::Fail(core::InvalidField("target_org_id", "event.whistle.target"));
        w.target_org_id = org->id;
        w.target_org_path = org->path;
        w.seen_through_path = org->path;
        w.target_name = org->name;
    } else if (in.target_kind == "overlay_unit") {
        LX_ASSIGN(overlay, tx.Overlays().Get(in.overlay_id));
        if (!overlay || !core::auth::Authorize(actor, Permission::kEventWrite, overlay->host_org_path))
            return core::Fail(core::InvalidField("overlay_id", "event.whistle.target"));
        LX_ASSIGN(units, tx.Overlays().Units(overlay->id));
        auto it = std::find_if(units.begin(), units.end(),
                               [&](const auto& u) { return u.id == in.overlay_unit_id && u.ActiveOn(today); });
        if (it == units.end()) return core::Fail(core::InvalidField("overlay_unit_id", "event.whistle.target"));
        w.overlay_unit_id = it->id;
        w.seen_through_path = overlay->host_org_path;  // the unit's liaison holds its grant on the host org
        w.target_name = it->name + "（" + overlay->name + "）";
    } else {
        return core::Fail(core::InvalidField("target_kind", "event.whistle.kind"));
    }
    LX_ASSIGN(policies, PoliciesFor(tx, e.org_path));
    w.report_within_minutes = policies.Int(core::policy::kEventWhistleReportMinutes, today);
    w.report_by = now + std::int64_t{w.report_within_minutes} * 60'000;
    w.blown_at = now;
    w.blown_by = actor.user_id;
    return w;
}

// The photo limits of the event's org today (event.photos_max, event.after_photos_min) onto the step, and its
// photos: stored ones (the photo pipeline: checked, re-encoded, by hash) that this user uploaded — after photos
// are taken by whoever handles it (domain.md §7 "Closure requires evidence (after-photo / reply)").
core::Status StepEvidence(Tx& tx, const core::auth::Actor& actor, const ev::Event& e, const EventActionInput& in,
                          std::int64_t now, ev::Step& step) {
    LX_ASSIGN(policies, PoliciesFor(tx, e.org_path));
    const auto today = core::Date::FromInstant(now);
    step.photos_max = static_cast<int>(policies.Int(core::policy::kEventPhotosMax, today));
    step.after_photos_min = static_cast<int>(policies.Int(core::policy::kEventAfterPhotosMin, today));
    core::Error errors = core::MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    const std::string owner = "u:" + std::to_string(actor.user_id);
    for (std::size_t i = 0; i < in.photo_ids.size() && static_cast<int>(i) < step.photos_max; ++i) {
        if (!ev::ValidPhotoId(in.photo_ids[i])) continue;  // ApplyStep names the format
        LX_ASSIGN(mine, tx.Photos().OwnedBy(in.photo_ids[i], owner));
        if (!mine) errors.WithField("photo_ids[" + std::to_string(i) + "]", "event.photo.not_uploaded");
    }
    if (!errors.fields.empty()) return core::Fail(errors);
    return core::Ok();
}

}  // namespace

core::Result<std::int64_t> CreateEvent(Context& ctx, const core::auth::Actor& actor, const ev::Intake& intake) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventWrite));
    const auto now = ctx.clock.NowMillis();
    std::int64_t new_id = 0;
    LX_CHECK(ctx.db.Write(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(id, RegisterEvent(tx, actor, intake, now));
        new_id = id;
        return core::Ok();
    }));
    return new_id;
}

core::Result<std::int64_t> RegisterEvent(Tx& tx, const core::auth::Actor& actor, const ev::Intake& intake,
                                         std::int64_t now) {
    std::int64_t new_id = 0;
    {
        core::Error errors = core::MakeError(ErrorCode::kInvalidArgument, "request.invalid");
        LX_ASSIGN(category, FindCategory(tx, intake.category_code, errors));
        // At most event.photos_max photos: the policy of the place (the top org's while the place is unknown).
        LX_ASSIGN(place, tx.Orgs().Get(intake.org_id));
        LX_ASSIGN(roots, tx.Orgs().Roots());
        LX_ASSIGN(place_policies, PoliciesFor(tx, place ? place->path : (roots.empty() ? "/" : roots[0].path)));
        const int photos_max = static_cast<int>(
            place_policies.Int(core::policy::kEventPhotosMax, core::Date::FromInstant(now)));
        auto checked = ev::CheckIntake(intake, errors.fields.empty() ? &category : nullptr, now, photos_max);
        if (!checked) return core::Fail(checked.error());
        auto e = std::move(*checked);
        auto org = VisibleOrg(tx, actor, intake.org_id, Permission::kEventWrite, core::Date::FromInstant(now));
        if (!org) {  // a grid worker or leader reports in one of its own grids (app/event/grid_report.hpp)
            LX_ASSIGN(place, GridWorkerPlace(tx, actor, intake.org_id, intake.grid_id, core::Date::FromInstant(now)));
            if (!place) return core::Fail(core::InvalidField("org_id", "org.not_in_scope"));
            org = std::move(*place);
        }
        e.org_id = org->id;
        e.org_path = org->path;
        // The grid must be one of the place's community: a grid worker's queue is by grid (issue 17 "Roles and
        // access"), so an event may not name another community's grid.
        if (e.grid_id) {
            LX_ASSIGN(grid, tx.Grids().Get(e.grid_id));
            if (!grid || grid->org_id != org->id)
                return core::Fail(core::InvalidField("grid_id", "event.grid.outside"));
        }
        // The accepting org: the actor's grant covering the place.
        e.owner_org_id = ActingOrg(actor, org->path);
        LX_ASSIGN(owner, tx.Orgs().Get(e.owner_org_id));
        if (!owner) return core::Fail(core::InvalidField("org_id", "org.not_in_scope"));
        e.owner_org_path = owner->path;
        if (e.duplicate_of) {
            LX_ASSIGN(dup, tx.Events().Get(e.duplicate_of));
            if (!dup || !MaySee(actor, dup->event))
                return core::Fail(core::InvalidField("duplicate_of", "event.duplicate.unknown"));
        }
        LX_ASSIGN(policies, PoliciesFor(tx, e.org_path));
        LX_ASSIGN(defaults, DefaultDeadlines(tx, e, policies, e.reported_at));
        e.respond_by = defaults.respond_by;
        if (!e.handle_by) e.handle_by = defaults.handle_by;
        LX_ASSIGN(seq, tx.Events().NextNumber(core::Date::FromInstant(e.reported_at).year()));
        e.number = ev::EventNumber(core::Date::FromInstant(e.reported_at).year(), seq);
        e.created_by = actor.user_id;
        e.created_at = now;
        e.updated_at = now;
        LX_ASSIGN(id, tx.Events().Insert(e));
        e.id = id;
        new_id = id;
        ev::Event none = e;
        auto flow = FlowOf(actor, none, e, "accept", 1, e.owner_org_id, now);
        flow.deadline = e.handle_by;
        LX_CHECK(tx.Events().AppendFlow(flow).map([](auto) {}));
        auto entry = AuditFor(actor, now, "event.create", "event", std::to_string(id)).On(*org);
        LX_CHECK(tx.Audit().Append(entry));
    }
    return new_id;
}

core::Result<EventView> ActOnEvent(Context& ctx, const core::auth::Actor& actor, std::int64_t id,
                                   const EventActionInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventWrite));
    core::Error errors = core::MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    auto action = ev::ParseEventAction(in.action);
    if (!action) errors.WithField("action", "event.action.unknown");
    auto deadline = Deadline(in.deadline, errors);
    if (!errors.fields.empty()) return core::Fail(errors);
    const auto now = ctx.clock.NowMillis();
    EventView out;
    LX_CHECK(ctx.db.Write(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(rec, tx.Events().Get(id));
        if (!rec) return core::Fail(core::NotFound("event"));
        LX_ASSIGN(sees, Sees(tx, actor, rec->event));
        if (!sees) return core::Fail(core::NotFound("event"));
        const ev::Event before = rec->event;
        if (in.version != before.version)
            return core::Fail(core::MakeError(ErrorCode::kConflict, "event.changed_concurrently"));
        LX_ASSIGN(whistles, tx.Events().Whistles(id));
        const auto rel = RelationsOf(actor, before, whistles);
        // A liaison (and nothing more) reports and closes only its own department's or unit's part.
        const bool only_liaison = rel.whistled && !rel.dispatcher && !rel.handler;
        ev::Step step;
        step.action = *action;
        step.actor_user_id = actor.user_id;
        step.reason = in.reason;
        step.note = in.note;
        step.photo_ids = in.photo_ids;
        step.deadline = deadline;
        step.outcome = in.outcome;
        step.score = in.score;
        step.mark_kind = in.mark_kind;
        step.reached = in.reached;
        step.assignee_name = in.assignee_name;
        if (*action == ev::EventAction::kDispatch || *action == ev::EventAction::kReassign) {
            if (in.assignee_org_id > 0) {
                auto org = VisibleOrg(tx, actor, in.assignee_org_id, Permission::kEventWrite,
                                      core::Date::FromInstant(now));
                if (!org) return core::Fail(core::InvalidField("assignee_org_id", "org.not_in_scope"));
                step.assignee_org_id = org->id;
                step.assignee_org_path = org->path;
            }
            LX_CHECK(NamedAssignee(tx, before, in.assignee_user_id, step));  // a person of that org, or refused
            if (!step.deadline) {  // the SLA default of the category and urgency, counted from the dispatch
                LX_ASSIGN(policies, PoliciesFor(tx, before.org_path));
                LX_ASSIGN(defaults, DefaultDeadlines(tx, before, policies, now));
                step.deadline = defaults.handle_by;
            }
        }
        LX_CHECK(StepEvidence(tx, actor, before, in, now, step));
        LX_ASSIGN(after, ev::ApplyStep(before, step, rel, now));
        // The acting org: the party's org the step was taken for (督办: the level above's).
        const std::string path = *action == ev::EventAction::kSupervise             ? ev::LevelAbovePath(before)
                                 : rel.handler && !before.assignee_org_path.empty() ? before.assignee_org_path
                                                                                    : before.owner_org_path;
        LX_ASSIGN(flow_so_far, tx.Events().Flow(id));
        auto flow = FlowOf(actor, before, after, in.action, static_cast<int>(flow_so_far.size()) + 1,
                           ActingOrg(actor, path), now);
        if (only_liaison) flow.actor_org_id = 0;  // set below from the whistle's target
        flow.reason = step.reason;
        flow.note = step.note;
        flow.photo_ids = step.photo_ids;
        flow.deadline = step.deadline;
        if (*action == ev::EventAction::kRate || *action == ev::EventAction::kReopen ||
            *action == ev::EventAction::kCallback) {
            flow.outcome = step.outcome;
            flow.score = step.score;
        }
        if (*action == ev::EventAction::kCallback) {  // 回访: reached or not, and when it was due (late is shown)
            flow.reached = step.reached;
            LX_ASSIGN(due, CallbackDue(tx, before, flow_so_far));
            flow.deadline = due;
        }
        if (*action == ev::EventAction::kWhistle) {
            LX_ASSIGN(w, Whistle(tx, actor, before, in, now));
            LX_ASSIGN(wid, tx.Events().InsertWhistle(w));
            flow.whistle_id = wid;
            flow.deadline = w.report_by;
        } else if (*action == ev::EventAction::kReport || *action == ev::EventAction::kCloseWhistle) {
            auto it = std::find_if(whistles.begin(), whistles.end(),
                                   [&](const auto& w) { return w.id == in.whistle_id; });
            if (it == whistles.end() || (only_liaison && !LiaisonOf(actor, *it)))
                return core::Fail(core::InvalidField("whistle_id", "event.whistle.unknown"));
            if (only_liaison) {  // the department acts for itself; a unit through its liaison's grant (the host)
                flow.actor_org_id = it->target_org_id;
                for (const auto& g : actor.grants)
                    if (!flow.actor_org_id && it->overlay_unit_id && g.overlay_unit_id == it->overlay_unit_id)
                        flow.actor_org_id = g.org_id;
            }
            if (*action == ev::EventAction::kReport) {
                if (it->reported_at || it->closed_at)
                    return core::Fail(core::MakeError(ErrorCode::kFailedPrecondition, "event.whistle.reported"));
                it->reported_at = now;
                it->report_note = step.note;
            } else {
                if (it->closed_at)
                    return core::Fail(core::MakeError(ErrorCode::kFailedPrecondition, "event.whistle.closed"));
                it->closed_at = now;
                it->close_note = step.note;
            }
            LX_CHECK(tx.Events().UpdateWhistle(*it));
            flow.whistle_id = it->id;
        }
        LX_CHECK(tx.Events().Update(after));  // every step bumps the version, whistles too
        LX_CHECK(tx.Events().AppendFlow(flow).map([](auto) {}));
        auto entry =
            AuditFor(actor, now, "event." + in.action, "event", std::to_string(id)).On(before.org_id, before.org_path);
        LX_CHECK(tx.Audit().Append(entry));
        LX_ASSIGN(fresh, tx.Events().Get(id));
        LX_ASSIGN(view, LoadEventView(tx, actor, std::move(*fresh), now, true));
        out = std::move(view);
        return core::Ok();
    }));
    return out;
}

}  // namespace lianxin::app
