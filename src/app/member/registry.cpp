#include "app/member/registry.hpp"

#include <algorithm>
#include <map>

#include "app/audit/audit.hpp"
#include "app/member/lost_contact.hpp"
#include "app/member/member_queries.hpp"
#include "core/member/field_spec.hpp"
#include "core/member/fields.hpp"

namespace lianxin::app {

using core::auth::Permission;
using core::ports::Tx;

namespace {
// The names of the fields the edit changed, for the audit row (values stay out of logs).
std::string ChangedFields(const core::member::Member& a, const core::member::Member& b) {
    std::string out;
    auto add = [&](bool changed, const char* name) {
        if (changed) out += (out.empty() ? "" : ",") + std::string(name);
    };
    add(a.phone != b.phone, "phone");
    add(a.address != b.address, "address");
    add(a.skills != b.skills, "skills");
    for (const auto& f : core::member::MemberFields())
        if (f.registry) add(a.*f.registry != b.*f.registry, f.name);
    add(a.tags != b.tags, "tags");
    add(a.floating_to != b.floating_to, "floating_to");
    add(a.lost_contact_on != b.lost_contact_on, "lost_contact_on");
    return out;
}
// While the register holds an open record (domain.md §5.3), the tag and destination follow the record: they
// change through the register (edit, return), not through the registry form.
core::Status KeepFloatingRecord(Tx& tx, const core::member::Member& m) {
    LX_ASSIGN(records, tx.FloatingRecords().OfMember(m.id));
    if (records.empty() || !records.front().facts.Open()) return core::Ok();
    const bool tagged = std::find(m.tags.begin(), m.tags.end(), "floating") != m.tags.end();
    if (!tagged) return core::Fail(core::InvalidField("tags", "member.floating.register_open"));
    if (m.floating_to != records.front().facts.Destination())
        return core::Fail(core::InvalidField("floating_to", "member.floating.register_open"));
    return core::Ok();
}
}  // namespace

core::Result<MemberRecord> UpdateMember(Context& ctx, const core::auth::Actor& actor, std::int64_t member_id,
                                        const MemberEditInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberWrite));
    MemberRecord out;
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, VisibleMember(tx, actor, member_id, Permission::kMemberWrite));
        if (m.left_on) return core::Fail(core::NotFound("member"));
        if (in.version != m.version)
            return core::Fail(core::MakeError(core::ErrorCode::kConflict, "member.changed_concurrently"));
        const core::member::Member before = m;
        LX_CHECK(core::member::ApplyRegistryEdit(in.edit, ctx.clock.Today(), m));
        LX_CHECK(KeepFloatingRecord(tx, m));
        const auto now = ctx.clock.NowMillis();
        m.updated_at = now;
        LX_CHECK(tx.Members().UpdateRegistry(m));
        auto entry = AuditFor(actor, now, "member.update", "member", std::to_string(member_id)).On(m.org_id, m.org_path);
        entry.subject_member_id = member_id;
        entry.detail = "fields=" + ChangedFields(before, m);
        LX_CHECK(tx.Audit().Append(entry));
        LX_ASSIGN(org, tx.Orgs().Get(m.org_id));
        LX_ASSIGN(periods, tx.Members().Affiliations(member_id));
        ++m.version;
        LX_ASSIGN(changes, tx.Members().StatusChanges(member_id));
        std::map<std::string, core::LeapDay> rules;
        LX_ASSIGN(rule, LeapDayOf(tx, m.org_path, ctx.clock.Today(), rules));
        out = MemberRecord{std::move(m), org ? org->name : "", std::move(periods), std::move(changes), rule};
        return core::Ok();
    }));
    return out;
}

core::Result<MemberRecord> DecideStatus(Context& ctx, const core::auth::Actor& actor, std::int64_t member_id,
                                        const StatusInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberWrite));
    core::Error errors = core::MakeError(core::ErrorCode::kInvalidArgument, "request.invalid");
    auto action = core::member::ParseStatusAction(in.action);
    if (!action) errors.WithField("action", "member.status_action.unknown");
    auto on = core::member::CheckDate(in.on, ctx.clock.Today(), "on", errors);
    std::optional<core::member::StopGround> ground;
    if (!in.ground.empty()) {
        ground = core::member::ParseStopGround(in.ground);
        if (!ground) errors.WithField("ground", "member.ground.unknown");
    }
    if (!errors.fields.empty()) return core::Fail(errors);
    const core::member::StatusDecision decision{*action, *on, ground, in.doc_ref, in.reason};
    MemberRecord out;
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, VisibleMember(tx, actor, member_id, Permission::kMemberWrite));
        if (in.version != m.version)
            return core::Fail(core::MakeError(core::ErrorCode::kConflict, "member.changed_concurrently"));
        LX_ASSIGN(searched, EpisodeLostContactDates(tx, m));
        LX_CHECK(core::member::ApplyStatusDecision(decision, m, searched));
        const auto now = ctx.clock.NowMillis();
        LX_CHECK(tx.Members().UpdateStatus(m));
        LX_CHECK(tx.Members().AppendStatusChange(
            member_id, core::ports::StatusChangeRecord{0, in.action, *on, ground ? in.ground : "", in.doc_ref,
                                                       in.reason, actor.user_id, now}));
        auto entry = AuditFor(actor, now, "member.status", "member", std::to_string(member_id)).On(m.org_id, m.org_path);
        entry.subject_member_id = member_id;
        entry.detail = "action=" + in.action;
        LX_CHECK(tx.Audit().Append(entry));
        LX_ASSIGN(org, tx.Orgs().Get(m.org_id));
        LX_ASSIGN(periods, tx.Members().Affiliations(member_id));
        LX_ASSIGN(changes, tx.Members().StatusChanges(member_id));
        ++m.version;
        std::map<std::string, core::LeapDay> rules;
        LX_ASSIGN(rule, LeapDayOf(tx, m.org_path, ctx.clock.Today(), rules));
        out = MemberRecord{std::move(m), org ? org->name : "", std::move(periods), std::move(changes), rule};
        return core::Ok();
    }));
    return out;
}

}  // namespace lianxin::app
