#include "core/org/reorganization.hpp"

#include <algorithm>
#include <set>

#include "core/common/names.hpp"
#include "core/member/fields.hpp"

namespace lianxin::core::org {

namespace {
constexpr NameTable<ReorgKind, 6> kKinds{{
    {ReorgKind::kCreate, "create"},
    {ReorgKind::kRename, "rename"},
    {ReorgKind::kMove, "move"},
    {ReorgKind::kMerge, "merge"},
    {ReorgKind::kSplit, "split"},
    {ReorgKind::kDissolve, "dissolve"},
}};

constexpr NameTable<OrgEvent, 9> kEvents{{
    {OrgEvent::kCreated, "created"},
    {OrgEvent::kUpdated, "updated"},
    {OrgEvent::kMovedIn, "moved_in"},
    {OrgEvent::kMovedOut, "moved_out"},
    {OrgEvent::kMergedInto, "merged_into"},
    {OrgEvent::kReceived, "received"},
    {OrgEvent::kSplitOff, "split_off"},
    {OrgEvent::kSplit, "split"},
    {OrgEvent::kDissolved, "dissolved"},
}};

Warning Block(std::string key, const Org& o, int n) {
    return Warning{std::move(key), {{"org", o.name}, {"n", std::to_string(n)}}};
}

OrgSpec SpecOf(const Org& o) { return OrgSpec{o.name, o.short_name, o.type, o.place_kind, o.place_name}; }

// Builds one plan; each Add* appends steps and keeps the counts.
class Planner {
public:
    Planner(const ReorgRequest& req, const ReorgFacts& facts)
        : req_(req), facts_(facts), errors_(MakeError(ErrorCode::kInvalidArgument, "request.invalid")) {}

    Error& errors() { return errors_; }
    ReorgPlan& plan() { return plan_; }

    const OrgFacts* Find(std::int64_t id) const {
        auto it = facts_.orgs.find(id);
        return it == facts_.orgs.end() ? nullptr : &it->second;
    }

    // The org valid on the day, or a field error naming `field`.
    const OrgFacts* Need(std::int64_t id, const char* field) {
        const auto* f = Find(id);
        if (!f) errors_.WithField(field, "org.reorg.org_missing");
        return f;
    }

    std::vector<const OrgFacts*> Children(std::int64_t id) const {
        std::vector<const OrgFacts*> out;
        for (const auto& [_, f] : facts_.orgs)
            if (f.org.parent_id == id) out.push_back(&f);
        return out;
    }

    // The org and everything below it, parents before children (a path sorts before its extensions).
    std::vector<const OrgFacts*> Subtree(const OrgFacts& root) const {
        std::vector<const OrgFacts*> out;
        for (const auto& [_, f] : facts_.orgs)
            if (InSubtree(f.org.path, root.org.path)) out.push_back(&f);
        std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->org.path < b->org.path; });
        return out;
    }

    // The day may not come before the org began (the same day closes a version that never showed: an org set up
    // by mistake), nor before anything of it that moves began.
    void CheckDayAfter(const OrgFacts& f, bool moves_members) {
        if (req_.on < f.org.valid_from)
            errors_.WithField("on", "org.reorg.on_before_start",
                              {{"org", f.org.name}, {"date", f.org.valid_from.ToString()}});
        else if (moves_members && f.last_start && req_.on < *f.last_start)
            errors_.WithField("on", "org.reorg.on_before_last",
                              {{"org", f.org.name}, {"date", f.last_start->ToString()}});
    }

    void CheckChild(const Org& parent, OrgType child, const char* field) {
        if (!MayHoldChild(parent.type, child))
            errors_.WithField(field, "org.reorg.type_not_allowed",
                              {{"parent", parent.name}, {"type", std::string(ToString(child))}});
    }

    OrgRef Create(OrgSpec spec, OrgRef parent, std::int64_t predecessor) {
        ReorgStep s;
        s.kind = StepKind::kCreateOrg;
        s.spec = std::move(spec);
        s.parent = parent;
        s.predecessor_id = predecessor;
        plan_.steps.push_back(std::move(s));
        ++plan_.counts.orgs_created;
        return OrgRef{0, created_++};
    }

    void Step(StepKind kind, std::int64_t org_id, OrgRef to = {}, std::vector<std::int64_t> members = {}) {
        ReorgStep s;
        s.kind = kind;
        s.org_id = org_id;
        s.to = to;
        s.member_ids = std::move(members);
        plan_.steps.push_back(std::move(s));
    }

    void Event(OrgRef org, OrgEvent e, OrgRef other = {}, std::string old_name = {}, std::string new_name = {}) {
        plan_.events.push_back({org, e, other, std::move(old_name), std::move(new_name)});
    }

    void Close(const OrgFacts& f) {
        Step(StepKind::kCloseOrg, f.org.id);
        ++plan_.counts.orgs_closed;
    }

    void BlockTransfers(const OrgFacts& f) {
        if (f.open_transfers > 0)
            plan_.blockers.push_back(Block("org.reorg.blocked.transfers", f.org, f.open_transfers));
    }

    // Everything of `f` but its children goes to `to`: members, posts (carried or ended), grants, open cases.
    void Hand(const OrgFacts& f, OrgRef to, bool carry_posts_and_grants) {
        if (f.registry_members > 0) {
            Step(StepKind::kMoveMembers, f.org.id, to);
            plan_.counts.members_moved += f.registry_members;
        }
        if (f.posts > 0) {
            Step(carry_posts_and_grants ? StepKind::kCarryPosts : StepKind::kEndPosts, f.org.id, to);
            (carry_posts_and_grants ? plan_.counts.posts_carried : plan_.counts.posts_ended) += f.posts;
        }
        if (f.grants > 0) {
            Step(carry_posts_and_grants ? StepKind::kMoveGrants : StepKind::kRevokeGrants, f.org.id, to);
            (carry_posts_and_grants ? plan_.counts.grants_moved : plan_.counts.grants_revoked) += f.grants;
        }
        if (f.open_development_cases > 0) {
            Step(StepKind::kMoveDevelopmentCases, f.org.id, to);
            plan_.counts.development_cases_moved += f.open_development_cases;
        }
        if (f.positions > 0) {  // the centre stays where it is; the org that runs it changes
            Step(StepKind::kMovePositions, f.org.id, to);
            plan_.counts.positions_moved += f.positions;
        }
    }

    // A new version of `root` and of everything below it under `parent`; the old versions close.
    OrgRef MoveSubtree(const OrgFacts& root, OrgRef parent) {
        std::map<std::int64_t, OrgRef> version;
        std::vector<const OrgFacts*> moved = Subtree(root);
        for (const auto* f : moved) {
            CheckDayAfter(*f, true);
            BlockTransfers(*f);
            const OrgRef p = f == &root ? parent : version.at(f->org.parent_id);
            version[f->org.id] = Create(SpecOf(f->org), p, f->org.id);
            Hand(*f, version[f->org.id], true);
            Event(version[f->org.id], OrgEvent::kMovedIn, OrgRef{f->org.id});
            Event(OrgRef{f->org.id}, OrgEvent::kMovedOut, version[f->org.id]);
        }
        for (const auto* f : moved) Close(*f);
        return version.at(root.org.id);
    }

    void After(OrgRef ref, const Org& o, const std::string& parent_name, Headcount h, int posts) {
        SizingFacts sizing;
        sizing.headcount = h;
        sizing.committee_seats = posts;
        plan_.after.push_back({ref, o.name, o.type, parent_name, h, posts, CheckSizing(o.type, sizing)});
    }

    std::string ParentName(std::int64_t parent_id) const {
        const auto* p = Find(parent_id);
        return p ? p->org.name : "";
    }

private:
    const ReorgRequest& req_;
    const ReorgFacts& facts_;
    Error errors_;
    ReorgPlan plan_;
    int created_ = 0;
};

void CheckSpec(const OrgSpec& s, Error& errors) {
    member::CheckText(s.name, 2, 60, "spec.name", errors);
    member::CheckText(s.short_name, 0, 20, "spec.short_name", errors);
    member::CheckText(s.place_name, 0, 60, "spec.place_name", errors);
}

Org Apply(const OrgSpec& s, Org o) {
    o.name = s.name;
    o.short_name = s.short_name;
    if (s.type) o.type = *s.type;
    o.place_kind = s.place_kind;
    o.place_name = s.place_name;
    return o;
}

void PlanCreate(Planner& p, const ReorgRequest& req) {
    const auto* parent = p.Need(req.org_id, "org_id");
    if (!req.spec.type) p.errors().WithField("spec.type", "org.reorg.type_required");
    if (!parent || !req.spec.type) return;
    p.CheckChild(parent->org, *req.spec.type, "spec.type");
    const OrgRef ref = p.Create(req.spec, OrgRef{parent->org.id}, 0);
    p.Event(ref, OrgEvent::kCreated, {}, "", req.spec.name);
    Org o = Apply(req.spec, Org{});
    p.After(ref, o, parent->org.name, {}, 0);
}

void PlanRename(Planner& p, const ReorgRequest& req) {
    const auto* f = p.Need(req.org_id, "org_id");
    if (!f) return;
    const Org changed = Apply(req.spec, f->org);
    if (changed.name == f->org.name && changed.short_name == f->org.short_name && changed.type == f->org.type &&
        changed.place_kind == f->org.place_kind && changed.place_name == f->org.place_name) {
        p.errors().WithField("spec", "org.reorg.nothing");
        return;
    }
    if (changed.type != f->org.type) {
        if (const auto* parent = p.Find(f->org.parent_id)) p.CheckChild(parent->org, changed.type, "spec.type");
        for (const auto* c : p.Children(f->org.id))
            if (!MayHoldChild(changed.type, c->org.type))
                p.errors().WithField("spec.type", "org.reorg.children_not_allowed", {{"child", c->org.name}});
        if (IsBranchType(f->org.type) && !IsBranchType(changed.type) && f->registry_members > 0)
            p.errors().WithField("spec.type", "org.reorg.members_need_branch", {{"org", f->org.name}});
    }
    if (req.on < f->org.valid_from)
        p.errors().WithField("on", "org.reorg.on_before_start",
                             {{"org", f->org.name}, {"date", f->org.valid_from.ToString()}});
    ReorgStep s;
    s.kind = StepKind::kUpdateOrg;
    s.org_id = f->org.id;
    s.spec = SpecOf(changed);
    p.plan().steps.push_back(std::move(s));
    ++p.plan().counts.orgs_updated;
    p.Event(OrgRef{f->org.id}, OrgEvent::kUpdated, {}, f->org.name, changed.name);
    p.After(OrgRef{f->org.id}, changed, p.ParentName(f->org.parent_id), SizingHeadcount(*f, changed.type), f->posts);
}

void PlanMove(Planner& p, const ReorgRequest& req) {
    const auto* f = p.Need(req.org_id, "org_id");
    const auto* to = p.Need(req.new_parent_id, "new_parent_id");
    if (!f || !to) return;
    if (to->org.id == f->org.parent_id) return void(p.errors().WithField("new_parent_id", "org.reorg.same_parent"));
    if (InSubtree(to->org.path, f->org.path))
        return void(p.errors().WithField("new_parent_id", "org.reorg.into_own_subtree"));
    p.CheckChild(to->org, f->org.type, "new_parent_id");
    const OrgRef ref = p.MoveSubtree(*f, OrgRef{to->org.id});
    p.After(ref, f->org, to->org.name, SizingHeadcount(*f, f->org.type), f->posts);
}

void PlanMerge(Planner& p, const ReorgRequest& req) {
    const auto* target = p.Need(req.org_id, "org_id");
    if (req.merged.empty()) p.errors().WithField("merged", "org.reorg.merge_none");
    std::set<std::int64_t> seen;
    std::vector<const OrgFacts*> sources;
    for (std::size_t i = 0; i < req.merged.size(); ++i) {
        const std::string field = "merged[" + std::to_string(i) + "]";
        const auto* s = p.Find(req.merged[i]);
        if (!s) p.errors().WithField(field, "org.reorg.org_missing");
        else if (!seen.insert(s->org.id).second || (target && s->org.id == target->org.id))
            p.errors().WithField(field, "org.reorg.merge_repeated");
        else if (target && InSubtree(target->org.path, s->org.path))
            p.errors().WithField(field, "org.reorg.merge_into_own", {{"org", s->org.name}});
        else sources.push_back(s);
    }
    if (!target || !p.errors().fields.empty()) return;
    Headcount total = SizingHeadcount(*target, target->org.type);
    for (const auto* s : sources) {
        if (s->registry_members > 0 && !IsBranchType(target->org.type))
            p.errors().WithField("org_id", "org.reorg.members_need_branch", {{"org", target->org.name}});
        for (const auto* c : p.Children(s->org.id)) p.CheckChild(target->org, c->org.type, "org_id");
    }
    if (!p.errors().fields.empty()) return;
    for (const auto* s : sources) {
        p.CheckDayAfter(*s, true);
        p.BlockTransfers(*s);
        for (const auto* c : p.Children(s->org.id)) p.MoveSubtree(*c, OrgRef{target->org.id});
        p.Hand(*s, OrgRef{target->org.id}, false);
        p.Close(*s);
        p.Event(OrgRef{s->org.id}, OrgEvent::kMergedInto, OrgRef{target->org.id});
        p.Event(OrgRef{target->org.id}, OrgEvent::kReceived, OrgRef{s->org.id});
        // What comes over: the merged org's own members, and its whole subtree when the target counts subtrees.
        const Headcount in = IsBranchType(target->org.type) ? s->headcount : s->subtree;
        total.full += in.full;
        total.probationary += in.probationary;
    }
    p.After(OrgRef{target->org.id}, target->org, p.ParentName(target->org.parent_id), total, target->posts);
}

void PlanSplit(Planner& p, const ReorgRequest& req) {
    const auto* f = p.Need(req.org_id, "org_id");
    if (!f) return;
    if (!IsBranchType(f->org.type)) return void(p.errors().WithField("org_id", "org.reorg.split_branch_only"));
    const auto* parent = p.Find(f->org.parent_id);
    if (!parent) return void(p.errors().WithField("org_id", "org.reorg.org_missing"));
    OrgSpec spec = req.spec;
    if (!spec.type) spec.type = f->org.type;
    p.CheckChild(parent->org, *spec.type, "spec.type");
    if (req.member_ids.empty()) p.errors().WithField("member_ids", "org.reorg.split_no_members");
    Headcount moved;
    int posts_ended = 0;
    std::set<std::int64_t> seen;
    for (std::size_t i = 0; i < req.member_ids.size(); ++i) {
        const auto it = std::find_if(f->members.begin(), f->members.end(),
                                     [&](const MemberFact& m) { return m.id == req.member_ids[i]; });
        const std::string field = "member_ids[" + std::to_string(i) + "]";
        if (it == f->members.end() || !seen.insert(it->id).second) {
            p.errors().WithField(field, "org.reorg.split_not_member", {{"org", f->org.name}});
            continue;
        }
        if (it->since && req.on < *it->since)
            p.errors().WithField("on", "org.reorg.on_before_last",
                                 {{"org", f->org.name}, {"date", it->since->ToString()}});
        ++(it->full ? moved.full : moved.probationary);
        posts_ended += it->posts;
        if (it->open_transfer) p.plan().blockers.push_back(Block("org.reorg.blocked.member_transfer", f->org, 1));
    }
    if (req.on < f->org.valid_from)
        p.errors().WithField("on", "org.reorg.on_before_start",
                             {{"org", f->org.name}, {"date", f->org.valid_from.ToString()}});
    if (!p.errors().fields.empty()) return;
    const OrgRef ref = p.Create(spec, OrgRef{parent->org.id}, 0);
    p.Event(ref, OrgEvent::kSplitOff, OrgRef{f->org.id}, "", spec.name);
    p.Event(OrgRef{f->org.id}, OrgEvent::kSplit, ref);
    p.Step(StepKind::kMoveMembers, f->org.id, ref, req.member_ids);
    p.plan().counts.members_moved += static_cast<int>(req.member_ids.size());
    if (posts_ended > 0) {
        p.Step(StepKind::kEndPosts, f->org.id, {}, req.member_ids);
        p.plan().counts.posts_ended += posts_ended;
    }
    Headcount left{f->headcount.full - moved.full, f->headcount.probationary - moved.probationary};
    p.After(OrgRef{f->org.id}, f->org, parent->org.name, left, f->posts - posts_ended);
    p.After(ref, Apply(spec, Org{}), parent->org.name, moved, 0);
}

void PlanDissolve(Planner& p, const ReorgRequest& req) {
    const auto* f = p.Need(req.org_id, "org_id");
    if (!f) return;
    p.CheckDayAfter(*f, false);
    auto& blockers = p.plan().blockers;
    if (f->registry_members > 0) blockers.push_back(Block("org.reorg.blocked.members", f->org, f->registry_members));
    if (const auto n = static_cast<int>(p.Children(f->org.id).size()); n > 0)
        blockers.push_back(Block("org.reorg.blocked.children", f->org, n));
    if (f->open_development_cases > 0)
        blockers.push_back(Block("org.reorg.blocked.development_cases", f->org, f->open_development_cases));
    // An overlay needs a host that stands (domain.md §1.4: it is led by a statutory org); it is not closed with it.
    if (f->overlays > 0) blockers.push_back(Block("org.reorg.blocked.overlays", f->org, f->overlays));
    p.BlockTransfers(*f);
    if (f->posts > 0) {
        p.Step(StepKind::kEndPosts, f->org.id);
        p.plan().counts.posts_ended += f->posts;
    }
    if (f->grants > 0) {
        p.Step(StepKind::kRevokeGrants, f->org.id);
        p.plan().counts.grants_revoked += f->grants;
    }
    if (f->positions > 0) {
        p.Step(StepKind::kClosePositions, f->org.id);
        p.plan().counts.positions_closed += f->positions;
    }
    p.Close(*f);
    p.Event(OrgRef{f->org.id}, OrgEvent::kDissolved);
}
}  // namespace

std::string_view ToString(ReorgKind k) { return NameOf(kKinds, k); }
std::optional<ReorgKind> ParseReorgKind(std::string_view s) { return ValueOf(kKinds, s); }
std::string_view ToString(OrgEvent e) { return NameOf(kEvents, e); }
std::optional<OrgEvent> ParseOrgEvent(std::string_view s) { return ValueOf(kEvents, s); }

Headcount SizingHeadcount(const OrgFacts& f, OrgType type) { return IsBranchType(type) ? f.headcount : f.subtree; }

bool MayHoldChild(OrgType parent, OrgType child) {
    switch (parent) {
        case OrgType::kDistrictCommittee:
            return child != OrgType::kDistrictCommittee;
        case OrgType::kStreetWorkingCommittee:
            return child != OrgType::kDistrictCommittee && child != OrgType::kStreetWorkingCommittee;
        case OrgType::kGrassrootsCommittee:
            return child == OrgType::kGeneralBranch || IsBranchType(child);
        case OrgType::kGeneralBranch:
            return IsBranchType(child);
        case OrgType::kBranch:
        case OrgType::kJointBranch:
        case OrgType::kTemporaryBranch:
        case OrgType::kFunctionalBranch:
            return false;
    }
    return false;
}

Result<ReorgPlan> PlanReorganization(const ReorgRequest& req, const ReorgFacts& facts) {
    Planner p(req, facts);
    auto& errors = p.errors();
    member::CheckText(req.approval_doc, 1, 50, "approval_doc", errors);
    if (req.on > facts.today) errors.WithField("on", "org.reorg.on_future");
    if (req.kind == ReorgKind::kCreate || req.kind == ReorgKind::kRename || req.kind == ReorgKind::kSplit)
        CheckSpec(req.spec, errors);
    switch (req.kind) {
        case ReorgKind::kCreate:
            PlanCreate(p, req);
            break;
        case ReorgKind::kRename:
            PlanRename(p, req);
            break;
        case ReorgKind::kMove:
            PlanMove(p, req);
            break;
        case ReorgKind::kMerge:
            PlanMerge(p, req);
            break;
        case ReorgKind::kSplit:
            PlanSplit(p, req);
            break;
        case ReorgKind::kDissolve:
            PlanDissolve(p, req);
            break;
    }
    if (!errors.fields.empty()) return Fail(errors);
    return std::move(p.plan());
}

}  // namespace lianxin::core::org
