#include "app/member/transfer.hpp"

#include "app/member/transfer_view.hpp"
#include "app/org/org_queries.hpp"
#include "app/policy/policies.hpp"
#include "core/member/field_spec.hpp"
#include "core/member/fields.hpp"
#include "core/member/id_number.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::auth::Permission;
using core::member::TransferAction;
using core::member::TransferKind;
using core::ports::TransferEvent;
using core::ports::TransferRecord;
using core::ports::Tx;

namespace {

core::Error Invalid() { return core::MakeError(ErrorCode::kInvalidArgument, "request.invalid"); }

std::optional<core::member::Letter> ParseLetter(const LetterInput& in, const core::Date& today, bool dated,
                                                core::Error& errors) {
    core::member::Letter l;
    l.serial = in.serial;
    l.valid_days = in.valid_days;
    l.dues_paid_to = in.dues_paid_to;
    l.cross_province = in.cross_province;
    if (dated) {
        auto issued = core::member::CheckDate(in.issued_on, today, "letter.issued_on", errors);
        if (!issued) return std::nullopt;
        l.issued_on = *issued;
    }
    return l;
}

TransferEvent EventOf(const core::auth::Actor& actor, int seq, std::string action, const core::Date& on,
                      std::string note, std::int64_t at) {
    return TransferEvent{0, seq, std::move(action), on, std::move(note), actor.user_id, actor.display_name, at};
}

// The open-transfer unique index is the only conflict an insert can meet.
core::Result<std::int64_t> InsertTransfer(Tx& tx, const TransferRecord& rec, const TransferEvent& first,
                                          std::int64_t at) {
    auto id = tx.Transfers().Insert(rec, first, at);
    if (!id && id.error().code == ErrorCode::kConflict) {
        auto e = core::MakeError(ErrorCode::kConflict, "request.invalid");
        return core::Fail(e.WithField("member_id", "transfer.member.open"));
    }
    return id;
}

// The registry side of a step: acceptance moves the member (or, for a letter from outside, enters them);
// the receipt of a transfer out takes the member out of the registry.
core::Status UpdateRegistry(Tx& tx, TransferRecord& rec, TransferAction action, const core::Date& on,
                            const core::org::Org* placed, std::int64_t now) {
    if (action == TransferAction::kAccept && rec.facts.kind == TransferKind::kWithin) {
        LX_ASSIGN(m, tx.Members().Get(rec.member_id));
        if (!m || m->left_on)
            return core::Fail(core::MakeError(ErrorCode::kFailedPrecondition, "transfer.member.gone"));
        LX_CHECK(tx.Members().Move(*m, *placed, on, rec.id));
    } else if (action == TransferAction::kAccept) {
        LX_ASSIGN(existing, tx.Members().FindByIdNumber(rec.id_number));
        if (existing) {
            auto e = core::MakeError(ErrorCode::kConflict, "transfer.id_number.exists");
            return core::Fail(e);
        }
        core::member::Member m;
        m.org_id = placed->id;
        m.org_path = placed->path;
        m.region_code = placed->region_code;
        m.name = rec.name;
        m.sex = rec.sex;
        m.ethnicity = rec.ethnicity;
        m.birth_date = rec.birth_date;
        m.id_number = rec.id_number;
        m.phone = rec.phone;
        m.category = rec.category;
        m.join_date = rec.join_date;
        m.conversion_date = rec.conversion_date;
        m.affiliated_since = on;
        m.updated_at = now;  // created and last changed now
        LX_ASSIGN(member_id, tx.Members().Insert(m));
        rec.member_id = member_id;
    } else if (action == TransferAction::kReceipt && rec.facts.kind == TransferKind::kOut) {
        LX_ASSIGN(m, tx.Members().Get(rec.member_id));
        if (!m) return core::Fail(core::MakeError(ErrorCode::kInternal, "internal", "transfer member missing"));
        m->left_on = on;
        m->left_reason = "transferred_out";
        LX_CHECK(tx.Members().UpdateStatus(*m));
    }
    return core::Ok();
}

// The branch that takes the member in: inside the receiving org's subtree and the actor's write scope.
core::Result<core::org::Org> Placement(Tx& tx, const core::auth::Actor& actor, const TransferRecord& rec,
                                       std::int64_t org_id) {
    if (org_id == 0) return core::Fail(core::InvalidField("org_id", "transfer.org.missing"));
    auto org = VisibleOrg(tx, actor, org_id, Permission::kMemberWrite);
    if (!org || org->path.compare(0, rec.to_org_path.size(), rec.to_org_path) != 0)
        return core::Fail(core::InvalidField("org_id", "transfer.org.outside"));
    return *org;
}

// The transfer figures of the org the record is filed under (the sending org here, else the receiving one),
// in force on `on`.
core::Result<core::member::TransferPolicy> PolicyOf(Tx& tx, const TransferRecord& rec, const core::Date& on) {
    LX_ASSIGN(policies, PoliciesFor(tx, TransferOrg(rec).path));
    return core::member::TransferPolicyOn(policies, on);
}

core::Status SetDue(Tx& tx, TransferRecord& rec, const core::Date& today) {
    LX_ASSIGN(policy, PolicyOf(tx, rec, today));
    auto reminders = core::member::TransferReminders(rec.facts, policy, today);
    rec.due_key = reminders.empty() ? "" : reminders.front().key;
    rec.due_on = reminders.empty() ? std::nullopt : std::optional<core::Date>(reminders.front().due);
    return core::Ok();
}

}  // namespace

core::Result<std::int64_t> RequestTransfer(Context& ctx, const core::auth::Actor& actor,
                                           const TransferRequestInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberWrite));
    const auto today = ctx.clock.Today();
    core::Error errors = Invalid();
    auto kind = core::member::ParseTransferKind(in.kind);
    if (!kind || *kind == TransferKind::kIn) errors.WithField("kind", "transfer.kind.unknown");
    auto on = core::member::CheckDate(in.on, today, "on", errors);
    core::member::CheckText(in.reason, 2, 200, "reason", errors);
    if (kind == TransferKind::kOut) core::member::CheckText(in.to_org_name, 2, 100, "to_org_name", errors);
    if (kind == TransferKind::kWithin && in.to_org_id <= 0) errors.WithField("to_org_id", "transfer.to_org.unknown");
    if (!errors.fields.empty()) return core::Fail(errors);
    // A request carries no letter: the transfer figures play no part yet.
    LX_ASSIGN(facts, core::member::StartTransfer(*kind, *on, std::nullopt, core::member::TransferPolicy{}));

    std::int64_t new_id = 0;
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, tx.Members().Get(in.member_id));
        if (!m || m->left_on || !core::auth::Authorize(actor, Permission::kMemberWrite, m->org_path))
            return core::Fail(core::InvalidField("member_id", "member.not_in_scope"));
        LX_ASSIGN(from, tx.Orgs().Get(m->org_id));
        TransferRecord rec;
        rec.facts = facts;
        rec.member_id = m->id;
        rec.from_org_id = m->org_id;
        rec.from_org_path = m->org_path;
        rec.from_org_name = from ? from->name : "";
        if (*kind == TransferKind::kWithin) {
            LX_ASSIGN(to, tx.Orgs().Get(in.to_org_id));
            if (!to || to->valid_from > today || (to->valid_to && *to->valid_to <= today))
                return core::Fail(core::InvalidField("to_org_id", "transfer.to_org.unknown"));
            if (to->id == m->org_id) return core::Fail(core::InvalidField("to_org_id", "transfer.to_org.same"));
            rec.to_org_id = to->id;
            rec.to_org_path = to->path;
            rec.to_org_name = to->name;
        } else {
            rec.to_org_name = in.to_org_name;
        }
        rec.name = m->name;
        rec.sex = m->sex;
        rec.birth_date = m->birth_date;
        rec.ethnicity = m->ethnicity;
        rec.category = m->category;
        rec.reason = in.reason;
        rec.created_by = actor.user_id;
        const auto now = ctx.clock.NowMillis();
        LX_ASSIGN(id, InsertTransfer(tx, rec, EventOf(actor, 1, "request", *on, "", now), now));
        new_id = id;
        auto entry = AuditFor(actor, now, "transfer.request", "transfer", std::to_string(id)).On(m->org_id, m->org_path);
        entry.subject_member_id = m->id;
        return tx.Audit().Append(entry);
    }));
    return new_id;
}

core::Result<std::int64_t> RegisterIncoming(Context& ctx, const core::auth::Actor& actor, const IncomingInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kTransferIssue));
    const auto today = ctx.clock.Today();
    core::Error errors = Invalid();
    core::member::CheckField("name", in.name, errors);
    core::member::CheckText(in.from_org_name, 2, 100, "from_org_name", errors);
    auto id = core::member::ParseIdNumber(in.id_number, "id_number");
    if (!id) errors.fields.push_back(id.error().fields.at(0));
    if (in.sex != "male" && in.sex != "female") errors.WithField("sex", "member.sex.format");
    else if (id && core::member::ToString(id->sex) != in.sex) errors.WithField("sex", "member.sex.mismatch");
    core::member::CheckField("ethnicity", in.ethnicity, errors);
    core::member::CheckField("phone", in.phone, errors);
    if (in.category != "full" && in.category != "probationary") errors.WithField("category", "member.category.format");
    auto joined = core::member::CheckDate(in.join_date, today, "join_date", errors);
    std::optional<core::Date> converted;
    if (in.category == "full" && !in.conversion_date.empty())
        converted = core::member::CheckDate(in.conversion_date, today, "conversion_date", errors);
    auto on = core::member::CheckDate(in.on, today, "on", errors);
    core::member::CheckText(in.reason, 0, 200, "reason", errors);
    auto letter = ParseLetter(in.letter, today, true, errors);
    if (!errors.fields.empty()) return core::Fail(errors);

    std::int64_t new_id = 0;
    // System scope: the duplicate check of the arriving ID number is global.
    LX_CHECK(ctx.db.Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        auto to = VisibleOrg(tx, actor, in.to_org_id, Permission::kTransferIssue, today);
        if (!to) return core::Fail(core::InvalidField("to_org_id", "org.not_in_scope"));
        LX_ASSIGN(as_member, tx.Members().FindByIdNumber(id->canonical));
        if (as_member) {
            auto e = core::MakeError(ErrorCode::kConflict, "request.invalid");
            return core::Fail(e.WithField("id_number", "transfer.id_number.exists"));
        }
        TransferRecord rec;
        rec.from_org_name = in.from_org_name;
        rec.to_org_id = to->id;
        rec.to_org_path = to->path;
        rec.to_org_name = to->name;
        rec.name = in.name;
        rec.sex = id->sex;
        rec.birth_date = id->birth_date;
        rec.ethnicity = in.ethnicity;
        rec.category = in.category == "full" ? core::member::Category::kFull : core::member::Category::kProbationary;
        rec.id_number = id->canonical;
        rec.phone = in.phone;
        rec.join_date = joined;
        rec.conversion_date = converted;
        rec.reason = in.reason;
        rec.created_by = actor.user_id;
        // The arriving letter is judged by the receiving org's figures on the day it was issued.
        LX_ASSIGN(policy, PolicyOf(tx, rec, letter ? letter->issued_on : *on));
        LX_ASSIGN(facts, core::member::StartTransfer(TransferKind::kIn, *on, letter, policy));
        rec.facts = std::move(facts);
        LX_CHECK(SetDue(tx, rec, today));
        const auto now = ctx.clock.NowMillis();
        LX_ASSIGN(tid, InsertTransfer(tx, rec, EventOf(actor, 1, "register", *on, "", now), now));
        new_id = tid;
        auto entry = AuditFor(actor, now, "transfer.register", "transfer", std::to_string(tid)).On(*to);
        return tx.Audit().Append(entry);
    }));
    return new_id;
}

core::Result<TransferView> ActOnTransfer(Context& ctx, const core::auth::Actor& actor, std::int64_t id,
                                         const TransferActionInput& in) {
    if (!core::auth::AuthorizeAny(actor, Permission::kMemberWrite) &&
        !core::auth::AuthorizeAny(actor, Permission::kTransferIssue))
        return core::Fail(core::Denied());
    const auto today = ctx.clock.Today();
    core::Error errors = Invalid();
    auto action = core::member::ParseTransferAction(in.action);
    if (!action) errors.WithField("action", "transfer.action.unknown");
    auto on = core::member::CheckDate(in.on, today, "on", errors);
    core::member::TransferStep step;
    if (action == TransferAction::kIssue && in.letter) step.letter = ParseLetter(*in.letter, today, false, errors);
    if (!errors.fields.empty()) return core::Fail(errors);
    step.action = *action;
    step.on = *on;
    step.reason = in.reason;

    TransferView out;
    // Accepting (the receiving side) moves or enters a member who is not in its subtree yet: system scope.
    const auto scope = *action == TransferAction::kAccept ? core::ports::Scope::System()
                                                          : core::ports::Scope::Of(actor);
    LX_CHECK(ctx.db.Write(scope, [&](Tx& tx) -> core::Status {
        LX_ASSIGN(rec, VisibleTransfer(tx, actor, id));
        if (in.version != rec.version)
            return core::Fail(core::MakeError(ErrorCode::kConflict, "transfer.changed_concurrently"));
        const auto may = ActionsFor(actor, rec);
        const auto name = std::string(core::member::ToString(*action));
        const auto allowed = core::member::NextActions(rec.facts);
        if (std::find(allowed.begin(), allowed.end(), *action) != allowed.end() &&
            std::find(may.begin(), may.end(), name) == may.end())
            return core::Fail(core::Denied("transfer.not_your_side"));
        LX_ASSIGN(policy, PolicyOf(tx, rec, step.on));  // a step is judged by the figures of its date
        LX_ASSIGN(next, core::member::ApplyTransferStep(rec.facts, step, policy));
        std::optional<core::org::Org> placed;
        if (*action == TransferAction::kAccept) {
            LX_ASSIGN(org, Placement(tx, actor, rec, in.org_id));
            placed = std::move(org);
        }
        rec.facts = std::move(next);
        LX_CHECK(UpdateRegistry(tx, rec, *action, *on, placed ? &*placed : nullptr, ctx.clock.NowMillis()));
        if (placed) rec.placed_org_id = placed->id;
        LX_CHECK(SetDue(tx, rec, today));
        const auto now = ctx.clock.NowMillis();
        LX_CHECK(tx.Transfers().Update(rec, now));
        ++rec.version;
        LX_ASSIGN(events, tx.Transfers().Events(id));
        LX_CHECK(tx.Transfers().AppendEvent(
            id, EventOf(actor, static_cast<int>(events.size()) + 1, name, *on, in.reason, now)));
        auto entry = AuditFor(actor, now, "transfer." + name, "transfer", std::to_string(id)).On(TransferOrg(rec));
        entry.subject_member_id = rec.member_id;
        LX_CHECK(tx.Audit().Append(entry));
        LX_ASSIGN(view, LoadTransferView(tx, actor, std::move(rec), today, true));
        out = std::move(view);
        return core::Ok();
    }));
    return out;
}

}  // namespace lianxin::app
