// Reading transfers: one transfer, the lists of each side, and the orgs a letter may be addressed to.
#include "app/member/transfer_view.hpp"
#include "app/org/org_queries.hpp"
#include "app/policy/policies.hpp"
#include "core/member/fields.hpp"

namespace lianxin::app {

using core::auth::Permission;
using core::member::TransferAction;
using core::member::TransferKind;
using core::ports::TransferRecord;
using core::ports::Tx;

namespace {
bool On(const core::auth::Actor& actor, Permission p, const std::string& path) {
    return !path.empty() && core::auth::Authorize(actor, p, path);
}
}  // namespace

core::Result<TransferRecord> VisibleTransfer(Tx& tx, const core::auth::Actor& actor, std::int64_t id) {
    LX_ASSIGN(rec, tx.Transfers().Get(id));
    if (!rec || (!On(actor, Permission::kMemberRead, rec->from_org_path) &&
                 !On(actor, Permission::kMemberRead, rec->to_org_path)))
        return core::Fail(core::NotFound("transfer"));
    return std::move(*rec);
}

std::vector<std::string> ActionsFor(const core::auth::Actor& actor, const TransferRecord& rec) {
    const auto& from = rec.from_org_path;
    const auto& to = rec.to_org_path;
    std::vector<std::string> out;
    for (auto a : core::member::NextActions(rec.facts)) {
        bool may = false;
        switch (a) {
            case TransferAction::kIssue:
                may = On(actor, Permission::kTransferIssue, from);
                break;
            case TransferAction::kCancel:
                may = On(actor, Permission::kMemberWrite, from);
                break;
            case TransferAction::kAccept:
            case TransferAction::kRefuse:
                may = On(actor, Permission::kTransferIssue, to);
                break;
            case TransferAction::kReceipt:
                may = On(actor, Permission::kTransferIssue, rec.facts.kind == TransferKind::kOut ? from : to);
                break;
        }
        if (may) out.emplace_back(core::member::ToString(a));
    }
    return out;
}

core::Result<TransferView> LoadTransferView(Tx& tx, const core::auth::Actor& actor, TransferRecord rec,
                                            const core::Date& today, bool with_events) {
    TransferView v;
    v.sender = On(actor, Permission::kMemberRead, rec.from_org_path);
    v.receiver = On(actor, Permission::kMemberRead, rec.to_org_path);
    v.minimal = !v.sender && !rec.facts.accepted_on && rec.facts.kind == TransferKind::kWithin;
    v.age = rec.birth_date.FullYearsUntil(today);
    v.actions = ActionsFor(actor, rec);
    LX_ASSIGN(policies, PoliciesFor(tx, TransferOrg(rec).path));
    v.reminders = core::member::TransferReminders(rec.facts, core::member::TransferPolicyOn(policies, today), today);
    if (rec.placed_org_id != 0) {
        LX_ASSIGN(placed, tx.Orgs().Get(rec.placed_org_id));
        v.placed_org_name = placed ? placed->name : "";
    }
    if (with_events) {
        LX_ASSIGN(events, tx.Transfers().Events(rec.id));
        v.events = std::move(events);
    }
    if (!v.minimal && rec.member_id != 0 && !rec.join_date) {  // the registry's dates, for a member of this system
        LX_ASSIGN(m, tx.Members().Get(rec.member_id));
        if (m) {
            rec.join_date = m->join_date;
            rec.conversion_date = m->conversion_date;
        }
    }
    // ID number and phone stay in the registry; the receiving side sees the age, not the birth date, and no
    // dates of joining until it has accepted.
    rec.id_number.clear();
    rec.phone.clear();
    if (v.minimal) {
        rec.birth_date = core::Date();
        rec.join_date.reset();
        rec.conversion_date.reset();
    }
    v.record = std::move(rec);
    return v;
}

AuditOrg TransferOrg(const TransferRecord& rec) {
    if (rec.from_org_id) return {rec.from_org_id, rec.from_org_path};
    return {rec.to_org_id, rec.to_org_path};
}

core::Result<Audited<TransferView>> ViewTransfer(Context& ctx, const core::auth::Actor& actor, std::int64_t id) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberRead));
    TransferView out;
    AuditOrg filed;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(rec, VisibleTransfer(tx, actor, id));
        filed = TransferOrg(rec);
        LX_ASSIGN(view, LoadTransferView(tx, actor, std::move(rec), ctx.clock.Today(), true));
        out = std::move(view);
        return core::Ok();
    }));
    auto entry = AuditFor(actor, ctx.clock.NowMillis(), "transfer.view", "transfer", std::to_string(id)).On(filed);
    entry.subject_member_id = out.record.member_id;
    return Audited<TransferView>{std::move(out), std::move(entry)};
}

core::Result<TransferPage> ListTransfers(Context& ctx, const core::auth::Actor& actor, const TransferListInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberRead));
    if (in.direction != "out" && in.direction != "in")
        return core::Fail(core::InvalidField("direction", "transfer.direction.unknown"));
    core::ports::TransferQuery q;
    q.scope_roots = core::auth::ScopeRoots(actor, Permission::kMemberRead);
    q.outgoing = in.direction == "out";
    q.open_only = in.open_only;
    q.after_id = in.after_id;
    q.limit = in.limit + 1;
    const auto today = ctx.clock.Today();
    TransferPage page;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        if (in.org_id != 0) {
            auto org = VisibleOrg(tx, actor, in.org_id, Permission::kMemberRead);
            if (!org) return core::Fail(core::InvalidField("org_id", "org.not_in_scope"));
            q.subtree = org->path;
        }
        LX_ASSIGN(items, tx.Transfers().List(q));
        if (static_cast<int>(items.size()) > in.limit) {
            items.resize(static_cast<std::size_t>(in.limit));
            page.next_after = items.back().id;
        }
        for (auto& rec : items) {
            LX_ASSIGN(view, LoadTransferView(tx, actor, std::move(rec), today, false));
            page.items.push_back(std::move(view));
        }
        return core::Ok();
    }));
    auto entry = AuditFor(actor, ctx.clock.NowMillis(), "transfer.list", "org", std::to_string(in.org_id))
                     .On(ListedOrg(ctx, actor, Permission::kMemberRead, in.org_id));
    entry.detail = "direction=" + in.direction + " count=" + std::to_string(page.items.size());
    LX_CHECK(AppendAudit(ctx, std::move(entry)));
    return page;
}

core::Result<std::vector<Destination>> TransferDestinations(Context& ctx, const core::auth::Actor& actor,
                                                            const std::string& q) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberWrite));
    core::Error errors = core::MakeError(core::ErrorCode::kInvalidArgument, "request.invalid");
    core::member::CheckText(q, 1, 30, "q", errors);
    if (!errors.fields.empty()) return core::Fail(errors);
    std::vector<Destination> out;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(orgs, tx.Orgs().FindByName(q, ctx.clock.Today(), 20));
        for (const auto& o : orgs) {
            std::string parent;
            if (o.parent_id != 0) {
                LX_ASSIGN(p, tx.Orgs().Get(o.parent_id));
                parent = p ? p->name : "";
            }
            out.push_back({o.id, o.name, std::string(core::org::ToString(o.type)), parent});
        }
        return core::Ok();
    }));
    return out;
}

}  // namespace lianxin::app
