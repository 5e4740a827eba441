// Party-mass service positions (migration 0012).
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::ports::PositionRecord;

namespace {
constexpr const char* kCols =
    "p.id, p.org_id, p.org_path, o.name, p.level, p.name, p.address, p.phone, p.note, p.lat_e6, p.lng_e6, p.area_m2, "
    "p.hours, p.services, p.valid_from, p.valid_to, p.version, p.created_at, p.updated_at";

std::string ServicesText(const std::vector<std::string>& s) {
    if (s.empty()) return "";
    std::string out = ",";
    for (const auto& x : s) out += x + ",";
    return out;
}

std::vector<std::string> ServicesFrom(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 1;
    while (start < text.size()) {
        const auto comma = text.find(',', start);
        if (comma == std::string::npos) break;
        if (comma > start) out.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

PositionRecord FromRow(const SqlRows& rows, std::size_t r) {
    PositionRecord p;
    p.id = rows.Int(r, 0);
    p.org_id = rows.Int(r, 1);
    p.org_path = rows.Text(r, 2);
    p.org_name = rows.Text(r, 3);
    p.level = core::org::ParsePositionLevel(rows.Text(r, 4)).value_or(core::org::PositionLevel::kCommunityCentre);
    p.name = rows.Text(r, 5);
    p.address = rows.Text(r, 6);
    p.phone = rows.Text(r, 7);
    p.note = rows.Text(r, 8);
    if (!rows.IsNull(r, 9)) p.point = core::org::GeoPoint{rows.Int(r, 9), rows.Int(r, 10)};
    if (!rows.IsNull(r, 11)) p.area_m2 = static_cast<int>(rows.Int(r, 11));
    p.hours = core::org::HoursFromText(rows.Text(r, 12));
    p.services = ServicesFrom(rows.Text(r, 13));
    p.valid_from = Date::Parse(rows.Text(r, 14)).value_or(Date());
    p.valid_to = OptDate(rows, r, 15);
    p.version = rows.Int(r, 16);
    p.created_at = rows.Int(r, 17);
    p.updated_at = rows.Int(r, 18);
    return p;
}

SqlParam LatOrNull(const PositionRecord& p) { return p.point ? SqlParam{p.point->lat_e6} : SqlParam{nullptr}; }
SqlParam LngOrNull(const PositionRecord& p) { return p.point ? SqlParam{p.point->lng_e6} : SqlParam{nullptr}; }
SqlParam AreaOrNull(const PositionRecord& p) {
    return p.area_m2 ? SqlParam{static_cast<std::int64_t>(*p.area_m2)} : SqlParam{nullptr};
}
}  // namespace

core::Result<std::int64_t> SqlPositionRepo::Insert(const PositionRecord& p) {
    LX_ASSIGN(rows, c_.Query("INSERT INTO service_positions (org_id, org_path, level, name, address, lat_e6, lng_e6, "
                             "area_m2, phone, hours, services, note, valid_from, valid_to, created_at, updated_at) "
                             "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16) RETURNING id",
                             {p.org_id, p.org_path, std::string(ToString(p.level)), p.name, p.address, LatOrNull(p),
                              LngOrNull(p), AreaOrNull(p), p.phone, core::org::HoursToText(p.hours),
                              ServicesText(p.services), p.note, p.valid_from.ToString(), DateOrNull(p.valid_to),
                              p.created_at, p.updated_at}));
    return rows.Int(0, 0);
}

core::Result<std::optional<PositionRecord>> SqlPositionRepo::Get(std::int64_t id) {
    LX_ASSIGN(rows, c_.Query(std::string("SELECT ") + kCols +
                                 " FROM service_positions p JOIN orgs o ON o.id = p.org_id WHERE p.id = $1",
                             {id}));
    if (rows.empty()) return std::optional<PositionRecord>{};
    return std::optional<PositionRecord>{FromRow(rows, 0)};
}

core::Status SqlPositionRepo::Update(const PositionRecord& p) {
    LX_ASSIGN(changed, c_.Exec("UPDATE service_positions SET level = $1, name = $2, address = $3, lat_e6 = $4, "
                               "lng_e6 = $5, area_m2 = $6, phone = $7, hours = $8, services = $9, note = $10, "
                               "updated_at = $11, version = version + 1 WHERE id = $12 AND version = $13",
                               {std::string(ToString(p.level)), p.name, p.address, LatOrNull(p), LngOrNull(p),
                                AreaOrNull(p), p.phone, core::org::HoursToText(p.hours), ServicesText(p.services),
                                p.note, p.updated_at, p.id, p.version}));
    if (changed != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", "position"));
    return core::Ok();
}

core::Status SqlPositionRepo::Close(const PositionRecord& p, const Date& on) {
    LX_ASSIGN(changed, c_.Exec("UPDATE service_positions SET valid_to = $1, version = version + 1 WHERE id = $2 AND "
                               "version = $3 AND valid_to IS NULL",
                               {on.ToString(), p.id, p.version}));
    if (changed != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", "position"));
    return core::Ok();
}

core::Result<std::vector<PositionRecord>> SqlPositionRepo::List(const core::ports::PositionQuery& q) {
    SqlParams params{q.as_of.ToString()};
    std::string scope = SubtreeFilter("p.org_path", q.scope_roots, params);
    for (const auto& path : q.also_orgs) {
        params.emplace_back(path);
        scope += " OR p.org_path = $" + std::to_string(params.size());
    }
    std::string where = "p.valid_from <= $1 AND (p.valid_to IS NULL OR p.valid_to > $1) AND (" + scope + ")";
    if (!q.subtree.empty()) where += " AND " + SubtreeFilter("p.org_path", {q.subtree}, params);
    if (q.level) {
        params.emplace_back(std::string(ToString(*q.level)));
        where += " AND p.level = $" + std::to_string(params.size());
    }
    LX_ASSIGN(rows, c_.Query(std::string("SELECT ") + kCols +
                                 " FROM service_positions p JOIN orgs o ON o.id = p.org_id WHERE " + where +
                                 " ORDER BY p.org_path, p.id LIMIT " + std::to_string(q.limit),
                             params));
    std::vector<PositionRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(FromRow(rows, r));
    return out;
}

core::Result<int> SqlPositionRepo::MoveAll(std::int64_t from_org, const core::org::Org& to) {
    LX_ASSIGN(n, c_.Exec("UPDATE service_positions SET org_id = $1, org_path = $2, version = version + 1 "
                         "WHERE org_id = $3 AND valid_to IS NULL",
                         {to.id, to.path, from_org}));
    return static_cast<int>(n);
}

core::Result<int> SqlPositionRepo::CloseAll(std::int64_t org_id, const Date& on) {
    LX_ASSIGN(n, c_.Exec("UPDATE service_positions SET valid_to = $1, version = version + 1 WHERE org_id = $2 AND "
                         "valid_to IS NULL",
                         {on.ToString(), org_id}));
    return static_cast<int>(n);
}

}  // namespace lianxin::storage
