#include "core/event/flow.hpp"

#include <algorithm>
#include <array>

#include "core/member/fields.hpp"

namespace lianxin::core::event {

namespace {

using A = EventAction;
using S = EventState;
constexpr unsigned D = kDispatcher, H = kHandler, L = kLevelAbove, R = kReporter, W = kWhistled;

// The closed loop, one row per allowed (state, action). Any pair not here is refused (flow_test.cpp holds the
// expected matrix of every pair).
constexpr Transition kTable[] = {
    // the main line 受理 → 分派 → 处置 → 办结 → 核查 → 反馈 → 评价
    {S::kAccepted, A::kDispatch, S::kDispatched, D, kNeedAssignee | kNeedDeadline},
    {S::kDispatched, A::kStart, S::kInProgress, H, 0},
    {S::kInProgress, A::kHandle, S::kHandled, H, kNeedNote},
    {S::kHandled, A::kVerify, S::kVerified, D | L, 0},
    {S::kHandled, A::kReject, S::kInProgress, D | L, kNeedReason},
    {S::kVerified, A::kFeedback, S::kFeedback, D, kNeedNote},
    // the reporter's own step: a resident confirms their event (issue 17 "The closed loop")
    {S::kFeedback, A::kRate, S::kRated, D | R, kNeedRating},
    {S::kFeedback, A::kReopen, S::kInProgress, D | R, kNeedRating},
    // 退回: an objection to the dispatch, reviewed by the level above
    {S::kDispatched, A::kReturn, S::kReturned, H, kNeedReason},
    {S::kReturned, A::kApproveReturn, S::kAccepted, L, kNeedReason},
    {S::kReturned, A::kDenyReturn, S::kDispatched, L, kNeedReason},
    // 转派 by the dispatching org
    {S::kDispatched, A::kReassign, S::kDispatched, D, kNeedAssignee | kNeedDeadline | kNeedReason},
    {S::kInProgress, A::kReassign, S::kDispatched, D, kNeedAssignee | kNeedDeadline | kNeedReason},
    {S::kReturned, A::kReassign, S::kDispatched, D, kNeedAssignee | kNeedDeadline | kNeedReason},
    // 挂起 stops the clock
    {S::kInProgress, A::kSuspend, S::kSuspended, H, kNeedReason},
    {S::kSuspended, A::kResume, S::kInProgress, H, 0},
    // 延期, approved or denied by the level above
    {S::kInProgress, A::kRequestExtension, S::kExtensionRequested, H, kNeedReason | kNeedDeadline},
    {S::kExtensionRequested, A::kApproveExtension, S::kInProgress, L, kNeedDeadline},
    {S::kExtensionRequested, A::kDenyExtension, S::kInProgress, L, kNeedReason},
    // 不属于职责 / 不合理诉求, reviewed by the level above; a confirmed mark is listed, never silent
    {S::kDispatched, A::kMark, S::kMarked, H, kNeedMarkKind | kNeedReason | kNeedNote},
    {S::kInProgress, A::kMark, S::kMarked, H, kNeedMarkKind | kNeedReason | kNeedNote},
    {S::kMarked, A::kConfirmMark, S::kDismissed, L, kNeedReason},
    {S::kMarked, A::kRejectMark, S::kInProgress, L, kNeedReason},
    // 吹哨 while the event is being handled; 报到 while it is open; 事不完、人不撤: a part closes after the event
    {S::kDispatched, A::kWhistle, std::nullopt, H | D, kNeedWhistle},
    {S::kInProgress, A::kWhistle, std::nullopt, H | D, kNeedWhistle},
    {S::kSuspended, A::kWhistle, std::nullopt, H | D, kNeedWhistle},
    {S::kExtensionRequested, A::kWhistle, std::nullopt, H | D, kNeedWhistle},
    {S::kDispatched, A::kReport, std::nullopt, H | D | W, kNeedWhistleId},
    {S::kInProgress, A::kReport, std::nullopt, H | D | W, kNeedWhistleId},
    {S::kSuspended, A::kReport, std::nullopt, H | D | W, kNeedWhistleId},
    {S::kExtensionRequested, A::kReport, std::nullopt, H | D | W, kNeedWhistleId},
    {S::kHandled, A::kReport, std::nullopt, H | D | W, kNeedWhistleId},
    {S::kVerified, A::kReport, std::nullopt, H | D | W, kNeedWhistleId},
    {S::kFeedback, A::kReport, std::nullopt, H | D | W, kNeedWhistleId},
    {S::kRated, A::kCloseWhistle, std::nullopt, H | D | W, kNeedWhistleId},
    {S::kDismissed, A::kCloseWhistle, std::nullopt, H | D | W, kNeedWhistleId},
    // 督办 by the level above while the handler holds the event (the server's own on breach: supervision.hpp)
    {S::kDispatched, A::kSupervise, std::nullopt, L, kNeedNote},
    {S::kInProgress, A::kSupervise, std::nullopt, L, kNeedNote},
    {S::kReturned, A::kSupervise, std::nullopt, L, kNeedNote},
    {S::kSuspended, A::kSupervise, std::nullopt, L, kNeedNote},
    {S::kExtensionRequested, A::kSupervise, std::nullopt, L, kNeedNote},
    // 回访 of a hotline event by the dispatcher (the operator's org), once the result is verified; the next state
    // is decided by what it records (ApplyStep): rated, in_progress (not resolved), or kept (not reached)
    {S::kVerified, A::kCallback, std::nullopt, D, kNeedCallback},
    {S::kFeedback, A::kCallback, std::nullopt, D, kNeedCallback},
};

constexpr std::array<std::string_view, 25> kActions{
    "dispatch",          "start",          "handle",        "verify",       "reject",
    "feedback",          "rate",           "reopen",        "return",       "approve_return",
    "deny_return",       "reassign",       "suspend",       "resume",       "request_extension",
    "approve_extension", "deny_extension", "mark",          "confirm_mark", "reject_mark",
    "whistle",           "report",         "close_whistle", "supervise",    "callback"};

bool IsHotline(Channel c) { return c == Channel::kHotline12345 || c == Channel::kHotline81890; }

// 回访: reached must be said; a reached resident gives the verdict and the satisfaction, an unreached one neither.
void CheckCallback(const Step& step, Error& errors) {
    if (!step.reached) return void(errors.WithField("reached", "event.callback.reached"));
    if (!*step.reached) {
        if (!step.outcome.empty()) errors.WithField("outcome", "event.callback.unreached");
        if (step.score != 0) errors.WithField("score", "event.callback.unreached");
        return;
    }
    if (step.outcome != "resolved" && step.outcome != "partly" && step.outcome != "not_resolved")
        errors.WithField("outcome", "event.outcome.callback");
    if (step.score < 1 || step.score > 5) errors.WithField("score", "event.score.range");
}

Error Rule(ErrorCode code, std::string key, const Event& e, EventAction a) {
    auto err = MakeError(code, std::move(key));
    err.WithParam("event_state", std::string(ToString(e.state)));
    err.WithParam("event_action", std::string(ToString(a)));
    return err;
}

}  // namespace

std::span<const Transition> Transitions() { return kTable; }

const Transition* Find(EventState from, EventAction action) {
    for (const auto& t : kTable)
        if (t.from == from && t.action == action) return &t;
    return nullptr;
}

bool MayAct(const Transition& t, const Relations& r) {
    return ((t.parties & kDispatcher) && r.dispatcher) || ((t.parties & kHandler) && r.handler) ||
           ((t.parties & kLevelAbove) && r.level_above) || ((t.parties & kReporter) && r.reporter) ||
           ((t.parties & kWhistled) && r.whistled);
}

std::vector<EventAction> AllowedActions(const Event& e, const Relations& r) {
    std::vector<EventAction> out;
    for (const auto& t : kTable) {
        if (t.from != e.state || !MayAct(t, r)) continue;
        if (t.action == EventAction::kVerify && r.handled_it) continue;
        if (t.action == EventAction::kCallback && !IsHotline(e.channel)) continue;
        out.push_back(t.action);
    }
    return out;
}

Result<Event> ApplyStep(const Event& e, const Step& step, const Relations& rel, std::int64_t now) {
    const Transition* t = Find(e.state, step.action);
    if (!t) {
        if (step.action == EventAction::kCloseWhistle)
            return Fail(Rule(ErrorCode::kFailedPrecondition, "event.rule.whistle_open", e, step.action));
        return Fail(Rule(ErrorCode::kFailedPrecondition, "event.rule.state", e, step.action));
    }
    if (!MayAct(*t, rel)) return Fail(Rule(ErrorCode::kPermissionDenied, "event.rule.party", e, step.action));
    if (step.action == EventAction::kVerify && rel.handled_it)
        return Fail(Rule(ErrorCode::kPermissionDenied, "event.rule.verify_self", e, step.action));
    if (step.action == EventAction::kCallback && !IsHotline(e.channel))
        return Fail(Rule(ErrorCode::kFailedPrecondition, "event.callback.channel", e, step.action)
                        .WithParam("event_channel", std::string(ToString(e.channel))));

    Error errors = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    if (t->needs & kNeedReason) member::CheckText(step.reason, 2, 500, "reason", errors);
    else member::CheckText(step.reason, 0, 500, "reason", errors);
    if (t->needs & kNeedNote) member::CheckText(step.note, 2, 2000, "note", errors);
    else member::CheckText(step.note, 0, 2000, "note", errors);
    if (step.photo_ids.size() > static_cast<std::size_t>(std::max(step.photos_max, 0)))
        errors.WithField("photo_ids", "event.photos.too_many", {{"max", std::to_string(step.photos_max)}});
    else if (step.action == EventAction::kHandle &&
             step.photo_ids.size() < static_cast<std::size_t>(std::max(step.after_photos_min, 0)))
        errors.WithField("photo_ids", "event.photos.after_required", {{"min", std::to_string(step.after_photos_min)}});
    for (std::size_t i = 0; i < step.photo_ids.size(); ++i)
        if (!ValidPhotoId(step.photo_ids[i]))
            errors.WithField("photo_ids[" + std::to_string(i) + "]", "event.photo.format");
    if ((t->needs & kNeedAssignee) && (step.assignee_org_id <= 0 || step.assignee_org_path.empty()))
        errors.WithField("assignee_org_id", "event.assignee.missing");
    if (t->needs & kNeedDeadline) {
        if (!step.deadline) errors.WithField("deadline", "event.deadline.missing");
        else if (*step.deadline <= now) errors.WithField("deadline", "event.deadline.past");
        else if (step.action == EventAction::kRequestExtension && e.handle_by && *step.deadline <= *e.handle_by)
            errors.WithField("deadline", "event.deadline.not_later");
    }
    if (t->needs & kNeedRating) {
        const bool reopen = step.action == EventAction::kReopen;
        if (reopen ? step.outcome != "not_resolved" : (step.outcome != "resolved" && step.outcome != "partly"))
            errors.WithField("outcome", reopen ? "event.outcome.reopen" : "event.outcome.rate");
        if (step.score < 1 || step.score > 5) errors.WithField("score", "event.score.range");
    }
    if (t->needs & kNeedCallback) CheckCallback(step, errors);
    if ((t->needs & kNeedMarkKind) && step.mark_kind != "not_our_duty" && step.mark_kind != "unreasonable")
        errors.WithField("mark_kind", "event.mark.kind");
    if (!errors.fields.empty()) return Fail(errors);

    Event next = e;
    if (t->to) next.state = *t->to;
    switch (step.action) {
        case EventAction::kDispatch:
        case EventAction::kReassign:
            next.assignee_org_id = step.assignee_org_id;
            next.assignee_org_path = step.assignee_org_path;
            next.assignee_user_id = step.assignee_user_id;
            next.assignee_name = step.assignee_name;
            next.handle_by = step.deadline;
            next.handled_by = 0;
            break;
        case EventAction::kApproveReturn:  // back to the dispatcher, who dispatches again
            next.assignee_org_id = 0;
            next.assignee_org_path.clear();
            next.assignee_user_id = 0;
            next.assignee_name.clear();
            break;
        case EventAction::kHandle:
            next.handled_by = step.actor_user_id;
            break;
        case EventAction::kReject:
            next.handled_by = 0;
            break;
        case EventAction::kSuspend:
            next.suspended_since = now;
            break;
        case EventAction::kResume:
            // The clock stood still: the deadline moves by the pause (the SLA calendar may refine this).
            if (e.suspended_since) {
                const std::int64_t paused = now - *e.suspended_since;
                next.suspended_millis += paused;
                if (next.handle_by) *next.handle_by += paused;
            }
            next.suspended_since.reset();
            break;
        case EventAction::kApproveExtension:
            next.handle_by = step.deadline;
            break;
        case EventAction::kMark:
            next.mark_kind = step.mark_kind;
            break;
        case EventAction::kRejectMark:
            next.mark_kind.clear();
            break;
        case EventAction::kRate:
            next.outcome = step.outcome;
            next.score = step.score;
            break;
        case EventAction::kReopen:  // "not resolved": back to the same handler
            next.outcome = step.outcome;
            next.score = step.score;
            next.handled_by = 0;
            ++next.reopen_count;
            break;
        case EventAction::kCallback:  // not reached: the state stays and the call-back is tried again
            if (!*step.reached) break;
            next.outcome = step.outcome;
            next.score = step.score;
            if (step.outcome == "not_resolved") {  // reopened to the same handler, as the resident's own "not resolved"
                next.state = EventState::kInProgress;
                next.handled_by = 0;
                ++next.reopen_count;
            } else {
                next.state = EventState::kRated;
            }
            break;
        default:
            break;
    }
    if (next.Closed() && !e.Closed()) next.closed_at = now;
    next.updated_at = now;
    return next;
}

std::string_view ToString(EventAction a) { return kActions[static_cast<std::size_t>(a)]; }

std::optional<EventAction> ParseEventAction(std::string_view s) {
    for (std::size_t i = 0; i < kActions.size(); ++i)
        if (kActions[i] == s) return static_cast<EventAction>(i);
    return std::nullopt;
}

const std::vector<EventAction>& AllActions() {
    static const std::vector<EventAction> kAll = [] {
        std::vector<EventAction> v;
        for (std::size_t i = 0; i < kActions.size(); ++i) v.push_back(static_cast<EventAction>(i));
        return v;
    }();
    return kAll;
}

}  // namespace lianxin::core::event
