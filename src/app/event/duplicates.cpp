// Candidates of "same problem?" and the merge (app/event/duplicates.hpp).
#include "app/event/duplicates.hpp"

#include <algorithm>
#include <cmath>

#include "app/event/event_access.hpp"
#include "app/event/grid_report.hpp"
#include "app/org/org_queries.hpp"
#include "app/policy/policies.hpp"

namespace lianxin::app {

namespace ev = core::event;
using core::ErrorCode;
using core::auth::Permission;
using core::ports::Scope;
using core::ports::Tx;

namespace {

// The rule of the place's subtree on the reporting day.
core::Result<ev::DuplicateRule> RuleFor(Tx& tx, const std::string& org_path, std::int64_t reported_at) {
    LX_ASSIGN(policies, PoliciesFor(tx, org_path));
    return ev::DuplicateRuleFor(policies, core::Date::FromInstant(reported_at));
}

core::Result<std::vector<DuplicateCandidate>> Find(Tx& tx, const core::auth::Actor& actor, const ev::DuplicateProbe& p,
                                                   const ev::DuplicateRule& rule) {
    std::vector<DuplicateCandidate> out;
    if (!p.location) return out;
    auto& repo = tx.Duplicates();
    core::ports::DuplicateQuery q;
    q.category_code = p.category_code;
    q.box = ev::SearchBox(*p.location, rule.distance_m);
    q.reported_from = p.reported_at - std::int64_t{rule.window_days} * ev::kDayMillis;
    q.reported_to = p.reported_at + std::int64_t{rule.window_days} * ev::kDayMillis;
    q.exclude_id = p.id;
    LX_ASSIGN(rows, repo.Near(q));
    for (auto& rec : rows) {
        if (!MaySee(actor, rec.event)) continue;  // only what the actor may read
        auto m = ev::MatchDuplicate(p, rec.event, rule);
        if (m) out.push_back({std::move(rec), m->distance_m, m->age_millis});
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.distance_m < b.distance_m; });
    return out;
}

core::ports::EventFlowEntry MergeFlow(const core::auth::Actor& actor, const ev::Event& e, std::string action,
                                      ev::EventState from, int seq, std::int64_t org_id, std::int64_t at) {
    core::ports::EventFlowEntry f;
    f.event_id = e.id;
    f.seq = seq;
    f.action = std::move(action);
    f.from_state = std::string(ev::ToString(from));
    f.to_state = std::string(ev::ToString(e.state));
    f.actor_user_id = actor.user_id;
    f.actor_name = actor.display_name.empty() ? actor.username : actor.display_name;
    f.actor_org_id = org_id;
    f.at = at;
    return f;
}

}  // namespace

core::Result<DuplicateList> EventDuplicates(Context& ctx, const core::auth::Actor& actor, std::int64_t id) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventRead));
    DuplicateList out;
    LX_CHECK(ctx.db.Read(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(rec, tx.Events().Get(id));
        if (!rec) return core::Fail(core::NotFound("event"));
        LX_ASSIGN(sees, Sees(tx, actor, rec->event));
        if (!sees) return core::Fail(core::NotFound("event"));
        const auto& e = rec->event;
        LX_ASSIGN(rule, RuleFor(tx, e.org_path, e.reported_at));
        out.rule = rule;
        if (e.Closed()) return core::Ok();  // a closed event offers none
        LX_ASSIGN(items, Find(tx, actor, ev::ProbeOf(e), rule));
        out.items = std::move(items);
        out.can_merge = ev::Mergeable(e.state) && RelationsOf(actor, e).dispatcher;
        return core::Ok();
    }));
    return out;
}

core::Result<DuplicateList> IntakeDuplicates(Context& ctx, const core::auth::Actor& actor,
                                             const DuplicateProbeInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventWrite));
    core::Error errors = core::MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    if (in.category_code.empty()) errors.WithField("category_code", "event.category.unknown");
    if (in.org_id <= 0) errors.WithField("org_id", "event.org.missing");
    if (in.location) {
        const auto& c = *in.location;
        if (!std::isfinite(c.lng) || c.lng < -180 || c.lng > 180) errors.WithField("lng", "field.range");
        if (!std::isfinite(c.lat) || c.lat < -90 || c.lat > 90) errors.WithField("lat", "field.range");
    }
    const auto now = ctx.clock.NowMillis();
    std::optional<std::int64_t> reported = now;
    if (!in.reported_at.empty()) {
        reported = ev::ParseDateTime(in.reported_at);
        if (!reported) errors.WithField("reported_at", "event.datetime.format");
    }
    if (!errors.fields.empty()) return core::Fail(errors);
    DuplicateList out;
    LX_CHECK(ctx.db.Read(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        auto org = VisibleOrg(tx, actor, in.org_id, Permission::kEventWrite, core::Date::FromInstant(now));
        if (!org) {  // as RegisterEvent: a grid worker's own grid
            LX_ASSIGN(place, GridWorkerPlace(tx, actor, in.org_id, in.grid_id, core::Date::FromInstant(now)));
            if (!place) return core::Fail(core::InvalidField("org_id", "org.not_in_scope"));
            org = std::move(*place);
        }
        LX_ASSIGN(rule, RuleFor(tx, org->path, *reported));
        out.rule = rule;
        LX_ASSIGN(items, Find(tx, actor, {0, in.category_code, in.location, *reported}, rule));
        out.items = std::move(items);
        return core::Ok();
    }));
    return out;
}

core::Result<std::vector<core::ports::EventRecord>> MergedDuplicates(Tx& tx, std::int64_t id) {
    auto& repo = tx.Duplicates();
    return repo.MergedInto(id);
}

core::Result<EventView> MergeEvent(Context& ctx, const core::auth::Actor& actor, std::int64_t id,
                                   const MergeInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventWrite));
    if (in.primary_id <= 0) return core::Fail(core::InvalidField("primary_id", "event.merge.unknown"));
    const auto now = ctx.clock.NowMillis();
    EventView out;
    LX_CHECK(ctx.db.Write(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(rec, tx.Events().Get(id));
        if (!rec) return core::Fail(core::NotFound("event"));
        LX_ASSIGN(sees, Sees(tx, actor, rec->event));
        if (!sees) return core::Fail(core::NotFound("event"));
        const ev::Event before = rec->event;
        // into itself is refused whoever asks (the field, before the party or the version)
        if (in.primary_id == id) return core::Fail(core::InvalidField("primary_id", "event.merge.self"));
        if (in.version != before.version)
            return core::Fail(core::MakeError(ErrorCode::kConflict, "event.changed_concurrently"));
        LX_ASSIGN(primary, tx.Events().Get(in.primary_id));
        if (!primary || !MaySee(actor, primary->event))
            return core::Fail(core::InvalidField("primary_id", "event.merge.unknown"));
        const auto rel = RelationsOf(actor, before);
        LX_ASSIGN(after, ev::MergeInto(before, primary->event, in.reason, rel, now));
        const auto org_id = ActingOrg(actor, before.owner_org_path);
        // a row on both: the duplicate closed into the primary, the primary told of its new reporter
        LX_ASSIGN(dup_flow, tx.Events().Flow(id));
        auto f = MergeFlow(actor, after, "merge", before.state, static_cast<int>(dup_flow.size()) + 1, org_id, now);
        f.reason = in.reason;
        f.note = primary->event.number;
        LX_ASSIGN(primary_flow, tx.Events().Flow(primary->event.id));
        auto g = MergeFlow(actor, primary->event, "merged_in", primary->event.state,
                           static_cast<int>(primary_flow.size()) + 1, org_id, now);
        g.reason = in.reason;
        g.note = before.number;
        LX_CHECK(tx.Events().Update(after));
        LX_CHECK(tx.Events().AppendFlow(f).map([](auto) {}));
        LX_CHECK(tx.Events().AppendFlow(g).map([](auto) {}));
        auto entry = AuditFor(actor, now, "event.merge", "event", std::to_string(id)).On(before.org_id, before.org_path);
        LX_CHECK(tx.Audit().Append(entry));
        LX_ASSIGN(fresh, tx.Events().Get(id));
        LX_ASSIGN(view, LoadEventView(tx, actor, std::move(*fresh), now, true));
        out = std::move(view);
        return core::Ok();
    }));
    return out;
}

}  // namespace lianxin::app
