// Party groups (党小组) of a branch and the units a joint branch covers (issue 4; core/org/party_group.hpp,
// domain.md §1.1, §1.2). A group is never an org: it holds members of its branch, one group each, and a leader who
// is one of them; it never changes a member's formal affiliation. Reading needs member_read on the branch (members
// are named); forming, editing and closing groups, member_write (the branch appoints the leader, Branch Regulation
// Art.13). The units a joint branch covers are recorded by those who set the branch up: org_write. Every write is
// audited in its transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/org/rules.hpp"
#include "core/ports/group_records.hpp"

namespace lianxin::app {

struct GroupsView {
    core::org::Org org;
    std::vector<core::ports::PartyGroupRecord> groups;
    std::vector<core::ports::CoveredUnitRecord> units;
    bool may_hold_groups = false;              // a branch (党支部下设党小组)
    bool may_cover_units = false;              // a joint branch
    bool can_edit_groups = false;              // member_write on the branch
    bool can_edit_units = false;               // org_write on the branch
    std::vector<core::org::Warning> warnings;  // more than five covered units (§1.2)
};
core::Result<GroupsView> GetGroups(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                   const core::Date& as_of);

struct GroupInput {
    std::string name, scope, scope_name;
    std::int64_t leader_member_id = 0;     // 0: none yet
    std::vector<std::int64_t> member_ids;  // create only: the first members (the leader joins anyway)
};
core::Result<std::int64_t> CreateGroup(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                       const GroupInput& in);
// Name, scope and leader; kConflict (stale version) when `version` is not the stored one.
core::Status UpdateGroup(Context& ctx, const core::auth::Actor& actor, std::int64_t id, std::int64_t version,
                         const GroupInput& in);
// The group holds exactly `member_ids`, members of its branch now (taken from another group they were in).
core::Status SetGroupMembers(Context& ctx, const core::auth::Actor& actor, std::int64_t id, std::int64_t version,
                             const std::vector<std::int64_t>& member_ids);
core::Status CloseGroup(Context& ctx, const core::auth::Actor& actor, std::int64_t id, std::int64_t version,
                        const std::string& on);

struct CoveredUnitInput {
    std::string name, unit_type, uscc;
};
core::Result<std::int64_t> AddCoveredUnit(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                          const CoveredUnitInput& in);
core::Status EndCoveredUnit(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id, std::int64_t unit_id,
                            const std::string& on);

}  // namespace lianxin::app
