// Open311 GeoReport v2 services and requests (open311.hpp): reads in the system scope (the answers are public and
// carry no resident's data), a post in one transaction with its flow-log row, its audit row and the key's use.
#include "app/event/open311.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "app/audit/audit.hpp"
#include "app/event/deadlines.hpp"
#include "app/event/event_access.hpp"
#include "app/event/resident_events.hpp"
#include "app/otp/resident.hpp"
#include "app/policy/policies.hpp"
#include "app/rate_limiter.hpp"
#include "core/event/open311.hpp"

namespace lianxin::app {

namespace ev = core::event;
using core::ErrorCode;
using core::ports::Scope;
using core::ports::Tx;

namespace {

constexpr int kMaxRequests = 1000;                                // GeoReport v2: "maximum of 1000 requests"
constexpr std::int64_t kDefaultWindow = 90LL * 24 * 3600 * 1000;  // … "the last 90 days" by default

core::Error Invalid() { return core::MakeError(ErrorCode::kInvalidArgument, "request.invalid"); }
core::Error KeyRefused(const char* key) {
    return core::MakeError(ErrorCode::kPermissionDenied, key).WithField("api_key", key);
}

// The org of a jurisdiction: the community of the grids whose codes start with the code, or the street above them.
core::Result<core::org::Org> JurisdictionOrg(Tx& tx, const std::string& code) {
    auto unknown = [] {
        return core::MakeError(ErrorCode::kNotFound, "open311.jurisdiction.unknown")
            .WithField("jurisdiction_id", "open311.jurisdiction.unknown");
    };
    const auto kind = ev::ParseJurisdiction(code);
    if (!kind) return core::Fail(unknown());
    LX_ASSIGN(roots, tx.Orgs().Roots());
    core::ports::GridQuery q;
    for (const auto& r : roots) q.scope_roots.push_back(r.path);
    q.limit = 100'000;
    LX_ASSIGN(grids, tx.Grids().List(q));
    std::set<std::string> paths;
    for (const auto& g : grids)
        if (g.code.rfind(code, 0) == 0)
            paths.insert(*kind == ev::JurisdictionKind::kStreet ? ParentPath(g.org_path) : g.org_path);
    const std::string path = core::org::CommonAncestorPath({paths.begin(), paths.end()});
    const auto ids = core::org::PathIds(path);
    if (ids.empty()) return core::Fail(unknown());
    LX_ASSIGN(org, tx.Orgs().Get(ids.back()));
    if (!org) return core::Fail(unknown());
    return *org;
}

// A community: an org that grids lie in directly (an address without a point places the event there).
bool HasGrids(Tx& tx, std::int64_t org_id) {
    core::ports::GridQuery q;
    q.org_id = org_id;
    q.limit = 1;
    auto found = tx.Orgs().Get(org_id);
    if (!found || !*found) return false;
    q.scope_roots = {(*found)->path};
    auto grids = tx.Grids().List(q);
    return grids && !grids->empty();
}

core::Result<std::vector<std::string>> Roots(Tx& tx, const std::string& jurisdiction_id) {
    if (!jurisdiction_id.empty()) {
        LX_ASSIGN(org, JurisdictionOrg(tx, jurisdiction_id));
        return std::vector<std::string>{org.path};
    }
    LX_ASSIGN(roots, tx.Orgs().Roots());
    std::vector<std::string> out;
    for (const auto& r : roots) out.push_back(r.path);
    return out;
}

std::map<std::string, std::string> ServiceNames(const std::vector<ev::Category>& cats) {
    std::map<std::string, std::string> out;
    for (const auto& c : cats) out[c.code] = c.name_zh;
    return out;
}

std::optional<double> Number(const std::string& s) {
    double v = 0;
    const auto* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, v);
    if (ec != std::errc() || p != end || !std::isfinite(v)) return std::nullopt;
    return v;
}

// "+86 138-0000-1234" → "13800001234"; anything else is left for CheckPhone to name.
std::string NormalPhone(const std::string& s) {
    std::string digits;
    for (char c : s)
        if (c >= '0' && c <= '9') digits += c;
        else if (c != ' ' && c != '-' && c != '+' && c != '(' && c != ')') return s;
    if (digits.size() == 13 && digits.rfind("86", 0) == 0) digits.erase(0, 2);
    return digits;
}

// The intake's field names as the Open311 client sent them.
std::string PostField(const std::string& f) {
    static const std::map<std::string, std::string> kNames{
        {"address", "address_string"}, {"reporter_name", "first_name"}, {"reporter_phone", "phone"},
        {"location.lat", "lat"},       {"location.lng", "long"},        {"category_code", "service_code"}};
    auto it = kNames.find(f);
    return it == kNames.end() ? f : it->second;
}

}  // namespace

core::Result<std::vector<Open311Service>> Open311Services(Context& ctx, const std::string& jurisdiction_id) {
    std::vector<Open311Service> out;
    LX_CHECK(ctx.db.Read(Scope::System(), [&](Tx& tx) -> core::Status {  // the dictionary holds no org's data
        if (!jurisdiction_id.empty()) LX_CHECK(JurisdictionOrg(tx, jurisdiction_id).map([](auto) {}));
        LX_ASSIGN(cats, tx.Events().Categories());
        const auto names = ServiceNames(cats);
        for (auto& c : cats) {
            if (!c.Leaf()) continue;
            auto group = names.find(c.parent_code);
            out.push_back({c, group == names.end() ? "" : group->second});
        }
        return core::Ok();
    }));
    return out;
}

core::Result<Open311Service> Open311ServiceDefinition(Context& ctx, const std::string& service_code,
                                                      const std::string& jurisdiction_id) {
    LX_ASSIGN(all, Open311Services(ctx, jurisdiction_id));
    for (auto& s : all)
        if (s.category.code == service_code) return s;
    return core::Fail(core::MakeError(ErrorCode::kNotFound, "open311.service.unknown")
                          .WithField("service_code", "open311.service.unknown"));
}

core::Result<std::vector<Open311Request>> Open311Requests(Context& ctx, const Open311Query& in) {
    core::ports::EventQuery q;
    q.limit = kMaxRequests;
    core::Error errors = Invalid();
    if (!in.ids.empty()) {
        q.ids = in.ids;  // "This overrides all other arguments."
    } else {
        q.category_code = in.service_code;
        if (in.status == "open") q.open_only = true;
        else if (in.status == "closed") q.closed_only = true;
        else if (!in.status.empty()) errors.WithField("status", "open311.status.unknown");
        auto date = [&](const std::string& text, const char* field) -> std::optional<std::int64_t> {
            if (text.empty()) return std::nullopt;
            auto t = ev::ParseDateTime(text);
            if (!t) errors.WithField(field, "open311.date.format");
            return t;
        };
        q.reported_from = date(in.start_date, "start_date");
        q.reported_before = date(in.end_date, "end_date");
        if (!q.reported_from && !q.reported_before) q.reported_from = ctx.clock.NowMillis() - kDefaultWindow;
    }
    if (!errors.fields.empty()) return core::Fail(errors);
    std::vector<Open311Request> out;
    LX_CHECK(ctx.db.Read(Scope::System(), [&](Tx& tx) -> core::Status {  // public: the answer carries no PII
        LX_ASSIGN(roots, Roots(tx, in.jurisdiction_id));
        q.scope_roots = roots;
        LX_ASSIGN(cats, tx.Events().Categories());
        const auto names = ServiceNames(cats);
        LX_ASSIGN(rows, tx.Events().List(q));
        for (auto& r : rows) {
            auto name = names.find(r.event.category_code);
            out.push_back({std::move(r), name == names.end() ? "" : name->second});
        }
        return core::Ok();
    }));
    return out;
}

core::Result<Open311Request> Open311RequestById(Context& ctx, std::int64_t id, const std::string& jurisdiction_id) {
    Open311Request out;
    LX_CHECK(ctx.db.Read(Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(roots, Roots(tx, jurisdiction_id));
        LX_ASSIGN(rec, tx.Events().Get(id));
        const bool inside = rec && std::any_of(roots.begin(), roots.end(), [&](const auto& root) {
                                return core::org::InSubtree(rec->event.org_path, root);
                            });
        if (!inside)
            return core::Fail(core::MakeError(ErrorCode::kNotFound, "open311.request.unknown")
                                  .WithField("service_request_id", "open311.request.unknown"));
        LX_ASSIGN(cats, tx.Events().Categories());
        const auto names = ServiceNames(cats);
        auto name = names.find(rec->event.category_code);
        out = {std::move(*rec), name == names.end() ? "" : name->second};
        return core::Ok();
    }));
    return out;
}

core::Result<Open311Receipt> Open311Submit(Context& ctx, const Open311Post& in, const ClientInfo& client) {
    const auto now = ctx.clock.NowMillis();
    const auto today = ctx.clock.Today();
    // The key first (403 names api_key): found by its hash, not revoked.
    if (in.api_key.empty()) return core::Fail(KeyRefused("open311.key.missing"));
    if (!ev::LooksLikeApiKey(in.api_key)) return core::Fail(KeyRefused("open311.key.invalid"));
    std::optional<core::ports::Open311Key> key;
    LX_CHECK(ctx.db.Read(Scope::System(), [&](Tx& tx) -> core::Status {  // a client has no scope before its key
        LX_ASSIGN(k, tx.Open311Keys().ByHash(ctx.crypto.Sha256Hex(in.api_key)));
        key = std::move(k);
        return core::Ok();
    }));
    if (!key || key->revoked_at) return core::Fail(KeyRefused("open311.key.invalid"));
    LX_CHECK(SpendBudget(ctx, "o311:" + std::to_string(key->id), ctx.limits.session_writes, 1, "http.rate_limited"));
    Open311Receipt out;
    LX_CHECK(ctx.db.Write(Scope::System(), [&](Tx& tx) -> core::Status {  // the key's subtree is checked below
        core::Error errors = Invalid();
        LX_ASSIGN(cats, tx.Events().Categories());
        auto cat = std::find_if(cats.begin(), cats.end(),
                                [&](const auto& c) { return c.code == in.service_code && c.Leaf(); });
        if (in.service_code.empty()) errors.WithField("service_code", "open311.service.missing");
        else if (cat == cats.end()) errors.WithField("service_code", "open311.service.unknown");
        std::optional<core::org::Org> jurisdiction;
        if (!in.jurisdiction_id.empty()) {
            LX_ASSIGN(j, JurisdictionOrg(tx, in.jurisdiction_id));  // 404 for an unknown one, as the spec says
            jurisdiction = std::move(j);
        } else {
            LX_ASSIGN(j, tx.Orgs().Get(key->org_id));
            jurisdiction = std::move(j);
        }
        if (!jurisdiction) return core::Fail(core::NotFound("org"));
        // The place: the point's grid, in the jurisdiction and in the key's subtree; else a community and an address.
        std::optional<ev::Coordinates> point;
        std::optional<core::grid::Grid> grid;
        std::int64_t community_id = 0;
        const auto lat = Number(in.lat), lng = Number(in.lng);
        if (!in.lat.empty() || !in.lng.empty()) {
            if (!lat || *lat < -90 || *lat > 90) errors.WithField("lat", "open311.point.format");
            if (!lng || *lng < -180 || *lng > 180) errors.WithField("long", "open311.point.format");
        }
        if (lat && lng && errors.fields.empty()) {
            point = ev::Coordinates{*lng, *lat};
            LX_ASSIGN(g, GridAt(tx, *point, today));
            const char* refused = !g ? "open311.point.outside"
                                  : !core::org::InSubtree(g->org_path, jurisdiction->path)
                                      ? "open311.point.jurisdiction"
                                  : !core::org::InSubtree(g->org_path, key->org_path) ? "open311.point.key_scope"
                                                                                      : nullptr;
            if (refused) {
                errors.WithField("lat", refused, {{"jurisdiction", jurisdiction->name}});
                errors.WithField("long", refused, {{"jurisdiction", jurisdiction->name}});
            } else {
                community_id = g->org_id;
                grid = std::move(g);
            }
        } else if (!point && in.lat.empty() && in.lng.empty()) {
            if (in.address_string.empty()) {
                errors.WithField("lat", "open311.place.missing");
                errors.WithField("long", "open311.place.missing");
            } else if (!core::org::InSubtree(jurisdiction->path, key->org_path) || !HasGrids(tx, jurisdiction->id)) {
                errors.WithField("lat", "open311.place.point_needed");  // a street needs the point to find its grid
                errors.WithField("long", "open311.place.point_needed");
            } else {
                community_id = jurisdiction->id;
            }
        }
        ev::Intake intake;
        intake.channel = std::string(ev::ToString(ev::Channel::kOpen311));
        intake.category_code = in.service_code;
        intake.org_id = std::max<std::int64_t>(community_id, 1);  // the place's errors are named above
        intake.grid_id = grid ? grid->id : 0;
        intake.location = point;
        intake.address = in.address_string;
        intake.reporter_name = in.last_name + in.first_name;  // 姓 then 名
        intake.reporter_phone = NormalPhone(in.phone);
        intake.description = in.description;
        // An Open311 post carries no photos (media_url is not fetched), so none are allowed.
        auto checked = ev::CheckIntake(intake, cat == cats.end() ? nullptr : &*cat, now, /*photos_max=*/0);
        if (!checked)
            for (auto& f : checked.error().fields)
                if (f.field != "org_id" && f.field != "category_code")
                    errors.fields.push_back({PostField(f.field), f.message_key, f.params});
        if (!errors.fields.empty()) return core::Fail(errors);
        auto e = std::move(*checked);
        LX_ASSIGN(org, tx.Orgs().Get(community_id));
        if (!org || !org->ValidOn(today))
            return core::Fail(core::InvalidField("jurisdiction_id", "open311.place.missing"));
        e.org_id = org->id;
        e.org_path = org->path;
        e.owner_org_id = org->id;  // the community accepts and dispatches, as for a resident's report
        e.owner_org_path = org->path;
        LX_ASSIGN(policies, PoliciesFor(tx, org->path));
        LX_ASSIGN(defaults, DefaultDeadlines(tx, e, policies, e.reported_at));
        e.respond_by = defaults.respond_by;
        e.handle_by = defaults.handle_by;
        const int year = core::Date::FromInstant(e.reported_at).year();
        LX_ASSIGN(seq, tx.Events().NextNumber(year));
        e.number = ev::EventNumber(year, seq);
        e.created_at = now;
        e.updated_at = now;
        LX_ASSIGN(id, tx.Events().Insert(e));
        core::ports::EventFlowEntry flow;
        flow.event_id = id;
        flow.seq = 1;
        flow.action = "accept";
        flow.from_state = flow.to_state = std::string(ev::ToString(e.state));
        flow.actor_name = "Open311 · " + key->name;
        flow.deadline = e.handle_by;
        flow.at = now;
        LX_CHECK(tx.Events().AppendFlow(flow).map([](auto) {}));
        LX_CHECK(tx.Open311Keys().Used(key->id, now));
        LX_ASSIGN(actor, ResidentActor(tx, client));
        actor.username = "open311:" + std::to_string(key->id);
        actor.display_name = flow.actor_name;
        auto entry = AuditFor(actor, now, "event.open311", "event", std::to_string(id)).On(*org);
        LX_CHECK(tx.Audit().Append(entry));
        out = {id, e.number, org->name};
        return core::Ok();
    }));
    return out;
}

}  // namespace lianxin::app
