// Overlays, their member units and dual-identity links (migration 0011). Nothing here writes orgs or members.
#include <map>
#include <set>

#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::org::MemberUnit;
using core::org::Overlay;
using core::ports::OverlayLink;
using core::ports::OverlaySummary;

namespace {

// The overlay, unit and link rows, written once (storage/sql/columns.hpp); an overlay is read with its host's name.
constexpr std::string_view kOverlayNames[] = {"id",
                                              "kind",
                                              "name",
                                              "host_org_id",
                                              "host_org_path",
                                              "founded_on",
                                              "meeting_period_months",
                                              "last_meeting_on",
                                              "rotation_period_months",
                                              "rotation_start",
                                              "note",
                                              "version",
                                              "created_by",
                                              "created_at",
                                              "updated_at"};
constexpr Columns kOverlay{"overlays", kOverlayNames};
constexpr std::string_view kUnitNames[] = {"id",        "overlay_id",     "name",       "unit_type",  "uscc",
                                           "address",   "two_new",        "joined_on",  "left_on",    "head_name",
                                           "head_post", "head_member_id", "roster_pos", "created_by", "created_at"};
constexpr Columns kUnit{"overlay_units", kUnitNames};
constexpr std::string_view kLinkNames[] = {"id",       "overlay_id", "member_id", "valid_from",
                                           "valid_to", "created_by", "created_at"};
constexpr Columns kLink{"overlay_links", kLinkNames};

std::string OverlaySelect() { return "SELECT " + kOverlay.Select("o") + ", coalesce(g.name, '') AS host_org_name"; }
constexpr const char* kOverlayFrom = " FROM overlays o LEFT JOIN orgs g ON g.id = o.host_org_id WHERE ";
// A unit active on $1, as a condition on overlay_units "u".
constexpr const char* kUnitActive = "u.joined_on <= $1 AND (u.left_on IS NULL OR u.left_on > $1)";
constexpr const char* kLinkOpen = "l.valid_from <= $1 AND (l.valid_to IS NULL OR l.valid_to > $1)";

Overlay OverlayFromRow(const SqlRows& rows, std::size_t r) {
    const SqlRow row = rows.Row(r);
    Overlay o;
    o.id = row.Int("id");
    o.kind = core::org::ParseOverlayKind(row.Text("kind")).value_or(core::org::OverlayKind::kBigPartyCommittee);
    o.name = row.Text("name");
    o.host_org_id = row.Int("host_org_id");
    o.host_org_path = row.Text("host_org_path");
    o.host_org_name = row.Text("host_org_name");
    o.founded_on = DateOf(row, "founded_on");
    o.meeting_period_months = static_cast<int>(row.Int("meeting_period_months"));
    o.last_meeting_on = OptDate(row, "last_meeting_on");
    o.rotation.period_months = static_cast<int>(row.Int("rotation_period_months"));
    o.rotation.start = OptDate(row, "rotation_start");
    o.note = row.Text("note");
    o.version = row.Int("version");
    return o;
}

MemberUnit UnitFromRow(const SqlRows& rows, std::size_t r) {
    const SqlRow row = rows.Row(r);
    MemberUnit u;
    u.id = row.Int("id");
    u.overlay_id = row.Int("overlay_id");
    u.name = row.Text("name");
    u.type = core::org::ParseUnitType(row.Text("unit_type")).value_or(core::org::UnitType::kOther);
    u.uscc = row.Text("uscc");
    u.address = row.Text("address");
    u.two_new = row.Int("two_new") != 0;
    u.joined_on = DateOf(row, "joined_on");
    u.left_on = OptDate(row, "left_on");
    u.head = {row.Text("head_name"), row.Text("head_post"), row.Int("head_member_id")};  // 0 for none (null)
    return u;
}

// The columns an edit changes, written by the insert and the update.
void SetEditable(SqlValues& v, const Overlay& o) {
    v.Set("kind", std::string(ToString(o.kind))).Set("name", o.name).Set("founded_on", o.founded_on.ToString());
    v.Set("meeting_period_months", std::int64_t{o.meeting_period_months});
    v.Set("last_meeting_on", DateOrNull(o.last_meeting_on));
    v.Set("rotation_period_months", std::int64_t{o.rotation.period_months});
    v.Set("rotation_start", DateOrNull(o.rotation.start)).Set("note", o.note);
}

}  // namespace

core::Result<std::optional<Overlay>> SqlOverlayRepo::Get(std::int64_t id) {
    LX_ASSIGN(rows, c_.Query(OverlaySelect() + kOverlayFrom + "o.id = $1", {id}));
    if (rows.empty()) return std::optional<Overlay>();
    Overlay o = OverlayFromRow(rows, 0);
    LX_ASSIGN(order, c_.Query("SELECT id FROM overlay_units WHERE overlay_id = $1 AND roster_pos IS NOT NULL "
                              "ORDER BY roster_pos",
                              {id}));
    for (std::size_t r = 0; r < order.size(); ++r) o.rotation.order.push_back(order.Row(r).Int("id"));
    return std::optional<Overlay>(std::move(o));
}

core::Result<std::vector<OverlaySummary>> SqlOverlayRepo::List(const core::ports::OverlayQuery& q) {
    SqlParams params{q.on.ToString()};
    std::string where = SubtreeFilter("o.host_org_path", q.scope_roots, params);
    if (!q.subtree.empty()) where += " AND " + SubtreeFilter("o.host_org_path", {q.subtree}, params);
    const std::string units = std::string("(SELECT count(*) FROM overlay_units u WHERE u.overlay_id = o.id AND ") +
                              kUnitActive;
    LX_ASSIGN(rows, c_.Query(OverlaySelect() + ", " + units + ") AS units, " + units +
                                 " AND u.head_name <> '') AS units_with_head, (SELECT count(*) FROM overlay_links l "
                                 "WHERE l.overlay_id = o.id AND " +
                                 kLinkOpen + ") AS links" + kOverlayFrom + where +
                                 " ORDER BY o.host_org_path, o.id LIMIT " + std::to_string(q.limit),
                             params));
    std::vector<OverlaySummary> out;
    std::map<std::int64_t, std::size_t> index;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        OverlaySummary s;
        s.overlay = OverlayFromRow(rows, r);
        const SqlRow row = rows.Row(r);
        s.counts = {1, static_cast<int>(row.Int("units")), static_cast<int>(row.Int("units_with_head")),
                    static_cast<int>(row.Int("links"))};
        index[s.overlay.id] = out.size();
        out.push_back(std::move(s));
    }
    if (out.empty()) return out;
    // The rotation orders of the listed overlays, in one pass over the scope.
    SqlParams oparams;
    const std::string scope = SubtreeFilter("o.host_org_path", q.scope_roots, oparams);
    LX_ASSIGN(
        order,
        c_.Query(
            "SELECT u.overlay_id AS overlay_id, u.id AS id FROM overlay_units u JOIN overlays o ON o.id = u.overlay_id "
            "WHERE u.roster_pos IS NOT NULL AND " +
                scope + " ORDER BY u.overlay_id, u.roster_pos",
            oparams));
    for (std::size_t r = 0; r < order.size(); ++r)
        if (auto it = index.find(order.Row(r).Int("overlay_id")); it != index.end())
            out[it->second].overlay.rotation.order.push_back(order.Row(r).Int("id"));
    return out;
}

core::Result<std::int64_t> SqlOverlayRepo::Insert(const Overlay& o, std::int64_t by, std::int64_t at) {
    SqlValues v(kOverlay);
    SetEditable(v, o);
    v.Set("host_org_id", o.host_org_id).Set("host_org_path", o.host_org_path);
    v.Set("created_by", by).Set("created_at", at).Set("updated_at", at);
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    return rows.Row(0).Int("id");
}

core::Status SqlOverlayRepo::Update(const Overlay& o, std::int64_t at) {
    SqlValues v(kOverlay);
    SetEditable(v, o);
    v.Set("updated_at", at);
    const std::string where = " WHERE id = " + v.Param(o.id) + " AND version = " + v.Param(o.version);
    LX_ASSIGN(n, c_.Exec(v.Update() + ", version = version + 1" + where, v.Params()));
    if (n != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "overlay.changed"));
    return core::Ok();
}

core::Result<std::vector<MemberUnit>> SqlOverlayRepo::Units(std::int64_t overlay_id) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kUnit.Select() +
                                 " FROM overlay_units WHERE overlay_id = $1 "
                                 "ORDER BY joined_on, id",
                             {overlay_id}));
    std::vector<MemberUnit> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(UnitFromRow(rows, r));
    return out;
}

core::Result<std::int64_t> SqlOverlayRepo::InsertUnit(const MemberUnit& u, std::int64_t by, std::int64_t at) {
    SqlValues v(kUnit);
    v.Set("overlay_id", u.overlay_id).Set("name", u.name).Set("unit_type", std::string(ToString(u.type)));
    v.Set("uscc", u.uscc).Set("address", u.address).Set("two_new", std::int64_t{u.two_new ? 1 : 0});
    v.Set("joined_on", u.joined_on.ToString()).Set("left_on", DateOrNull(u.left_on)).Set("head_name", u.head.name);
    v.Set("head_post", u.head.post).Set("head_member_id", IdOrNull(u.head.member_id));
    v.Set("created_by", by).Set("created_at", at);
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    return rows.Row(0).Int("id");
}

core::Status SqlOverlayRepo::EndUnit(std::int64_t unit_id, const Date& on) {
    LX_ASSIGN(n, c_.Exec("UPDATE overlay_units SET left_on = $1, roster_pos = NULL WHERE id = $2 AND left_on IS NULL",
                         {on.ToString(), unit_id}));
    if (n != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "overlay.changed"));
    return core::Ok();
}

core::Status SqlOverlayRepo::SetRoster(std::int64_t overlay_id, const std::vector<std::int64_t>& order) {
    LX_CHECK(c_.Exec("UPDATE overlay_units SET roster_pos = NULL WHERE overlay_id = $1", {overlay_id}));
    for (std::size_t i = 0; i < order.size(); ++i) {
        LX_ASSIGN(n, c_.Exec("UPDATE overlay_units SET roster_pos = $1 WHERE id = $2 AND overlay_id = $3",
                             {static_cast<std::int64_t>(i), order[i], overlay_id}));
        if (n != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "overlay.changed"));
    }
    return core::Ok();
}

core::Result<std::vector<OverlayLink>> SqlOverlayRepo::Links(std::int64_t overlay_id, const Date& on) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kLink.Select("l") +
                                 ", m.name AS member_name, m.org_id AS org_id, "
                                 "g.name AS org_name, m.org_path AS org_path FROM overlay_links l "
                                 "JOIN members m ON m.id = l.member_id JOIN orgs g ON g.id = m.org_id "
                                 "WHERE l.overlay_id = $2 AND " +
                                 kLinkOpen + " ORDER BY m.name, m.id",
                             {on.ToString(), overlay_id}));
    std::vector<OverlayLink> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        OverlayLink l;
        l.overlay_id = row.Int("overlay_id");
        l.member_id = row.Int("member_id");
        l.member_name = row.Text("member_name");
        l.org_id = row.Int("org_id");
        l.org_name = row.Text("org_name");
        l.org_path = row.Text("org_path");
        l.valid_from = DateOf(row, "valid_from");
        l.valid_to = OptDate(row, "valid_to");
        out.push_back(std::move(l));
    }
    return out;
}

core::Result<int> SqlOverlayRepo::Link(std::int64_t overlay_id, const std::vector<std::int64_t>& member_ids,
                                       const Date& from, std::int64_t by, std::int64_t at) {
    LX_ASSIGN(open,
              c_.Query("SELECT member_id FROM overlay_links WHERE overlay_id = $1 AND valid_to IS NULL", {overlay_id}));
    std::set<std::int64_t> linked;
    for (std::size_t r = 0; r < open.size(); ++r) linked.insert(open.Row(r).Int("member_id"));
    int added = 0;
    for (auto id : member_ids) {
        if (!linked.insert(id).second) continue;
        SqlValues v(kLink);
        v.Set("overlay_id", overlay_id).Set("member_id", id).Set("valid_from", from.ToString());
        v.Set("created_by", by).Set("created_at", at);
        LX_CHECK(c_.Exec(v.Insert(), v.Params()));
        ++added;
    }
    return added;
}

core::Status SqlOverlayRepo::Unlink(std::int64_t overlay_id, std::int64_t member_id, const Date& on) {
    LX_ASSIGN(n, c_.Exec("UPDATE overlay_links SET valid_to = $1 WHERE overlay_id = $2 AND member_id = $3 "
                         "AND valid_to IS NULL",
                         {on.ToString(), overlay_id, member_id}));
    if (n != 1) return core::Fail(core::NotFound("member"));
    return core::Ok();
}

core::Result<core::org::OverlayCounts> SqlOverlayRepo::CountsIn(const std::string& path, const Date& on) {
    SqlParams params{on.ToString()};
    auto in = [&] { return SubtreeFilter("o.host_org_path", {path}, params); };
    const std::string units =
        std::string("SELECT count(*) FROM overlay_units u JOIN overlays o ON o.id = u.overlay_id WHERE ") + kUnitActive;
    const std::string sql = "SELECT (SELECT count(*) FROM overlays o WHERE " + in() + ") AS overlays, (" + units +
                            " AND " + in() + ") AS units, (" + units + " AND u.head_name <> '' AND " + in() +
                            ") AS units_with_head, (SELECT count(DISTINCT l.member_id) FROM overlay_links l JOIN "
                            "overlays o ON o.id = l.overlay_id WHERE " +
                            kLinkOpen + " AND " + in() + ") AS links";
    LX_ASSIGN(rows, c_.Query(sql, params));
    const SqlRow row = rows.Row(0);
    return core::org::OverlayCounts{static_cast<int>(row.Int("overlays")), static_cast<int>(row.Int("units")),
                                    static_cast<int>(row.Int("units_with_head")), static_cast<int>(row.Int("links"))};
}

core::Result<int> SqlOverlayRepo::MoveHost(std::int64_t from, const core::org::Org& to) {
    LX_ASSIGN(n, c_.Exec("UPDATE overlays SET host_org_id = $1, host_org_path = $2, version = version + 1 "
                         "WHERE host_org_id = $3",
                         {to.id, to.path, from}));
    return static_cast<int>(n);
}

}  // namespace lianxin::storage
