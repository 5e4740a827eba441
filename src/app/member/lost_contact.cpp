#include "app/member/lost_contact.hpp"

#include "app/member/member_queries.hpp"
#include "app/policy/policies.hpp"
#include "core/member/fields.hpp"
#include "core/ports/repositories.hpp"

namespace lianxin::app {

using core::auth::Permission;
using core::ports::Tx;

namespace {

std::vector<core::member::LostContactSearch> Facts(const std::vector<core::ports::LostContactRecord>& entries) {
    std::vector<core::member::LostContactSearch> out;
    out.reserve(entries.size());
    for (const auto& e : entries) out.push_back(e.search);
    return out;
}

core::Result<LostContactSearches> Load(Tx& tx, const core::auth::Actor& actor, const core::member::Member& m,
                                       const core::Date& today) {
    LostContactSearches out;
    out.member_id = m.id;
    out.member_version = m.version;
    out.lost_contact = core::member::LostContact(m);
    out.lost_contact_on = out.lost_contact ? m.lost_contact_on : std::nullopt;
    LX_ASSIGN(entries, tx.LostContacts().OfMember(m.id));
    LX_ASSIGN(policies, PoliciesFor(tx, m.org_path));
    out.reminder = core::member::LostContactReminder(m, Facts(entries), today, policies);
    out.entries = std::move(entries);
    if (out.lost_contact && !m.left_on && core::auth::Authorize(actor, Permission::kMemberWrite, m.org_path))
        out.actions = {"add"};
    return out;
}

}  // namespace

core::Result<std::vector<core::Date>> EpisodeLostContactDates(Tx& tx, const core::member::Member& m) {
    LX_ASSIGN(entries, tx.LostContacts().OfMember(m.id));
    return core::member::EpisodeLostContactDates(m, Facts(entries));
}

core::Result<Audited<LostContactSearches>> ViewLostContactSearches(Context& ctx, const core::auth::Actor& actor,
                                                                   std::int64_t member_id) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberRead));
    const auto today = ctx.clock.Today();
    LostContactSearches out;
    AuditOrg filed;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, VisibleMember(tx, actor, member_id, Permission::kMemberRead));
        filed = {m.org_id, m.org_path};
        LX_ASSIGN(view, Load(tx, actor, m, today));
        out = std::move(view);
        return core::Ok();
    }));
    auto entry = AuditFor(actor, ctx.clock.NowMillis(), "search.view", "member", std::to_string(member_id)).On(filed);
    entry.subject_member_id = member_id;
    return Audited<LostContactSearches>{std::move(out), std::move(entry)};
}

core::Result<LostContactSearches> AddLostContactSearch(Context& ctx, const core::auth::Actor& actor,
                                                       std::int64_t member_id, const LostContactInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberWrite));
    const auto today = ctx.clock.Today();
    core::Error errors = core::MakeError(core::ErrorCode::kInvalidArgument, "request.invalid");
    auto on = core::member::CheckDate(in.on, today, "on", errors);
    auto method = core::member::ParseLostContactMethod(in.method);
    if (!method) errors.WithField("method", "lost_contact.method.unknown");
    if (!errors.fields.empty()) return core::Fail(errors);
    const core::member::LostContactSearch search{*on, *method, in.searched_by, in.result, in.found};
    LostContactSearches out;
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, VisibleMember(tx, actor, member_id, Permission::kMemberWrite));
        LX_CHECK(core::member::CheckLostContactSearch(m, search, today));
        const auto now = ctx.clock.NowMillis();
        LX_CHECK(tx.LostContacts().Append(
            core::ports::LostContactRecord{0, member_id, search, actor.user_id, actor.display_name, now}));
        if (search.found) {
            // Contact restored (§2.4 field 15): the member is no longer lost; the entry closes the episode.
            core::member::RestoreContact(m);
            m.updated_at = now;
            LX_CHECK(tx.Members().UpdateRegistry(m));
            ++m.version;
        }
        auto entry = AuditFor(actor, now, "search.add", "member", std::to_string(member_id)).On(m.org_id, m.org_path);
        entry.subject_member_id = member_id;
        entry.detail = std::string("method=") + in.method + (search.found ? " found=true" : "");
        LX_CHECK(tx.Audit().Append(entry));
        LX_ASSIGN(view, Load(tx, actor, m, today));
        out = std::move(view);
        out.contact_restored = search.found;
        return core::Ok();
    }));
    return out;
}

}  // namespace lianxin::app
