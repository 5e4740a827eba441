// Party groups of a branch and the units a joint branch covers (migration 0014).
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::ports::CoveredUnitRecord;
using core::ports::PartyGroupRecord;

namespace {
// The party group and covered unit rows, written once (storage/sql/columns.hpp); a group is read with its
// leader's name.
constexpr std::string_view kGroupNames[] = {"id",       "org_id",     "org_path",         "name",
                                            "scope",    "scope_name", "leader_member_id", "valid_from",
                                            "valid_to", "version",    "created_at"};
constexpr Columns kGroup{"party_groups", kGroupNames};
constexpr std::string_view kUnitNames[] = {"id",   "org_id",     "name",     "unit_type",
                                           "uscc", "valid_from", "valid_to", "created_at"};
constexpr Columns kUnit{"covered_units", kUnitNames};

std::string GroupSelect() {
    return "SELECT " + kGroup.Select("g") +
           ", coalesce(m.name, '') AS leader_name FROM party_groups g LEFT JOIN "
           "members m ON m.id = g.leader_member_id WHERE ";
}

PartyGroupRecord GroupFromRow(const SqlRows& rows, std::size_t r) {
    const SqlRow row = rows.Row(r);
    PartyGroupRecord g;
    g.id = row.Int("id");
    g.org_id = row.Int("org_id");
    g.org_path = row.Text("org_path");
    g.name = row.Text("name");
    g.scope = core::org::ParseGroupScope(row.Text("scope")).value_or(core::org::GroupScope::kOther);
    g.scope_name = row.Text("scope_name");
    g.leader_member_id = row.Int("leader_member_id");  // 0 for none (null)
    g.leader_name = row.Text("leader_name");
    g.valid_from = DateOf(row, "valid_from");
    g.valid_to = OptDate(row, "valid_to");
    g.version = row.Int("version");
    g.created_at = row.Int("created_at");
    return g;
}

CoveredUnitRecord UnitFromRow(const SqlRows& rows, std::size_t r) {
    const SqlRow row = rows.Row(r);
    CoveredUnitRecord u;
    u.id = row.Int("id");
    u.org_id = row.Int("org_id");
    u.name = row.Text("name");
    u.type = core::org::ParseUnitType(row.Text("unit_type")).value_or(core::org::UnitType::kOther);
    u.uscc = row.Text("uscc");
    u.valid_from = DateOf(row, "valid_from");
    u.valid_to = OptDate(row, "valid_to");
    u.created_at = row.Int("created_at");
    return u;
}

core::Status OneRow(std::int64_t changed, const char* what) {
    if (changed != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", what));
    return core::Ok();
}
}  // namespace

core::Result<std::int64_t> SqlGroupRepo::Insert(const PartyGroupRecord& g) {
    SqlValues v(kGroup);
    v.Set("org_id", g.org_id).Set("org_path", g.org_path).Set("name", g.name);
    v.Set("scope", std::string(ToString(g.scope))).Set("scope_name", g.scope_name);
    v.Set("leader_member_id", IdOrNull(g.leader_member_id)).Set("valid_from", g.valid_from.ToString());
    v.Set("created_at", g.created_at);
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    return rows.Row(0).Int("id");
}

core::Result<std::optional<PartyGroupRecord>> SqlGroupRepo::Get(std::int64_t id) {
    LX_ASSIGN(rows, c_.Query(GroupSelect() + "g.id = $1", {id}));
    if (rows.empty()) return std::optional<PartyGroupRecord>{};
    return std::optional<PartyGroupRecord>{GroupFromRow(rows, 0)};
}

core::Status SqlGroupRepo::Update(const PartyGroupRecord& g) {
    SqlValues v(kGroup);
    v.Set("name", g.name).Set("scope", std::string(ToString(g.scope))).Set("scope_name", g.scope_name);
    v.Set("leader_member_id", IdOrNull(g.leader_member_id));
    const std::string where = " WHERE id = " + v.Param(g.id) + " AND version = " + v.Param(g.version);
    LX_ASSIGN(changed, c_.Exec(v.Update() + ", version = version + 1" + where + " AND valid_to IS NULL", v.Params()));
    return OneRow(changed, "party group");
}

core::Status SqlGroupRepo::Close(const PartyGroupRecord& g, const Date& on) {
    LX_ASSIGN(changed, c_.Exec("UPDATE party_groups SET valid_to = $1, version = version + 1 WHERE id = $2 AND "
                               "version = $3 AND valid_to IS NULL",
                               {on.ToString(), g.id, g.version}));
    LX_CHECK(OneRow(changed, "party group"));
    LX_CHECK(c_.Exec("DELETE FROM party_group_members WHERE group_id = $1", {g.id}));
    return core::Ok();
}

core::Result<std::vector<PartyGroupRecord>> SqlGroupRepo::OfOrg(std::int64_t org_id, const Date& as_of) {
    LX_ASSIGN(
        rows,
        c_.Query(GroupSelect() +
                     "g.org_id = $1 AND g.valid_from <= $2 AND (g.valid_to IS NULL OR g.valid_to > $2) ORDER BY g.id",
                 {org_id, as_of.ToString()}));
    std::vector<PartyGroupRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(GroupFromRow(rows, r));
    if (out.empty()) return out;
    // Members count while they are members of the branch: one who left since is no longer in its group.
    LX_ASSIGN(members, c_.Query("SELECT pm.group_id AS group_id, m.id AS id, m.name AS name FROM party_group_members "
                                "pm JOIN party_groups g ON "
                                "g.id = pm.group_id JOIN members m ON m.id = pm.member_id WHERE g.org_id = $1 AND "
                                "m.org_id = $1 AND m.left_on IS NULL ORDER BY m.name, m.id",
                                {org_id}));
    for (std::size_t r = 0; r < members.size(); ++r) {
        const SqlRow row = members.Row(r);
        for (auto& g : out)
            if (g.id == row.Int("group_id")) g.members.push_back({row.Int("id"), row.Text("name")});
    }
    return out;
}

core::Status SqlGroupRepo::SetMembers(const PartyGroupRecord& g, const std::vector<std::int64_t>& member_ids) {
    LX_ASSIGN(changed, c_.Exec("UPDATE party_groups SET version = version + 1 WHERE id = $1 AND version = $2 AND "
                               "valid_to IS NULL",
                               {g.id, g.version}));
    LX_CHECK(OneRow(changed, "party group"));
    LX_CHECK(c_.Exec("DELETE FROM party_group_members WHERE group_id = $1", {g.id}));
    for (auto id : member_ids) {
        LX_CHECK(c_.Exec("DELETE FROM party_group_members WHERE member_id = $1", {id}));
        LX_CHECK(c_.Exec("INSERT INTO party_group_members (member_id, group_id) VALUES ($1, $2)", {id, g.id}));
    }
    return core::Ok();
}

core::Result<std::int64_t> SqlGroupRepo::InsertUnit(const CoveredUnitRecord& u) {
    SqlValues v(kUnit);
    v.Set("org_id", u.org_id).Set("name", u.name).Set("unit_type", std::string(ToString(u.type))).Set("uscc", u.uscc);
    v.Set("valid_from", u.valid_from.ToString()).Set("created_at", u.created_at);
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    return rows.Row(0).Int("id");
}

core::Result<std::optional<CoveredUnitRecord>> SqlGroupRepo::GetUnit(std::int64_t id) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kUnit.Select() + " FROM covered_units WHERE id = $1", {id}));
    if (rows.empty()) return std::optional<CoveredUnitRecord>{};
    return std::optional<CoveredUnitRecord>{UnitFromRow(rows, 0)};
}

core::Result<std::vector<CoveredUnitRecord>> SqlGroupRepo::Units(std::int64_t org_id, const Date& as_of) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kUnit.Select() +
                                 " FROM covered_units WHERE org_id = $1 AND valid_from <= $2 AND "
                                 "(valid_to IS NULL OR valid_to > $2) ORDER BY id",
                             {org_id, as_of.ToString()}));
    std::vector<CoveredUnitRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(UnitFromRow(rows, r));
    return out;
}

core::Status SqlGroupRepo::EndUnit(std::int64_t unit_id, const Date& on) {
    LX_ASSIGN(changed, c_.Exec("UPDATE covered_units SET valid_to = $1 WHERE id = $2 AND valid_to IS NULL",
                               {on.ToString(), unit_id}));
    return OneRow(changed, "covered unit");
}

namespace {
core::Result<int> CloseGroupsOf(SqlConn& c, std::int64_t org_id, const Date& on) {
    LX_CHECK(
        c.Exec("DELETE FROM party_group_members WHERE group_id IN (SELECT id FROM party_groups WHERE org_id = $1 "
               "AND valid_to IS NULL)",
               {org_id}));
    LX_ASSIGN(n, c.Exec("UPDATE party_groups SET valid_to = $1, version = version + 1 WHERE org_id = $2 AND "
                        "valid_to IS NULL",
                        {on.ToString(), org_id}));
    return static_cast<int>(n);
}

core::Result<int> EndUnitsOf(SqlConn& c, std::int64_t org_id, const Date& on) {
    LX_ASSIGN(n, c.Exec("UPDATE covered_units SET valid_to = $1 WHERE org_id = $2 AND valid_to IS NULL",
                        {on.ToString(), org_id}));
    return static_cast<int>(n);
}
}  // namespace

core::Result<int> SqlGroupRepo::MoveAll(std::int64_t from_org, const core::org::Org& to, const Date& on) {
    int changed = 0;
    if (core::org::MayHoldGroups(to.type)) {
        LX_ASSIGN(n, c_.Exec("UPDATE party_groups SET org_id = $1, org_path = $2, version = version + 1 "
                             "WHERE org_id = $3 AND valid_to IS NULL",
                             {to.id, to.path, from_org}));
        changed += static_cast<int>(n);
    } else {
        LX_ASSIGN(n, CloseGroupsOf(c_, from_org, on));
        changed += n;
    }
    if (to.type == core::org::OrgType::kJointBranch) {
        LX_ASSIGN(n, c_.Exec("UPDATE covered_units SET org_id = $1 WHERE org_id = $2 AND valid_to IS NULL",
                             {to.id, from_org}));
        changed += static_cast<int>(n);
    } else {
        LX_ASSIGN(n, EndUnitsOf(c_, from_org, on));
        changed += n;
    }
    return changed;
}

core::Result<int> SqlGroupRepo::CloseAll(std::int64_t org_id, const Date& on) {
    LX_ASSIGN(groups, CloseGroupsOf(c_, org_id, on));
    LX_ASSIGN(units, EndUnitsOf(c_, org_id, on));
    return groups + units;
}

}  // namespace lianxin::storage
