// 日巡 patrols, 民情面对面 sessions, 大走访 household visits and their items (migration 0035; core/patrol, core/visit).
// Residents' names and phones and the 六清楚 answers are encrypted at rest; coordinates are integer micro-degrees;
// photo ids and member ids comma lists.
#include <cmath>

#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

namespace pt = core::patrol;
namespace vi = core::visit;
using core::ports::ItemOrigin;

namespace {
constexpr std::string_view kPatrolNames[] = {"id",          "grid_id",    "org_id",     "org_path", "day",
                                             "start_time",  "end_time",   "route",      "note",     "worker_user_id",
                                             "worker_name", "created_at", "updated_at", "version"};
constexpr Columns kPatrol{"patrols", kPatrolNames};

constexpr std::string_view kSessionNames[] = {
    "id",    "org_id",     "org_path",        "grid_id",         "day",
    "place", "topic",      "member_ids",      "residents_count", "residents_text",
    "note",  "created_by", "created_by_name", "created_at",      "version"};
constexpr Columns kSession{"visit_sessions", kSessionNames};

constexpr std::string_view kVisitNames[] = {"id",
                                            "grid_id",
                                            "org_id",
                                            "org_path",
                                            "day",
                                            "building",
                                            "door",
                                            "resident_name_enc",
                                            "resident_phone_enc",
                                            "visitor_member_id",
                                            "visitor_user_id",
                                            "visitor_name",
                                            "clears_enc",
                                            "clears_known",
                                            "note",
                                            "created_by",
                                            "created_at",
                                            "version"};
constexpr Columns kVisit{"household_visits", kVisitNames};

constexpr std::string_view kItemNames[] = {"kind",   "record_id",     "seq",      "text",       "photo_ids", "lng_e6",
                                           "lat_e6", "category_code", "event_id", "created_by", "created_at"};
constexpr Columns kItem{"fieldwork_items", kItemNames};

std::optional<pt::ItemKind> KindOf(const std::string& s) {
    for (auto k : {pt::ItemKind::kPatrol, pt::ItemKind::kSession, pt::ItemKind::kVisit})
        if (pt::ToString(k) == s) return k;
    return std::nullopt;
}

// The WHERE of a scoped list: the record's org path in a root, an optional subtree, grid and days; keyset by id.
std::string ScopedWhere(const char* alias, const std::vector<std::string>& roots, const std::string& subtree,
                        std::int64_t grid_id, const std::optional<core::Date>& from,
                        const std::optional<core::Date>& to, std::int64_t after_id, SqlParams& params) {
    auto add = [&](SqlParam p) {
        params.push_back(std::move(p));
        return "$" + std::to_string(params.size());
    };
    const std::string a = alias;
    std::string where = "WHERE (" + SubtreeFilter(a + ".org_path", roots, params) + ")";
    if (!subtree.empty()) where += " AND (" + SubtreeFilter(a + ".org_path", {subtree}, params) + ")";
    if (grid_id) where += " AND " + a + ".grid_id = " + add(grid_id);
    if (from) where += " AND " + a + ".day >= " + add(from->ToString());
    if (to) where += " AND " + a + ".day <= " + add(to->ToString());
    if (after_id > 0) where += " AND " + a + ".id < " + add(after_id);
    return where;
}
}  // namespace

// ---- 日巡 ----

core::Result<std::int64_t> SqlFieldworkRepo::InsertPatrol(const pt::Patrol& p) {
    SqlValues v(kPatrol);
    v.Set("grid_id", p.grid_id).Set("org_id", p.org_id).Set("org_path", p.org_path).Set("day", p.day.ToString());
    v.Set("start_time", p.start_time).Set("end_time", p.end_time).Set("route", p.route).Set("note", p.note);
    v.Set("worker_user_id", p.worker_user_id).Set("worker_name", p.worker_name);
    v.Set("created_at", p.created_at).Set("updated_at", p.updated_at);
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    return rows.Row(0).Int("id");
}

core::Result<std::vector<pt::Patrol>> SqlFieldworkRepo::ReadPatrols(const std::string& where, const SqlParams& params) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kPatrol.Select("p") +
                                 ", g.code AS grid_code, g.name AS grid_name, o.name AS org_name FROM patrols p "
                                 "JOIN grids g ON g.id = p.grid_id JOIN orgs o ON o.id = p.org_id " +
                                 where,
                             params));
    std::vector<pt::Patrol> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        pt::Patrol p;
        p.id = row.Int("id");
        p.grid_id = row.Int("grid_id");
        p.grid_code = row.Text("grid_code");
        p.grid_name = row.Text("grid_name");
        p.org_id = row.Int("org_id");
        p.org_path = row.Text("org_path");
        p.org_name = row.Text("org_name");
        p.day = DateOf(row, "day");
        p.start_time = row.Text("start_time");
        p.end_time = row.Text("end_time");
        p.route = row.Text("route");
        p.note = row.Text("note");
        p.worker_user_id = row.Int("worker_user_id");
        p.worker_name = row.Text("worker_name");
        p.created_at = row.Int("created_at");
        p.updated_at = row.Int("updated_at");
        p.version = static_cast<int>(row.Int("version"));
        out.push_back(std::move(p));
    }
    return out;
}

core::Result<std::optional<pt::Patrol>> SqlFieldworkRepo::GetPatrol(std::int64_t id) {
    LX_ASSIGN(found, ReadPatrols("WHERE p.id = $1", {id}));
    if (found.empty()) return std::optional<pt::Patrol>{};
    return std::optional<pt::Patrol>(std::move(found.front()));
}

core::Status SqlFieldworkRepo::UpdatePatrol(const pt::Patrol& p) {
    SqlValues v(kPatrol);
    v.Set("end_time", p.end_time).Set("route", p.route).Set("note", p.note).Set("updated_at", p.updated_at);
    const std::string where = " , version = version + 1 WHERE id = " + v.Param(p.id) +
                              " AND version = " + v.Param(std::int64_t{p.version});
    LX_ASSIGN(n, c_.Exec(v.Update() + where, v.Params()));
    if (n != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "fieldwork.changed_concurrently"));
    return core::Ok();
}

core::Result<std::vector<pt::Patrol>> SqlFieldworkRepo::ListPatrols(const core::ports::PatrolQuery& q) {
    SqlParams params;
    std::string where = ScopedWhere("p", q.scope_roots, q.subtree, q.grid_id, q.from, q.to, q.after_id, params);
    if (q.worker_user_id) {
        params.emplace_back(q.worker_user_id);
        where += " AND p.worker_user_id = $" + std::to_string(params.size());
    }
    where += " ORDER BY p.id DESC LIMIT " + std::to_string(q.limit);
    return ReadPatrols(where, params);
}

core::Result<std::vector<core::ports::PatrolCount>> SqlFieldworkRepo::CountPatrols(
    const std::vector<std::string>& scope_roots, const core::Date& from, const core::Date& to) {
    SqlParams params;
    const std::string where = ScopedWhere("p", scope_roots, "", 0, from, to, 0, params);
    LX_ASSIGN(rows, c_.Query("SELECT p.grid_id AS grid_id, p.day AS day, count(*) AS n FROM patrols p " + where +
                                 " GROUP BY p.grid_id, p.day ORDER BY p.grid_id, p.day",
                             params));
    std::vector<core::ports::PatrolCount> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        out.push_back({row.Int("grid_id"), DateOf(row, "day"), static_cast<int>(row.Int("n"))});
    }
    return out;
}

// ---- 民情面对面 ----

core::Result<std::int64_t> SqlFieldworkRepo::InsertSession(const vi::Session& s) {
    SqlValues v(kSession);
    std::vector<std::string> ids;
    for (auto id : s.member_ids) ids.push_back(std::to_string(id));
    v.Set("org_id", s.org_id).Set("org_path", s.org_path).Set("grid_id", IdOrNull(s.grid_id));
    v.Set("day", s.day.ToString()).Set("place", s.place).Set("topic", s.topic).Set("member_ids", Joined(ids));
    v.Set("residents_count", std::int64_t{s.residents_count}).Set("residents_text", s.residents_text);
    v.Set("note", s.note).Set("created_by", s.created_by).Set("created_by_name", s.created_by_name);
    v.Set("created_at", s.created_at);
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    return rows.Row(0).Int("id");
}

core::Result<std::vector<vi::Session>> SqlFieldworkRepo::ReadSessions(const std::string& where,
                                                                      const SqlParams& params) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kSession.Select("s") +
                                 ", o.name AS org_name FROM visit_sessions s JOIN orgs o ON o.id = s.org_id " + where,
                             params));
    std::vector<vi::Session> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        vi::Session s;
        s.id = row.Int("id");
        s.org_id = row.Int("org_id");
        s.org_path = row.Text("org_path");
        s.org_name = row.Text("org_name");
        s.grid_id = row.Int("grid_id");
        s.day = DateOf(row, "day");
        s.place = row.Text("place");
        s.topic = row.Text("topic");
        for (const auto& id : Split(row.Text("member_ids"))) s.member_ids.push_back(std::stoll(id));
        s.residents_count = static_cast<int>(row.Int("residents_count"));
        s.residents_text = row.Text("residents_text");
        s.note = row.Text("note");
        s.created_by = row.Int("created_by");
        s.created_by_name = row.Text("created_by_name");
        s.created_at = row.Int("created_at");
        s.version = static_cast<int>(row.Int("version"));
        out.push_back(std::move(s));
    }
    return out;
}

core::Result<std::optional<vi::Session>> SqlFieldworkRepo::GetSession(std::int64_t id) {
    LX_ASSIGN(found, ReadSessions("WHERE s.id = $1", {id}));
    if (found.empty()) return std::optional<vi::Session>{};
    return std::optional<vi::Session>(std::move(found.front()));
}

core::Result<std::vector<vi::Session>> SqlFieldworkRepo::ListSessions(const core::ports::VisitQuery& q) {
    SqlParams params;
    std::string where = ScopedWhere("s", q.scope_roots, q.subtree, q.grid_id, q.from, q.to, q.after_id, params);
    where += " ORDER BY s.id DESC LIMIT " + std::to_string(q.limit);
    return ReadSessions(where, params);
}

// ---- 大走访 ----

core::Result<std::int64_t> SqlFieldworkRepo::InsertVisit(const vi::HouseholdVisit& h) {
    SqlValues v(kVisit);
    v.Set("grid_id", h.grid_id).Set("org_id", h.org_id).Set("org_path", h.org_path).Set("day", h.day.ToString());
    v.Set("building", h.building).Set("door", h.door);
    v.Set("resident_name_enc", EncryptedOrNull(cipher_, h.resident_name));
    v.Set("resident_phone_enc", EncryptedOrNull(cipher_, h.resident_phone));
    v.Set("visitor_member_id", IdOrNull(h.visitor_member_id)).Set("visitor_user_id", IdOrNull(h.visitor_user_id));
    v.Set("visitor_name", h.visitor_name);
    v.Set("clears_enc", Blob{cipher_.Encrypt(vi::EncodeChecklist(h.clears))});
    v.Set("clears_known", std::int64_t{vi::KnownCount(h.clears)}).Set("note", h.note);
    v.Set("created_by", h.created_by).Set("created_at", h.created_at);
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    return rows.Row(0).Int("id");
}

core::Result<std::vector<vi::HouseholdVisit>> SqlFieldworkRepo::ReadVisits(const std::string& where,
                                                                           const SqlParams& params) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kVisit.Select("v") +
                                 ", g.code AS grid_code, g.name AS grid_name, o.name AS org_name "
                                 "FROM household_visits v JOIN grids g ON g.id = v.grid_id "
                                 "JOIN orgs o ON o.id = v.org_id " +
                                 where,
                             params));
    std::vector<vi::HouseholdVisit> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        vi::HouseholdVisit h;
        h.id = row.Int("id");
        h.grid_id = row.Int("grid_id");
        h.grid_code = row.Text("grid_code");
        h.grid_name = row.Text("grid_name");
        h.org_id = row.Int("org_id");
        h.org_path = row.Text("org_path");
        h.org_name = row.Text("org_name");
        h.day = DateOf(row, "day");
        h.building = row.Text("building");
        h.door = row.Text("door");
        LX_ASSIGN(name, DecryptedOrEmpty(cipher_, row, "resident_name_enc"));
        LX_ASSIGN(phone, DecryptedOrEmpty(cipher_, row, "resident_phone_enc"));
        LX_ASSIGN(clears, DecryptedOrEmpty(cipher_, row, "clears_enc"));
        h.resident_name = std::move(name);
        h.resident_phone = std::move(phone);
        auto list = vi::DecodeChecklist(clears);
        if (!list) return core::Fail(core::MakeError(core::ErrorCode::kInternal, "request.invalid"));
        h.clears = *list;
        h.visitor_member_id = row.Int("visitor_member_id");
        h.visitor_user_id = row.Int("visitor_user_id");
        h.visitor_name = row.Text("visitor_name");
        h.note = row.Text("note");
        h.created_by = row.Int("created_by");
        h.created_at = row.Int("created_at");
        h.version = static_cast<int>(row.Int("version"));
        out.push_back(std::move(h));
    }
    return out;
}

core::Result<std::optional<vi::HouseholdVisit>> SqlFieldworkRepo::GetVisit(std::int64_t id) {
    LX_ASSIGN(found, ReadVisits("WHERE v.id = $1", {id}));
    if (found.empty()) return std::optional<vi::HouseholdVisit>{};
    return std::optional<vi::HouseholdVisit>(std::move(found.front()));
}

core::Result<std::vector<vi::HouseholdVisit>> SqlFieldworkRepo::ListVisits(const core::ports::VisitQuery& q) {
    SqlParams params;
    std::string where = ScopedWhere("v", q.scope_roots, q.subtree, q.grid_id, q.from, q.to, q.after_id, params);
    where += " ORDER BY v.id DESC LIMIT " + std::to_string(q.limit);
    return ReadVisits(where, params);
}

// ---- items ----

core::Status SqlFieldworkRepo::InsertItem(pt::ItemKind kind, std::int64_t record_id, const pt::Item& item) {
    SqlValues v(kItem);
    v.Set("kind", std::string(pt::ToString(kind))).Set("record_id", record_id).Set("seq", std::int64_t{item.seq});
    v.Set("text", item.text).Set("photo_ids", Joined(item.photo_ids));
    v.Set("lng_e6", item.location ? SqlParam{static_cast<std::int64_t>(std::llround(item.location->lng * 1e6))}
                                  : SqlParam{nullptr});
    v.Set("lat_e6", item.location ? SqlParam{static_cast<std::int64_t>(std::llround(item.location->lat * 1e6))}
                                  : SqlParam{nullptr});
    v.Set("category_code", item.category_code).Set("event_id", IdOrNull(item.event_id));
    v.Set("created_by", item.created_by).Set("created_at", item.created_at);
    auto n = c_.Exec(v.Insert(), v.Params());
    if (!n && n.error().code == core::ErrorCode::kConflict)
        return core::Fail(core::MakeError(core::ErrorCode::kConflict, "fieldwork.changed_concurrently"));
    if (!n) return core::Fail(n.error());
    return core::Ok();
}

core::Result<std::vector<pt::Item>> SqlFieldworkRepo::Items(pt::ItemKind kind, std::int64_t record_id) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kItem.Select("i") +
                                 ", e.number AS event_number FROM fieldwork_items i "
                                 "LEFT JOIN events e ON e.id = i.event_id "
                                 "WHERE i.kind = $1 AND i.record_id = $2 ORDER BY i.seq",
                             {std::string(pt::ToString(kind)), record_id}));
    std::vector<pt::Item> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        pt::Item it;
        it.seq = static_cast<int>(row.Int("seq"));
        it.text = row.Text("text");
        it.photo_ids = Split(row.Text("photo_ids"));
        if (!row.IsNull("lng_e6"))
            it.location = core::event::Coordinates{static_cast<double>(row.Int("lng_e6")) / 1e6,
                                                   static_cast<double>(row.Int("lat_e6")) / 1e6};
        it.category_code = row.Text("category_code");
        it.event_id = row.Int("event_id");
        it.event_number = row.Text("event_number");
        it.created_by = row.Int("created_by");
        it.created_at = row.Int("created_at");
        out.push_back(std::move(it));
    }
    return out;
}

core::Status SqlFieldworkRepo::LinkEvent(pt::ItemKind kind, std::int64_t record_id, int seq, std::int64_t event_id) {
    LX_ASSIGN(n, c_.Exec("UPDATE fieldwork_items SET event_id = $1 WHERE kind = $2 AND record_id = $3 AND seq = $4 "
                         "AND event_id IS NULL",
                         {event_id, std::string(pt::ToString(kind)), record_id, std::int64_t{seq}}));
    if (n != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "fieldwork.item.raised"));
    return core::Ok();
}

core::Result<std::optional<ItemOrigin>> SqlFieldworkRepo::OriginOf(std::int64_t event_id) {
    LX_ASSIGN(rows, c_.Query("SELECT i.kind AS kind, i.record_id AS record_id, i.seq AS seq, "
                             "COALESCE(p.org_path, s.org_path, v.org_path) AS org_path, "
                             "COALESCE(p.day, s.day, v.day) AS day FROM fieldwork_items i "
                             "LEFT JOIN patrols p ON i.kind = 'patrol' AND p.id = i.record_id "
                             "LEFT JOIN visit_sessions s ON i.kind = 'session' AND s.id = i.record_id "
                             "LEFT JOIN household_visits v ON i.kind = 'visit' AND v.id = i.record_id "
                             "WHERE i.event_id = $1",
                             {event_id}));
    if (rows.size() == 0) return std::optional<ItemOrigin>{};
    const SqlRow row = rows.Row(0);
    ItemOrigin o;
    o.kind = KindOf(row.Text("kind")).value_or(pt::ItemKind::kPatrol);
    o.record_id = row.Int("record_id");
    o.seq = static_cast<int>(row.Int("seq"));
    o.org_path = row.Text("org_path");
    o.day = DateOf(row, "day");
    return std::optional<ItemOrigin>(o);
}

}  // namespace lianxin::storage
