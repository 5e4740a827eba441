// Writing the floating-member register (domain.md §5.3): open, edit, notes, return. The member's registry tag
// and destination follow the record in the same transaction.
#include "app/member/floating.hpp"

#include <algorithm>

#include "app/member/floating_view.hpp"
#include "app/member/member_queries.hpp"
#include "app/policy/policies.hpp"
#include "core/member/fields.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::auth::Permission;
using core::member::Floating;
using core::ports::FloatingRecord;
using core::ports::Tx;

namespace {
// The record's facts under the outflow branch's rules in force on the day the member left (issue 16: a decision
// is judged by the policy of its date).
core::Status CheckAgainstPolicy(Tx& tx, const FloatingRecord& rec, const core::Date& today) {
    LX_ASSIGN(policies, PoliciesFor(tx, rec.org_path));
    return core::member::CheckFloating(rec.facts, today, core::member::FloatingPolicyOn(policies, rec.facts.left_on));
}

core::Error Invalid() { return core::MakeError(ErrorCode::kInvalidArgument, "request.invalid"); }

// The input's fields as facts (phone kept from `base` when absent), with one error naming each bad date.
core::Result<Floating> ParseInput(const FloatingInput& in, const Floating& base, const core::Date& today) {
    core::Error errors = Invalid();
    Floating f = base;
    auto left = core::member::CheckDate(in.left_on, today, "left_on", errors);
    auto reason = core::member::ParseFloatingReason(in.reason);
    if (!reason) errors.WithField("reason", "floating.reason.unknown");
    f.expected_return.reset();
    if (!in.expected_return.empty()) {
        auto d = core::Date::Parse(in.expected_return);
        if (!d) errors.WithField("expected_return", "date.format");
        f.expected_return = d;
    }
    std::optional<core::Date> since;
    if (!in.participating_since.empty())
        since = core::member::CheckDate(in.participating_since, today, "participating_since", errors);
    if (!in.participating_since.empty() && in.participating_org_id == 0 && in.participating_org_name.empty())
        errors.WithField("participating_org_name", "floating.participating.missing");
    if (!errors.fields.empty()) return core::Fail(errors);
    f.left_on = *left;
    f.reason = *reason;
    f.province = in.province;
    f.city = in.city;
    f.county = in.county;
    f.employer = in.employer;
    if (in.phone) f.phone = *in.phone;
    f.fixed_place = in.fixed_place;
    f.certificate_no = in.certificate_no;
    f.cannot_transfer = in.cannot_transfer;
    f.cannot_transfer_reason = in.cannot_transfer_reason;
    f.participating.reset();
    if (in.participating_org_id != 0 || !in.participating_org_name.empty())
        f.participating = core::member::ParticipatingOrg{in.participating_org_id, in.participating_org_name, since};
    return f;
}

// The participating org inside this system: any current org but the member's own (its name and path are the
// org's); an org outside the system is a name only.
core::Status ResolveParticipating(Tx& tx, FloatingRecord& rec, const core::Date& today) {
    rec.in_org_path.clear();
    auto& p = rec.facts.participating;
    if (!p || p->org_id == 0) return core::Ok();
    LX_ASSIGN(org, tx.Orgs().Get(p->org_id));
    if (!org || !org->ValidOn(today))
        return core::Fail(core::InvalidField("participating_org_id", "floating.participating.unknown"));
    if (org->id == rec.org_id)
        return core::Fail(core::InvalidField("participating_org_id", "floating.participating.own_org"));
    p->name = org->name;
    rec.in_org_path = org->path;
    return core::Ok();
}

// The registry follows the record: floating with its destination while open, neither once returned.
core::Status SyncRegistry(Tx& tx, std::int64_t member_id, const Floating& f, std::int64_t now) {
    LX_ASSIGN(m, tx.Members().Get(member_id));
    if (!m) return core::Fail(core::NotFound("member"));
    auto& tags = m->tags;
    tags.erase(std::remove(tags.begin(), tags.end(), std::string("floating")), tags.end());
    if (f.Open()) {
        // keep the registry's fixed tag order: in_service, retired, floating, lost_contact
        auto at = std::find(tags.begin(), tags.end(), std::string("lost_contact"));
        tags.insert(at, "floating");
    }
    m->floating_to = f.Open() ? f.Destination() : "";
    m->updated_at = now;
    return tx.Members().UpdateRegistry(*m);
}

core::Status Audit(Tx& tx, const core::auth::Actor& actor, std::int64_t now, const std::string& action,
                   const FloatingRecord& rec, std::string detail = {}) {
    auto entry = AuditFor(actor, now, action, "floating", std::to_string(rec.id)).On(rec.org_id, rec.org_path);
    entry.subject_member_id = rec.member_id;
    entry.detail = std::move(detail);
    return tx.Audit().Append(entry);
}

// The record for a write by the outflow side: visible, still open unless `closed_ok`, member_write on the
// member's org (403 "floating.not_your_side" for the inflow side), the version the form was loaded with.
core::Result<FloatingRecord> OutflowRecord(Tx& tx, const core::auth::Actor& actor, std::int64_t id,
                                           std::optional<std::int64_t> version) {
    LX_ASSIGN(rec, VisibleFloating(tx, actor, id));
    if (!core::auth::Authorize(actor, Permission::kMemberWrite, rec.org_path))
        return core::Fail(core::Denied("floating.not_your_side"));
    if (version && *version != rec.version)
        return core::Fail(core::MakeError(ErrorCode::kConflict, "floating.changed_concurrently"));
    return rec;
}

// The record as stored after a write, in the view the actor gets (with its notes).
core::Status Reload(Tx& tx, const core::auth::Actor& actor, std::int64_t id, const core::Date& today,
                    FloatingView& out) {
    LX_ASSIGN(stored, tx.FloatingRecords().Get(id));
    if (!stored) return core::Fail(core::NotFound("floating"));
    LX_ASSIGN(view, LoadFloatingView(tx, actor, std::move(*stored), today, true));
    out = std::move(view);
    return core::Ok();
}

}  // namespace

core::Result<FloatingView> OpenFloating(Context& ctx, const core::auth::Actor& actor, std::int64_t member_id,
                                        const FloatingInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberWrite));
    const auto today = ctx.clock.Today();
    LX_ASSIGN(facts, ParseInput(in, Floating{}, today));
    FloatingView out;
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, VisibleMember(tx, actor, member_id, Permission::kMemberWrite));
        if (m.left_on) return core::Fail(core::NotFound("member"));
        FloatingRecord rec;
        rec.member_id = member_id;
        rec.org_id = m.org_id;
        rec.org_path = m.org_path;
        rec.facts = facts;
        rec.created_by = actor.user_id;
        LX_CHECK(ResolveParticipating(tx, rec, today));
        LX_CHECK(CheckAgainstPolicy(tx, rec, today));
        const auto now = ctx.clock.NowMillis();
        auto id = tx.FloatingRecords().Insert(rec, now);
        if (!id && id.error().code == ErrorCode::kConflict)
            return core::Fail(core::MakeError(ErrorCode::kConflict, "floating.open_exists"));
        if (!id) return core::Fail(id.error());
        rec.id = *id;
        LX_CHECK(SyncRegistry(tx, member_id, rec.facts, now));
        LX_CHECK(Audit(tx, actor, now, "floating.open", rec));
        return Reload(tx, actor, *id, today, out);
    }));
    return out;
}

core::Result<FloatingView> EditFloating(Context& ctx, const core::auth::Actor& actor, std::int64_t id,
                                        std::int64_t version, const FloatingInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberWrite));
    const auto today = ctx.clock.Today();
    FloatingView out;
    // System scope: the inflow org reaches the record too (with the member outside its subtree) and is answered 403.
    LX_CHECK(ctx.db.Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(rec, OutflowRecord(tx, actor, id, version));
        if (!rec.facts.Open())
            return core::Fail(core::MakeError(ErrorCode::kFailedPrecondition, "floating.rule.closed")
                                  .WithParam("returned_on", rec.facts.returned_on->ToString()));
        LX_ASSIGN(facts, ParseInput(in, rec.facts, today));
        rec.facts = std::move(facts);
        LX_CHECK(ResolveParticipating(tx, rec, today));
        LX_CHECK(CheckAgainstPolicy(tx, rec, today));
        const auto now = ctx.clock.NowMillis();
        LX_CHECK(tx.FloatingRecords().Update(rec, now));
        LX_CHECK(SyncRegistry(tx, rec.member_id, rec.facts, now));
        LX_CHECK(Audit(tx, actor, now, "floating.update", rec));
        return Reload(tx, actor, id, today, out);
    }));
    return out;
}

core::Result<FloatingView> AddFloatingNote(Context& ctx, const core::auth::Actor& actor, std::int64_t id,
                                           const FloatingNoteInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberRead));
    const auto today = ctx.clock.Today();
    core::Error errors = Invalid();
    auto kind = core::member::ParseFloatingReportKind(in.kind);
    if (!kind) errors.WithField("kind", "floating.kind.unknown");
    auto on = core::member::CheckDate(in.on, today, "on", errors);
    if (!errors.fields.empty()) return core::Fail(errors);
    const core::member::FloatingReport report{*kind, *on, in.text};
    FloatingView out;
    // System scope: the inflow org writes its notes beside a member of another branch (and is answered 403 for
    // the outflow side's kinds).
    LX_CHECK(ctx.db.Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(rec, VisibleFloating(tx, actor, id));
        // Reports and contact belong to the outflow branch; participation and dues at the inflow org to it.
        const bool inflow = core::member::InflowKind(*kind);
        const auto& path = inflow ? rec.in_org_path : rec.org_path;
        const auto need = inflow ? Permission::kMemberRead : Permission::kMemberWrite;
        if (path.empty() || !core::auth::Authorize(actor, need, path))
            return core::Fail(core::Denied("floating.not_your_side"));
        LX_CHECK(core::member::CheckFloatingReport(rec.facts, report, today));
        const auto now = ctx.clock.NowMillis();
        LX_CHECK(tx.FloatingRecords().AppendNote(
            id,
            core::ports::FloatingNote{0, 0, report, inflow ? "in" : "out", actor.user_id, actor.display_name, now}));
        LX_CHECK(Audit(tx, actor, now, "floating.note", rec, "kind=" + in.kind));
        return Reload(tx, actor, id, today, out);
    }));
    return out;
}

core::Result<FloatingView> ReturnFloatingMember(Context& ctx, const core::auth::Actor& actor, std::int64_t id,
                                                const FloatingReturnInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberWrite));
    const auto today = ctx.clock.Today();
    core::Error errors = Invalid();
    auto on = core::member::CheckDate(in.on, today, "returned_on", errors);
    if (!errors.fields.empty()) return core::Fail(errors);
    FloatingView out;
    // System scope: the inflow org reaches the record too (with the member outside its subtree) and is answered 403.
    LX_CHECK(ctx.db.Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(rec, OutflowRecord(tx, actor, id, in.version));
        LX_ASSIGN(closed, core::member::ReturnFloating(rec.facts, *on, in.note, today));
        rec.facts = std::move(closed);
        const auto now = ctx.clock.NowMillis();
        LX_CHECK(tx.FloatingRecords().Update(rec, now));
        LX_CHECK(SyncRegistry(tx, rec.member_id, rec.facts, now));
        LX_CHECK(Audit(tx, actor, now, "floating.return", rec));
        return Reload(tx, actor, id, today, out);
    }));
    return out;
}

}  // namespace lianxin::app
