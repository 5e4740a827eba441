// Reorganizations of the statutory tree (组织调整, issue 4): create, rename, move, merge, split and dissolve an
// org. A request and the facts of the orgs it touches give a plan of steps; the preview shows the plan and the
// commit executes the same plan, so what was previewed is what is written.
//
// Paths never change. A moved org (and everything below it) gets a new version — a new id with a new path under
// the new parent, `predecessor_id` naming the old one — and the old version closes on the day, so every list,
// count and tree asked "as of" an earlier day is the one of that day. A rename (and a change of short name,
// place or type) changes the org in place; its history keeps the old name.
//
// The rules quoted (domain.md §1.1, §1.2, §1.6 "must enforce"): one statutory parent; a branch holds members and
// has no orgs below it (party groups are not orgs); a general branch holds branches; the sizing rules of the
// resulting orgs are warnings, never refusals. What the state forbids today (an open transfer, members left in
// an org being dissolved) is a blocker: shown in the preview, refused on commit.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/date.hpp"
#include "core/common/result.hpp"
#include "core/org/org.hpp"
#include "core/org/rules.hpp"

namespace lianxin::core::org {

enum class ReorgKind { kCreate, kRename, kMove, kMerge, kSplit, kDissolve };

std::string_view ToString(ReorgKind k);
std::optional<ReorgKind> ParseReorgKind(std::string_view s);

// What a reorganization did to one org, as its history records it.
enum class OrgEvent {
    kCreated,     // a new org
    kUpdated,     // renamed, or its short name, place or type changed
    kMovedIn,     // the new version of a moved org (other: the old version)
    kMovedOut,    // the old version of a moved org, closed (other: the new version)
    kMergedInto,  // closed, its members gone to the other org
    kReceived,    // took the members of the other org, which closed
    kSplitOff,    // a new org made of members of the other org
    kSplit,       // gave some of its members to the other, new org
    kDissolved,   // closed, empty
};
std::string_view ToString(OrgEvent e);
std::optional<OrgEvent> ParseOrgEvent(std::string_view s);

// The attributes of a new org, or the new attributes of a renamed one.
struct OrgSpec {
    std::string name;
    std::string short_name;
    std::optional<OrgType> type;  // create: required; split: defaults to the split org's; rename: unchanged if absent
    PlaceKind place_kind = PlaceKind::kNone;
    std::string place_name;
};

struct ReorgRequest {
    ReorgKind kind = ReorgKind::kRename;
    Date on;                   // the day the change takes effect (the approval's date)
    std::string approval_doc;  // the higher organization's approval (批复文号)
    // create: the parent; rename, move, split, dissolve: the org; merge: the org that remains.
    std::int64_t org_id = 0;
    std::int64_t new_parent_id = 0;        // move
    std::vector<std::int64_t> merged;      // merge: the orgs merged into org_id
    OrgSpec spec;                          // create, split: the new org; rename: the new attributes
    std::vector<std::int64_t> member_ids;  // split: the members who go to the new org
};

// One member of the split org on the day.
struct MemberFact {
    std::int64_t id = 0;
    bool full = false;          // 正式党员 on the day (else probationary)
    std::optional<Date> since;  // the day the current affiliation began
    int posts = 0;              // committee posts held in the org on the day
    bool open_transfer = false;
};

// What the planner knows of one org valid on the day; the use case loads it.
struct OrgFacts {
    Org org;
    Headcount headcount;              // own members counted on the day
    Headcount subtree;                // members of the whole subtree on the day (the size of a committee or 总支)
    int registry_members = 0;         // own members still in the registry (stopped ones too)
    int posts = 0;                    // committee posts valid on the day
    int grants = 0;                   // role grants on the org
    int open_development_cases = 0;   // development cases not yet closed
    int open_transfers = 0;           // transfers from or to the org not yet closed
    int positions = 0;                // open party-mass service positions the org runs
    int overlays = 0;                 // 大工委 / 大党委 … the org hosts
    std::optional<Date> last_start;   // the latest day a member's affiliation or a post of the org began
    std::vector<MemberFact> members;  // loaded for a split's org only
};

struct ReorgFacts {
    Date today;
    // Every org the request names and every org of a subtree that moves (children by parent_id), by id. The
    // parent of the request's subject is there too.
    std::map<std::int64_t, OrgFacts> orgs;
};

// An existing org, or the k-th org the plan creates.
struct OrgRef {
    std::int64_t id = 0;
    int created = -1;
    bool IsNew() const { return created >= 0; }
    bool operator==(const OrgRef&) const = default;
};

enum class StepKind {
    kCreateOrg,             // spec under parent, predecessor_id (0 unless a moved version)
    kUpdateOrg,             // org_id takes spec (rename, short name, place, type)
    kMoveMembers,           // the members of org_id (all, or member_ids) go to `to` on the day
    kCarryPosts,            // the posts of org_id end on the day and continue in `to` (same term)
    kEndPosts,              // the posts of org_id end on the day (only those of member_ids when given)
    kMoveGrants,            // role grants on org_id move to `to`
    kRevokeGrants,          // role grants on org_id end
    kMoveDevelopmentCases,  // open development cases of org_id move to `to`
    kMovePositions,         // the service positions org_id runs are run by `to`
    kClosePositions,        // the service positions org_id runs close on the day
    kCloseOrg,              // org_id closes on the day
};

struct ReorgStep {
    StepKind kind = StepKind::kCreateOrg;
    std::int64_t org_id = 0;
    OrgRef to;
    OrgRef parent;                    // create
    OrgSpec spec;                     // create, update
    std::int64_t predecessor_id = 0;  // create
    std::vector<std::int64_t> member_ids;
};

// An org as it will be after the change: its sizing warnings quote the rules it will break.
struct ResultingOrg {
    OrgRef ref;
    std::string name;
    OrgType type = OrgType::kBranch;
    std::string parent_name;
    Headcount headcount;
    int posts = 0;
    std::vector<Warning> warnings;
};

struct ReorgCounts {
    int orgs_created = 0, orgs_closed = 0, orgs_updated = 0;
    int members_moved = 0, posts_carried = 0, posts_ended = 0;
    int grants_moved = 0, grants_revoked = 0, development_cases_moved = 0;
    int positions_moved = 0, positions_closed = 0;
};

// One line of an org's history that the plan writes.
struct PlannedEvent {
    OrgRef org;
    OrgEvent event = OrgEvent::kUpdated;
    OrgRef other;
    std::string old_name, new_name;
};

struct ReorgPlan {
    std::vector<ReorgStep> steps;
    std::vector<PlannedEvent> events;
    std::vector<ResultingOrg> after;
    std::vector<Warning> blockers;  // non-empty: the commit is refused, each naming what to do first
    ReorgCounts counts;
};

// The headcount the sizing rules of domain.md §1.2 weigh for an org of `type`: a branch's own members; a general
// branch's or a committee's whole membership, its branches included.
Headcount SizingHeadcount(const OrgFacts& f, OrgType type);

// May an org of type `child` sit directly under an org of type `parent`? (domain.md §1.1: a branch has no
// orgs below it; a general branch holds branches; committees hold general branches and branches.)
bool MayHoldChild(OrgType parent, OrgType child);

// The plan of `req` from `facts`. Fails (kInvalidArgument, naming the field) when the request itself is wrong:
// a missing or too long name, a day after today or before the org began, a type the parent may not hold, a
// move into the org's own subtree, a split without members or with someone who is not a member of the org.
Result<ReorgPlan> PlanReorganization(const ReorgRequest& req, const ReorgFacts& facts);

}  // namespace lianxin::core::org
