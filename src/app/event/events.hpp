// Events (事件) and their closed loop (domain.md §7; issue 17 "Events and their intake" — the hotline operator's
// form — and "The closed loop"). An event is registered by an org holding event_write over its place (the
// accepting org, which dispatches it); each step of core/event/flow.hpp is taken by the party it names — the
// accepting org (dispatcher), the assignee org (handler), or the level above the assignee (its parent org) — in
// one write transaction with its flow-log row and its audit row. Reads need event_read where the event is placed,
// accepted or assigned (404 elsewhere). The reporter's phone is shown in full to the dispatcher and the handler
// (who call back), masked to everyone else.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/audit/audit.hpp"
#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/event/flow.hpp"
#include "core/ports/event_records.hpp"

namespace lianxin::app {

// The dictionary for the forms: top categories and their leaves.
core::Result<std::vector<core::event::Category>> EventCategories(Context& ctx, const core::auth::Actor& actor);

// A new event; `intake.org_id` is the community (the place); the accepting org is the actor's grant covering it.
core::Result<std::int64_t> CreateEvent(Context& ctx, const core::auth::Actor& actor, const core::event::Intake& intake);

struct EventView {
    core::ports::EventRecord record;
    bool reveal_phone = false;         // the dispatcher and the handler see the reporter's phone in full
    std::vector<std::string> actions;  // what this actor may do now (the buttons)
    std::vector<core::ports::EventFlowEntry> flow;
    std::vector<core::ports::EventWhistle> whistles;
    bool overdue = false;
    bool due_soon = false;  // within event.due_soon_hours of its deadline (core/event/supervision.hpp DueSoon)
    std::optional<std::int64_t> callback_due;  // a hotline event once handled: 回访 is due by (app/event/hotline.hpp)
    // Duplicates (app/event/duplicates.hpp), in a detail: the events merged into this one (their reporters follow
    // it), or the primary this one was merged into.
    std::vector<core::ports::EventRecord> merged;
    std::int64_t merged_into_id = 0;
    std::string merged_into_number;
};

struct EventListInput {
    // all | mine | due_soon | overdue | supervised (督办: open events the level above pressed); grid: the events placed
    // in the actor's grids (我的网格, grid grants); whistled: those whistled to the actor's department or unit
    // (本部门/本单位待报到, liaison grants), by whistle_state open | reported | closed ("" any)
    std::string queue = "all";
    std::string whistle_state;
    std::string state;
    std::string category;
    std::int64_t after_id = 0;
    int limit = 50;
};
struct EventPage {
    std::vector<EventView> items;  // flow empty in a list; whistles only the actor's own in the whistled queue
    std::int64_t next_after = 0;
};
core::Result<EventPage> ListEvents(Context& ctx, const core::auth::Actor& actor, const EventListInput& in);

// One event with its flow log and whistles (audited: it holds a resident's data).
core::Result<Audited<EventView>> ViewEvent(Context& ctx, const core::auth::Actor& actor, std::int64_t id);

struct EventActionInput {
    int version = 0;
    std::string action;
    std::string reason;
    std::string note;
    std::vector<std::string> photo_ids;
    std::int64_t assignee_org_id = 0;   // dispatch, reassign
    std::string assignee_name;          // the person in charge, free text
    std::int64_t assignee_user_id = 0;  // or a person of the assignee org by id (app/event/duplicates.hpp)
    std::string deadline;               // dispatch, reassign, request/approve extension
    std::string outcome;                // rate, reopen, callback
    int score = 0;
    std::optional<bool> reached;  // callback: the resident was reached
    std::string mark_kind;
    // whistle: an org of the tree (a functional department) or an overlay's member unit
    std::string target_kind;
    std::int64_t target_org_id = 0;
    std::int64_t overlay_id = 0;
    std::int64_t overlay_unit_id = 0;
    std::int64_t whistle_id = 0;  // report, close_whistle
};
core::Result<EventView> ActOnEvent(Context& ctx, const core::auth::Actor& actor, std::int64_t id,
                                   const EventActionInput& in);

}  // namespace lianxin::app
