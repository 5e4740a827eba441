// 日巡 patrols and visits (docs/api.md "Patrols and visits").
#include "app/patrol/patrols.hpp"
#include "app/visit/visits.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/body.hpp"
#include "http/json/dto.hpp"
#include "http/json/fieldwork_dto.hpp"

namespace lianxin::http::handlers {

namespace {

app::RaiseInput ReadRaise(JsonBody& body) {
    app::RaiseInput in;
    in.category_code = body.Str("category_code", false, 64);
    in.urgency = body.Str("urgency", false, 16);
    return in;
}

core::Result<app::VisitListInput> VisitList(const Request& req) {
    app::VisitListInput in;
    LX_ASSIGN(limit, LimitParam(req));
    LX_ASSIGN(after, IdParam(req, "cursor"));
    LX_ASSIGN(grid, IdParam(req, "grid_id"));
    LX_ASSIGN(org, IdParam(req, "org_id"));
    LX_ASSIGN(from, TextParam(req, "from", 10));
    LX_ASSIGN(to, TextParam(req, "to", 10));
    in.limit = limit;
    in.after_id = after;
    in.grid_id = grid;
    in.org_id = org;
    in.from = from;
    in.to = to;
    return in;
}

// The seq of an item in the path (digits: the router checked); a seq beyond int reads as none.
int SeqParam(const Request& req) {
    const auto seq = PathId(req, "seq");
    return seq > 100000 ? 0 : static_cast<int>(seq);
}

Response Raised(std::int64_t event_id) { return JsonResponse({{"event_id", event_id}}, 201); }

}  // namespace

core::Result<Response> ListPatrols(Call& call) {
    app::PatrolListInput in;
    LX_ASSIGN(limit, LimitParam(call.req));
    LX_ASSIGN(after, IdParam(call.req, "cursor"));
    LX_ASSIGN(grid, IdParam(call.req, "grid_id"));
    LX_ASSIGN(org, IdParam(call.req, "org_id"));
    LX_ASSIGN(worker, IdParam(call.req, "worker_user_id"));
    LX_ASSIGN(from, TextParam(call.req, "from", 10));
    LX_ASSIGN(to, TextParam(call.req, "to", 10));
    in.limit = limit;
    in.after_id = after;
    in.grid_id = grid;
    in.org_id = org;
    in.worker_user_id = worker;
    in.from = from;
    in.to = to;
    LX_ASSIGN(page, app::ListPatrols(call.ctx, call.actor(), in));
    nlohmann::json items = nlohmann::json::array();
    for (std::size_t i = 0; i < page.items.size(); ++i)
        items.push_back(PatrolJson(page.items[i], page.findings[i], false, false));
    return JsonResponse({{"items", items}, {"next_cursor", CursorJson(page.next_after)}});
}

core::Result<Response> StartPatrol(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    app::PatrolInput in;
    in.grid_id = body.Int("grid_id", true);
    in.day = body.Str("day", false, 10);
    in.start_time = body.Str("start_time", true, 5);
    in.end_time = body.Str("end_time", false, 5);
    in.route = body.Str("route", false, 2000);
    in.note = body.Str("note", false, 4000);
    LX_CHECK(body.Finish());
    LX_ASSIGN(id, app::StartPatrol(call.ctx, call.actor(), in));
    return JsonResponse({{"id", id}}, 201);
}

core::Result<Response> PatrolDuty(Call& call) {
    LX_ASSIGN(org, IdParam(call.req, "org_id"));
    LX_ASSIGN(on, AsOfParam(call.req, call.ctx.clock.Today()));
    LX_ASSIGN(duty, app::PatrolDuty(call.ctx, call.actor(), org, on));
    return JsonResponse(DutyJson(duty));
}

core::Result<Response> GetPatrol(Call& call) {
    LX_ASSIGN(v, app::GetPatrol(call.ctx, call.actor(), PathId(call.req, "id")));
    return JsonResponse(PatrolJson(v.patrol, 0, v.can_edit, true));
}

core::Result<Response> UpdatePatrol(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    const auto version = static_cast<int>(body.Int("version", true));
    app::PatrolInput in;
    in.end_time = body.Str("end_time", false, 5);
    in.route = body.Str("route", false, 2000);
    in.note = body.Str("note", false, 4000);
    LX_CHECK(body.Finish());
    const auto id = PathId(call.req, "id");
    LX_CHECK(app::UpdatePatrol(call.ctx, call.actor(), id, version, in));
    LX_ASSIGN(v, app::GetPatrol(call.ctx, call.actor(), id));
    return JsonResponse(PatrolJson(v.patrol, 0, v.can_edit, true));
}

core::Result<Response> AddPatrolFinding(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    auto item = ReadItem(body);
    LX_CHECK(body.Finish());
    LX_ASSIGN(seq, app::AddFinding(call.ctx, call.actor(), PathId(call.req, "id"), item));
    return JsonResponse({{"seq", seq}}, 201);
}

core::Result<Response> RaisePatrolFinding(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    auto in = ReadRaise(body);
    LX_CHECK(body.Finish());
    LX_ASSIGN(id, app::RaiseFinding(call.ctx, call.actor(), PathId(call.req, "id"), SeqParam(call.req), in));
    return Raised(id);
}

core::Result<Response> EventOrigin(Call& call) {
    LX_ASSIGN(origin, app::EventOrigin(call.ctx, call.actor(), PathId(call.req, "id")));
    return JsonResponse(OriginJson(origin));
}

core::Result<Response> ListVisitClears(Call&) { return JsonResponse(ClearsJson()); }

core::Result<Response> ListHouseholdVisits(Call& call) {
    LX_ASSIGN(in, VisitList(call.req));
    LX_ASSIGN(page, app::ListVisits(call.ctx, call.actor(), in));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : page.items) items.push_back(HouseholdVisitJson(v, false));
    return JsonResponse({{"items", items}, {"next_cursor", CursorJson(page.next_after)}});
}

core::Result<Response> RecordHouseholdVisit(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    app::HouseholdVisitInput in;
    in.grid_id = body.Int("grid_id", true);
    in.day = body.Str("day", false, 10);
    in.building = body.Str("building", true, 200);
    in.door = body.Str("door", false, 120);
    in.resident_name = body.Str("resident_name", false, 120);
    in.resident_phone = body.Str("resident_phone", false, 32);
    in.visitor_member_id = body.Int("visitor_member_id", false);
    in.note = body.Str("note", false, 4000);
    if (auto clears = body.Object("clears")) {
        for (const auto& c : core::visit::Clears()) {
            const std::string code(c.code);
            if (auto a = clears->OptStr(code, 16)) in.clears.emplace_back(code, *a);
        }
        body.Absorb(*clears);  // an unknown code is refused as an unknown field "clears.<code>"
    }
    for (auto& n : body.Objects("needs", 20)) {
        in.needs.push_back(ReadItem(n));
        body.Absorb(n);
    }
    LX_CHECK(body.Finish());
    LX_ASSIGN(id, app::RecordVisit(call.ctx, call.actor(), in));
    return JsonResponse({{"id", id}}, 201);
}

core::Result<Response> GetHouseholdVisit(Call& call) {
    LX_ASSIGN(v, app::ViewVisit(call.ctx, call.actor(), PathId(call.req, "id")));
    Response r = JsonResponse(HouseholdVisitJson(v.value, true));
    r.audit = std::move(v.entry);
    return r;
}

core::Result<Response> RaiseHouseholdNeed(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    auto in = ReadRaise(body);
    LX_CHECK(body.Finish());
    LX_ASSIGN(id, app::RaiseNeed(call.ctx, call.actor(), PathId(call.req, "id"), SeqParam(call.req), in));
    return Raised(id);
}

core::Result<Response> ListVisitSessions(Call& call) {
    LX_ASSIGN(in, VisitList(call.req));
    LX_ASSIGN(page, app::ListSessions(call.ctx, call.actor(), in));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& s : page.items) items.push_back(SessionJson(s, false));
    return JsonResponse({{"items", items}, {"next_cursor", CursorJson(page.next_after)}});
}

core::Result<Response> RecordVisitSession(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    app::SessionInput in;
    in.org_id = body.Int("org_id", true);
    in.grid_id = body.Int("grid_id", false);
    in.day = body.Str("day", false, 10);
    in.place = body.Str("place", true, 400);
    in.topic = body.Str("topic", false, 400);
    in.member_ids = body.IdList("member_ids", 200);
    in.residents_count = body.Count("residents_count", 0, 10000);
    in.residents_text = body.Str("residents_text", false, 800);
    in.note = body.Str("note", false, 4000);
    for (auto& p : body.Objects("problems", 50)) {
        in.problems.push_back(ReadItem(p));
        body.Absorb(p);
    }
    LX_CHECK(body.Finish());
    LX_ASSIGN(id, app::RecordSession(call.ctx, call.actor(), in));
    return JsonResponse({{"id", id}}, 201);
}

core::Result<Response> GetVisitSession(Call& call) {
    LX_ASSIGN(v, app::GetSession(call.ctx, call.actor(), PathId(call.req, "id")));
    return JsonResponse(SessionJson(v, true));
}

core::Result<Response> RaiseSessionProblem(Call& call) {
    LX_ASSIGN(body, JsonBody::Parse(call.req.body));
    auto in = ReadRaise(body);
    LX_CHECK(body.Finish());
    LX_ASSIGN(id, app::RaiseProblem(call.ctx, call.actor(), PathId(call.req, "id"), SeqParam(call.req), in));
    return Raised(id);
}

}  // namespace lianxin::http::handlers
