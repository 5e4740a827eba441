// Executing a reorganization plan (core/org/reorganization.hpp) step by step in one write transaction, with
// the reorganization's record, the history of every org it touched and its audit row.
#include "app/audit/audit.hpp"
#include "app/auth/session_cache.hpp"
#include "app/org/reorganize_plan.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::org::Org;
using core::org::OrgRef;
using core::org::StepKind;
using core::ports::Tx;

namespace {

std::string Summary(const core::org::ReorgCounts& c) {
    return "created=" + std::to_string(c.orgs_created) + " closed=" + std::to_string(c.orgs_closed) +
           " updated=" + std::to_string(c.orgs_updated) + " members=" + std::to_string(c.members_moved) +
           " posts_carried=" + std::to_string(c.posts_carried) + " posts_ended=" + std::to_string(c.posts_ended) +
           " grants_moved=" + std::to_string(c.grants_moved) + " grants_revoked=" + std::to_string(c.grants_revoked) +
           " cases=" + std::to_string(c.development_cases_moved) +
           " positions_moved=" + std::to_string(c.positions_moved) +
           " positions_closed=" + std::to_string(c.positions_closed);
}

core::Error Blocked(const std::vector<core::org::Warning>& blockers) {
    auto e = core::MakeError(ErrorCode::kFailedPrecondition, "org.reorg.blocked");
    for (std::size_t i = 0; i < blockers.size(); ++i)
        e.WithField("blockers[" + std::to_string(i) + "]", blockers[i].key, blockers[i].params);
    return e;
}

class Executor {
public:
    Executor(Tx& tx, const core::auth::Actor& actor, const PlannedReorg& p, std::int64_t now)
        : tx_(tx), actor_(actor), p_(p), now_(now) {}

    core::Result<ReorgDone> Run() {
        const auto& req = p_.request;
        core::ports::ReorgRecord rec;
        rec.kind = req.kind;
        rec.on = req.on;
        rec.approval_doc = req.approval_doc;
        rec.org_id = req.org_id;
        const auto& subject = p_.facts.orgs.at(req.org_id).org;
        rec.org_path = Decider(subject).path;
        rec.summary = Summary(p_.plan.counts);
        rec.created_by = actor_.user_id;
        rec.created_by_name = actor_.display_name;
        rec.created_at = now_;
        LX_ASSIGN(id, tx_.Reorgs().Insert(rec));
        done_.reorg_id = id;
        done_.counts = p_.plan.counts;
        for (const auto& s : p_.plan.steps) LX_CHECK(Apply(s));
        for (const auto& e : p_.plan.events) LX_CHECK(Record(e));
        LX_CHECK(MoveOverlays());
        auto entry = AuditFor(actor_, now_, "org.reorganize", "org", std::to_string(req.org_id)).On(subject);
        entry.detail = "kind=" + std::string(ToString(req.kind)) + " reorg=" + std::to_string(id) + " " + rec.summary;
        LX_CHECK(tx_.Audit().Append(entry));
        for (const auto& o : created_) done_.created_ids.push_back(o.id);
        return done_;
    }

    const std::vector<std::int64_t>& touched_users() const { return users_; }

private:
    const Org& Known(std::int64_t id) const { return p_.facts.orgs.at(id).org; }
    const Org& Resolve(OrgRef r) const { return r.IsNew() ? created_.at(r.created) : Known(r.id); }
    const Org& Decider(const Org& subject) const {
        if (p_.request.kind == core::org::ReorgKind::kCreate) return subject;
        auto it = p_.facts.orgs.find(subject.parent_id);
        return it == p_.facts.orgs.end() ? subject : it->second.org;
    }

    core::Status Apply(const core::org::ReorgStep& s) {
        const auto& on = p_.request.on;
        switch (s.kind) {
            case StepKind::kCreateOrg:
                return Create(s);
            case StepKind::kUpdateOrg: {
                Org o = Known(s.org_id);
                o.name = s.spec.name;
                o.short_name = s.spec.short_name;
                if (s.spec.type) o.type = *s.spec.type;
                o.place_kind = s.spec.place_kind;
                o.place_name = s.spec.place_name;
                LX_CHECK(Checked(tx_.FloatingRecords().RenameInflowOrg(o.id, o.name)));
                return tx_.Orgs().Update(o);
            }
            case StepKind::kMoveMembers:
                LX_CHECK(Checked(tx_.Members().MoveAll(s.org_id, Resolve(s.to), on, done_.reorg_id, s.member_ids)));
                // All of them went: their party groups, the units the branch covers and the floating members who
                // take part in its life go with them.
                if (!s.member_ids.empty()) return core::Ok();
                LX_CHECK(Checked(tx_.FloatingRecords().FollowInflowOrg(s.org_id, Resolve(s.to))));
                return Checked(tx_.Groups().MoveAll(s.org_id, Resolve(s.to), on));
            case StepKind::kCarryPosts:
                return Checked(tx_.Orgs().CarryPosts(s.org_id, Resolve(s.to).id, on, actor_.user_id, now_));
            case StepKind::kEndPosts:
                return Checked(tx_.Orgs().EndPosts(s.org_id, on, s.member_ids));
            case StepKind::kMoveGrants:
                return Users(tx_.Users().MoveGrants(s.org_id, Resolve(s.to)));
            case StepKind::kRevokeGrants:
                return Users(tx_.Users().RevokeGrants(s.org_id));
            case StepKind::kMoveDevelopmentCases:
                return Checked(tx_.DevelopmentCases().MoveOpen(s.org_id, Resolve(s.to)));
            case StepKind::kMovePositions:
                return Checked(tx_.Positions().MoveAll(s.org_id, Resolve(s.to)));
            case StepKind::kClosePositions:
                return Checked(tx_.Positions().CloseAll(s.org_id, on));
            case StepKind::kCloseOrg:
                LX_CHECK(Checked(tx_.Groups().CloseAll(s.org_id, on)));
                LX_CHECK(Checked(tx_.FloatingRecords().FollowInflowOrg(s.org_id, std::nullopt)));
                return tx_.Orgs().Close(Known(s.org_id), on);
        }
        return core::Ok();
    }

    core::Status Create(const core::org::ReorgStep& s) {
        const Org& parent = Resolve(s.parent);
        Org o;
        o.parent_id = parent.id;
        o.name = s.spec.name;
        o.short_name = s.spec.short_name;
        o.type = s.spec.type.value_or(core::org::OrgType::kBranch);
        o.place_kind = s.spec.place_kind;
        o.place_name = s.spec.place_name;
        o.region_code = s.predecessor_id ? Known(s.predecessor_id).region_code : parent.region_code;
        o.valid_from = p_.request.on;
        o.predecessor_id = s.predecessor_id;
        LX_ASSIGN(id, tx_.Orgs().Insert(o));
        LX_ASSIGN(stored, tx_.Orgs().Get(id));
        if (!stored) return core::Fail(core::MakeError(ErrorCode::kInternal, "internal", "created org missing"));
        created_.push_back(*stored);
        return core::Ok();
    }

    core::Status Record(const core::org::PlannedEvent& e) {
        core::ports::OrgHistoryEntry h;
        h.reorg_id = done_.reorg_id;
        const Org& org = Resolve(e.org);
        h.org_id = org.id;
        h.event = e.event;
        h.on = p_.request.on;
        h.old_name = e.old_name;
        h.new_name = e.new_name.empty() ? org.name : e.new_name;
        if (e.other.IsNew() || e.other.id != 0) h.other_org_id = Resolve(e.other).id;
        return tx_.Reorgs().AppendHistory(h);
    }

    // Overlays follow their host as its grants do: to a moved org's new version, to the org a merged one joined.
    core::Status MoveOverlays() {
        for (const auto& e : p_.plan.events)
            if (e.event == core::org::OrgEvent::kMovedOut || e.event == core::org::OrgEvent::kMergedInto)
                LX_CHECK(Checked(tx_.Overlays().MoveHost(Resolve(e.org).id, Resolve(e.other))));
        return core::Ok();
    }

    static core::Status Checked(const core::Result<int>& r) {
        if (!r) return core::Fail(r.error());
        return core::Ok();
    }
    core::Status Users(core::Result<std::vector<std::int64_t>> r) {
        if (!r) return core::Fail(r.error());
        users_.insert(users_.end(), r->begin(), r->end());
        return core::Ok();
    }

    Tx& tx_;
    const core::auth::Actor& actor_;
    const PlannedReorg& p_;
    std::int64_t now_;
    ReorgDone done_;
    std::vector<Org> created_;
    std::vector<std::int64_t> users_;
};

}  // namespace

core::Result<ReorgDone> Reorganize(Context& ctx, const core::auth::Actor& actor, const ReorgInput& in) {
    ReorgDone done;
    std::vector<std::int64_t> users;
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(p, PlanFor(tx, actor, in, ctx.clock.Today()));
        if (!p.plan.blockers.empty()) return core::Fail(Blocked(p.plan.blockers));
        Executor run(tx, actor, p, ctx.clock.NowMillis());
        LX_ASSIGN(result, run.Run());
        done = std::move(result);
        users = run.touched_users();
        return core::Ok();
    }));
    // Their grants moved or ended: the next request reads the roles again.
    for (auto u : users) ForgetUser(ctx, u);
    return done;
}

}  // namespace lianxin::app
