// Reading the floating-member register: one member's records, the outflow and inflow lists, and the view
// each side gets.
#include "app/member/floating_view.hpp"
#include "app/member/member_queries.hpp"
#include "app/org/org_queries.hpp"
#include "app/policy/policies.hpp"

namespace lianxin::app {

using core::auth::Permission;
using core::ports::FloatingRecord;
using core::ports::Tx;

namespace {
bool On(const core::auth::Actor& actor, Permission p, const std::string& path) {
    return !path.empty() && core::auth::Authorize(actor, p, path);
}
}  // namespace

core::Result<FloatingRecord> VisibleFloating(Tx& tx, const core::auth::Actor& actor, std::int64_t id) {
    LX_ASSIGN(rec, tx.FloatingRecords().Get(id));
    if (!rec ||
        (!On(actor, Permission::kMemberRead, rec->org_path) && !On(actor, Permission::kMemberRead, rec->in_org_path)))
        return core::Fail(core::NotFound("floating"));
    return std::move(*rec);
}

core::Result<FloatingView> LoadFloatingView(Tx& tx, const core::auth::Actor& actor, FloatingRecord rec,
                                            const core::Date& today, bool with_notes) {
    FloatingView v;
    v.outflow = On(actor, Permission::kMemberRead, rec.org_path);
    v.inflow = On(actor, Permission::kMemberRead, rec.in_org_path);
    v.minimal = !v.outflow;
    v.age = rec.birth_date.FullYearsUntil(today);
    const bool open = rec.facts.Open();
    if (v.outflow) {
        LX_ASSIGN(policies, PoliciesFor(tx, rec.org_path));  // the outflow branch's rules, in force today
        v.reminders = core::member::FloatingReminders(rec.facts, rec.last_report_on,
                                                      core::member::FloatingPolicyOn(policies, today), today);
        if (open && On(actor, Permission::kMemberWrite, rec.org_path))
            v.actions = {"edit", "report", "contact", "return"};
        else if (On(actor, Permission::kMemberWrite, rec.org_path)) v.actions = {"report", "contact"};
    }
    if (v.inflow && open) {
        v.actions.emplace_back("participation");
        v.actions.emplace_back("dues");
    }
    if (with_notes) {
        LX_ASSIGN(notes, tx.FloatingRecords().Notes(rec.id));
        // The inflow side reads only what it recorded itself: the outflow branch's contact notes and reports may
        // carry new phone numbers or addresses (regression: they reached the inflow side in its minimal view).
        if (v.minimal) std::erase_if(notes, [](const auto& n) { return n.side != "in"; });
        v.notes = std::move(notes);
    }
    if (v.minimal) {
        // 一方隶属、双重管理: the inflow org learns who takes part in its life, never how to reach them or where
        // they live; the formal record stays with the outflow branch.
        auto& f = rec.facts;
        f.phone.clear();
        f.employer.clear();
        f.cannot_transfer_reason.clear();
        f.return_note.clear();
        rec.birth_date = core::Date();
        rec.org_path.clear();
        rec.last_report_on.reset();
    }
    v.record = std::move(rec);
    return v;
}

core::Result<Audited<MemberFloating>> ViewMemberFloating(Context& ctx, const core::auth::Actor& actor,
                                                         std::int64_t member_id) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberRead));
    const auto today = ctx.clock.Today();
    MemberFloating out;
    AuditOrg filed;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, VisibleMember(tx, actor, member_id, Permission::kMemberRead));
        filed = {m.org_id, m.org_path};
        LX_ASSIGN(records, tx.FloatingRecords().OfMember(member_id));
        for (auto& rec : records) {
            const bool open = rec.facts.Open();
            LX_ASSIGN(view, LoadFloatingView(tx, actor, std::move(rec), today, open));
            if (open) out.current = std::move(view);
            else out.past.push_back(std::move(view));
        }
        if (!out.current && !m.left_on && On(actor, Permission::kMemberWrite, m.org_path)) out.actions = {"open"};
        return core::Ok();
    }));
    auto entry = AuditFor(actor, ctx.clock.NowMillis(), "floating.view", "member", std::to_string(member_id)).On(filed);
    entry.subject_member_id = member_id;
    return Audited<MemberFloating>{std::move(out), std::move(entry)};
}

core::Result<FloatingPage> ListFloating(Context& ctx, const core::auth::Actor& actor, const FloatingListInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberRead));
    core::ports::FloatingQuery q;
    q.scope_roots = core::auth::ScopeRoots(actor, Permission::kMemberRead);
    q.inflow = in.inflow;
    q.open_only = in.open_only;
    q.after_id = in.after_id;
    q.limit = in.limit + 1;
    const auto today = ctx.clock.Today();
    FloatingPage page;
    // The inflow side lists members of other branches (minimal fields): system scope for it.
    const auto scope = in.inflow ? core::ports::Scope::System() : core::ports::Scope::Of(actor);
    LX_CHECK(ctx.db.Read(scope, [&](Tx& tx) -> core::Status {
        LX_ASSIGN(org, VisibleOrg(tx, actor, in.org_id, Permission::kMemberRead));
        q.subtree = org.path;
        LX_ASSIGN(items, tx.FloatingRecords().List(q));
        if (static_cast<int>(items.size()) > in.limit) {
            items.resize(static_cast<std::size_t>(in.limit));
            page.next_after = items.back().id;
        }
        for (auto& rec : items) {
            LX_ASSIGN(view, LoadFloatingView(tx, actor, std::move(rec), today, false));
            page.items.push_back(std::move(view));
        }
        return core::Ok();
    }));
    auto entry = AuditFor(actor, ctx.clock.NowMillis(), "floating.list", "org", std::to_string(in.org_id))
                     .On(ListedOrg(ctx, actor, Permission::kMemberRead, in.org_id));
    entry.detail = std::string("direction=") + (in.inflow ? "in" : "out") +
                   " count=" + std::to_string(page.items.size());
    LX_CHECK(AppendAudit(ctx, std::move(entry)));
    return page;
}

}  // namespace lianxin::app
