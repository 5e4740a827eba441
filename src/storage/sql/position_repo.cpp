// Party-mass service positions (migration 0012).
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::ports::PositionRecord;

namespace {
// The position row, written once (storage/sql/columns.hpp); read with its org's name.
constexpr std::string_view kPositionNames[] = {
    "id",     "org_id",  "org_path", "level",    "name",       "address",  "phone",   "note",       "lat_e6",
    "lng_e6", "area_m2", "hours",    "services", "valid_from", "valid_to", "version", "created_at", "updated_at"};
constexpr Columns kPosition{"service_positions", kPositionNames};

std::string PositionSelect() {
    return "SELECT " + kPosition.Select("p") +
           ", o.name AS org_name FROM service_positions p JOIN orgs o ON "
           "o.id = p.org_id WHERE ";
}

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
    const SqlRow row = rows.Row(r);
    PositionRecord p;
    p.id = row.Int("id");
    p.org_id = row.Int("org_id");
    p.org_path = row.Text("org_path");
    p.org_name = row.Text("org_name");
    p.level = core::org::ParsePositionLevel(row.Text("level")).value_or(core::org::PositionLevel::kCommunityCentre);
    p.name = row.Text("name");
    p.address = row.Text("address");
    p.phone = row.Text("phone");
    p.note = row.Text("note");
    if (!row.IsNull("lat_e6")) p.point = core::org::GeoPoint{row.Int("lat_e6"), row.Int("lng_e6")};
    if (!row.IsNull("area_m2")) p.area_m2 = static_cast<int>(row.Int("area_m2"));
    p.hours = core::org::HoursFromText(row.Text("hours"));
    p.services = ServicesFrom(row.Text("services"));
    p.valid_from = DateOf(row, "valid_from");
    p.valid_to = OptDate(row, "valid_to");
    p.version = row.Int("version");
    p.created_at = row.Int("created_at");
    p.updated_at = row.Int("updated_at");
    return p;
}

SqlParam LatOrNull(const PositionRecord& p) { return p.point ? SqlParam{p.point->lat_e6} : SqlParam{nullptr}; }
SqlParam LngOrNull(const PositionRecord& p) { return p.point ? SqlParam{p.point->lng_e6} : SqlParam{nullptr}; }
SqlParam AreaOrNull(const PositionRecord& p) {
    return p.area_m2 ? SqlParam{static_cast<std::int64_t>(*p.area_m2)} : SqlParam{nullptr};
}

// The columns an edit changes, written by the insert and the update.
void SetEditable(SqlValues& v, const PositionRecord& p) {
    v.Set("level", std::string(ToString(p.level))).Set("name", p.name).Set("address", p.address);
    v.Set("lat_e6", LatOrNull(p)).Set("lng_e6", LngOrNull(p)).Set("area_m2", AreaOrNull(p)).Set("phone", p.phone);
    v.Set("hours", core::org::HoursToText(p.hours)).Set("services", ServicesText(p.services)).Set("note", p.note);
    v.Set("updated_at", p.updated_at);
}
}  // namespace

core::Result<std::int64_t> SqlPositionRepo::Insert(const PositionRecord& p) {
    SqlValues v(kPosition);
    v.Set("org_id", p.org_id).Set("org_path", p.org_path);
    SetEditable(v, p);
    v.Set("valid_from", p.valid_from.ToString()).Set("valid_to", DateOrNull(p.valid_to));
    v.Set("created_at", p.created_at);
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    return rows.Row(0).Int("id");
}

core::Result<std::optional<PositionRecord>> SqlPositionRepo::Get(std::int64_t id) {
    LX_ASSIGN(rows, c_.Query(PositionSelect() + "p.id = $1", {id}));
    if (rows.empty()) return std::optional<PositionRecord>{};
    return std::optional<PositionRecord>{FromRow(rows, 0)};
}

core::Status SqlPositionRepo::Update(const PositionRecord& p) {
    SqlValues v(kPosition);
    SetEditable(v, p);
    const std::string where = " WHERE id = " + v.Param(p.id) + " AND version = " + v.Param(p.version);
    LX_ASSIGN(changed, c_.Exec(v.Update() + ", version = version + 1" + where, v.Params()));
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
    LX_ASSIGN(rows, c_.Query(PositionSelect() + where + " ORDER BY p.org_path, p.id LIMIT " + std::to_string(q.limit),
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
