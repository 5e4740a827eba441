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

constexpr const char* kCols =
    "o.id, o.kind, o.name, o.host_org_id, o.host_org_path, coalesce(g.name, ''), o.founded_on, "
    "o.meeting_period_months, o.last_meeting_on, o.rotation_period_months, o.rotation_start, o.note, o.version";
constexpr std::size_t kColCount = 13;
// A unit active on $1, as a condition on overlay_units "u".
constexpr const char* kUnitActive = "u.joined_on <= $1 AND (u.left_on IS NULL OR u.left_on > $1)";
constexpr const char* kLinkOpen = "l.valid_from <= $1 AND (l.valid_to IS NULL OR l.valid_to > $1)";

Overlay OverlayFromRow(const SqlRows& rows, std::size_t r) {
    Overlay o;
    o.id = rows.Int(r, 0);
    o.kind = core::org::ParseOverlayKind(rows.Text(r, 1)).value_or(core::org::OverlayKind::kBigPartyCommittee);
    o.name = rows.Text(r, 2);
    o.host_org_id = rows.Int(r, 3);
    o.host_org_path = rows.Text(r, 4);
    o.host_org_name = rows.Text(r, 5);
    o.founded_on = Date::Parse(rows.Text(r, 6)).value_or(Date());
    o.meeting_period_months = static_cast<int>(rows.Int(r, 7));
    o.last_meeting_on = OptDate(rows, r, 8);
    o.rotation.period_months = static_cast<int>(rows.Int(r, 9));
    o.rotation.start = OptDate(rows, r, 10);
    o.note = rows.Text(r, 11);
    o.version = rows.Int(r, 12);
    return o;
}

MemberUnit UnitFromRow(const SqlRows& rows, std::size_t r) {
    MemberUnit u;
    u.id = rows.Int(r, 0);
    u.overlay_id = rows.Int(r, 1);
    u.name = rows.Text(r, 2);
    u.type = core::org::ParseUnitType(rows.Text(r, 3)).value_or(core::org::UnitType::kOther);
    u.uscc = rows.Text(r, 4);
    u.address = rows.Text(r, 5);
    u.two_new = rows.Int(r, 6) != 0;
    u.joined_on = Date::Parse(rows.Text(r, 7)).value_or(Date());
    u.left_on = OptDate(rows, r, 8);
    u.head = {rows.Text(r, 9), rows.Text(r, 10), rows.Int(r, 11)};
    return u;
}

}  // namespace

core::Result<std::optional<Overlay>> SqlOverlayRepo::Get(std::int64_t id) {
    LX_ASSIGN(rows, c_.Query(std::string("SELECT ") + kCols +
                                 " FROM overlays o LEFT JOIN orgs g ON g.id = o.host_org_id WHERE o.id = $1",
                             {id}));
    if (rows.empty()) return std::optional<Overlay>();
    Overlay o = OverlayFromRow(rows, 0);
    LX_ASSIGN(order, c_.Query("SELECT id FROM overlay_units WHERE overlay_id = $1 AND roster_pos IS NOT NULL "
                              "ORDER BY roster_pos",
                              {id}));
    for (std::size_t r = 0; r < order.size(); ++r) o.rotation.order.push_back(order.Int(r, 0));
    return std::optional<Overlay>(std::move(o));
}

core::Result<std::vector<OverlaySummary>> SqlOverlayRepo::List(const core::ports::OverlayQuery& q) {
    SqlParams params{q.on.ToString()};
    std::string where = SubtreeFilter("o.host_org_path", q.scope_roots, params);
    if (!q.subtree.empty()) where += " AND " + SubtreeFilter("o.host_org_path", {q.subtree}, params);
    const std::string units = std::string("(SELECT count(*) FROM overlay_units u WHERE u.overlay_id = o.id AND ") +
                              kUnitActive;
    LX_ASSIGN(rows, c_.Query(std::string("SELECT ") + kCols + ", " + units + "), " + units +
                                 " AND u.head_name <> ''), (SELECT count(*) FROM overlay_links l WHERE "
                                 "l.overlay_id = o.id AND " + kLinkOpen +
                                 ") FROM overlays o LEFT JOIN orgs g ON g.id = o.host_org_id WHERE " + where +
                                 " ORDER BY o.host_org_path, o.id LIMIT " + std::to_string(q.limit),
                             params));
    std::vector<OverlaySummary> out;
    std::map<std::int64_t, std::size_t> index;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        OverlaySummary s;
        s.overlay = OverlayFromRow(rows, r);
        s.counts = {1, static_cast<int>(rows.Int(r, kColCount)), static_cast<int>(rows.Int(r, kColCount + 1)),
                    static_cast<int>(rows.Int(r, kColCount + 2))};
        index[s.overlay.id] = out.size();
        out.push_back(std::move(s));
    }
    if (out.empty()) return out;
    // The rotation orders of the listed overlays, in one pass over the scope.
    SqlParams oparams;
    const std::string scope = SubtreeFilter("o.host_org_path", q.scope_roots, oparams);
    LX_ASSIGN(order, c_.Query("SELECT u.overlay_id, u.id FROM overlay_units u JOIN overlays o ON o.id = u.overlay_id "
                              "WHERE u.roster_pos IS NOT NULL AND " + scope + " ORDER BY u.overlay_id, u.roster_pos",
                              oparams));
    for (std::size_t r = 0; r < order.size(); ++r)
        if (auto it = index.find(order.Int(r, 0)); it != index.end())
            out[it->second].overlay.rotation.order.push_back(order.Int(r, 1));
    return out;
}

core::Result<std::int64_t> SqlOverlayRepo::Insert(const Overlay& o, std::int64_t by, std::int64_t at) {
    LX_ASSIGN(rows, c_.Query("INSERT INTO overlays (kind, name, host_org_id, host_org_path, founded_on, "
                             "meeting_period_months, last_meeting_on, rotation_period_months, rotation_start, note, "
                             "created_by, created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$12) "
                             "RETURNING id",
                             {std::string(ToString(o.kind)), o.name, o.host_org_id, o.host_org_path,
                              o.founded_on.ToString(), std::int64_t{o.meeting_period_months},
                              DateOrNull(o.last_meeting_on), std::int64_t{o.rotation.period_months},
                              DateOrNull(o.rotation.start), o.note, by, at}));
    return rows.Int(0, 0);
}

core::Status SqlOverlayRepo::Update(const Overlay& o, std::int64_t at) {
    LX_ASSIGN(n, c_.Exec("UPDATE overlays SET kind = $1, name = $2, founded_on = $3, meeting_period_months = $4, "
                         "last_meeting_on = $5, rotation_period_months = $6, rotation_start = $7, note = $8, "
                         "version = version + 1, updated_at = $9 WHERE id = $10 AND version = $11",
                         {std::string(ToString(o.kind)), o.name, o.founded_on.ToString(),
                          std::int64_t{o.meeting_period_months}, DateOrNull(o.last_meeting_on),
                          std::int64_t{o.rotation.period_months}, DateOrNull(o.rotation.start), o.note, at, o.id,
                          o.version}));
    if (n != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "overlay.changed"));
    return core::Ok();
}

core::Result<std::vector<MemberUnit>> SqlOverlayRepo::Units(std::int64_t overlay_id) {
    LX_ASSIGN(rows, c_.Query("SELECT id, overlay_id, name, unit_type, uscc, address, two_new, joined_on, left_on, "
                             "head_name, head_post, coalesce(head_member_id, 0) FROM overlay_units "
                             "WHERE overlay_id = $1 ORDER BY joined_on, id",
                             {overlay_id}));
    std::vector<MemberUnit> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(UnitFromRow(rows, r));
    return out;
}

core::Result<std::int64_t> SqlOverlayRepo::InsertUnit(const MemberUnit& u, std::int64_t by, std::int64_t at) {
    LX_ASSIGN(rows, c_.Query("INSERT INTO overlay_units (overlay_id, name, unit_type, uscc, address, two_new, "
                             "joined_on, left_on, head_name, head_post, head_member_id, created_by, created_at) "
                             "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) RETURNING id",
                             {u.overlay_id, u.name, std::string(ToString(u.type)), u.uscc, u.address,
                              std::int64_t{u.two_new ? 1 : 0}, u.joined_on.ToString(), DateOrNull(u.left_on),
                              u.head.name, u.head.post, IdOrNull(u.head.member_id), by, at}));
    return rows.Int(0, 0);
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
    LX_ASSIGN(rows, c_.Query(std::string("SELECT l.overlay_id, l.member_id, m.name, m.org_id, g.name, m.org_path, "
                                         "l.valid_from, l.valid_to FROM overlay_links l "
                                         "JOIN members m ON m.id = l.member_id JOIN orgs g ON g.id = m.org_id "
                                         "WHERE l.overlay_id = $2 AND ") +
                                 kLinkOpen + " ORDER BY m.name, m.id",
                             {on.ToString(), overlay_id}));
    std::vector<OverlayLink> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        OverlayLink l;
        l.overlay_id = rows.Int(r, 0);
        l.member_id = rows.Int(r, 1);
        l.member_name = rows.Text(r, 2);
        l.org_id = rows.Int(r, 3);
        l.org_name = rows.Text(r, 4);
        l.org_path = rows.Text(r, 5);
        l.valid_from = Date::Parse(rows.Text(r, 6)).value_or(Date());
        l.valid_to = OptDate(rows, r, 7);
        out.push_back(std::move(l));
    }
    return out;
}

core::Result<int> SqlOverlayRepo::Link(std::int64_t overlay_id, const std::vector<std::int64_t>& member_ids,
                                       const Date& from, std::int64_t by, std::int64_t at) {
    LX_ASSIGN(open, c_.Query("SELECT member_id FROM overlay_links WHERE overlay_id = $1 AND valid_to IS NULL",
                             {overlay_id}));
    std::set<std::int64_t> linked;
    for (std::size_t r = 0; r < open.size(); ++r) linked.insert(open.Int(r, 0));
    int added = 0;
    for (auto id : member_ids) {
        if (!linked.insert(id).second) continue;
        LX_CHECK(c_.Exec("INSERT INTO overlay_links (overlay_id, member_id, valid_from, created_by, created_at) "
                         "VALUES ($1,$2,$3,$4,$5)",
                         {overlay_id, id, from.ToString(), by, at}));
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
    const std::string sql = "SELECT (SELECT count(*) FROM overlays o WHERE " + in() + "), (" + units + " AND " + in() +
                            "), (" + units + " AND u.head_name <> '' AND " + in() +
                            "), (SELECT count(DISTINCT l.member_id) FROM overlay_links l JOIN overlays o ON "
                            "o.id = l.overlay_id WHERE " + kLinkOpen + " AND " + in() + ")";
    LX_ASSIGN(rows, c_.Query(sql, params));
    return core::org::OverlayCounts{static_cast<int>(rows.Int(0, 0)), static_cast<int>(rows.Int(0, 1)),
                                    static_cast<int>(rows.Int(0, 2)), static_cast<int>(rows.Int(0, 3))};
}

core::Result<int> SqlOverlayRepo::MoveHost(std::int64_t from, const core::org::Org& to) {
    LX_ASSIGN(n, c_.Exec("UPDATE overlays SET host_org_id = $1, host_org_path = $2, version = version + 1 "
                         "WHERE host_org_id = $3",
                         {to.id, to.path, from}));
    return static_cast<int>(n);
}

}  // namespace lianxin::storage
