// The closed loop of an event (domain.md §7.2; issue 17 "The closed loop"), as one explicit table: for each
// (state, action) the next state, who may act and what the step needs. Everything else is refused with the
// current state named ("event.rule.state"). Every applied step becomes one row of the append-only flow log.
//
//   受理 accepted ─dispatch─► 分派 dispatched ─start─► 处置 in_progress ─handle─► 办结 handled ─verify─► verified
//     ─feedback─► 反馈 feedback ─rate─► 评价 rated (closed)          feedback ─reopen─► in_progress (same handler)
//     (rate and reopen by the dispatcher recording a call-back, or by the reporter themselves on the phone page)
//   dispatched ─return─► returned ─approve_return─► accepted | ─deny_return─► dispatched   (the level above)
//   dispatched | in_progress | returned ─reassign─► dispatched (转派, by the dispatching org)
//   in_progress ─suspend─► suspended ─resume─► in_progress (the clock stops meanwhile)
//   in_progress ─request_extension─► extension_requested ─approve_extension (new deadline) | deny_extension─►
//     in_progress (the level above)
//   dispatched | in_progress ─mark─► marked ─confirm_mark─► dismissed (closed, listed) | ─reject_mark─► in_progress
//   handled ─reject─► in_progress (verification failed)
//   whistle (吹哨) / report (报到) keep the state; close_whistle is refused until the event is closed (事不完、人不撤).
//   supervise (督办) keeps the state: the level above on any open event held by the handler (domain.md §7.2
//   "SUPERVISION (督办) is an overlay raised on any open event that passes its deadline").
//   verified | feedback ─callback─► (回访, hotline events only, by the dispatcher: domain.md §7 "call-back records
//     contacted in time? resolved? satisfied?") rated when the resident was reached and says resolved or partly,
//     in_progress (same handler, as reopen) when not resolved, the state kept when the resident was not reached.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.hpp"
#include "core/event/event.hpp"

namespace lianxin::core::event {

enum class EventAction {
    kDispatch,
    kStart,
    kHandle,
    kVerify,
    kReject,
    kFeedback,
    kRate,
    kReopen,
    kReturn,
    kApproveReturn,
    kDenyReturn,
    kReassign,
    kSuspend,
    kResume,
    kRequestExtension,
    kApproveExtension,
    kDenyExtension,
    kMark,
    kConfirmMark,
    kRejectMark,
    kWhistle,
    kReport,
    kCloseWhistle,
    kSupervise,  // 督办: the level above presses the handler (a note); the server records it on breach (supervision.hpp)
    kCallback,  // 回访: the one step whose next state depends on what it records (see the diagram)
};

// Who may take a step, by the actor's relation to the event (the use case works the relations out from the
// actor's grants): the dispatching org (the owner), the assignee org (the handler), the level above the
// assignee (its parent org); the reporter — a resident confirming their own event by their verified phone (issue 17
// "The closed loop": "resolved / not resolved / partly" and a rating 1–5; "not resolved" reopens to the same handler);
// and the target of a whistle (its department or unit liaison: 报到 and closing its part only; issue 17 "Roles and
// access").
enum Party : unsigned { kDispatcher = 1, kHandler = 2, kLevelAbove = 4, kReporter = 8, kWhistled = 16 };

// What a step needs, checked by ApplyStep.
enum Need : unsigned {
    kNeedReason = 1,     // a reason (退回, 挂起, 延期, 标记, 核查不通过, 驳回)
    kNeedNote = 2,       // a note (办结, 反馈)
    kNeedAssignee = 4,   // an assignee org
    kNeedDeadline = 8,   // a deadline after now
    kNeedRating = 16,    // outcome and score
    kNeedMarkKind = 32,  // not_our_duty | unreasonable, with evidence
    kNeedWhistle = 64,   // a whistle target and its report-within minutes
    kNeedWhistleId = 128,
    kNeedCallback = 256,  // reached or not; when reached, the verdict and satisfaction 1–5
};

struct Transition {
    EventState from;
    EventAction action;
    std::optional<EventState> to;  // nullopt: the state stays (whistle, report, close_whistle)
    unsigned parties;              // Party bits
    unsigned needs;                // Need bits
};

// The table, in the order of the diagram above.
std::span<const Transition> Transitions();
// The row for (state, action), or nullptr: refused in that state.
const Transition* Find(EventState from, EventAction action);

// The relations of one actor to one event.
struct Relations {
    bool dispatcher = false;
    bool handler = false;
    bool level_above = false;
    bool handled_it = false;  // the actor recorded 办结: may not verify it
    bool reporter = false;    // the resident who reported it (their verified phone is the event's)
    bool whistled = false;    // the actor is a liaison of a whistle's target (department or member unit)
};
bool MayAct(const Transition& t, const Relations& r);

// The actions the actor may take in the event's current state (for the detail's buttons).
std::vector<EventAction> AllowedActions(const Event& e, const Relations& r);

// One step as given.
struct Step {
    EventAction action = EventAction::kStart;
    std::int64_t actor_user_id = 0;  // who takes it (办结 records the handler)
    std::string reason;
    std::string note;
    std::vector<std::string> photo_ids;  // evidence (after photos)
    // The limits in force (policy keys, read by the use case): at most photos_max photos on any step
    // (event.photos_max), at least after_photos_min "after" photos on 办结 (event.after_photos_min; domain.md §7
    // "Closure requires evidence (after-photo / reply)").
    int photos_max = 6;
    int after_photos_min = 0;
    // dispatch / reassign
    std::int64_t assignee_org_id = 0;
    std::string assignee_org_path;
    std::int64_t assignee_user_id = 0;
    std::string assignee_name;
    std::optional<std::int64_t> deadline;  // dispatch, reassign, approve_extension (the new handle_by)
    // rate / reopen
    std::string outcome;  // resolved | partly (rate) ; not_resolved (reopen)
    int score = 0;
    std::string mark_kind;  // not_our_duty | unreasonable
    // callback: whether the resident was reached (nullopt: not said); outcome resolved | partly | not_resolved
    std::optional<bool> reached;
};

// Applies `step` to `e` at `now` for an actor with `rel`; the event is not changed on refusal:
//   "event.rule.state" {event_state, event_action} — the action is not allowed in the current state;
//   "event.rule.party" {event_action} — the actor is not the party the step needs (403);
//   "event.rule.verify_self" — the handler may not verify their own handling (403);
//   "event.rule.whistle_open" {event_state} — 事不完、人不撤: a department's part closes only after the event;
//   "event.callback.channel" {event_channel} — a call-back is recorded for hotline events only;
//   a missing or bad reason / note / assignee / deadline / rating / mark / call-back as field errors; 办结 with
//   fewer than step.after_photos_min photos as "event.photos.after_required" {min} on photo_ids.
Result<Event> ApplyStep(const Event& e, const Step& step, const Relations& rel, std::int64_t now);

std::string_view ToString(EventAction a);
std::optional<EventAction> ParseEventAction(std::string_view s);
const std::vector<EventAction>& AllActions();

}  // namespace lianxin::core::event
