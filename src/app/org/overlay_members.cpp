// Dual identity (双重身份, seed 002; domain.md §5.4): registry members linked to an overlay under its dual
// leadership while their formal affiliation stays single — the link is a dated participation relation, never a
// transfer (domain.md §5 "must enforce").
#include "app/audit/audit.hpp"
#include "app/org/overlays.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::auth::Permission;
using core::ports::Tx;

core::Result<LinkResult> LinkMembers(Context& ctx, const core::auth::Actor& actor, std::int64_t overlay_id,
                                     const std::vector<std::int64_t>& member_ids, const std::string& since) {
    const auto today = ctx.clock.Today();
    LinkResult out;
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(o, VisibleOverlay(tx, actor, overlay_id, Permission::kOrgWrite));
        auto errors = core::MakeError(ErrorCode::kInvalidArgument, "request.invalid");
        auto from = since.empty() ? std::optional<core::Date>(today) : core::Date::Parse(since);
        if (!from) errors.WithField("since", "date.format");
        else if (*from > today) errors.WithField("since", "date.future", {{"latest", today.ToString()}});
        else if (*from < o.founded_on)
            errors.WithField("since", "overlay.before_founded", {{"date", o.founded_on.ToString()}});
        if (member_ids.empty()) errors.WithField("member_ids", "overlay.members_required");
        // Every id is checked before anything is written: one member outside the scope refuses the whole request.
        for (std::size_t i = 0; i < member_ids.size(); ++i) {
            LX_ASSIGN(m, tx.Members().Get(member_ids[i]));
            if (!m || m->left_on || !core::auth::Authorize(actor, Permission::kMemberRead, m->org_path))
                errors.WithField("member_ids[" + std::to_string(i) + "]", "overlay.member_not_in_scope");
        }
        if (!errors.fields.empty()) return core::Fail(errors);
        const auto now = ctx.clock.NowMillis();
        LX_ASSIGN(added, tx.Overlays().Link(overlay_id, member_ids, *from, actor.user_id, now));
        out.linked = added;
        out.already = static_cast<int>(member_ids.size()) - added;
        auto entry = AuditFor(actor, now, "overlay.link", "overlay", std::to_string(overlay_id))
                         .On(o.host_org_id, o.host_org_path);
        entry.detail = "linked=" + std::to_string(out.linked) + " already=" + std::to_string(out.already);
        if (member_ids.size() == 1) entry.subject_member_id = member_ids.front();
        return tx.Audit().Append(entry);
    }));
    return out;
}

core::Status UnlinkMember(Context& ctx, const core::auth::Actor& actor, std::int64_t overlay_id,
                          std::int64_t member_id) {
    const auto today = ctx.clock.Today();
    return ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(o, VisibleOverlay(tx, actor, overlay_id, Permission::kOrgWrite));
        LX_ASSIGN(m, tx.Members().Get(member_id));
        if (!m || !core::auth::Authorize(actor, Permission::kMemberRead, m->org_path))
            return core::Fail(core::NotFound("member"));
        LX_CHECK(tx.Overlays().Unlink(overlay_id, member_id, today));
        auto entry = AuditFor(actor, ctx.clock.NowMillis(), "overlay.unlink", "overlay", std::to_string(overlay_id))
                         .On(o.host_org_id, o.host_org_path);
        entry.subject_member_id = member_id;
        return tx.Audit().Append(entry);
    });
}

core::Result<LinkedMembers> ListLinkedMembers(Context& ctx, const core::auth::Actor& actor, std::int64_t overlay_id) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberRead));
    const auto today = ctx.clock.Today();
    LinkedMembers out;
    AuditOrg filed;
    // System scope: linked members of other subtrees are counted, never shown (security.md A3).
    LX_CHECK(ctx.db.Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(o, VisibleOverlay(tx, actor, overlay_id, Permission::kOrgRead));
        filed = {o.host_org_id, o.host_org_path};
        LX_ASSIGN(links, tx.Overlays().Links(overlay_id, today));
        for (auto& l : links) {
            if (core::auth::Authorize(actor, Permission::kMemberRead, l.org_path)) out.items.push_back(std::move(l));
            else ++out.outside_scope;
        }
        return core::Ok();
    }));
    auto entry =
        AuditFor(actor, ctx.clock.NowMillis(), "overlay.members", "overlay", std::to_string(overlay_id)).On(filed);
    entry.detail = "count=" + std::to_string(out.items.size());
    LX_CHECK(AppendAudit(ctx, std::move(entry)));
    return out;
}

}  // namespace lianxin::app
