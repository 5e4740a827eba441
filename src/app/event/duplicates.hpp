// Duplicate events and the person named on a dispatch (issue 17 "Duplicates"; domain.md §7 "duplicates link",
// §7.2 "duplicate demands merged"). Candidates: the open events of the same category within the policy's
// distance and window (core/event/duplicate.hpp) that the actor may read, for an event ("可能是同一问题" on its
// detail) or for an intake form before it is saved ("already reported?"). A merge (合并) by the owner of the
// duplicate closes it into the primary in one write transaction: a flow row on both (who, why, which event),
// one audit row; its reporters then follow the primary (app/event/resident_events.hpp). The people of an assignee
// org: its active users that may handle the event (staff with event_write on the org, its department liaisons,
// and the grid workers and leaders of the event's grid), for the dispatch picker; NamedAssignee refuses another.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/event/events.hpp"
#include "core/event/duplicate.hpp"
#include "core/ports/duplicate_records.hpp"

namespace lianxin::app {

struct DuplicateCandidate {
    core::ports::EventRecord record;
    double distance_m = 0;
    std::int64_t age_millis = 0;  // the subject's report minus the candidate's
};
struct DuplicateList {
    core::event::DuplicateRule rule;
    std::vector<DuplicateCandidate> items;  // nearest first
    bool can_merge = false;                 // the actor owns the subject and it may still be merged
};

// For an event in the actor's sight (404 otherwise).
core::Result<DuplicateList> EventDuplicates(Context& ctx, const core::auth::Actor& actor, std::int64_t id);

// For an intake form: the category, the place's org (event_write, as CreateEvent), the point and the reporting
// time ("" now). Without a point there is nothing to compare: an empty list.
struct DuplicateProbeInput {
    std::string category_code;
    std::int64_t org_id = 0;
    std::int64_t grid_id = 0;  // a grid worker's form: one of its grids stands for event_write on the place
    std::optional<core::event::Coordinates> location;
    std::string reported_at;
};
core::Result<DuplicateList> IntakeDuplicates(Context& ctx, const core::auth::Actor& actor,
                                             const DuplicateProbeInput& in);

struct MergeInput {
    int version = 0;
    std::int64_t primary_id = 0;
    std::string reason;
};
// Merges event `id` into in.primary_id (core::event::MergeInto's refusals; a primary out of sight is
// "event.merge.unknown" naming primary_id). The duplicate's view after the merge.
core::Result<EventView> MergeEvent(Context& ctx, const core::auth::Actor& actor, std::int64_t id, const MergeInput& in);

// The events merged into `id` (for the primary's detail), inside a transaction.
core::Result<std::vector<core::ports::EventRecord>> MergedDuplicates(core::ports::Tx& tx, std::int64_t id);

// The people of `org_id` who may handle event `id` (both in the actor's sight; the org by event_write).
struct AssignableUser {
    std::int64_t user_id = 0;
    std::string display_name;
    std::string username;
    std::vector<std::string> roles;
};
core::Result<std::vector<AssignableUser>> AssignableUsers(Context& ctx, const core::auth::Actor& actor, std::int64_t id,
                                                          std::int64_t org_id);
// Whether a grant of `role` with `grid_ids` on the assignee org lets its holder handle an event of `event_grid`.
bool MayBeNamed(const std::string& role, const std::vector<std::int64_t>& grid_ids, std::int64_t event_grid);
// Inside ActOnEvent's transaction (dispatch, reassign): the named person `user_id` of `step`'s assignee org, or
// InvalidField("assignee_user_id", "event.assignee.user_outside"); sets the step's user and, when none was
// typed, its name.
core::Status NamedAssignee(core::ports::Tx& tx, const core::event::Event& e, std::int64_t user_id,
                           core::event::Step& step);

}  // namespace lianxin::app
