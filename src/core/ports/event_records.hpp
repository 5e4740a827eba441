// Records of events (事件, core/event) that cross the storage port: the flow log's rows, whistles and a queue query.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/event/flow.hpp"

namespace lianxin::core::ports {

// An event as a list or a detail reads it: the event with the names of its orgs.
struct EventRecord {
    event::Event event;
    std::string org_name;
    std::string owner_org_name;
    std::string assignee_org_name;
    std::optional<std::int64_t> supervised_at;  // the latest 督办 (flow action supervise), if any
};

// One row of the append-only flow log (事件流水): old state, new state, who, for which org, when, comment, evidence.
struct EventFlowEntry {
    std::int64_t id = 0;
    std::int64_t event_id = 0;
    int seq = 0;
    std::string action;
    std::string from_state;
    std::string to_state;
    std::int64_t actor_user_id = 0;
    std::string actor_name;
    std::int64_t actor_org_id = 0;  // the org on whose behalf the actor acted (0: none named)
    std::string reason;
    std::string note;
    std::vector<std::string> photo_ids;
    std::optional<std::int64_t> deadline;
    std::int64_t whistle_id = 0;
    std::int64_t at = 0;
    // What a rating records (rate, reopen, callback): the verdict and the satisfaction 1–5 (0: none); a call-back
    // (回访) also whether the resident was reached (nullopt on every other step).
    std::optional<bool> reached;
    std::string outcome;
    int score = 0;
};

// 吹哨: a call to a functional department (an org of the tree) or an overlay's member unit, with the time it must
// report (报到) by; its part closes only after the event (事不完、人不撤).
struct EventWhistle {
    std::int64_t id = 0;
    std::int64_t event_id = 0;
    std::string target_kind;  // org | overlay_unit
    std::int64_t target_org_id = 0;
    std::string target_org_path;
    std::int64_t overlay_unit_id = 0;
    std::string target_name;
    // the path through which the target sees the event (the department's path, or the host org of the overlay
    // whose unit was whistled): written beside the whistle (migration 0032), read by PostgreSQL's row-level security
    std::string seen_through_path;
    int report_within_minutes = 0;
    std::int64_t report_by = 0;
    std::int64_t blown_at = 0;
    std::int64_t blown_by = 0;
    std::optional<std::int64_t> reported_at;
    std::string report_note;
    std::optional<std::int64_t> closed_at;
    std::string close_note;
};

// A queue: the events of the scope (place, accepting org or assignee inside a root) filtered, newest first.
struct EventQuery {
    std::vector<std::string> scope_roots;  // empty: nothing
    // mine: assigned to one of these orgs or to this user, not closed
    bool mine = false;
    std::vector<std::int64_t> mine_org_ids;
    std::int64_t mine_user_id = 0;
    // Narrowed scopes (core/auth/narrow_scope.hpp): also the events placed in these grids, assigned to this user,
    // or whistled to an org inside these roots or to one of these overlay member units.
    std::vector<std::int64_t> grid_ids;
    std::int64_t assigned_user_id = 0;
    std::vector<std::string> whistle_roots;
    std::vector<std::int64_t> whistle_unit_ids;
    // grid: only the events placed in grid_ids; whistled: only those whistled to whistle_roots / whistle_unit_ids,
    // with such a whistle open (not reported), reported (not closed) or closed ("" any)
    bool grids_only = false;
    bool whistled_only = false;
    std::string whistle_state;
    // 督办看板 (the supervision board): only open events with a 督办 row; only those with a whistle still not
    // reported (报到) at this instant past its report-by
    bool supervised_only = false;
    std::optional<std::int64_t> whistle_late_at;
    std::string state;          // one state, or ""
    std::string category_code;  // a leaf, or a top category (all its leaves)
    bool open_only = false;
    std::optional<std::int64_t> due_after;   // handle_by >= this (due soon: now)
    std::optional<std::int64_t> due_before;  // handle_by < this (overdue: now; due soon: now + window)
    // Open311 GET requests.json (issue 17 "Open interfaces"): only these ids; only closed events; reported in
    // [reported_from, reported_before).
    std::vector<std::int64_t> ids{};
    bool closed_only = false;
    std::optional<std::int64_t> reported_from{};
    std::optional<std::int64_t> reported_before{};
    std::int64_t after_id = 0;  // keyset cursor: ids below it
    int limit = 50;
};

}  // namespace lianxin::core::ports
