#include "core/member/development.hpp"

#include <set>
#include <utility>

#include "core/common/names.hpp"
#include "core/member/member.hpp"

namespace lianxin::core::member {

namespace {
// 细则 and Constitution figures (domain.md §2.2), all [HIGH].
constexpr int kMinAge = 18;
constexpr int kTalkWithinMonths = 1;
constexpr int kActivistYears = 1;
constexpr int kMinTrainingDays = 3;
constexpr int kMinTrainingHours = 24;
constexpr int kSponsors = 2;
constexpr int kMaxContacts = 2;
constexpr int kApprovalMonths = 3;
constexpr int kApprovalMonthsExtended = 6;
constexpr int kMinExtensionMonths = 6;
constexpr int kMaxExtensionMonths = 12;

Error Rule(std::string key) { return MakeError(ErrorCode::kFailedPrecondition, std::move(key)); }

Error WrongStage(const DevelopmentCase& c, StepKind k) {
    return Rule("admission.rule.stage")
        .WithParam("stage", std::string(ToString(c.stage)))
        .WithParam("step", std::string(ToString(k)));
}

// The newest date already recorded: a step may not be dated before it.
Date LatestDate(const DevelopmentCase& c) {
    Date latest = c.applied_on;
    for (const auto& d : {c.talked_on, c.activist_on, c.target_on, c.political_review_on, c.trained_on,
                          c.pre_reviewed_on, c.admitted_on, c.admission_approved_on, c.conversion_meeting_on,
                          c.conversion_approved_on, c.extension_approved_on})
        if (d && *d > latest) latest = *d;
    return latest;
}

Status CheckPeople(const std::vector<Person>& people, std::size_t min, std::size_t max, const char* key) {
    std::set<std::int64_t> ids;
    for (const auto& p : people) {
        if (!p.full_member) return Fail(Rule(std::string(key) + "_full"));
        ids.insert(p.member_id);
    }
    if (ids.size() != people.size() || people.size() < min || people.size() > max)
        return Fail(Rule(key).WithParam("count", std::to_string(people.size())));
    return Ok();
}

// Validates the ballot counts, then quorum (more than half of the electorate present) and majority (yes
// ballots plus written yes opinions more than half of the electorate, not of those present).
Status CheckVote(const std::optional<Vote>& vote) {
    if (!vote) return Fail(InvalidField("vote", "admission.vote.missing"));
    const Vote& v = *vote;
    if (v.electorate < 1 || v.present < 0 || v.yes < 0 || v.written_yes < 0 || v.written_total < 0 ||
        v.present > v.electorate || v.yes > v.present || v.written_yes > v.written_total ||
        v.present + v.written_total > v.electorate)
        return Fail(InvalidField("vote", "admission.vote.counts"));
    if (2 * v.present <= v.electorate)
        return Fail(Rule("admission.rule.quorum")
                        .WithParam("present", std::to_string(v.present))
                        .WithParam("electorate", std::to_string(v.electorate)));
    if (2 * (v.yes + v.written_yes) <= v.electorate)
        return Fail(Rule("admission.rule.majority")
                        .WithParam("yes", std::to_string(v.yes + v.written_yes))
                        .WithParam("electorate", std::to_string(v.electorate)));
    return Ok();
}

// Approval within 3 months of the meeting; up to 6 with a recorded extension (domain.md §2.2 rows 15, 18).
Status CheckApprovalWindow(const Date& meeting, const Step& s) {
    if (s.on > meeting.AddMonths(kApprovalMonthsExtended))
        return Fail(Rule("admission.rule.approval_limit").WithParam("limit", meeting.AddMonths(6).ToString()));
    if (s.on > meeting.AddMonths(kApprovalMonths) && !s.higher_approval)
        return Fail(Rule("admission.rule.approval_window").WithParam("due", meeting.AddMonths(3).ToString()));
    return Ok();
}

Result<DevelopmentCase> Talk(DevelopmentCase c, const Step& s) {
    if (c.stage != Stage::kApplicant || c.talked_on) return Fail(WrongStage(c, s.kind));
    c.talked_on = s.on;
    return c;
}

Result<DevelopmentCase> Activist(DevelopmentCase c, const Step& s, const policy::Policies& policies) {
    if (c.stage != Stage::kApplicant) return Fail(WrongStage(c, s.kind));
    if (!c.talked_on) return Fail(Rule("admission.rule.talk_first"));
    // [LOCAL] some units require the application to be N months old (domain.md §2.2 row 4); 0 = no such rule.
    const int months = policies.Int(policy::kDevelopmentApplicationToActivistMonths, s.on);
    if (months > 0 && s.on < c.applied_on.AddMonths(months))
        return Fail(Rule("admission.rule.application_months")
                        .WithParam("months", std::to_string(months))
                        .WithParam("earliest", c.applied_on.AddMonths(months).ToString()));
    LX_CHECK(CheckPeople(s.people, 1, kMaxContacts, "admission.rule.contacts"));
    c.stage = Stage::kActivist;
    c.activist_on = s.on;
    c.contacts.clear();
    for (const auto& p : s.people) c.contacts.push_back(p.member_id);
    return c;
}

Result<DevelopmentCase> Target(DevelopmentCase c, const Step& s) {
    if (c.stage != Stage::kActivist) return Fail(WrongStage(c, s.kind));
    const Date earliest = c.activist_on->AddYears(kActivistYears);
    if (s.on < earliest && !(s.higher_approval && !s.evidence.doc_ref.empty()))
        return Fail(Rule("admission.rule.activist_year").WithParam("earliest", earliest.ToString()));
    c.stage = Stage::kTarget;
    c.target_on = s.on;
    return c;
}

Result<DevelopmentCase> TargetRecord(DevelopmentCase c, const Step& s) {
    if (c.stage != Stage::kTarget) return Fail(WrongStage(c, s.kind));
    switch (s.kind) {
        case StepKind::kPoliticalReview:
            c.political_review_on = s.on;
            break;
        case StepKind::kTraining:
            if (s.training_days < kMinTrainingDays && s.training_hours < kMinTrainingHours)
                return Fail(Rule("admission.rule.training")
                                .WithParam("days", std::to_string(s.training_days))
                                .WithParam("hours", std::to_string(s.training_hours)));
            c.trained_on = s.on;
            break;
        default:  // kPreReview: the grassroots committee pre-reviews the reviewed file
            if (!c.political_review_on) return Fail(Rule("admission.rule.political_review"));
            c.pre_reviewed_on = s.on;
            break;
    }
    return c;
}

Result<DevelopmentCase> AdmissionMeeting(DevelopmentCase c, const Step& s, const policy::Policies& policies) {
    if (c.stage != Stage::kTarget) return Fail(WrongStage(c, s.kind));
    if (!c.political_review_on) return Fail(Rule("admission.rule.political_review"));
    if (!c.trained_on) return Fail(Rule("admission.rule.training_missing"));
    if (!c.pre_reviewed_on) return Fail(Rule("admission.rule.pre_review"));
    LX_CHECK(CheckPeople(s.people, kSponsors, kSponsors, "admission.rule.sponsors"));
    LX_CHECK(CheckVote(s.vote));
    c.stage = Stage::kProbationary;
    c.admitted_on = s.on;                          // 入党日期 = the day the general meeting adopted the resolution
    c.leap_day = AnniversaryRule(policies, s.on);  // judged by the rule of the meeting's day
    c.sponsors.clear();
    for (const auto& p : s.people) c.sponsors.push_back(p.member_id);
    return c;
}

Result<DevelopmentCase> AdmissionApproval(DevelopmentCase c, const Step& s) {
    if (c.stage != Stage::kProbationary || c.admission_approved_on) return Fail(WrongStage(c, s.kind));
    LX_CHECK(CheckApprovalWindow(*c.admitted_on, s));
    c.admission_approved_on = s.on;
    return c;
}

Result<DevelopmentCase> ConversionMeeting(DevelopmentCase c, const Step& s) {
    if (c.stage != Stage::kProbationary || !c.admission_approved_on || c.pending_decision)
        return Fail(WrongStage(c, s.kind));
    const Date end = *c.ProbationEnd();
    if (s.on < end) return Fail(Rule("admission.rule.probation_running").WithParam("end", end.ToString()));
    if (s.decision == ConversionDecision::kExtend) {
        if (c.extension_months > 0) return Fail(Rule("admission.rule.extension_once"));
        if (s.extension_months < kMinExtensionMonths || s.extension_months > kMaxExtensionMonths)
            return Fail(
                Rule("admission.rule.extension_length").WithParam("months", std::to_string(s.extension_months)));
    }
    LX_CHECK(CheckVote(s.vote));
    c.conversion_meeting_on = s.on;
    c.pending_decision = s.decision;
    c.pending_extension_months = s.decision == ConversionDecision::kExtend ? s.extension_months : 0;
    return c;
}

Result<DevelopmentCase> ConversionApproval(DevelopmentCase c, const Step& s) {
    if (c.stage != Stage::kProbationary || !c.pending_decision) return Fail(WrongStage(c, s.kind));
    LX_CHECK(CheckApprovalWindow(*c.conversion_meeting_on, s));
    const auto decision = *c.pending_decision;
    c.pending_decision.reset();
    if (decision == ConversionDecision::kExtend) {
        c.extension_months = c.pending_extension_months;
        c.pending_extension_months = 0;
        c.extension_approved_on = s.on;
        c.conversion_meeting_on.reset();  // the extended probation ends with another meeting
        return c;
    }
    c.conversion_approved_on = s.on;
    if (decision == ConversionDecision::kDisqualify) {
        c.stage = Stage::kDisqualified;
        return c;
    }
    c.stage = Stage::kFull;
    c.converted_on = c.ProbationEnd();  // not the meeting or approval date (domain.md §2.3)
    return c;
}
}  // namespace

std::optional<Date> DevelopmentCase::ProbationEnd() const {
    if (!admitted_on) return std::nullopt;
    return admitted_on->AddMonths(12 + extension_months, leap_day);
}

Result<DevelopmentCase> StartDevelopmentCase(const Date& birth_date, const Step& apply,
                                             const policy::Policies& policies) {
    if (apply.kind != StepKind::kApply) return Fail(Rule("admission.rule.apply_first"));
    const int age = birth_date.FullYearsUntil(apply.on, AnniversaryRule(policies, apply.on));
    if (age < kMinAge) return Fail(Rule("admission.rule.age").WithParam("age", std::to_string(age)));
    DevelopmentCase c;
    c.birth_date = birth_date;
    c.applied_on = apply.on;
    return c;
}

Result<DevelopmentCase> ApplyStep(const DevelopmentCase& c, const Step& s, const policy::Policies& policies) {
    if (c.stage == Stage::kFull || c.stage == Stage::kDisqualified) return Fail(WrongStage(c, s.kind));
    const Date latest = LatestDate(c);
    if (s.on < latest) return Fail(Rule("admission.rule.date_order").WithParam("latest", latest.ToString()));
    switch (s.kind) {
        case StepKind::kApply:
            return Fail(WrongStage(c, s.kind));
        case StepKind::kTalk:
            return Talk(c, s);
        case StepKind::kActivist:
            return Activist(c, s, policies);
        case StepKind::kTarget:
            return Target(c, s);
        case StepKind::kPoliticalReview:
        case StepKind::kTraining:
        case StepKind::kPreReview:
            return TargetRecord(c, s);
        case StepKind::kAdmissionMeeting:
            return AdmissionMeeting(c, s, policies);
        case StepKind::kAdmissionApproval:
            return AdmissionApproval(c, s);
        case StepKind::kConversionMeeting:
            return ConversionMeeting(c, s);
        case StepKind::kConversionApproval:
            return ConversionApproval(c, s);
    }
    return Fail(WrongStage(c, s.kind));
}

Result<DevelopmentCase> Replay(const Date& birth_date, const std::vector<Step>& steps,
                               const policy::Policies& policies) {
    if (steps.empty()) return Fail(Rule("admission.rule.apply_first"));
    LX_ASSIGN(c, StartDevelopmentCase(birth_date, steps.front(), policies));
    for (std::size_t i = 1; i < steps.size(); ++i) {
        LX_ASSIGN(next, ApplyStep(c, steps[i], policies));
        c = std::move(next);
    }
    return c;
}

std::vector<Reminder> PendingReminders(const DevelopmentCase& c, const Date& today) {
    std::vector<Reminder> out;
    auto add = [&](std::string key, Date due) { out.push_back({std::move(key), due, today > due, {}}); };
    switch (c.stage) {
        case Stage::kApplicant:
            if (!c.talked_on) add("admission.due.talk", c.applied_on.AddMonths(kTalkWithinMonths));
            break;
        case Stage::kActivist:
            out.push_back({"admission.due.target_from", c.activist_on->AddYears(kActivistYears), false, {}});
            break;
        case Stage::kProbationary:
            if (!c.admission_approved_on) add("admission.due.approval", c.admitted_on->AddMonths(kApprovalMonths));
            else if (c.pending_decision)
                add("admission.due.conversion_approval", c.conversion_meeting_on->AddMonths(kApprovalMonths));
            else add("admission.due.conversion", *c.ProbationEnd());
            break;
        default:
            break;
    }
    return out;
}

namespace {
constexpr NameTable<Stage, 6> kStages{{
    {Stage::kApplicant, "applicant"},
    {Stage::kActivist, "activist"},
    {Stage::kTarget, "target"},
    {Stage::kProbationary, "probationary"},
    {Stage::kFull, "full"},
    {Stage::kDisqualified, "disqualified"},
}};
constexpr NameTable<StepKind, 11> kSteps{{
    {StepKind::kApply, "apply"},
    {StepKind::kTalk, "talk"},
    {StepKind::kActivist, "activist"},
    {StepKind::kTarget, "target"},
    {StepKind::kPoliticalReview, "political_review"},
    {StepKind::kTraining, "training"},
    {StepKind::kPreReview, "pre_review"},
    {StepKind::kAdmissionMeeting, "admission_meeting"},
    {StepKind::kAdmissionApproval, "admission_approval"},
    {StepKind::kConversionMeeting, "conversion_meeting"},
    {StepKind::kConversionApproval, "conversion_approval"},
}};
constexpr NameTable<ConversionDecision, 3> kDecisions{{
    {ConversionDecision::kConvert, "convert"},
    {ConversionDecision::kExtend, "extend"},
    {ConversionDecision::kDisqualify, "disqualify"},
}};

}  // namespace

std::string_view ToString(Stage s) { return NameOf(kStages, s); }
std::optional<Stage> ParseStage(std::string_view s) { return ValueOf(kStages, s); }
std::string_view ToString(StepKind k) { return NameOf(kSteps, k); }
std::optional<StepKind> ParseStepKind(std::string_view s) { return ValueOf(kSteps, s); }
std::string_view ToString(ConversionDecision d) { return NameOf(kDecisions, d); }
std::optional<ConversionDecision> ParseConversionDecision(std::string_view s) { return ValueOf(kDecisions, s); }

}  // namespace lianxin::core::member
