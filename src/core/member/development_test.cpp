#include "core/member/development.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::member {
namespace {

Date D(const char* s) { return *Date::Parse(s); }
// No local rules set: the national defaults of the policy store.
const policy::Policies kNational;

// A setting of `key` made by org 5 (path /1/5/, above the branch /1/5/9/) from `from`.
policy::Setting SetAbove(std::string_view key, std::int64_t value, const char* from) {
    policy::Setting s;
    s.key = std::string(key);
    s.org_id = 5;
    s.org_path = "/1/5/";
    s.valid_from = D(from);
    s.value = value;
    return s;
}

Step At(StepKind k, const char* on) {
    Step s;
    s.kind = k;
    s.on = D(on);
    return s;
}

Vote Passing() { return Vote{10, 8, 6, 0, 0}; }

Step Meeting(StepKind k, const char* on, Vote v = Passing()) {
    Step s = At(k, on);
    s.vote = v;
    return s;
}

// Walks a candidate born 1990-05-01 through the pipeline up to the step before `stop`.
DevelopmentCase Through(StepKind stop) {
    auto c = *StartDevelopmentCase(D("1990-05-01"), At(StepKind::kApply, "2022-03-01"), kNational);
    auto step = [&](Step s) {
        if (s.kind == stop) return false;
        auto next = ApplyStep(c, s, kNational);
        EXPECT_TRUE(next) << ToString(s.kind) << ": " << next.error().message_key;
        c = *next;
        return true;
    };
    Step activist = At(StepKind::kActivist, "2022-04-15");
    activist.people = {{11, true}};
    Step training = At(StepKind::kTraining, "2023-05-20");
    training.training_days = 3;
    Step meeting = Meeting(StepKind::kAdmissionMeeting, "2023-07-01");
    meeting.people = {{11, true}, {12, true}};
    if (!step(At(StepKind::kTalk, "2022-03-20"))) return c;
    if (!step(activist)) return c;
    if (!step(At(StepKind::kTarget, "2023-04-15"))) return c;
    if (!step(At(StepKind::kPoliticalReview, "2023-05-10"))) return c;
    if (!step(training)) return c;
    if (!step(At(StepKind::kPreReview, "2023-06-01"))) return c;
    if (!step(meeting)) return c;
    if (!step(At(StepKind::kAdmissionApproval, "2023-08-15"))) return c;
    return c;
}

// The rule a refusal names: the message key, or the field's key for a malformed field.
std::string RuleOf(const Result<DevelopmentCase>& r) {
    if (r) return "accepted";
    return r.error().fields.empty() ? r.error().message_key : r.error().fields[0].message_key;
}

// Constitution Art.1, 细则 Art.5 (domain.md §2.2 row 1): applicants must be aged 18 or over.
TEST(Development, ApplicantMustBeEighteenOnTheApplicationDate) {
    auto young = StartDevelopmentCase(D("2005-03-02"), At(StepKind::kApply, "2023-03-01"), kNational);
    ASSERT_FALSE(young);
    EXPECT_EQ(young.error().message_key, "admission.rule.age");
    EXPECT_EQ(young.error().params.at("age"), "17");
    EXPECT_TRUE(StartDevelopmentCase(D("2005-03-01"), At(StepKind::kApply, "2023-03-01"), kNational));
}

// domain.md §2.3 [UNKNOWN] (issue 16 note 2 "Not done": age-18 eligibility still used 28 February): one born on
// 29 February is 18 on 28 February by default, and only on 1 March under an org whose policy
// member.leap_day_anniversary is mar_1 on the application date — as party age and probation end.
TEST(Development, ALeapDayApplicantIsEighteenAsTheOrgsRuleOnTheApplicationDaySays) {
    const Step apply = At(StepKind::kApply, "2022-02-28");
    EXPECT_TRUE(StartDevelopmentCase(D("2004-02-29"), apply, kNational));
    policy::Setting mar1 = SetAbove(policy::kMemberLeapDayAnniversary, 1, "2022-01-01");
    const policy::Policies branch("/1/5/9/", {mar1});
    auto young = StartDevelopmentCase(D("2004-02-29"), apply, branch);
    ASSERT_FALSE(young);
    EXPECT_EQ(young.error().message_key, "admission.rule.age");
    EXPECT_EQ(young.error().params.at("age"), "17");
    EXPECT_TRUE(StartDevelopmentCase(D("2004-02-29"), At(StepKind::kApply, "2022-03-01"), branch));
    mar1.valid_from = D("2022-03-01");  // set after the application: its day had the default
    EXPECT_TRUE(StartDevelopmentCase(D("2004-02-29"), apply, policy::Policies("/1/5/9/", {mar1})));
}

// domain.md §2.2 row 4 [LOCAL]: "some units require application ≥6 months before becoming activist" — the
// policy development.application_to_activist_months (default 0: no such rule), judged on the step's date.
TEST(Development, ALocalMinimumFromApplicationToActivistHoldsFromItsFirstDay) {
    const DevelopmentCase talked = Through(StepKind::kActivist);  // applied 2022-03-01, talked 2022-03-20
    Step activist = At(StepKind::kActivist, "2022-04-15");
    activist.people = {{11, true}};
    policy::Setting six = SetAbove(policy::kDevelopmentApplicationToActivistMonths, 6, "2022-04-01");
    const policy::Policies branch("/1/5/9/", {six});
    auto early = ApplyStep(talked, activist, branch);
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().message_key, "admission.rule.application_months");
    EXPECT_EQ(early.error().params.at("earliest"), "2022-09-01");
    activist.on = D("2022-09-01");
    EXPECT_TRUE(ApplyStep(talked, activist, branch));
    activist.on = D("2022-03-25");  // before the rule took effect: the national rule (none) holds
    EXPECT_TRUE(ApplyStep(talked, activist, branch));
    activist.on = D("2022-04-15");
    EXPECT_TRUE(ApplyStep(talked, activist, kNational));
}

// domain.md §2.2 row 3: the party org talks with the applicant within 1 month — a reminder, never a block.
TEST(Development, TalkIsDueWithinOneMonth) {
    auto c = *StartDevelopmentCase(D("1990-05-01"), At(StepKind::kApply, "2022-03-01"), kNational);
    auto r = PendingReminders(c, D("2022-04-02"));
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].key, "admission.due.talk");
    EXPECT_EQ(r[0].due.ToString(), "2022-04-01");
    EXPECT_TRUE(r[0].overdue);
    c = *ApplyStep(c, At(StepKind::kTalk, "2022-04-05"), kNational);
    EXPECT_TRUE(PendingReminders(c, D("2022-04-06")).empty());
}

// domain.md §2.2 row 5: one or two full members as training contacts.
TEST(Development, ActivistNeedsOneOrTwoFullMembersAsContacts) {
    auto c = Through(StepKind::kActivist);
    Step s = At(StepKind::kActivist, "2022-04-15");
    EXPECT_EQ(RuleOf(ApplyStep(c, s, kNational)), "admission.rule.contacts");
    s.people = {{11, true}, {12, true}, {13, true}};
    EXPECT_EQ(RuleOf(ApplyStep(c, s, kNational)), "admission.rule.contacts");
    s.people = {{11, true}, {12, false}};
    EXPECT_EQ(RuleOf(ApplyStep(c, s, kNational)), "admission.rule.contacts_full");
    s.people = {{11, true}, {11, true}};
    EXPECT_EQ(RuleOf(ApplyStep(c, s, kNational)), "admission.rule.contacts");
    s.people = {{11, true}, {12, true}};
    EXPECT_EQ(ApplyStep(c, s, kNational)->stage, Stage::kActivist);
}

// 细则 (domain.md §2.2 row 7): development target only after at least one year as activist; earlier only
// with a higher-org approval record.
TEST(Development, TargetOnlyAfterOneYearAsActivist) {
    auto c = Through(StepKind::kTarget);
    auto early = ApplyStep(c, At(StepKind::kTarget, "2023-04-14"), kNational);
    EXPECT_EQ(RuleOf(early), "admission.rule.activist_year");
    EXPECT_EQ(early.error().params.at("earliest"), "2023-04-15");
    Step approved = At(StepKind::kTarget, "2023-04-14");
    approved.higher_approval = true;
    EXPECT_EQ(RuleOf(ApplyStep(c, approved, kNational)), "admission.rule.activist_year");  // no document named
    approved.evidence.doc_ref = "海沧组〔2023〕12号";
    EXPECT_EQ(ApplyStep(c, approved, kNational)->stage, Stage::kTarget);
    EXPECT_EQ(ApplyStep(c, At(StepKind::kTarget, "2023-04-15"), kNational)->stage, Stage::kTarget);
}

// domain.md §2.2 row 10: intensive training of at least 3 days or 24 class hours.
TEST(Development, TrainingAtLeastThreeDaysOrTwentyFourHours) {
    auto c = Through(StepKind::kTraining);
    Step s = At(StepKind::kTraining, "2023-05-20");
    s.training_days = 2;
    s.training_hours = 23;
    EXPECT_EQ(RuleOf(ApplyStep(c, s, kNational)), "admission.rule.training");
    s.training_hours = 24;
    EXPECT_TRUE(ApplyStep(c, s, kNational));
}

// domain.md §2 "must enforce": political review, training and pre-review before the general meeting.
TEST(Development, MeetingNeedsReviewTrainingAndPreReview) {
    auto c = Through(StepKind::kPoliticalReview);
    Step m = Meeting(StepKind::kAdmissionMeeting, "2023-07-01");
    m.people = {{11, true}, {12, true}};
    EXPECT_EQ(RuleOf(ApplyStep(c, m, kNational)), "admission.rule.political_review");
    EXPECT_EQ(RuleOf(ApplyStep(c, At(StepKind::kPreReview, "2023-06-01"), kNational)),
              "admission.rule.political_review");
    c = Through(StepKind::kTraining);
    EXPECT_EQ(RuleOf(ApplyStep(c, m, kNational)), "admission.rule.training_missing");
    c = Through(StepKind::kPreReview);
    EXPECT_EQ(RuleOf(ApplyStep(c, m, kNational)), "admission.rule.pre_review");
}

// 细则 (domain.md §2.2 row 8): exactly two sponsors, both full members on the meeting date.
TEST(Development, ExactlyTwoFullMembersAsSponsors) {
    auto c = Through(StepKind::kAdmissionMeeting);
    Step m = Meeting(StepKind::kAdmissionMeeting, "2023-07-01");
    m.people = {{11, true}};
    EXPECT_EQ(RuleOf(ApplyStep(c, m, kNational)), "admission.rule.sponsors");
    m.people = {{11, true}, {12, false}};  // a probationary member cannot sponsor
    EXPECT_EQ(RuleOf(ApplyStep(c, m, kNational)), "admission.rule.sponsors_full");
    m.people = {{11, true}, {12, true}};
    EXPECT_EQ(ApplyStep(c, m, kNational)->stage, Stage::kProbationary);
}

// domain.md §2.2 row 13: quorum = more than half of the voting members present; pass = yes votes (written
// opinions of absent members counted) more than half of those who should attend, not of those present.
TEST(Development, VoteNeedsQuorumAndMoreThanHalfOfTheElectorate) {
    auto c = Through(StepKind::kAdmissionMeeting);
    auto meet = [&](Vote v) {
        Step m = Meeting(StepKind::kAdmissionMeeting, "2023-07-01", v);
        m.people = {{11, true}, {12, true}};
        return ApplyStep(c, m, kNational);
    };
    EXPECT_EQ(RuleOf(meet({10, 5, 5, 0, 0})), "admission.rule.quorum");    // 5 of 10 is not more than half
    EXPECT_EQ(RuleOf(meet({10, 6, 5, 0, 0})), "admission.rule.majority");  // 5 yes of 10: all present but 1
    EXPECT_EQ(RuleOf(meet({10, 6, 5, 1, 2})), "accepted");                 // + 1 written yes = 6 > 5
    EXPECT_EQ(RuleOf(meet({10, 6, 6, 0, 0})), "accepted");
    EXPECT_EQ(RuleOf(meet({10, 6, 7, 0, 0})), "admission.vote.counts");  // more yes than present
    EXPECT_EQ(RuleOf(meet({10, 9, 6, 0, 2})), "admission.vote.counts");  // 9 present + 2 absent > 10
    EXPECT_EQ(RuleOf(meet({0, 0, 0, 0, 0})), "admission.vote.counts");
    Step none = At(StepKind::kAdmissionMeeting, "2023-07-01");
    none.people = {{11, true}, {12, true}};
    auto missing = ApplyStep(c, none, kNational);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().fields.at(0).field, "vote");
}

// domain.md §2.2 row 15: the grassroots committee approves within 3 months, extended at most to 6.
TEST(Development, ApprovalWithinThreeMonthsAtMostSix) {
    auto c = Through(StepKind::kAdmissionApproval);
    auto r = PendingReminders(c, D("2023-10-02"));
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].key, "admission.due.approval");
    EXPECT_EQ(r[0].due.ToString(), "2023-10-01");
    EXPECT_TRUE(r[0].overdue);
    EXPECT_EQ(RuleOf(ApplyStep(c, At(StepKind::kAdmissionApproval, "2023-10-02"), kNational)),
              "admission.rule.approval_window");
    Step extended = At(StepKind::kAdmissionApproval, "2023-12-20");
    extended.higher_approval = true;
    EXPECT_TRUE(ApplyStep(c, extended, kNational));
    extended.on = D("2024-01-02");
    EXPECT_EQ(RuleOf(ApplyStep(c, extended, kNational)), "admission.rule.approval_limit");
}

// domain.md §2.3 worked example: meeting 2023-07-01 → join date 2023-07-01, conversion date 2024-07-01 even
// when the conversion meeting is 2024-07-20 and the approval 2024-09-10; party age counts from then.
TEST(Development, ConversionDateIsProbationEndNotMeetingOrApproval) {
    auto c = Through(StepKind::kConversionMeeting);
    EXPECT_EQ(c.admitted_on->ToString(), "2023-07-01");
    EXPECT_EQ(c.ProbationEnd()->ToString(), "2024-07-01");
    EXPECT_EQ(RuleOf(ApplyStep(c, Meeting(StepKind::kConversionMeeting, "2024-06-30"), kNational)),
              "admission.rule.probation_running");
    c = *ApplyStep(c, Meeting(StepKind::kConversionMeeting, "2024-07-20"), kNational);
    EXPECT_EQ(c.stage, Stage::kProbationary);
    c = *ApplyStep(c, At(StepKind::kConversionApproval, "2024-09-10"), kNational);
    EXPECT_EQ(c.stage, Stage::kFull);
    EXPECT_EQ(c.converted_on->ToString(), "2024-07-01");
}

// domain.md §2.3 [UNKNOWN] (issue 16 "29 February anniversaries"): a join date of 29 February ends probation on
// 28 Feb by default and on 1 Mar under a branch whose policy member.leap_day_anniversary is mar_1 — the rule in
// force on the meeting's day, not one changed afterwards; an extension counts whole months from the join date.
TEST(Development, ALeapDayJoinDateEndsProbationAsTheRuleOfTheMeetingDaySays) {
    const DevelopmentCase before = Through(StepKind::kAdmissionMeeting);
    Step meeting = Meeting(StepKind::kAdmissionMeeting, "2024-02-29");
    meeting.people = {{11, true}, {12, true}};
    auto national = ApplyStep(before, meeting, kNational);
    ASSERT_TRUE(national) << national.error().message_key;
    EXPECT_EQ(national->ProbationEnd()->ToString(), "2025-02-28");
    policy::Setting mar1 = SetAbove(policy::kMemberLeapDayAnniversary, 1, "2024-01-01");
    auto local = ApplyStep(before, meeting, policy::Policies("/1/5/9/", {mar1}));
    ASSERT_TRUE(local);
    EXPECT_EQ(local->ProbationEnd()->ToString(), "2025-03-01");
    mar1.valid_from = D("2024-03-01");  // set after the meeting: the meeting's day had the default
    EXPECT_EQ(ApplyStep(before, meeting, policy::Policies("/1/5/9/", {mar1}))->ProbationEnd()->ToString(),
              "2025-02-28");
    DevelopmentCase extended = *local;
    extended.extension_months = 6;
    EXPECT_EQ(extended.ProbationEnd()->ToString(), "2025-08-29");
    extended.extension_months = 12;
    EXPECT_EQ(extended.ProbationEnd()->ToString(), "2026-03-01");
}

// Constitution Art.7 (domain.md §2.2 row 19): extension once, never beyond one year (6–12 months); the
// conversion date is then the end of the extended period (§2.3: +12 months → 2025-07-01).
TEST(Development, ExtensionOnceSixToTwelveMonths) {
    auto c = Through(StepKind::kConversionMeeting);
    Step extend = Meeting(StepKind::kConversionMeeting, "2024-07-10");
    extend.decision = ConversionDecision::kExtend;
    extend.extension_months = 13;
    EXPECT_EQ(RuleOf(ApplyStep(c, extend, kNational)), "admission.rule.extension_length");
    extend.extension_months = 5;
    EXPECT_EQ(RuleOf(ApplyStep(c, extend, kNational)), "admission.rule.extension_length");
    extend.extension_months = 12;
    c = *ApplyStep(c, extend, kNational);
    c = *ApplyStep(c, At(StepKind::kConversionApproval, "2024-08-01"), kNational);
    EXPECT_EQ(c.stage, Stage::kProbationary);
    EXPECT_EQ(c.ProbationEnd()->ToString(), "2025-07-01");
    extend.on = D("2025-07-02");
    EXPECT_EQ(RuleOf(ApplyStep(c, extend, kNational)), "admission.rule.extension_once");
    c = *ApplyStep(c, Meeting(StepKind::kConversionMeeting, "2025-07-05"), kNational);
    c = *ApplyStep(c, At(StepKind::kConversionApproval, "2025-08-01"), kNational);
    EXPECT_EQ(c.converted_on->ToString(), "2025-07-01");
}

// Constitution Art.7: disqualification needs the general meeting and higher approval; nothing follows it.
TEST(Development, DisqualificationEndsTheCase) {
    auto c = Through(StepKind::kConversionMeeting);
    Step m = Meeting(StepKind::kConversionMeeting, "2024-07-10");
    m.decision = ConversionDecision::kDisqualify;
    c = *ApplyStep(c, m, kNational);
    c = *ApplyStep(c, At(StepKind::kConversionApproval, "2024-08-01"), kNational);
    EXPECT_EQ(c.stage, Stage::kDisqualified);
    EXPECT_FALSE(c.converted_on);
    EXPECT_EQ(RuleOf(ApplyStep(c, Meeting(StepKind::kConversionMeeting, "2024-09-01"), kNational)),
              "admission.rule.stage");
}

// domain.md §2.1: stages only in order; §13: dates are facts, a step cannot predate the record.
TEST(Development, StepsOnlyInOrderAndNeverBackdated) {
    auto c = *StartDevelopmentCase(D("1990-05-01"), At(StepKind::kApply, "2022-03-01"), kNational);
    EXPECT_EQ(RuleOf(ApplyStep(c, At(StepKind::kTarget, "2023-04-01"), kNational)), "admission.rule.stage");
    EXPECT_EQ(RuleOf(ApplyStep(c, At(StepKind::kTalk, "2022-02-28"), kNational)), "admission.rule.date_order");
    Step activist = At(StepKind::kActivist, "2022-04-15");
    activist.people = {{11, true}};
    EXPECT_EQ(RuleOf(ApplyStep(c, activist, kNational)), "admission.rule.talk_first");
    EXPECT_EQ(RuleOf(ApplyStep(c, At(StepKind::kApply, "2022-03-02"), kNational)), "admission.rule.stage");
}

TEST(Development, NamesRoundTrip) {
    for (auto s : {Stage::kApplicant, Stage::kActivist, Stage::kTarget, Stage::kProbationary, Stage::kFull,
                   Stage::kDisqualified})
        EXPECT_EQ(ParseStage(ToString(s)), s);
    EXPECT_EQ(ParseStepKind("admission_meeting"), StepKind::kAdmissionMeeting);
    EXPECT_EQ(ParseConversionDecision("extend"), ConversionDecision::kExtend);
    EXPECT_FALSE(ParseStepKind("skip"));
}

}  // namespace
}  // namespace lianxin::core::member

namespace lianxin::core::member {
namespace {

// §13 "dates are facts; derived values are computed": replaying the recorded steps gives the same state.
TEST(Development, ReplayRebuildsTheSameState) {
    std::vector<Step> steps;
    Step apply;
    apply.kind = StepKind::kApply;
    apply.on = *Date::Parse("2022-03-01");
    steps.push_back(apply);
    Step talk = apply;
    talk.kind = StepKind::kTalk;
    talk.on = *Date::Parse("2022-03-10");
    steps.push_back(talk);
    auto c = Replay(*Date::Parse("1990-01-01"), steps, kNational);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->talked_on->ToString(), "2022-03-10");
    EXPECT_FALSE(Replay(*Date::Parse("1990-01-01"), {}, kNational));
    steps[1].on = *Date::Parse("2022-02-01");  // a stored step that predates the application
    EXPECT_FALSE(Replay(*Date::Parse("1990-01-01"), steps, kNational));
}

}  // namespace
}  // namespace lianxin::core::member
