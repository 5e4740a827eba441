// Party groups of a branch and the units a joint branch covers (migration 0014).
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::ports::CoveredUnitRecord;
using core::ports::PartyGroupRecord;

namespace {
constexpr const char* kGroupCols =
    "g.id, g.org_id, g.org_path, g.name, g.scope, g.scope_name, coalesce(g.leader_member_id, 0), coalesce(m.name, ''), "
    "g.valid_from, g.valid_to, g.version, g.created_at";
constexpr const char* kUnitCols = "id, org_id, name, unit_type, uscc, valid_from, valid_to, created_at";

PartyGroupRecord GroupFromRow(const SqlRows& rows, std::size_t r) {
    PartyGroupRecord g;
    g.id = rows.Int(r, 0);
    g.org_id = rows.Int(r, 1);
    g.org_path = rows.Text(r, 2);
    g.name = rows.Text(r, 3);
    g.scope = core::org::ParseGroupScope(rows.Text(r, 4)).value_or(core::org::GroupScope::kOther);
    g.scope_name = rows.Text(r, 5);
    g.leader_member_id = rows.Int(r, 6);
    g.leader_name = rows.Text(r, 7);
    g.valid_from = Date::Parse(rows.Text(r, 8)).value_or(Date());
    g.valid_to = OptDate(rows, r, 9);
    g.version = rows.Int(r, 10);
    g.created_at = rows.Int(r, 11);
    return g;
}

CoveredUnitRecord UnitFromRow(const SqlRows& rows, std::size_t r) {
    CoveredUnitRecord u;
    u.id = rows.Int(r, 0);
    u.org_id = rows.Int(r, 1);
    u.name = rows.Text(r, 2);
    u.type = core::org::ParseUnitType(rows.Text(r, 3)).value_or(core::org::UnitType::kOther);
    u.uscc = rows.Text(r, 4);
    u.valid_from = Date::Parse(rows.Text(r, 5)).value_or(Date());
    u.valid_to = OptDate(rows, r, 6);
    u.created_at = rows.Int(r, 7);
    return u;
}

core::Status OneRow(std::int64_t changed, const char* what) {
    if (changed != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", what));
    return core::Ok();
}
}  // namespace

core::Result<std::int64_t> SqlGroupRepo::Insert(const PartyGroupRecord& g) {
    LX_ASSIGN(rows, c_.Query("INSERT INTO party_groups (org_id, org_path, name, scope, scope_name, leader_member_id, "
                             "valid_from, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id",
                             {g.org_id, g.org_path, g.name, std::string(ToString(g.scope)), g.scope_name,
                              IdOrNull(g.leader_member_id), g.valid_from.ToString(), g.created_at}));
    return rows.Int(0, 0);
}

core::Result<std::optional<PartyGroupRecord>> SqlGroupRepo::Get(std::int64_t id) {
    LX_ASSIGN(rows, c_.Query(std::string("SELECT ") + kGroupCols +
                                 " FROM party_groups g LEFT JOIN members m ON m.id = g.leader_member_id WHERE g.id = $1",
                             {id}));
    if (rows.empty()) return std::optional<PartyGroupRecord>{};
    return std::optional<PartyGroupRecord>{GroupFromRow(rows, 0)};
}

core::Status SqlGroupRepo::Update(const PartyGroupRecord& g) {
    LX_ASSIGN(changed, c_.Exec("UPDATE party_groups SET name = $1, scope = $2, scope_name = $3, leader_member_id = $4, "
                               "version = version + 1 WHERE id = $5 AND version = $6 AND valid_to IS NULL",
                               {g.name, std::string(ToString(g.scope)), g.scope_name, IdOrNull(g.leader_member_id), g.id,
                                g.version}));
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
    LX_ASSIGN(rows, c_.Query(std::string("SELECT ") + kGroupCols +
                                 " FROM party_groups g LEFT JOIN members m ON m.id = g.leader_member_id WHERE g.org_id = $1 "
                                 "AND g.valid_from <= $2 AND (g.valid_to IS NULL OR g.valid_to > $2) ORDER BY g.id",
                             {org_id, as_of.ToString()}));
    std::vector<PartyGroupRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(GroupFromRow(rows, r));
    if (out.empty()) return out;
    // Members count while they are members of the branch: one who left since is no longer in its group.
    LX_ASSIGN(members, c_.Query("SELECT pm.group_id, m.id, m.name FROM party_group_members pm JOIN party_groups g ON "
                                "g.id = pm.group_id JOIN members m ON m.id = pm.member_id WHERE g.org_id = $1 AND "
                                "m.org_id = $1 AND m.left_on IS NULL ORDER BY m.name, m.id",
                                {org_id}));
    for (std::size_t r = 0; r < members.size(); ++r)
        for (auto& g : out)
            if (g.id == members.Int(r, 0)) g.members.push_back({members.Int(r, 1), members.Text(r, 2)});
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
    LX_ASSIGN(rows, c_.Query("INSERT INTO covered_units (org_id, name, unit_type, uscc, valid_from, created_at) "
                             "VALUES ($1,$2,$3,$4,$5,$6) RETURNING id",
                             {u.org_id, u.name, std::string(ToString(u.type)), u.uscc, u.valid_from.ToString(),
                              u.created_at}));
    return rows.Int(0, 0);
}

core::Result<std::optional<CoveredUnitRecord>> SqlGroupRepo::GetUnit(std::int64_t id) {
    LX_ASSIGN(rows, c_.Query(std::string("SELECT ") + kUnitCols + " FROM covered_units WHERE id = $1", {id}));
    if (rows.empty()) return std::optional<CoveredUnitRecord>{};
    return std::optional<CoveredUnitRecord>{UnitFromRow(rows, 0)};
}

core::Result<std::vector<CoveredUnitRecord>> SqlGroupRepo::Units(std::int64_t org_id, const Date& as_of) {
    LX_ASSIGN(rows, c_.Query(std::string("SELECT ") + kUnitCols +
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
    LX_CHECK(c.Exec("DELETE FROM party_group_members WHERE group_id IN (SELECT id FROM party_groups WHERE org_id = $1 "
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
