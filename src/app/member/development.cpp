#include "app/member/development.hpp"

#include "app/org/org_queries.hpp"
#include "app/policy/policies.hpp"
#include "core/member/field_spec.hpp"
#include "core/member/fields.hpp"
#include "core/member/id_number.hpp"
#include "core/member/member.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::auth::Permission;
using core::member::Stage;
using core::member::StepKind;
using core::ports::DevelopmentRecord;
using core::ports::StepRecord;
using core::ports::Tx;

namespace {
constexpr std::size_t kMaxPeople = 2;

void CheckEvidence(const core::member::Evidence& e, core::Error& errors) {
    core::member::CheckText(e.body, 0, 50, "body", errors);
    core::member::CheckText(e.doc_ref, 0, 50, "doc_ref", errors);
    core::member::CheckText(e.note, 0, 500, "note", errors);
}

// The candidate, when the actor holds `p` on its org; 404 otherwise (403 without `p` anywhere).
core::Result<DevelopmentRecord> VisibleDevelopmentCase(Tx& tx, const core::auth::Actor& actor, std::int64_t id,
                                                       Permission p) {
    LX_CHECK(core::auth::AuthorizeAny(actor, p));
    LX_ASSIGN(c, tx.DevelopmentCases().Get(id));
    if (!c) return core::Fail(core::NotFound("candidate"));
    LX_CHECK(core::auth::Authorize(actor, p, c->org_path, "candidate"));
    return *c;
}

std::vector<core::member::Step> StepsOf(const std::vector<StepRecord>& records) {
    std::vector<core::member::Step> steps;
    for (const auto& r : records) steps.push_back(r.step);
    return steps;
}

// Members named in a step, as the registry knows them on the step date; each must be visible to the actor.
core::Result<std::vector<core::member::Person>> People(Tx& tx, const core::auth::Actor& actor,
                                                       const std::vector<std::int64_t>& ids, const core::Date& on) {
    std::vector<core::member::Person> out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const std::string field = "people[" + std::to_string(i) + "]";
        LX_ASSIGN(m, tx.Members().Get(ids[i]));
        if (!m || m->left_on || !core::auth::Authorize(actor, Permission::kMemberRead, m->org_path))
            return core::Fail(core::InvalidField(field, "member.not_in_scope"));
        const bool full = m->category == core::member::Category::kFull &&
                          m->status == core::member::PartyStatus::kNormal &&
                          (!m->conversion_date || *m->conversion_date <= on);
        out.push_back({m->id, full});
    }
    return out;
}

// The step's own fields, checked before any lookup so that malformed input is named whatever the case's state.
core::Result<core::member::Step> ParseStep(const StepInput& in, const core::Date& today) {
    core::Error errors = core::MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    core::member::Step s;
    auto kind = core::member::ParseStepKind(in.kind);
    if (!kind || *kind == StepKind::kApply) errors.WithField("kind", "admission.kind.unknown");
    auto on = core::member::CheckDate(in.on, today, "on", errors);
    CheckEvidence(in.evidence, errors);
    if (in.people.size() > kMaxPeople) errors.WithField("people", "admission.people.count");
    auto decision = core::member::ParseConversionDecision(in.decision.empty() ? "convert" : in.decision);
    if (!decision) errors.WithField("decision", "admission.decision.unknown");
    if (in.training_days < 0 || in.training_days > 366) errors.WithField("training_days", "field.range");
    if (in.training_hours < 0 || in.training_hours > 9999) errors.WithField("training_hours", "field.range");
    if (in.extension_months < 0 || in.extension_months > 24) errors.WithField("extension_months", "field.range");
    if (!errors.fields.empty()) return core::Fail(errors);
    s.kind = *kind;
    s.on = *on;
    s.evidence = in.evidence;
    s.training_days = in.training_days;
    s.training_hours = in.training_hours;
    s.decision = *decision;
    s.extension_months = in.extension_months;
    s.higher_approval = in.higher_approval;
    return s;
}

// Completes the step with what the registry knows on its date: the people named and the vote's electorate.
core::Status ResolveStep(Tx& tx, const core::auth::Actor& actor, const DevelopmentRecord& rec, const StepInput& in,
                         core::member::Step& s) {
    LX_ASSIGN(people, People(tx, actor, in.people, s.on));
    s.people = std::move(people);
    if (in.vote) {
        LX_ASSIGN(electorate, tx.Members().CountVoting(rec.org_id, s.on));
        s.vote = core::member::Vote{electorate, in.vote->present, in.vote->yes, in.vote->written_yes,
                                    in.vote->written_total};
    }
    return core::Ok();
}

// The registry side of an approval: admission creates the probationary member; conversion makes the member
// full from the probation end, or removes a disqualified one.
core::Status UpdateRegistry(Tx& tx, DevelopmentRecord& rec, const core::member::DevelopmentCase& facts,
                            const core::member::Step& s, std::int64_t now) {
    if (s.kind == StepKind::kAdmissionApproval) {
        core::member::Member m;
        m.org_id = rec.org_id;
        m.org_path = rec.org_path;
        m.name = rec.name;
        m.sex = rec.sex;
        m.ethnicity = rec.ethnicity;
        m.birth_date = rec.birth_date;
        m.id_number = rec.id_number;
        m.phone = rec.phone;
        m.education = rec.education;
        m.work_unit = rec.work_unit;
        m.category = core::member::Category::kProbationary;
        m.join_date = facts.admitted_on;
        LX_ASSIGN(org, tx.Orgs().Get(rec.org_id));
        if (org) m.region_code = org->region_code;
        m.updated_at = now;  // created and last changed now
        LX_ASSIGN(member_id, tx.Members().Insert(m));
        rec.member_id = member_id;
        return core::Ok();
    }
    if (s.kind != StepKind::kConversionApproval || rec.member_id == 0) return core::Ok();
    LX_ASSIGN(m, tx.Members().Get(rec.member_id));
    if (!m) return core::Fail(core::MakeError(ErrorCode::kInternal, "internal", "candidate member missing"));
    if (facts.stage == Stage::kFull) {
        m->category = core::member::Category::kFull;
        m->conversion_date = facts.converted_on;
    } else if (facts.stage == Stage::kDisqualified) {
        m->left_on = s.on;
        m->left_reason = "disqualified";
    } else {
        return core::Ok();  // an approved extension changes nothing in the registry
    }
    return tx.Members().UpdateStatus(*m);
}

core::Result<DevelopmentCaseView> LoadView(Tx& tx, DevelopmentRecord rec, const core::Date& today) {
    DevelopmentCaseView v;
    LX_ASSIGN(org, tx.Orgs().Get(rec.org_id));
    v.org_name = org ? org->name : "";
    LX_ASSIGN(steps, tx.DevelopmentCases().Steps(rec.id));
    LX_ASSIGN(policies, PoliciesFor(tx, rec.org_path));
    LX_ASSIGN(facts, core::member::Replay(rec.birth_date, StepsOf(steps), policies));
    LX_ASSIGN(electorate, tx.Members().CountVoting(rec.org_id, today));
    for (const auto& s : steps)
        for (const auto& p : s.step.people) {
            if (v.people_names.count(p.member_id)) continue;
            LX_ASSIGN(m, tx.Members().Get(p.member_id));
            v.people_names[p.member_id] = m ? m->name : "";
        }
    v.reminders = core::member::PendingReminders(facts, today);
    v.facts = std::move(facts);
    v.steps = std::move(steps);
    v.electorate = electorate;
    v.record = std::move(rec);
    return v;
}
}  // namespace

void SetDue(DevelopmentRecord& rec, const core::member::DevelopmentCase& facts, const core::Date& today) {
    auto reminders = core::member::PendingReminders(facts, today);
    rec.due_key = reminders.empty() ? "" : reminders.front().key;
    rec.due_on = reminders.empty() ? std::nullopt : std::optional<core::Date>(reminders.front().due);
}

core::Result<std::int64_t> CreateDevelopmentCase(Context& ctx, const core::auth::Actor& actor,
                                                 const DevelopmentCaseInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberWrite));
    const auto today = ctx.clock.Today();
    core::Error errors = core::MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    core::member::CheckField("name", in.name, errors);
    auto id = core::member::ParseIdNumber(in.id_number, "id_number");
    if (!id) errors.fields.push_back(id.error().fields.at(0));
    if (in.sex != "male" && in.sex != "female") errors.WithField("sex", "member.sex.format");
    else if (id && core::member::ToString(id->sex) != in.sex) errors.WithField("sex", "member.sex.mismatch");
    for (const auto& [field, value] : {std::pair{"ethnicity", &in.ethnicity},
                                       {"phone", &in.phone},
                                       {"education", &in.education},
                                       {"work_unit", &in.work_unit}})
        core::member::CheckField(field, *value, errors);
    auto applied = core::member::CheckDate(in.applied_on, today, "applied_on", errors);
    CheckEvidence(in.evidence, errors);
    if (!errors.fields.empty()) return core::Fail(errors);

    core::member::Step apply;
    apply.kind = StepKind::kApply;
    apply.on = *applied;
    apply.evidence = in.evidence;
    std::int64_t new_id = 0;
    // System scope: the duplicate check of the ID number is global (candidates and members).
    LX_CHECK(ctx.db.Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(org, tx.Orgs().Get(in.org_id));
        if (!org || !core::auth::Authorize(actor, Permission::kMemberWrite, org->path))
            return core::Fail(core::InvalidField("org_id", "org.not_in_scope"));
        LX_ASSIGN(policies, PoliciesFor(tx, org->path));  // the 29 February rule of the org (domain.md §2.3)
        LX_ASSIGN(facts, core::member::StartDevelopmentCase(id->birth_date, apply, policies));
        LX_ASSIGN(as_candidate, tx.DevelopmentCases().FindByIdNumber(id->canonical));
        LX_ASSIGN(as_member, tx.Members().FindByIdNumber(id->canonical));
        if (as_candidate || as_member) {
            auto e = core::MakeError(ErrorCode::kConflict, "request.invalid");
            return core::Fail(e.WithField("id_number", "development.id_number.exists"));
        }
        DevelopmentRecord rec;
        rec.org_id = org->id;
        rec.org_path = org->path;
        rec.name = in.name;
        rec.sex = id->sex;
        rec.ethnicity = in.ethnicity;
        rec.birth_date = id->birth_date;
        rec.id_number = id->canonical;
        rec.phone = in.phone;
        rec.education = in.education;
        rec.work_unit = in.work_unit;
        rec.applied_on = *applied;
        SetDue(rec, facts, today);
        const auto now = ctx.clock.NowMillis();
        LX_ASSIGN(cid, tx.DevelopmentCases().Insert(rec, now));
        LX_CHECK(tx.DevelopmentCases().AppendStep(cid, StepRecord{0, 1, apply, actor.user_id, now}));
        new_id = cid;
        auto entry =
            AuditFor(actor, now, "candidate.create", "candidate", std::to_string(cid)).On(rec.org_id, rec.org_path);
        return tx.Audit().Append(entry);
    }));
    return new_id;
}

core::Result<DevelopmentCaseView> RecordStep(Context& ctx, const core::auth::Actor& actor, std::int64_t id,
                                             const StepInput& in) {
    const auto today = ctx.clock.Today();
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberWrite));
    LX_ASSIGN(step, ParseStep(in, today));
    DevelopmentCaseView out;
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(rec, VisibleDevelopmentCase(tx, actor, id, Permission::kMemberWrite));
        if (in.version != rec.version)
            return core::Fail(core::MakeError(ErrorCode::kConflict, "development.changed_concurrently"));
        LX_ASSIGN(steps, tx.DevelopmentCases().Steps(id));
        LX_ASSIGN(policies, PoliciesFor(tx, rec.org_path));
        LX_ASSIGN(facts, core::member::Replay(rec.birth_date, StepsOf(steps), policies));
        LX_CHECK(ResolveStep(tx, actor, rec, in, step));
        LX_ASSIGN(next, core::member::ApplyStep(facts, step, policies));
        LX_CHECK(UpdateRegistry(tx, rec, next, step, ctx.clock.NowMillis()));
        const auto now = ctx.clock.NowMillis();
        LX_CHECK(tx.DevelopmentCases().AppendStep(
            id, StepRecord{0, static_cast<int>(steps.size()) + 1, step, actor.user_id, now}));
        rec.stage = next.stage;
        SetDue(rec, next, today);
        LX_CHECK(tx.DevelopmentCases().UpdateState(rec, now));
        ++rec.version;
        auto entry =
            AuditFor(actor, now, "candidate.step", "candidate", std::to_string(id)).On(rec.org_id, rec.org_path);
        entry.detail = "kind=" + std::string(core::member::ToString(step.kind));
        entry.subject_member_id = rec.member_id;
        LX_CHECK(tx.Audit().Append(entry));
        LX_ASSIGN(view, LoadView(tx, std::move(rec), today));
        out = std::move(view);
        return core::Ok();
    }));
    return out;
}

core::Result<Audited<DevelopmentCaseView>> ViewDevelopmentCase(Context& ctx, const core::auth::Actor& actor,
                                                               std::int64_t id) {
    DevelopmentCaseView out;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(rec, VisibleDevelopmentCase(tx, actor, id, Permission::kMemberRead));
        LX_ASSIGN(view, LoadView(tx, std::move(rec), ctx.clock.Today()));
        out = std::move(view);
        return core::Ok();
    }));
    auto entry = AuditFor(actor, ctx.clock.NowMillis(), "candidate.view", "candidate", std::to_string(id))
                     .On(out.record.org_id, out.record.org_path);
    entry.subject_member_id = out.record.member_id;
    return Audited<DevelopmentCaseView>{std::move(out), std::move(entry)};
}

core::Result<int> VotingElectorate(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                   const core::Date& on) {
    int out = 0;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_CHECK(VisibleOrg(tx, actor, org_id, Permission::kMemberRead));
        LX_ASSIGN(n, tx.Members().CountVoting(org_id, on));
        out = n;
        return core::Ok();
    }));
    return out;
}

core::Result<DevelopmentCasePage> ListDevelopmentCases(Context& ctx, const core::auth::Actor& actor,
                                                       const DevelopmentCaseListInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberRead));
    core::ports::DevelopmentCaseQuery q;
    if (!in.stage.empty()) {
        q.stage = core::member::ParseStage(in.stage);
        if (!q.stage) return core::Fail(core::InvalidField("stage", "admission.stage.unknown"));
    }
    DevelopmentCasePage page;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        q.scope_roots = core::auth::ScopeRoots(actor, Permission::kMemberRead);
        if (in.org_id != 0) {
            LX_ASSIGN(org, tx.Orgs().Get(in.org_id));
            if (!org || !core::auth::Authorize(actor, Permission::kMemberRead, org->path))
                return core::Fail(core::InvalidField("org_id", "org.not_in_scope"));
            q.subtree = org->path;
        }
        q.after_id = in.after_id;
        q.limit = in.limit + 1;
        LX_ASSIGN(items, tx.DevelopmentCases().List(q));
        if (static_cast<int>(items.size()) > in.limit) {
            items.resize(static_cast<std::size_t>(in.limit));
            page.next_after = items.back().id;
        }
        for (auto& c : items) {
            LX_ASSIGN(org, tx.Orgs().Get(c.org_id));
            page.items.push_back({std::move(c), org ? org->name : ""});
        }
        return core::Ok();
    }));
    auto entry = AuditFor(actor, ctx.clock.NowMillis(), "candidate.list", "org", std::to_string(in.org_id))
                     .On(ListedOrg(ctx, actor, Permission::kMemberRead, in.org_id));
    entry.detail = "count=" + std::to_string(page.items.size());
    LX_CHECK(AppendAudit(ctx, std::move(entry)));
    return page;
}

}  // namespace lianxin::app
