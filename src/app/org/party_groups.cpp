#include "app/org/party_groups.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/audit/audit.hpp"
#include "app/org/org_queries.hpp"
#include "core/member/fields.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::auth::Permission;
using core::ports::PartyGroupRecord;
using core::ports::Tx;

namespace {

core::Error Invalid() { return core::MakeError(ErrorCode::kInvalidArgument, "request.invalid"); }

// "name" of a person reads differently: the messages name the group's and the unit's fields.
void Label(core::Error& errors, const char* prefix) {
    for (auto& f : errors.fields)
        if (f.field == "name" || f.field == "scope_name") f.params["label"] = std::string(prefix) + f.field;
}

core::Result<PartyGroupRecord> Read(const GroupInput& in) {
    core::Error errors = Invalid();
    core::org::GroupInput g{in.name, core::org::ParseGroupScope(in.scope), in.scope_name};
    core::org::CheckGroup(g, errors);
    Label(errors, "group.");
    if (!errors.fields.empty()) return core::Fail(errors);
    PartyGroupRecord r;
    r.name = g.name;
    r.scope = *g.scope;
    r.scope_name = g.scope_name;
    r.leader_member_id = in.leader_member_id;
    return r;
}

// The branch's open groups, loaded once per write: who leads another group than `group_id` (a member leads one
// group at a time — a leader taken into another group would leave the first one led by someone outside it) and
// who is in `group_id` now.
struct BranchGroups {
    std::map<std::int64_t, std::string> leaders_elsewhere;  // member → the group they lead
    std::vector<std::int64_t> members;                      // of `group_id`
};

core::Result<BranchGroups> LoadBranchGroups(Tx& tx, std::int64_t org_id, std::int64_t group_id,
                                            const core::Date& today) {
    LX_ASSIGN(groups, tx.Groups().OfOrg(org_id, today));
    BranchGroups out;
    for (const auto& g : groups) {
        if (g.id == group_id)
            for (const auto& m : g.members) out.members.push_back(m.id);
        else if (g.leader_member_id != 0) out.leaders_elsewhere[g.leader_member_id] = g.name;
    }
    return out;
}

// Is the member in the registry of branch `org_id` now?
core::Result<bool> InBranch(Tx& tx, std::int64_t org_id, std::int64_t member_id) {
    LX_ASSIGN(m, tx.Members().Get(member_id));
    return m && m->org_id == org_id && !m->left_on;
}

// `ids` with the leader added when not among them: the leader leads the members of the group.
std::vector<std::int64_t> WithLeader(std::vector<std::int64_t> ids, std::int64_t leader) {
    if (leader != 0 && std::find(ids.begin(), ids.end(), leader) == ids.end()) ids.push_back(leader);
    return ids;
}

// Each id names a member of branch `org_id` now, once, who leads no other group; the wrong ones are named by their
// place in the list.
core::Status CheckMembers(Tx& tx, std::int64_t org_id, const std::vector<std::int64_t>& ids,
                          const BranchGroups& branch) {
    core::Error errors = Invalid();
    std::set<std::int64_t> seen;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const std::string name = "member_ids[" + std::to_string(i) + "]";
        if (!seen.insert(ids[i]).second) {
            errors.WithField(name, "group.member_repeated");
        } else if (auto led = branch.leaders_elsewhere.find(ids[i]); led != branch.leaders_elsewhere.end()) {
            errors.WithField(name, "group.leads_other", {{"group", led->second}});
        } else {
            LX_ASSIGN(here, InBranch(tx, org_id, ids[i]));
            if (!here) errors.WithField(name, "group.member_not_in_branch");
        }
    }
    for (auto& f : errors.fields) f.params["label"] = "group.member_ids";
    if (!errors.fields.empty()) return core::Fail(errors);
    return core::Ok();
}

// A new leader is a member of the branch who leads no other group (Branch Regulation Art.13: appointed by the branch
// or recommended by the group's members). The leader a group has is not checked again: one who has left the branch
// since does not block a rename.
core::Status CheckLeader(Tx& tx, std::int64_t org_id, std::int64_t leader, std::int64_t current,
                         const BranchGroups& branch) {
    if (leader == 0 || leader == current) return core::Ok();
    if (auto led = branch.leaders_elsewhere.find(leader); led != branch.leaders_elsewhere.end())
        return core::Fail(core::InvalidField("leader_member_id", "group.leads_other", {{"group", led->second}}));
    LX_ASSIGN(here, InBranch(tx, org_id, leader));
    if (!here) return core::Fail(core::InvalidField("leader_member_id", "group.member_not_in_branch"));
    return core::Ok();
}

// The group when the actor holds `p` on its branch; 404 otherwise (403 without `p` anywhere).
core::Result<PartyGroupRecord> VisibleGroup(Tx& tx, const core::auth::Actor& actor, std::int64_t id, Permission p,
                                            std::int64_t version) {
    LX_CHECK(core::auth::AuthorizeAny(actor, p));
    LX_ASSIGN(found, tx.Groups().Get(id));
    if (!found) return core::Fail(core::NotFound("group"));
    LX_CHECK(core::auth::Authorize(actor, p, found->org_path, "group"));
    if (found->valid_to) return core::Fail(core::MakeError(ErrorCode::kFailedPrecondition, "group.closed"));
    if (found->version != version) return core::Fail(core::MakeError(ErrorCode::kConflict, "group.changed"));
    return std::move(found).value();
}

core::Status Audit(Tx& tx, const core::auth::Actor& actor, std::int64_t now, const char* action,
                   const core::ports::PartyGroupRecord& g, std::string detail) {
    auto entry = AuditFor(actor, now, action, "group", std::to_string(g.id)).On(g.org_id, g.org_path);
    entry.detail = std::move(detail);
    return tx.Audit().Append(entry);
}

}  // namespace

core::Result<GroupsView> GetGroups(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                   const core::Date& as_of) {
    GroupsView v;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(org, VisibleOrg(tx, actor, org_id, Permission::kMemberRead));
        LX_ASSIGN(groups, tx.Groups().OfOrg(org_id, as_of));
        LX_ASSIGN(units, tx.Groups().Units(org_id, as_of));
        v.org = std::move(org);
        v.groups = std::move(groups);
        v.units = std::move(units);
        return core::Ok();
    }));
    const bool open = !v.org.valid_to;
    v.may_hold_groups = core::org::MayHoldGroups(v.org.type);
    v.may_cover_units = v.org.type == core::org::OrgType::kJointBranch;
    if (auto w = core::org::CheckCoveredUnits(v.org.type, static_cast<int>(v.units.size()))) v.warnings.push_back(*w);
    v.can_edit_groups = open && v.may_hold_groups &&
                        core::auth::Authorize(actor, Permission::kMemberWrite, v.org.path).has_value();
    v.can_edit_units = open && v.may_cover_units &&
                       core::auth::Authorize(actor, Permission::kOrgWrite, v.org.path).has_value();
    return v;
}

core::Result<std::int64_t> CreateGroup(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                       const GroupInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberWrite));
    LX_ASSIGN(rec, Read(in));
    std::int64_t id = 0;
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(org, VisibleOrg(tx, actor, org_id, Permission::kMemberWrite, ctx.clock.Today()));
        if (!core::org::MayHoldGroups(org.type))
            return core::Fail(core::MakeError(ErrorCode::kFailedPrecondition, "group.not_a_branch"));
        LX_ASSIGN(branch, LoadBranchGroups(tx, org.id, 0, ctx.clock.Today()));
        LX_CHECK(CheckLeader(tx, org.id, rec.leader_member_id, 0, branch));
        LX_CHECK(CheckMembers(tx, org.id, in.member_ids, branch));
        const auto now = ctx.clock.NowMillis();
        rec.org_id = org.id;
        rec.org_path = org.path;
        rec.valid_from = ctx.clock.Today();
        rec.created_at = now;
        LX_ASSIGN(made, tx.Groups().Insert(rec));
        id = made;
        rec.id = made;
        const auto members = WithLeader(in.member_ids, rec.leader_member_id);
        if (!members.empty()) LX_CHECK(tx.Groups().SetMembers(rec, members));
        return Audit(tx, actor, now, "group.create", rec,
                     "org=" + std::to_string(org.id) + " members=" + std::to_string(members.size()));
    }));
    return id;
}

core::Status UpdateGroup(Context& ctx, const core::auth::Actor& actor, std::int64_t id, std::int64_t version,
                         const GroupInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberWrite));
    LX_ASSIGN(changed, Read(in));
    return ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(g, VisibleGroup(tx, actor, id, Permission::kMemberWrite, version));
        LX_ASSIGN(branch, LoadBranchGroups(tx, g.org_id, g.id, ctx.clock.Today()));
        LX_CHECK(CheckLeader(tx, g.org_id, changed.leader_member_id, g.leader_member_id, branch));
        changed.id = g.id;
        changed.version = g.version;
        LX_CHECK(tx.Groups().Update(changed));
        // A new leader joins the group if not in it yet.
        if (const auto ids = WithLeader(branch.members, changed.leader_member_id);
            ids.size() != branch.members.size()) {
            LX_ASSIGN(stored, tx.Groups().Get(id));  // the version the update wrote
            if (!stored) return core::Fail(core::NotFound("group"));
            LX_CHECK(tx.Groups().SetMembers(*stored, ids));
        }
        return Audit(tx, actor, ctx.clock.NowMillis(), "group.update", g, "");
    });
}

core::Status SetGroupMembers(Context& ctx, const core::auth::Actor& actor, std::int64_t id, std::int64_t version,
                             const std::vector<std::int64_t>& member_ids) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberWrite));
    return ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(g, VisibleGroup(tx, actor, id, Permission::kMemberWrite, version));
        LX_ASSIGN(branch, LoadBranchGroups(tx, g.org_id, g.id, ctx.clock.Today()));
        LX_CHECK(CheckMembers(tx, g.org_id, member_ids, branch));
        // The leader stays while a member of the branch (one who has left it may be dropped).
        LX_ASSIGN(leader_here, InBranch(tx, g.org_id, g.leader_member_id));
        if (leader_here && std::find(member_ids.begin(), member_ids.end(), g.leader_member_id) == member_ids.end())
            return core::Fail(core::InvalidField("member_ids", "group.leader_must_stay",
                                                 {{"name", g.leader_name}, {"label", "group.member_ids"}}));
        LX_CHECK(tx.Groups().SetMembers(g, member_ids));
        return Audit(tx, actor, ctx.clock.NowMillis(), "group.members", g,
                     "members=" + std::to_string(member_ids.size()));
    });
}

core::Status CloseGroup(Context& ctx, const core::auth::Actor& actor, std::int64_t id, std::int64_t version,
                        const std::string& on) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberWrite));
    core::Error errors = Invalid();
    auto day = core::member::CheckDate(on, ctx.clock.Today(), "on", errors);
    if (!errors.fields.empty()) return core::Fail(errors);
    return ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(g, VisibleGroup(tx, actor, id, Permission::kMemberWrite, version));
        if (*day < g.valid_from)
            return core::Fail(
                core::InvalidField("on", "group.close_before_start", {{"date", g.valid_from.ToString()}}));
        LX_CHECK(tx.Groups().Close(g, *day));
        return Audit(tx, actor, ctx.clock.NowMillis(), "group.close", g, "");
    });
}

core::Result<std::int64_t> AddCoveredUnit(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                          const CoveredUnitInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgWrite));
    core::Error errors = Invalid();
    core::org::CoveredUnitInput u{in.name, core::org::ParseUnitType(in.unit_type), in.uscc};
    core::org::CheckCoveredUnit(u, errors);
    Label(errors, "covered_unit.");
    if (!errors.fields.empty()) return core::Fail(errors);
    std::int64_t id = 0;
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(org, VisibleOrg(tx, actor, org_id, Permission::kOrgWrite, ctx.clock.Today()));
        if (org.type != core::org::OrgType::kJointBranch)
            return core::Fail(core::MakeError(ErrorCode::kFailedPrecondition, "covered_unit.not_joint"));
        LX_ASSIGN(units, tx.Groups().Units(org.id, ctx.clock.Today()));
        for (const auto& existing : units)
            if (existing.name == u.name) return core::Fail(core::InvalidField("name", "covered_unit.duplicate"));
        core::ports::CoveredUnitRecord rec;
        rec.org_id = org.id;
        rec.name = u.name;
        rec.type = *u.type;
        rec.uscc = u.uscc;
        rec.valid_from = ctx.clock.Today();
        rec.created_at = ctx.clock.NowMillis();
        LX_ASSIGN(made, tx.Groups().InsertUnit(rec));
        id = made;
        auto entry = AuditFor(actor, rec.created_at, "covered_unit.add", "org", std::to_string(org.id)).On(org);
        entry.detail = "unit=" + std::to_string(id) + " units=" + std::to_string(units.size() + 1);
        return tx.Audit().Append(entry);
    }));
    return id;
}

core::Status EndCoveredUnit(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id, std::int64_t unit_id,
                            const std::string& on) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgWrite));
    core::Error errors = Invalid();
    auto day = core::member::CheckDate(on, ctx.clock.Today(), "on", errors);
    if (!errors.fields.empty()) return core::Fail(errors);
    return ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(org, VisibleOrg(tx, actor, org_id, Permission::kOrgWrite));
        LX_ASSIGN(unit, tx.Groups().GetUnit(unit_id));
        if (!unit || unit->org_id != org.id) return core::Fail(core::NotFound("unit"));
        if (unit->valid_to)
            return core::Fail(core::MakeError(ErrorCode::kFailedPrecondition, "covered_unit.ended")
                                  .WithParam("date", unit->valid_to->ToString()));
        if (*day < unit->valid_from)
            return core::Fail(
                core::InvalidField("on", "covered_unit.end_before_start", {{"date", unit->valid_from.ToString()}}));
        LX_CHECK(tx.Groups().EndUnit(unit_id, *day));
        auto entry = AuditFor(actor, ctx.clock.NowMillis(), "covered_unit.end", "org", std::to_string(org.id)).On(org);
        entry.detail = "unit=" + std::to_string(unit_id);
        return tx.Audit().Append(entry);
    });
}

}  // namespace lianxin::app
