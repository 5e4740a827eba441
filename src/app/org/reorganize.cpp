#include "app/org/reorganize.hpp"

#include <set>

#include "app/org/org_queries.hpp"
#include "app/org/reorganize_plan.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::auth::Permission;
using core::org::Org;
using core::org::OrgFacts;
using core::org::ReorgKind;
using core::ports::Tx;

namespace {

core::Result<core::org::ReorgRequest> ParseRequest(const ReorgInput& in) {
    core::Error errors = core::MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    core::org::ReorgRequest req;
    auto kind = core::org::ParseReorgKind(in.kind);
    if (!kind) errors.WithField("kind", "org.reorg.kind_unknown");
    auto on = core::Date::Parse(in.on);
    if (!on) errors.WithField("on", "date.format");
    if (in.org_id <= 0) errors.WithField("org_id", "json.required");
    if (kind == ReorgKind::kMove && in.new_parent_id <= 0) errors.WithField("new_parent_id", "json.required");
    req.spec.name = in.spec.name;
    req.spec.short_name = in.spec.short_name;
    req.spec.place_name = in.spec.place_name;
    if (!in.spec.type.empty()) {
        req.spec.type = core::org::ParseOrgType(in.spec.type);
        if (!req.spec.type) errors.WithField("spec.type", "org.reorg.type_unknown");
    }
    auto place = core::org::ParsePlaceKind(in.spec.place_kind);
    if (!place) errors.WithField("spec.place_kind", "org.reorg.place_unknown");
    if (!errors.fields.empty()) return core::Fail(errors);
    req.kind = *kind;
    req.on = *on;
    req.approval_doc = in.approval_doc;
    req.org_id = in.org_id;
    req.new_parent_id = in.new_parent_id;
    req.merged = in.merged;
    req.spec.place_kind = *place;
    req.member_ids = in.member_ids;
    return req;
}

// Loads an org for the plan: visible to the actor, valid today, and decided by an org the actor holds org_write
// on — the org itself for `self`, else its parent (the higher org decides). 404 outside the scope.
core::Result<Org> Decidable(Tx& tx, const core::auth::Actor& actor, std::int64_t id, bool self,
                            const core::Date& today) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgWrite));
    LX_ASSIGN(org, VisibleOrg(tx, actor, id, Permission::kOrgRead, today));
    std::string decider = org.path;
    if (!self) {
        LX_ASSIGN(parent, tx.Orgs().Get(org.parent_id));
        if (!parent) return core::Fail(core::Denied("org.reorg.higher_decides"));
        decider = parent->path;
    }
    if (core::auth::Authorize(actor, Permission::kOrgWrite, decider)) return org;
    if (core::auth::Authorize(actor, Permission::kOrgWrite, org.path))
        return core::Fail(core::Denied("org.reorg.higher_decides"));
    return core::Fail(core::NotFound("org"));
}

class FactsLoader {
public:
    FactsLoader(Tx& tx, const core::Date& on, const core::Date& today) : tx_(tx), on_(on), today_(today) {
        facts_.today = today;
    }

    core::Status Add(const Org& o, bool with_members = false) {
        if (facts_.orgs.count(o.id) && !with_members) return core::Ok();
        LX_ASSIGN(f, tx_.Orgs().Facts(o, on_, with_members));
        facts_.orgs[o.id] = std::move(f);
        return core::Ok();
    }
    core::Status AddParent(const Org& o) {
        if (o.parent_id == 0) return core::Ok();
        LX_ASSIGN(parent, tx_.Orgs().Get(o.parent_id));
        return parent ? Add(*parent) : core::Ok();
    }
    core::Status AddSubtree(const Org& root) {
        LX_ASSIGN(orgs, tx_.Orgs().InSubtree(root.path, today_));
        for (const auto& o : orgs) LX_CHECK(Add(o));
        return core::Ok();
    }
    core::org::ReorgFacts Take() { return std::move(facts_); }

private:
    Tx& tx_;
    core::Date on_, today_;
    core::org::ReorgFacts facts_;
};

std::string ParentName(const core::org::ReorgFacts& f, std::int64_t parent_id) {
    auto it = f.orgs.find(parent_id);
    return it == f.orgs.end() ? "" : it->second.org.name;
}

ReorgPreview Describe(core::org::ReorgRequest req, core::org::ReorgPlan plan, const core::org::ReorgFacts& facts) {
    ReorgPreview out;
    std::vector<std::string> created_names;
    for (const auto& s : plan.steps) {
        switch (s.kind) {
            case core::org::StepKind::kCreateOrg: {
                const std::string parent = s.parent.IsNew() ? created_names.at(s.parent.created)
                                                            : ParentName(facts, s.parent.id);
                out.created.push_back({0, s.spec.name, parent, s.predecessor_id != 0});
                created_names.push_back(s.spec.name);
                break;
            }
            case core::org::StepKind::kCloseOrg: {
                const auto& o = facts.orgs.at(s.org_id).org;
                out.closed.push_back({o.id, o.name, ParentName(facts, o.parent_id), false});
                break;
            }
            case core::org::StepKind::kUpdateOrg: {
                const auto& o = facts.orgs.at(s.org_id).org;
                out.updated.push_back({o.id, s.spec.name, ParentName(facts, o.parent_id), false});
                break;
            }
            default:
                break;
        }
    }
    out.request = std::move(req);
    out.plan = std::move(plan);
    return out;
}

}  // namespace

core::Result<PlannedReorg> PlanFor(Tx& tx, const core::auth::Actor& actor, const ReorgInput& in,
                                   const core::Date& today) {
    LX_ASSIGN(req, ParseRequest(in));
    FactsLoader loader(tx, req.on, today);
    LX_ASSIGN(subject, Decidable(tx, actor, req.org_id, req.kind == ReorgKind::kCreate, today));
    switch (req.kind) {
        case ReorgKind::kCreate:
            LX_CHECK(loader.Add(subject));
            break;
        case ReorgKind::kRename:
        case ReorgKind::kMove:
        case ReorgKind::kDissolve:
            LX_CHECK(loader.AddSubtree(subject));
            LX_CHECK(loader.AddParent(subject));
            break;
        case ReorgKind::kSplit:
            LX_CHECK(loader.Add(subject, true));
            LX_CHECK(loader.AddParent(subject));
            break;
        case ReorgKind::kMerge:
            LX_CHECK(loader.Add(subject));
            LX_CHECK(loader.AddParent(subject));
            break;
    }
    if (req.kind == ReorgKind::kMove) {
        // The new parent decides on taking the org in: org_write on it itself.
        LX_ASSIGN(to, Decidable(tx, actor, req.new_parent_id, true, today));
        LX_CHECK(loader.Add(to));
    }
    for (auto id : std::set<std::int64_t>(req.merged.begin(), req.merged.end())) {
        LX_ASSIGN(source, Decidable(tx, actor, id, false, today));
        LX_CHECK(loader.AddSubtree(source));
    }
    auto facts = loader.Take();
    LX_ASSIGN(plan, core::org::PlanReorganization(req, facts));
    return PlannedReorg{std::move(req), std::move(plan), std::move(facts)};
}

core::Result<ReorgPreview> PreviewReorganization(Context& ctx, const core::auth::Actor& actor, const ReorgInput& in) {
    ReorgPreview out;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(p, PlanFor(tx, actor, in, ctx.clock.Today()));
        out = Describe(std::move(p.request), std::move(p.plan), p.facts);
        return core::Ok();
    }));
    return out;
}

core::Result<std::vector<core::ports::OrgHistoryEntry>> OrgHistory(Context& ctx, const core::auth::Actor& actor,
                                                                   std::int64_t org_id) {
    std::vector<core::ports::OrgHistoryEntry> out;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_CHECK(VisibleOrg(tx, actor, org_id, Permission::kOrgRead));
        LX_ASSIGN(list, tx.Reorgs().History(org_id));
        out = std::move(list);
        return core::Ok();
    }));
    return out;
}

core::Result<std::vector<core::ports::ReorgRecord>> ListReorganizations(Context& ctx, const core::auth::Actor& actor) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgRead));
    std::vector<core::ports::ReorgRecord> out;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        core::ports::ReorgQuery q;
        q.scope_roots = core::auth::ScopeRoots(actor, Permission::kOrgRead);
        LX_ASSIGN(list, tx.Reorgs().List(q));
        out = std::move(list);
        return core::Ok();
    }));
    return out;
}

}  // namespace lianxin::app
