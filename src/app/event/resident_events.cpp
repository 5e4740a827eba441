// A resident's own events (resident_events.hpp): every write is one transaction with its flow-log row and its audit
// row; a resident has no org scope, so the transactions run in the system scope and each use case checks that the
// event is the resident's (by the blind index of the phone) or names it by its follow token.
#include "app/event/resident_events.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "app/event/deadlines.hpp"
#include "app/event/duplicates.hpp"
#include "app/policy/policies.hpp"
#include "core/event/resident.hpp"
#include "core/grid/geometry.hpp"
#include "core/policy/catalogue.hpp"

namespace lianxin::app {

namespace ev = core::event;
namespace pk = core::policy;
using core::ErrorCode;
using core::ports::EventFlowEntry;
using core::ports::Scope;
using core::ports::Tx;

namespace {

// A resident's flow rows carry no account; the name is the role, not a person.
constexpr const char* kResidentName = "居民";

core::Error Invalid() { return core::MakeError(ErrorCode::kInvalidArgument, "request.invalid"); }

core::Result<ResidentPlaces> PlacesIn(Tx& tx, const core::Date& on) {
    ResidentPlaces out;
    LX_ASSIGN(roots, tx.Orgs().Roots());
    core::ports::GridQuery q;
    for (const auto& r : roots) q.scope_roots.push_back(r.path);
    q.limit = 100'000;
    LX_ASSIGN(grids, tx.Grids().List(q));
    std::map<std::int64_t, std::string> communities;
    std::set<std::int64_t> orgs_with_grids;
    for (const auto& g : grids) {
        communities.emplace(g.org_id, g.org_name);
        orgs_with_grids.insert(g.org_id);
    }
    for (const auto& r : roots) {
        LX_ASSIGN(orgs, tx.Orgs().InSubtree(r.path, on));
        for (const auto& o : orgs)
            if (o.place_kind == core::org::PlaceKind::kCommunity && o.ValidOn(on)) communities.emplace(o.id, o.name);
    }
    for (auto org_id : orgs_with_grids) {
        LX_ASSIGN(versions, tx.Grids().VersionsOfOrg(org_id, on));
        for (auto& v : versions) {
            auto g = std::find_if(grids.begin(), grids.end(), [&](const auto& x) { return x.id == v.grid_id; });
            if (g == grids.end()) continue;
            out.grids.push_back({g->id, g->code, g->name, g->org_id, g->org_name, std::move(v.boundary)});
        }
    }
    for (auto& [id, name] : communities) out.communities.push_back({id, name});
    std::sort(out.communities.begin(), out.communities.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
}

FollowView FollowOf(core::ports::EventRecord rec, const std::vector<EventFlowEntry>& flow, std::string grid_name) {
    FollowView v;
    for (const auto& f : flow) {
        if (!ev::ShownToResident(f.action)) continue;
        v.steps.push_back({f.action, f.to_state, f.at});
        if (f.action == "feedback") {  // the result told to the reporter
            v.result = f.note;
            v.result_at = f.at;
        }
    }
    v.can_confirm = rec.event.state == ev::EventState::kFeedback;
    v.grid_name = std::move(grid_name);
    v.record = std::move(rec);
    return v;
}

core::Result<FollowView> LoadFollow(Tx& tx, core::ports::EventRecord rec) {
    // A merged duplicate's reporter follows the primary (issue 17 "a merge keeps every reporter informed").
    std::string merged_number;
    if (ev::IsMerged(rec.event)) {
        LX_ASSIGN(primary, tx.Events().Get(rec.event.duplicate_of));
        if (primary) {
            merged_number = rec.event.number;
            rec = std::move(*primary);
        }
    }
    LX_ASSIGN(flow, tx.Events().Flow(rec.event.id));
    std::string grid_name;
    if (rec.event.grid_id) {
        LX_ASSIGN(g, tx.Grids().Get(rec.event.grid_id));
        if (g) grid_name = g->name;
    }
    auto view = FollowOf(std::move(rec), flow, std::move(grid_name));
    view.merged_number = std::move(merged_number);
    return view;
}

// The event is the resident's own, or one of theirs was merged into it.
core::Result<bool> ReportedBy(Tx& tx, const ev::Event& e, const std::string& phone_key) {
    if (phone_key.empty()) return false;
    if (e.reporter_key == phone_key) return true;
    LX_ASSIGN(merged, MergedDuplicates(tx, e.id));
    return std::any_of(merged.begin(), merged.end(), [&](const auto& m) {
        return !m.event.reporter_key.empty() && m.event.reporter_key == phone_key;
    });
}

EventFlowEntry ResidentFlow(const ev::Event& before, const ev::Event& after, std::string action, int seq,
                            std::int64_t at) {
    EventFlowEntry f;
    f.event_id = after.id;
    f.seq = seq;
    f.action = std::move(action);
    f.from_state = std::string(ev::ToString(before.state));
    f.to_state = std::string(ev::ToString(after.state));
    f.actor_name = kResidentName;
    f.at = at;
    return f;
}

}  // namespace

core::Result<std::optional<core::grid::Grid>> GridAt(Tx& tx, const ev::Coordinates& c, const core::Date& on) {
    LX_ASSIGN(roots, tx.Orgs().Roots());
    std::vector<std::string> paths;
    for (const auto& r : roots) paths.push_back(r.path);
    const core::grid::LngLat p{c.lng, c.lat};
    LX_ASSIGN(found, tx.Grids().Locate(p, on, paths));
    for (const auto& f : found) {
        if (!core::grid::Covers(f.version.boundary, p)) continue;  // the box holds it; does the polygon?
        LX_ASSIGN(g, tx.Grids().Get(f.grid_id));
        if (g) return g;
    }
    return std::optional<core::grid::Grid>{};
}

core::Result<std::vector<ev::Category>> ResidentCategories(Context& ctx) {
    std::vector<ev::Category> out;
    LX_CHECK(ctx.db.Read(Scope::System(), [&](Tx& tx) -> core::Status {  // the dictionary holds no org's data
        LX_ASSIGN(cats, tx.Events().Categories());
        out = std::move(cats);
        return core::Ok();
    }));
    return out;
}

core::Result<ResidentPlaces> ResidentPlacesToday(Context& ctx) {
    ResidentPlaces out;
    const auto today = ctx.clock.Today();
    LX_CHECK(ctx.db.Read(Scope::System(), [&](Tx& tx) -> core::Status {  // names and boundaries, no person
        LX_ASSIGN(p, PlacesIn(tx, today));
        out = std::move(p);
        return core::Ok();
    }));
    return out;
}

core::Result<ReportReceipt> ReportEvent(Context& ctx, const Resident& resident, const ResidentReport& in,
                                        const ClientInfo& client) {
    const auto now = ctx.clock.NowMillis();
    const auto today = ctx.clock.Today();
    const std::string token = ctx.crypto.RandomToken(24);
    ReportReceipt out;
    LX_CHECK(ctx.db.Write(Scope::System(), [&](Tx& tx) -> core::Status {  // a resident has no org scope
        core::Error errors = Invalid();
        LX_ASSIGN(cats, tx.Events().Categories());
        auto cat = std::find_if(cats.begin(), cats.end(), [&](const auto& c) { return c.code == in.category_code; });
        // The place: the point's grid and community, else the community picked and a typed address.
        std::optional<core::org::Org> org;
        std::optional<core::grid::Grid> grid;
        if (in.location) {
            const auto& c = *in.location;
            if (std::isfinite(c.lng) && std::isfinite(c.lat) && c.lng >= -180 && c.lng <= 180 && c.lat >= -90 &&
                c.lat <= 90) {
                LX_ASSIGN(g, GridAt(tx, c, today));
                if (!g) errors.WithField("location", "event.resident.outside");
                grid = std::move(g);
            }
        } else if (in.org_id <= 0) {
            errors.WithField("org_id", "event.resident.place_missing");
        } else {
            LX_ASSIGN(places, PlacesIn(tx, today));
            const bool listed = std::any_of(places.communities.begin(), places.communities.end(),
                                            [&](const auto& c) { return c.org_id == in.org_id; });
            if (!listed) errors.WithField("org_id", "event.resident.community");
            if (in.address.empty()) errors.WithField("address", "event.resident.address_missing");
        }
        const std::int64_t org_id = grid ? grid->org_id : in.org_id;
        if (org_id > 0 && errors.fields.empty()) {
            LX_ASSIGN(o, tx.Orgs().Get(org_id));
            if (!o || !o->ValidOn(today)) errors.WithField("org_id", "event.resident.community");
            org = std::move(o);
        }
        // Photos: as many as the policy allows, each uploaded with this phone.
        LX_ASSIGN(top, tx.Orgs().Roots());
        LX_ASSIGN(policies, PoliciesFor(tx, org ? org->path : (top.empty() ? "/" : top[0].path)));
        const int photos_max = policies.Int(pk::kEventPhotosMax, today);
        const bool too_many = static_cast<int>(in.photo_ids.size()) > photos_max;
        if (too_many) errors.WithField("photo_ids", "event.photos.too_many", {{"max", std::to_string(photos_max)}});
        for (std::size_t i = 0; !too_many && i < in.photo_ids.size(); ++i) {
            if (!ev::ValidPhotoId(in.photo_ids[i])) continue;  // CheckIntake names the format
            LX_ASSIGN(mine, tx.Photos().OwnedBy(in.photo_ids[i], ResidentPhotoOwner(resident.phone_key)));
            if (!mine) errors.WithField("photo_ids[" + std::to_string(i) + "]", "event.photo.not_yours");
        }
        ev::Intake intake;
        intake.channel = "resident";
        intake.category_code = in.category_code;
        intake.org_id = org ? org->id : std::max<std::int64_t>(org_id, 1);  // the place's errors are named above
        intake.grid_id = grid ? grid->id : 0;
        intake.location = in.location;
        intake.address = in.address;
        intake.reporter_name = in.reporter_name;
        intake.description = in.description;
        intake.photo_ids = too_many ? std::vector<std::string>{} : in.photo_ids;  // named once, above
        auto checked = ev::CheckIntake(intake, cat == cats.end() ? nullptr : &*cat, now, photos_max);
        if (!checked) {
            for (auto& f : checked.error().fields)
                if (f.field != "org_id") errors.fields.push_back(f);
            if (errors.fields.empty()) return core::Fail(checked.error());
        }
        if (!errors.fields.empty()) return core::Fail(errors);
        auto e = std::move(*checked);
        e.photo_ids = in.photo_ids;
        // The flood guard: counted in this transaction (a refusal rolls the count back with everything else).
        const int per_day = policies.Int(pk::kEventResidentReportsPerDay, today);
        LX_ASSIGN(reports, tx.Events().CountReport(resident.phone_key, today.ToString()));
        if (reports > per_day) return core::Fail(ev::ReportFlood(per_day, now));
        e.org_id = org->id;
        e.org_path = org->path;
        e.owner_org_id = org->id;  // the community accepts and dispatches
        e.owner_org_path = org->path;
        e.reporter_phone = resident.phone;
        e.reporter_key = resident.phone_key;
        e.follow_token = token;
        e.follow_token_hash = ctx.crypto.Sha256Hex(token);
        LX_ASSIGN(defaults, DefaultDeadlines(tx, e, policies, e.reported_at));
        e.respond_by = defaults.respond_by;
        e.handle_by = defaults.handle_by;
        const int year = core::Date::FromInstant(e.reported_at).year();
        LX_ASSIGN(seq, tx.Events().NextNumber(year));
        e.number = ev::EventNumber(year, seq);
        e.created_at = now;
        e.updated_at = now;
        LX_ASSIGN(id, tx.Events().Insert(e));
        e.id = id;
        auto flow = ResidentFlow(e, e, "accept", 1, now);
        flow.deadline = e.handle_by;
        LX_CHECK(tx.Events().AppendFlow(flow).map([](auto) {}));
        LX_ASSIGN(actor, ResidentActor(tx, client));
        auto entry = AuditFor(actor, now, "event.report", "event", std::to_string(id)).On(*org);
        LX_CHECK(tx.Audit().Append(entry));
        out = {id, e.number, token, org->name, grid ? grid->name : ""};
        return core::Ok();
    }));
    return out;
}

core::Result<std::vector<core::ports::EventRecord>> MyEvents(Context& ctx, const Resident& resident) {
    std::vector<core::ports::EventRecord> out;
    LX_CHECK(ctx.db.Read(Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(rows, tx.Events().OfReporter(resident.phone_key, 100));
        out = std::move(rows);
        return core::Ok();
    }));
    return out;
}

core::Result<FollowView> FollowEvent(Context& ctx, const std::string& token) {
    std::optional<FollowView> out;
    if (token.empty() || token.size() > 64) return core::Fail(core::NotFound("event"));
    const std::string hash = ctx.crypto.Sha256Hex(token);
    LX_CHECK(ctx.db.Read(Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(rec, tx.Events().ByFollowToken(hash));
        if (!rec) return core::Ok();
        LX_ASSIGN(v, LoadFollow(tx, std::move(*rec)));
        out = std::move(v);
        return core::Ok();
    }));
    if (!out) return core::Fail(core::NotFound("event"));
    return std::move(*out);
}

core::Result<FollowView> ConfirmEvent(Context& ctx, const Resident& resident, std::int64_t id,
                                      const ResidentConfirmInput& in, const ClientInfo& client) {
    LX_ASSIGN(step, ev::ResidentConfirmation(in.outcome, in.score, in.comment));
    const auto now = ctx.clock.NowMillis();
    FollowView out;
    LX_CHECK(ctx.db.Write(Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(rec, tx.Events().Get(id));
        // Only the resident's own events: any other is as if it did not exist.
        if (!rec) return core::Fail(core::NotFound("event"));
        LX_ASSIGN(theirs, ReportedBy(tx, rec->event, resident.phone_key));
        if (!theirs) return core::Fail(core::NotFound("event"));
        const ev::Event before = rec->event;
        ev::Relations rel;
        rel.reporter = true;
        LX_ASSIGN(after, ev::ApplyStep(before, step, rel, now));
        LX_ASSIGN(flow_so_far, tx.Events().Flow(id));
        auto flow = ResidentFlow(before, after, std::string(ev::ToString(step.action)),
                                 static_cast<int>(flow_so_far.size()) + 1, now);
        flow.note = step.note;
        LX_CHECK(tx.Events().Update(after));
        LX_CHECK(tx.Events().AppendFlow(flow).map([](auto) {}));
        LX_ASSIGN(actor, ResidentActor(tx, client));
        auto entry =
            AuditFor(actor, now, "event.confirm", "event", std::to_string(id)).On(before.org_id, before.org_path);
        LX_CHECK(tx.Audit().Append(entry));
        LX_ASSIGN(fresh, tx.Events().Get(id));
        LX_ASSIGN(v, LoadFollow(tx, std::move(*fresh)));
        out = std::move(v);
        return core::Ok();
    }));
    return out;
}

core::Result<int> PurgeResidentData(Context& ctx) {
    const auto now = ctx.clock.NowMillis();
    const auto today = ctx.clock.Today();
    int purged = 0;
    LX_CHECK(ctx.db.Write(Scope::System(), [&](Tx& tx) -> core::Status {  // every org's events
        LX_ASSIGN(paths, tx.Events().RetainedOrgPaths());
        for (const auto& path : paths) {
            LX_ASSIGN(policies, PoliciesFor(tx, path));
            const int days = policies.Int(pk::kEventResidentDataRetentionDays, today);
            LX_ASSIGN(n, tx.Events().PurgeResidentData(path, ev::RetentionCutoff(now, days), now));
            purged += n;
        }
        if (purged == 0) return core::Ok();
        core::auth::Actor system{0, "system", "系统", 0, {}, "", ""};
        LX_ASSIGN(roots, tx.Orgs().Roots());
        if (!roots.empty())
            system.grants.push_back({0, core::auth::Role::kMember, roots[0].id, roots[0].path, roots[0].name});
        auto entry = AuditFor(system, now, "event.purge_resident_data", "events", std::to_string(purged)).On(kTopOrg);
        return tx.Audit().Append(entry);
    }));
    return purged;
}

}  // namespace lianxin::app
