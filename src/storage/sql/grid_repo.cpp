// Grids, their teams and their effective-dated boundaries (migration 0028). The point lookup reads the
// bounding boxes through each engine's spatial index: SQLite's R*Tree virtual table grid_boxes (rtree_i32), a
// GiST index over box(...) of the box columns on PostgreSQL; core::grid::Covers then decides exactly.
#include <cmath>

#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::grid::Grid;
using core::grid::GridVersion;

namespace {
constexpr std::string_view kGridNames[] = {"id",
                                           "org_id",
                                           "org_path",
                                           "code",
                                           "name",
                                           "households",
                                           "residents",
                                           "buildings",
                                           "leader_member_id",
                                           "leader_user_id",
                                           "leader_name",
                                           "leader_phone",
                                           "covering_org_id",
                                           "covering_group_id",
                                           "note",
                                           "version",
                                           "created_at",
                                           "updated_at"};
constexpr Columns kGrid{"grids", kGridNames};
constexpr std::string_view kTeamNames[] = {"id",        "grid_id", "position", "role",  "post",
                                           "member_id", "user_id", "name",     "phone", "note"};
constexpr Columns kTeam{"grid_team", kTeamNames};
constexpr std::string_view kVersionNames[] = {"id",         "grid_id",    "boundary_wkt", "min_lng_e7",
                                              "min_lat_e7", "max_lng_e7", "max_lat_e7",   "area_m2",
                                              "valid_from", "valid_to",   "created_by",   "created_at"};
constexpr Columns kVersion{"grid_versions", kVersionNames};

// Names of buildings one a line (core refuses a line break in a name).
std::string Lines(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : "\n") + s;
    return out;
}
std::vector<std::string> FromLines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        out.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}

std::string GridSelect() {
    return "SELECT " + kGrid.Select("g") + ", o.name AS org_name FROM grids g JOIN orgs o ON o.id = g.org_id WHERE ";
}

Grid GridFromRow(const SqlRow& row) {
    Grid g;
    g.id = row.Int("id");
    g.org_id = row.Int("org_id");
    g.org_path = row.Text("org_path");
    g.org_name = row.Text("org_name");
    g.code = row.Text("code");
    g.name = row.Text("name");
    g.households = static_cast<int>(row.Int("households"));
    g.residents = static_cast<int>(row.Int("residents"));
    g.buildings = FromLines(row.Text("buildings"));
    g.leader = {row.Int("leader_member_id"), row.Int("leader_user_id"), row.Text("leader_name"),
                row.Text("leader_phone")};
    g.covering_org_id = row.Int("covering_org_id");
    g.covering_group_id = row.Int("covering_group_id");
    g.note = row.Text("note");
    g.version = row.Int("version");
    g.created_at = row.Int("created_at");
    g.updated_at = row.Int("updated_at");
    return g;
}

void SetEditable(SqlValues& v, const Grid& g) {
    v.Set("name", g.name).Set("households", std::int64_t{g.households}).Set("residents", std::int64_t{g.residents});
    v.Set("buildings", Lines(g.buildings)).Set("leader_member_id", IdOrNull(g.leader.member_id));
    v.Set("leader_user_id", IdOrNull(g.leader.user_id)).Set("leader_name", g.leader.name);
    v.Set("leader_phone", g.leader.phone).Set("covering_org_id", IdOrNull(g.covering_org_id));
    v.Set("covering_group_id", IdOrNull(g.covering_group_id)).Set("note", g.note).Set("updated_at", g.updated_at);
}

std::int64_t Down(double deg) { return static_cast<std::int64_t>(std::floor(deg * 1e7)); }
std::int64_t Up(double deg) { return static_cast<std::int64_t>(std::ceil(deg * 1e7)); }

core::Result<GridVersion> VersionFromRow(const SqlRow& row) {
    GridVersion v;
    v.id = row.Int("id");
    v.grid_id = row.Int("grid_id");
    LX_ASSIGN(b, core::grid::FromWkt(row.Text("boundary_wkt")));
    v.boundary = std::move(b);
    v.box = {row.Int("min_lng_e7") / 1e7, row.Int("min_lat_e7") / 1e7, row.Int("max_lng_e7") / 1e7,
             row.Int("max_lat_e7") / 1e7};
    v.area_m2 = static_cast<double>(row.Int("area_m2"));
    v.valid_from = DateOf(row, "valid_from");
    v.valid_to = OptDate(row, "valid_to");
    v.created_by = row.Int("created_by");
    v.created_at = row.Int("created_at");
    return v;
}

core::Result<std::vector<GridVersion>> Versions(const SqlRows& rows) {
    std::vector<GridVersion> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        LX_ASSIGN(v, VersionFromRow(rows.Row(r)));
        out.push_back(std::move(v));
    }
    return out;
}

const std::string kValidOn = "v.valid_from <= $1 AND (v.valid_to IS NULL OR v.valid_to > $1)";
}  // namespace

core::Status SqlGridRepo::WriteTeam(const Grid& g, std::int64_t grid_id) {
    LX_CHECK(c_.Exec("DELETE FROM grid_team WHERE grid_id = $1", {grid_id}));
    for (std::size_t i = 0; i < g.team.size(); ++i) {
        const auto& t = g.team[i];
        SqlValues v(kTeam);
        v.Set("grid_id", grid_id).Set("position", static_cast<std::int64_t>(i));
        v.Set("role", std::string(ToString(t.role))).Set("post", std::string(ToString(t.post)));
        v.Set("member_id", IdOrNull(t.person.member_id)).Set("user_id", IdOrNull(t.person.user_id));
        v.Set("name", t.person.name).Set("phone", t.person.phone).Set("note", t.note);
        LX_CHECK(c_.Exec(v.Insert(), v.Params()));
    }
    return core::Ok();
}

core::Status SqlGridRepo::ReadTeams(std::vector<Grid>& grids) {
    if (grids.empty()) return core::Ok();
    SqlParams params;
    std::string in;
    std::map<std::int64_t, Grid*> by_id;
    for (auto& g : grids) {
        params.emplace_back(g.id);
        in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
        by_id[g.id] = &g;
    }
    LX_ASSIGN(rows, c_.Query("SELECT " + kTeam.Select() + " FROM grid_team WHERE grid_id IN (" + in +
                                 ") ORDER BY grid_id, position",
                             params));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        core::grid::TeamEntry t;
        t.role = core::grid::ParseTeamRole(row.Text("role")).value_or(core::grid::TeamRole::kVolunteer);
        t.post = core::grid::ParsePostKind(row.Text("post")).value_or(core::grid::PostKind::kNone);
        t.person = {row.Int("member_id"), row.Int("user_id"), row.Text("name"), row.Text("phone")};
        t.note = row.Text("note");
        by_id.at(row.Int("grid_id"))->team.push_back(std::move(t));
    }
    return core::Ok();
}

core::Result<std::int64_t> SqlGridRepo::Insert(const Grid& g) {
    LX_ASSIGN(taken, c_.Query("SELECT id FROM grids WHERE code = $1", {g.code}));
    if (!taken.empty()) return core::Fail(core::InvalidField("code", "grid.code.taken", {{"code", g.code}}));
    SqlValues v(kGrid);
    v.Set("org_id", g.org_id).Set("org_path", g.org_path).Set("code", g.code);
    SetEditable(v, g);
    v.Set("created_at", g.created_at);
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    const auto id = rows.Row(0).Int("id");
    LX_CHECK(WriteTeam(g, id));
    return id;
}

core::Result<std::optional<Grid>> SqlGridRepo::Get(std::int64_t id) {
    LX_ASSIGN(rows, c_.Query(GridSelect() + "g.id = $1", {id}));
    if (rows.empty()) return std::optional<Grid>{};
    std::vector<Grid> one{GridFromRow(rows.Row(0))};
    LX_CHECK(ReadTeams(one));
    return std::optional<Grid>{std::move(one[0])};
}

core::Status SqlGridRepo::Update(const Grid& g) {
    SqlValues v(kGrid);
    SetEditable(v, g);
    const std::string where = " WHERE id = " + v.Param(g.id) + " AND version = " + v.Param(g.version);
    LX_ASSIGN(changed, c_.Exec(v.Update() + ", version = version + 1" + where, v.Params()));
    if (changed != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "grid.changed_concurrently"));
    return WriteTeam(g, g.id);
}

core::Result<std::vector<Grid>> SqlGridRepo::List(const core::ports::GridQuery& q) {
    SqlParams params;
    std::string where = "(" + SubtreeFilter("g.org_path", q.scope_roots, params);
    for (auto id : q.grid_ids) {  // a grid worker's grids (migration 0032)
        params.emplace_back(id);
        where += " OR g.id = $" + std::to_string(params.size());
    }
    for (const auto& path : q.community_paths) {  // a branch secretary's community
        params.emplace_back(path);
        where += " OR g.org_path = $" + std::to_string(params.size());
    }
    where += ")";
    if (!q.subtree.empty()) where += " AND " + SubtreeFilter("g.org_path", {q.subtree}, params);
    if (q.org_id) {
        params.emplace_back(q.org_id);
        where += " AND g.org_id = $" + std::to_string(params.size());
    }
    LX_ASSIGN(rows,
              c_.Query(GridSelect() + where + " ORDER BY g.org_path, g.code LIMIT " + std::to_string(q.limit), params));
    std::vector<Grid> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(GridFromRow(rows.Row(r)));
    LX_CHECK(ReadTeams(out));
    return out;
}

core::Result<std::int64_t> SqlGridRepo::InsertVersion(const GridVersion& gv) {
    SqlValues v(kVersion);
    const std::int64_t box[4] = {Down(gv.box.min_lng), Down(gv.box.min_lat), Up(gv.box.max_lng), Up(gv.box.max_lat)};
    v.Set("grid_id", gv.grid_id).Set("boundary_wkt", core::grid::ToWkt(gv.boundary));
    v.Set("min_lng_e7", box[0]).Set("min_lat_e7", box[1]).Set("max_lng_e7", box[2]).Set("max_lat_e7", box[3]);
    v.Set("area_m2", static_cast<std::int64_t>(std::llround(gv.area_m2)));
    v.Set("valid_from", gv.valid_from.ToString()).Set("valid_to", DateOrNull(gv.valid_to));
    v.Set("created_by", IdOrNull(gv.created_by)).Set("created_at", gv.created_at);
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    const auto id = rows.Row(0).Int("id");
    if (c_.dialect() == Dialect::kSqlite)  // PostgreSQL indexes the columns themselves (GiST, migration 0028)
        LX_CHECK(
            c_.Exec("INSERT INTO grid_boxes (id, min_lng_e7, max_lng_e7, min_lat_e7, max_lat_e7) VALUES "
                    "($1, $2, $3, $4, $5)",
                    {id, box[0], box[2], box[1], box[3]}));
    return id;
}

core::Status SqlGridRepo::CloseVersion(std::int64_t version_id, const Date& on) {
    LX_ASSIGN(changed, c_.Exec("UPDATE grid_versions SET valid_to = $1 WHERE id = $2 AND valid_to IS NULL",
                               {on.ToString(), version_id}));
    if (changed != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "grid.changed_concurrently"));
    return core::Ok();
}

core::Result<std::vector<GridVersion>> SqlGridRepo::Versions(std::int64_t grid_id) {
    LX_ASSIGN(rows,
              c_.Query("SELECT " + kVersion.Select() + " FROM grid_versions WHERE grid_id = $1 ORDER BY valid_from, id",
                       {grid_id}));
    return storage::Versions(rows);
}

core::Result<std::vector<GridVersion>> SqlGridRepo::VersionsOfOrg(std::int64_t org_id, const Date& on) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kVersion.Select("v") +
                                 " FROM grid_versions v JOIN grids g ON g.id = v.grid_id WHERE g.org_id = $2 AND " +
                                 kValidOn + " ORDER BY v.grid_id",
                             {on.ToString(), org_id}));
    return storage::Versions(rows);
}

core::Result<std::vector<core::ports::LocatedVersion>> SqlGridRepo::Locate(const core::grid::LngLat& p, const Date& on,
                                                                           const std::vector<std::string>& roots) {
    const auto lng = static_cast<std::int64_t>(std::llround(p.lng * 1e7));
    const auto lat = static_cast<std::int64_t>(std::llround(p.lat * 1e7));
    SqlParams params{on.ToString(), lng, lat};
    // The box test each engine's spatial index answers (the only SQL that differs between them).
    const std::string from =
        c_.dialect() == Dialect::kSqlite
            ? " FROM grid_boxes b JOIN grid_versions v ON v.id = b.id JOIN grids g ON g.id = v.grid_id WHERE "
              "b.min_lng_e7 <= $2 AND b.max_lng_e7 >= $2 AND b.min_lat_e7 <= $3 AND b.max_lat_e7 >= $3"
            : " FROM grid_versions v JOIN grids g ON g.id = v.grid_id WHERE box(point(v.min_lng_e7, v.min_lat_e7), "
              "point(v.max_lng_e7, v.max_lat_e7)) @> box(point($2, $3), point($2, $3))";
    const std::string scope = SubtreeFilter("g.org_path", roots, params);
    LX_ASSIGN(rows, c_.Query("SELECT " + kVersion.Select("v") + ", g.org_path AS org_path" + from + " AND " + kValidOn +
                                 " AND (" + scope + ") ORDER BY v.grid_id",
                             params));
    std::vector<core::ports::LocatedVersion> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        LX_ASSIGN(v, VersionFromRow(rows.Row(r)));
        out.push_back({std::move(v), rows.Row(r).Int("grid_id"), rows.Row(r).Text("org_path")});
    }
    return out;
}

}  // namespace lianxin::storage
