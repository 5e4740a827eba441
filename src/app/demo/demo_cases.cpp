#include "app/demo/demo_cases.hpp"

#include "app/member/development.hpp"

#include <vector>

namespace lianxin::app {

using core::Date;
using core::member::Step;
using core::member::StepKind;

namespace {
struct Plan {
    StepKind kind;
    int days_ago;
};

// The steps of each case, oldest first; days before today. Spacing follows domain.md §2.2 (talk within a
// month, target a year after activist, probation one year from the meeting).
const std::vector<std::vector<Plan>>& Plans() {
    static const std::vector<std::vector<Plan>> kPlans{
        {{StepKind::kApply, 20}},
        {{StepKind::kApply, 400}, {StepKind::kTalk, 390}, {StepKind::kActivist, 300}},
        {{StepKind::kApply, 800},
         {StepKind::kTalk, 790},
         {StepKind::kActivist, 700},
         {StepKind::kTarget, 300},
         {StepKind::kPoliticalReview, 200},
         {StepKind::kTraining, 150}},
        {{StepKind::kApply, 1000},
         {StepKind::kTalk, 990},
         {StepKind::kActivist, 900},
         {StepKind::kTarget, 500},
         {StepKind::kPoliticalReview, 450},
         {StepKind::kTraining, 440},
         {StepKind::kPreReview, 420},
         {StepKind::kAdmissionMeeting, 300},
         {StepKind::kAdmissionApproval, 250}},
    };
    return kPlans;
}
}  // namespace

core::Result<int> AddDemoCases(core::ports::Tx& tx, core::demo::Rng& rng, std::uint64_t& serial, const Date& today,
                               std::int64_t now, std::int64_t branch_id) {
    LX_ASSIGN(found, tx.Orgs().Get(branch_id));
    if (!found) return core::Fail(core::NotFound("org"));
    const core::org::Org org = *found;
    core::ports::MemberQuery q;
    q.scope_roots = {org.path};
    q.limit = 50;
    LX_ASSIGN(members, tx.Members().List(q));
    std::vector<std::int64_t> veterans;  // full members converted long before any case began
    for (const auto& m : members)
        if (m.category == core::member::Category::kFull && m.conversion_date &&
            *m.conversion_date < today.AddDays(-1100))
            veterans.push_back(m.id);
    if (veterans.size() < 2) return 0;
    int added = 0;
    for (const auto& plan : Plans()) {
        // A young adult applicant: 22–35 years old today.
        core::demo::PersonOptions opt{today, ++serial, ""};
        auto person = core::demo::SyntheticMember(rng, opt);
        const Date birth =
            today.AddYears(-22 - static_cast<int>(rng.Below(14))).AddDays(-static_cast<int>(rng.Below(300)));
        person.birth_date = birth;
        person.id_number = core::demo::SyntheticIdNumber(serial, birth, person.sex);
        std::vector<Step> steps;
        core::member::DevelopmentCase facts;
        for (const auto& p : plan) {
            Step s;
            s.kind = p.kind;
            s.on = today.AddDays(-p.days_ago);
            if (p.kind == StepKind::kActivist) s.people = {{veterans[0], true}};
            if (p.kind == StepKind::kTraining) s.training_days = 3;
            if (p.kind == StepKind::kAdmissionMeeting) {
                s.people = {{veterans[0], true}, {veterans[1], true}};
                LX_ASSIGN(n, tx.Members().CountVoting(branch_id, s.on));
                s.vote = core::member::Vote{n, n, n, 0, 0};
            }
            s.evidence.body = p.kind == StepKind::kAdmissionApproval || p.kind == StepKind::kPreReview ? "街道党工委"
                              : p.kind == StepKind::kAdmissionMeeting                                  ? "支部大会"
                                                                      : "支部委员会";
            if (steps.empty()) {
                LX_ASSIGN(start, core::member::StartDevelopmentCase(birth, s, core::policy::Policies()));
                facts = start;
            } else {
                LX_ASSIGN(next, core::member::ApplyStep(facts, s,
                                                        core::policy::Policies()));  // a fresh database: national rules
                facts = next;
            }
            steps.push_back(s);
        }
        core::ports::DevelopmentRecord rec;
        rec.org_id = branch_id;
        rec.org_path = org.path;
        rec.name = person.name;
        rec.sex = person.sex;
        rec.ethnicity = person.ethnicity;
        rec.birth_date = birth;
        rec.id_number = person.id_number;
        rec.phone = core::demo::SyntheticPhone(serial);
        rec.education = person.education;
        rec.work_unit = person.work_unit;
        rec.applied_on = steps.front().on;
        rec.stage = facts.stage;
        SetDue(rec, facts, today);
        if (facts.stage == core::member::Stage::kProbationary && facts.admission_approved_on) {
            core::member::Member m = person;
            m.org_id = branch_id;
            m.org_path = org.path;
            m.region_code = org.region_code;
            m.phone = rec.phone;
            m.category = core::member::Category::kProbationary;
            m.join_date = facts.admitted_on;
            m.conversion_date.reset();
            m.tags.clear();
            m.updated_at = now;
            LX_ASSIGN(member_id, tx.Members().Insert(m));
            rec.member_id = member_id;
            ++added;
        }
        LX_ASSIGN(cid, tx.DevelopmentCases().Insert(rec, 0));
        for (std::size_t i = 0; i < steps.size(); ++i)
            LX_CHECK(tx.DevelopmentCases().AppendStep(
                cid, core::ports::StepRecord{0, static_cast<int>(i) + 1, steps[i], 0, 0}));
    }
    return added;
}

}  // namespace lianxin::app
