#include "app/visit/visits.hpp"

#include <algorithm>

#include "app/org/org_queries.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::auth::Permission;
using core::ports::Scope;
using core::ports::Tx;
namespace pt = core::patrol;
namespace vi = core::visit;

namespace {

core::Error Invalid() { return core::MakeError(ErrorCode::kInvalidArgument, "request.invalid"); }
std::string NameOf(const core::auth::Actor& a) { return a.display_name.empty() ? a.username : a.display_name; }

std::vector<std::string> Prefixes(const char* field, std::size_t n) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(std::string(field) + "[" + std::to_string(i) + "].");
    return out;
}

// Writes the items of a new record (seq 1, 2, …).
core::Status InsertItems(Tx& tx, pt::ItemKind kind, std::int64_t record_id, std::vector<pt::Item> items,
                         const core::auth::Actor& actor, std::int64_t now) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        items[i].seq = static_cast<int>(i) + 1;
        items[i].event_id = 0;
        items[i].created_by = actor.user_id;
        items[i].created_at = now;
        LX_CHECK(tx.Fieldwork().InsertItem(kind, record_id, items[i]));
    }
    return core::Ok();
}

std::optional<core::Date> OptDay(const std::string& text, const char* field, core::Error& errors) {
    if (text.empty()) return std::nullopt;
    auto d = core::Date::Parse(text);
    if (!d) errors.WithField(field, "date.format");
    return d;
}

core::Result<core::ports::VisitQuery> QueryOf(Tx& tx, const core::auth::Actor& actor, const VisitListInput& in) {
    core::Error errors = Invalid();
    core::ports::VisitQuery q;
    q.from = OptDay(in.from, "from", errors);
    q.to = OptDay(in.to, "to", errors);
    if (!errors.fields.empty()) return core::Fail(errors);
    q.scope_roots = core::auth::ScopeRoots(actor, Permission::kEventRead);
    q.grid_id = in.grid_id;
    q.after_id = in.after_id;
    q.limit = in.limit + 1;
    if (in.org_id) {
        LX_ASSIGN(org, VisibleOrg(tx, actor, in.org_id, Permission::kEventRead));
        q.subtree = org.path;
    }
    return q;
}

core::Status MemberNames(Tx& tx, vi::Session& s) {
    s.member_names.clear();
    for (auto id : s.member_ids) {
        LX_ASSIGN(m, tx.Members().Get(id));
        s.member_names.push_back(m ? m->name : "");
    }
    return core::Ok();
}

}  // namespace

// ---- 大走访 ----

core::Result<std::int64_t> RecordVisit(Context& ctx, const core::auth::Actor& actor, const HouseholdVisitInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventWrite));
    const auto now = ctx.clock.NowMillis();
    std::int64_t id = 0;
    LX_CHECK(ctx.db.Write(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        core::Error errors = Invalid();
        vi::HouseholdVisit v;
        v.grid_id = in.grid_id;
        v.building = in.building;
        v.door = in.door;
        v.resident_name = in.resident_name;
        v.resident_phone = in.resident_phone;
        v.note = in.note;
        v.needs = in.needs;
        v.clears = vi::ReadChecklist(in.clears, errors);
        std::optional<core::grid::Grid> grid;
        if (in.grid_id > 0) {
            LX_ASSIGN(g, tx.Grids().Get(in.grid_id));
            if (!g || !MayRecordIn(actor, g->org_path, g->id))
                errors.WithField("grid_id", "fieldwork.grid.not_in_scope");
            else grid = std::move(g);
        }
        const auto today = ctx.clock.Today();
        LX_ASSIGN(max_photos, ItemPhotoLimit(tx, grid ? grid->org_path : std::string("/"), today));
        vi::CheckHouseholdVisit(in.day, today, v, max_photos, errors);
        LX_CHECK(CheckPhotosStored(tx, v.needs, Prefixes("needs", v.needs.size()), errors));
        if (in.visitor_member_id > 0) {
            LX_ASSIGN(m, tx.Members().Get(in.visitor_member_id));
            if (grid && (!m || m->left_on || !core::org::InSubtree(m->org_path, grid->org_path)))
                errors.WithField("visitor_member_id", "visit.member.outside");
            else if (m) v.visitor_name = m->name;
            v.visitor_member_id = in.visitor_member_id;
        } else {
            v.visitor_user_id = actor.user_id;
            v.visitor_name = NameOf(actor);
        }
        if (!errors.fields.empty()) return core::Fail(errors);
        v.org_id = grid->org_id;
        v.org_path = grid->org_path;
        v.created_by = actor.user_id;
        v.created_at = now;
        LX_ASSIGN(new_id, tx.Fieldwork().InsertVisit(v));
        id = new_id;
        LX_CHECK(InsertItems(tx, pt::ItemKind::kVisit, id, v.needs, actor, now));
        auto entry = AuditFor(actor, now, "visit.create", "visit", std::to_string(id)).On(v.org_id, v.org_path);
        return tx.Audit().Append(entry);
    }));
    return id;
}

core::Result<Audited<HouseholdVisitView>> ViewVisit(Context& ctx, const core::auth::Actor& actor, std::int64_t id) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventRead));
    Audited<HouseholdVisitView> out;
    const auto now = ctx.clock.NowMillis();
    LX_CHECK(ctx.db.Read(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(v, tx.Fieldwork().GetVisit(id));
        if (!v || !MayReadIn(actor, v->org_path, v->grid_id)) return core::Fail(core::NotFound("visit"));
        LX_ASSIGN(needs, tx.Fieldwork().Items(pt::ItemKind::kVisit, id));
        v->needs = std::move(needs);
        out.value.can_edit = MayRecordIn(actor, v->org_path, v->grid_id);
        out.value.reveal = out.value.can_edit;
        out.entry = AuditFor(actor, now, "visit.view", "visit", std::to_string(id)).On(v->org_id, v->org_path);
        out.value.visit = std::move(*v);
        return core::Ok();
    }));
    return out;
}

core::Result<VisitPage> ListVisits(Context& ctx, const core::auth::Actor& actor, const VisitListInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventRead));
    VisitPage page;
    LX_CHECK(ctx.db.Read(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(q, QueryOf(tx, actor, in));
        LX_ASSIGN(rows, tx.Fieldwork().ListVisits(q));
        const bool more = static_cast<int>(rows.size()) > in.limit;
        if (more) rows.pop_back();
        for (auto& v : rows) {
            LX_ASSIGN(needs, tx.Fieldwork().Items(pt::ItemKind::kVisit, v.id));
            v.needs = std::move(needs);
            HouseholdVisitView view;
            view.can_edit = MayRecordIn(actor, v.org_path, v.grid_id);
            view.visit = std::move(v);
            page.items.push_back(std::move(view));
        }
        page.next_after = more ? page.items.back().visit.id : 0;
        return core::Ok();
    }));
    return page;
}

core::Result<std::int64_t> RaiseNeed(Context& ctx, const core::auth::Actor& actor, std::int64_t visit_id, int seq,
                                     const RaiseInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventWrite));
    const auto now = ctx.clock.NowMillis();
    std::int64_t event_id = 0;
    LX_CHECK(ctx.db.Write(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(v, tx.Fieldwork().GetVisit(visit_id));
        if (!v || !MayRecordIn(actor, v->org_path, v->grid_id)) return core::Fail(core::NotFound("visit"));
        RaisePlace place;
        place.channel = core::event::Channel::kVisit;
        place.org_id = v->org_id;
        place.grid_id = v->grid_id;
        place.address = v->building + (v->door.empty() ? "" : " " + v->door);
        place.related = "大走访记录 #" + std::to_string(v->id) + " 第 " + std::to_string(seq) + " 条";
        LX_ASSIGN(id, RaiseItem(tx, actor, pt::ItemKind::kVisit, v->id, v->org_path, seq, place, in, now));
        event_id = id;
        return core::Ok();
    }));
    return event_id;
}

// ---- 民情面对面 ----

core::Result<std::int64_t> RecordSession(Context& ctx, const core::auth::Actor& actor, const SessionInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventWrite));
    const auto now = ctx.clock.NowMillis();
    const auto today = ctx.clock.Today();
    std::int64_t id = 0;
    LX_CHECK(ctx.db.Write(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        core::Error errors = Invalid();
        vi::Session s;
        s.org_id = in.org_id;
        s.place = in.place;
        s.topic = in.topic;
        s.member_ids = in.member_ids;
        s.residents_count = in.residents_count;
        s.residents_text = in.residents_text;
        s.note = in.note;
        s.problems = in.problems;
        std::optional<core::org::Org> org;
        if (in.org_id > 0) {
            LX_ASSIGN(o, tx.Orgs().Get(in.org_id));
            if (!o || !o->ValidOn(today) || !MayRecordIn(actor, o->path, in.grid_id))
                errors.WithField("org_id", "org.not_in_scope");
            else org = std::move(o);
        }
        if (org && in.grid_id > 0) {
            LX_ASSIGN(g, tx.Grids().Get(in.grid_id));
            if (!g || !(core::org::InSubtree(g->org_path, org->path) || core::org::InSubtree(org->path, g->org_path)))
                errors.WithField("grid_id", "fieldwork.grid.not_in_scope");
            else s.grid_id = g->id;
        }
        LX_ASSIGN(max_photos, ItemPhotoLimit(tx, org ? org->path : std::string("/"), today));
        vi::CheckSession(in.day, today, s, max_photos, errors);
        LX_CHECK(CheckPhotosStored(tx, s.problems, Prefixes("problems", s.problems.size()), errors));
        for (std::size_t i = 0; org && i < s.member_ids.size(); ++i) {
            LX_ASSIGN(m, tx.Members().Get(s.member_ids[i]));
            if (!m || m->left_on || !core::org::InSubtree(m->org_path, org->path))
                errors.WithField("member_ids[" + std::to_string(i) + "]", "visit.member.outside");
        }
        if (!errors.fields.empty()) return core::Fail(errors);
        s.org_path = org->path;
        s.created_by = actor.user_id;
        s.created_by_name = NameOf(actor);
        s.created_at = now;
        LX_ASSIGN(new_id, tx.Fieldwork().InsertSession(s));
        id = new_id;
        LX_CHECK(InsertItems(tx, pt::ItemKind::kSession, id, s.problems, actor, now));
        auto entry = AuditFor(actor, now, "visit_session.create", "visit_session", std::to_string(id)).On(*org);
        return tx.Audit().Append(entry);
    }));
    return id;
}

core::Result<SessionView> GetSession(Context& ctx, const core::auth::Actor& actor, std::int64_t id) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventRead));
    SessionView out;
    LX_CHECK(ctx.db.Read(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(s, tx.Fieldwork().GetSession(id));
        if (!s || !MayReadIn(actor, s->org_path, s->grid_id)) return core::Fail(core::NotFound("visit_session"));
        LX_ASSIGN(problems, tx.Fieldwork().Items(pt::ItemKind::kSession, id));
        s->problems = std::move(problems);
        LX_CHECK(MemberNames(tx, *s));
        out.can_edit = MayRecordIn(actor, s->org_path, s->grid_id);
        out.session = std::move(*s);
        return core::Ok();
    }));
    return out;
}

core::Result<SessionPage> ListSessions(Context& ctx, const core::auth::Actor& actor, const VisitListInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventRead));
    SessionPage page;
    LX_CHECK(ctx.db.Read(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(q, QueryOf(tx, actor, in));
        LX_ASSIGN(rows, tx.Fieldwork().ListSessions(q));
        const bool more = static_cast<int>(rows.size()) > in.limit;
        if (more) rows.pop_back();
        for (auto& s : rows) {
            LX_ASSIGN(problems, tx.Fieldwork().Items(pt::ItemKind::kSession, s.id));
            s.problems = std::move(problems);
            LX_CHECK(MemberNames(tx, s));
            SessionView view;
            view.can_edit = MayRecordIn(actor, s.org_path, s.grid_id);
            view.session = std::move(s);
            page.items.push_back(std::move(view));
        }
        page.next_after = more ? page.items.back().session.id : 0;
        return core::Ok();
    }));
    return page;
}

core::Result<std::int64_t> RaiseProblem(Context& ctx, const core::auth::Actor& actor, std::int64_t session_id, int seq,
                                        const RaiseInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventWrite));
    const auto now = ctx.clock.NowMillis();
    std::int64_t event_id = 0;
    LX_CHECK(ctx.db.Write(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(s, tx.Fieldwork().GetSession(session_id));
        if (!s || !MayRecordIn(actor, s->org_path, s->grid_id)) return core::Fail(core::NotFound("visit_session"));
        RaisePlace place;
        place.channel = core::event::Channel::kVisit;
        place.org_id = s->org_id;
        place.grid_id = s->grid_id;
        place.address = s->place;
        place.related = "民情面对面 #" + std::to_string(s->id) + " 第 " + std::to_string(seq) + " 条";
        LX_ASSIGN(id, RaiseItem(tx, actor, pt::ItemKind::kSession, s->id, s->org_path, seq, place, in, now));
        event_id = id;
        return core::Ok();
    }));
    return event_id;
}

}  // namespace lianxin::app
