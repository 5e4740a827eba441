#include "app/member/member_queries.hpp"

#include <algorithm>
#include <map>

#include "app/audit/audit.hpp"
#include "app/policy/policies.hpp"
#include "core/member/fields.hpp"

namespace lianxin::app {

using core::auth::Permission;
using core::ports::Tx;

namespace {
// The reason a reveal or a full export stated: the end of its audit row's detail, after the fixed fields
// ("reason=…" or "export=12 reason=…"), so the first "reason=" is where it starts.
std::string StatedReason(const core::ports::AuditEntry& e) {
    if (e.action != "member.reveal" && e.action != "member.export_member") return "";
    const auto at = e.detail.find("reason=");
    if (at == std::string::npos || (at != 0 && e.detail[at - 1] != ' ')) return "";
    return e.detail.substr(at + 7);
}

core::Result<std::string> OrgName(Tx& tx, std::int64_t org_id, std::map<std::int64_t, std::string>& cache) {
    auto it = cache.find(org_id);
    if (it != cache.end()) return it->second;
    LX_ASSIGN(org, tx.Orgs().Get(org_id));
    std::string name = org ? org->name : "";
    cache[org_id] = name;
    return name;
}
}  // namespace

core::Result<core::member::Member> VisibleMember(Tx& tx, const core::auth::Actor& actor, std::int64_t member_id,
                                                 Permission p) {
    LX_ASSIGN(m, tx.Members().Get(member_id));
    if (!m) return core::Fail(core::NotFound("member"));
    LX_CHECK(core::auth::Authorize(actor, p, m->org_path, "member"));
    return std::move(*m);
}

core::Result<core::LeapDay> LeapDayOf(Tx& tx, const std::string& org_path, const core::Date& on,
                                      std::map<std::string, core::LeapDay>& cache) {
    if (auto it = cache.find(org_path); it != cache.end()) return it->second;
    LX_ASSIGN(policies, PoliciesFor(tx, org_path));
    return cache[org_path] = core::member::AnniversaryRule(policies, on);
}

core::Result<Audited<MemberRecord>> ViewMember(Context& ctx, const core::auth::Actor& actor, std::int64_t member_id) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberRead));
    MemberRecord out;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, VisibleMember(tx, actor, member_id, Permission::kMemberRead));
        std::map<std::int64_t, std::string> cache;
        LX_ASSIGN(name, OrgName(tx, m.org_id, cache));
        LX_ASSIGN(periods, tx.Members().Affiliations(member_id));
        LX_ASSIGN(changes, tx.Members().StatusChanges(member_id));
        std::map<std::string, core::LeapDay> rules;
        LX_ASSIGN(rule, LeapDayOf(tx, m.org_path, ctx.clock.Today(), rules));
        out.leap_day = rule;
        out.member = std::move(m);
        out.org_name = std::move(name);
        out.affiliations = std::move(periods);
        out.status_changes = std::move(changes);
        return core::Ok();
    }));
    auto entry = AuditFor(actor, ctx.clock.NowMillis(), "member.view", "member", std::to_string(member_id))
                     .On(out.member.org_id, out.member.org_path);
    entry.subject_member_id = member_id;
    return Audited<MemberRecord>{std::move(out), std::move(entry)};
}

core::Status CheckRevealReason(const std::string& reason) {
    core::Error errors = core::MakeError(core::ErrorCode::kInvalidArgument, "request.invalid");
    core::member::CheckText(reason, 4, 100, "reason", errors);
    if (!errors.fields.empty()) return core::Fail(errors);
    return core::Ok();
}

core::Result<Audited<MemberRecord>> RevealMember(Context& ctx, const core::auth::Actor& actor, std::int64_t member_id,
                                                 const std::string& reason) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberReveal));
    LX_CHECK(CheckRevealReason(reason));
    MemberRecord out;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, VisibleMember(tx, actor, member_id, Permission::kMemberReveal));
        std::map<std::int64_t, std::string> cache;
        LX_ASSIGN(name, OrgName(tx, m.org_id, cache));
        std::map<std::string, core::LeapDay> rules;
        LX_ASSIGN(rule, LeapDayOf(tx, m.org_path, ctx.clock.Today(), rules));
        out.leap_day = rule;
        out.member = std::move(m);
        out.org_name = std::move(name);
        return core::Ok();
    }));
    auto entry = AuditFor(actor, ctx.clock.NowMillis(), "member.reveal", "member", std::to_string(member_id))
                     .On(out.member.org_id, out.member.org_path);
    entry.subject_member_id = member_id;
    entry.detail = "reason=" + reason;
    return Audited<MemberRecord>{std::move(out), std::move(entry)};
}

core::Result<MemberPage> ReadMemberPage(Context& ctx, const core::auth::Actor& actor, const MemberListInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberRead));
    core::Error errors = core::MakeError(core::ErrorCode::kInvalidArgument, "request.invalid");
    if (!in.category.empty() && in.category != "full" && in.category != "probationary")
        errors.WithField("category", "query.invalid");
    if (!in.status.empty() && in.status != "normal" && in.status != "stopped")
        errors.WithField("status", "query.invalid");
    if (in.age_min > 150 || in.age_max > 150 || (in.age_min >= 0 && in.age_max >= 0 && in.age_min > in.age_max))
        errors.WithField("age_max", "query.invalid");
    if (!in.skill.empty() && (in.skill.find(',') != std::string::npos || in.skill.size() > 60))
        errors.WithField("skill", "query.invalid");
    if (!errors.fields.empty()) return core::Fail(errors);
    // Age in full years today: age >= a  <=>  born on or before today - a years; age <= b  <=>  born after
    // today - (b + 1) years.
    const auto today = ctx.clock.Today();
    MemberPage page;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        core::ports::MemberQuery q;
        q.scope_roots = core::auth::ScopeRoots(actor, Permission::kMemberRead);
        if (in.org_id != 0) {
            LX_ASSIGN(org, tx.Orgs().Get(in.org_id));
            if (!org) return core::Fail(core::InvalidField("org_id", "org.not_in_scope"));
            if (!core::auth::Authorize(actor, Permission::kMemberRead, org->path))
                return core::Fail(core::InvalidField("org_id", "org.not_in_scope"));
            q.subtree = org->path;
        }
        q.name_prefix = in.name_prefix;
        q.category = in.category;
        q.status = in.status;
        q.skill = in.skill;
        if (in.age_min >= 0) q.born_on_or_before = today.AddYears(-in.age_min);
        if (in.age_max >= 0) q.born_on_or_after = today.AddYears(-(in.age_max + 1)).AddDays(1);
        q.after_id = in.after_id;
        q.limit = in.limit + 1;
        LX_ASSIGN(members, tx.Members().List(q));
        if (static_cast<int>(members.size()) > in.limit) {
            members.resize(static_cast<size_t>(in.limit));
            page.next_after = members.back().id;
        }
        std::map<std::int64_t, std::string> cache;
        std::map<std::string, core::LeapDay> rules;
        for (auto& m : members) {
            LX_ASSIGN(name, OrgName(tx, m.org_id, cache));
            LX_ASSIGN(rule, LeapDayOf(tx, m.org_path, today, rules));
            page.items.push_back({std::move(m), std::move(name), {}, {}, rule});
        }
        return core::Ok();
    }));
    return page;
}

core::Result<MemberPage> ListMembers(Context& ctx, const core::auth::Actor& actor, const MemberListInput& in) {
    LX_ASSIGN(page, ReadMemberPage(ctx, actor, in));
    auto entry = AuditFor(actor, ctx.clock.NowMillis(), "member.list", "org", std::to_string(in.org_id))
                     .On(ListedOrg(ctx, actor, Permission::kMemberRead, in.org_id));
    entry.detail = "count=" + std::to_string(page.items.size());
    LX_CHECK(AppendAudit(ctx, std::move(entry)));
    return page;
}

core::Result<std::optional<MyMemberRecord>> MyRecord(Context& ctx, const core::auth::Actor& actor) {
    std::optional<MyMemberRecord> out;
    if (actor.member_id == 0) return out;
    // System scope: the actor's own member record, read by its own member id (grants need not cover it).
    LX_CHECK(ctx.db.Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, tx.Members().Get(actor.member_id));
        if (!m) return core::Ok();
        std::map<std::int64_t, std::string> cache;
        LX_ASSIGN(name, OrgName(tx, m->org_id, cache));
        LX_ASSIGN(periods, tx.Members().Affiliations(actor.member_id));
        LX_ASSIGN(changes, tx.Members().StatusChanges(actor.member_id));
        std::map<std::string, core::LeapDay> rules;
        LX_ASSIGN(rule, LeapDayOf(tx, m->org_path, ctx.clock.Today(), rules));
        MyMemberRecord mine{MemberRecord{std::move(*m), std::move(name), std::move(periods), std::move(changes), rule},
                            {}};
        // Own transfers, from either side (an arriving letter has no sending path): every path lies under "/".
        for (bool outgoing : {true, false}) {
            core::ports::TransferQuery q;
            q.scope_roots = {"/"};
            q.outgoing = outgoing;
            q.member_id = actor.member_id;
            q.limit = 100;
            LX_ASSIGN(found, tx.Transfers().List(q));
            for (auto& t : found)
                if (std::none_of(mine.transfers.begin(), mine.transfers.end(),
                                 [&](const auto& x) { return x.id == t.id; }))
                    mine.transfers.push_back(std::move(t));
        }
        std::sort(mine.transfers.begin(), mine.transfers.end(),
                  [](const auto& a, const auto& b) { return a.id > b.id; });
        out = std::move(mine);
        return core::Ok();
    }));
    return out;
}

core::Result<RecordViewPage> WhoViewedMe(Context& ctx, const core::auth::Actor& actor, std::int64_t before_id,
                                         int limit) {
    RecordViewPage page;
    if (actor.member_id == 0) return page;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(entries, tx.Audit().ViewsOf(actor.member_id, before_id, limit + 1));
        if (static_cast<int>(entries.size()) > limit) {
            entries.resize(static_cast<size_t>(limit));
            page.next_before = entries.back().id;
        }
        std::map<std::int64_t, std::string> cache;
        for (const auto& e : entries) {
            LX_ASSIGN(org, OrgName(tx, e.actor_org_id, cache));
            page.items.push_back({e.id, e.at, e.actor_name, org, e.action, StatedReason(e)});
        }
        return core::Ok();
    }));
    return page;
}

}  // namespace lianxin::app
