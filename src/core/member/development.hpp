// The development pipeline (发展党员, domain.md §2.1–§2.3): a candidate moves applicant → activist →
// development target → probationary → full, one recorded step at a time. Each step carries its date and
// evidence (deciding body, document number); a step that breaks a rule of 细则 or the Constitution is refused
// with the rule named. Dates are facts; probation end, conversion date and deadlines are derived.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/date.hpp"
#include "core/common/result.hpp"
#include "core/member/reminder.hpp"
#include "core/policy/policies.hpp"

namespace lianxin::core::member {

enum class Stage {
    kApplicant,     // 入党申请人
    kActivist,      // 入党积极分子
    kTarget,        // 发展对象
    kProbationary,  // 预备党员 (admitted by the branch meeting, approval pending or given)
    kFull,          // 正式党员
    kDisqualified,  // 取消预备党员资格
};

enum class StepKind {
    kApply,               // written application received
    kTalk,                // party org talked with the applicant (due within 1 month)
    kActivist,            // branch committee determined activist; filed with the higher committee
    kTarget,              // branch committee determined development target
    kPoliticalReview,     // 政治审查 concluded
    kTraining,            // short intensive training (≥3 days or ≥24 class hours)
    kPreReview,           // grassroots committee pre-review (预审) passed
    kAdmissionMeeting,    // branch general meeting admitted the target (join date)
    kAdmissionApproval,   // grassroots committee approved the admission
    kConversionMeeting,   // general meeting decided conversion, extension or disqualification
    kConversionApproval,  // grassroots committee approved that decision
};

// What a conversion meeting decided (Constitution Art.7).
enum class ConversionDecision { kConvert, kExtend, kDisqualify };

// A secret ballot at a general meeting (domain.md §2.2 row 13): the electorate is the full members of the
// branch with voting rights who should attend; written opinions of absent full members are counted.
struct Vote {
    int electorate = 0;
    int present = 0;        // voting members present
    int yes = 0;            // yes ballots of those present
    int written_yes = 0;    // prior written yes opinions of absent voting members
    int written_total = 0;  // all prior written opinions of absent voting members
};

// Another member named in a step (training contact or sponsor), as the registry knows them on the step date.
struct Person {
    std::int64_t member_id = 0;
    bool full_member = false;  // 正式党员 on the step date, normal party status
};

struct Evidence {
    std::string body;     // deciding body: 支部委员会, 支部大会, 街道党工委 …
    std::string doc_ref;  // document or minutes number
    std::string note;
};

struct Step {
    StepKind kind = StepKind::kApply;
    Date on;
    Evidence evidence;
    std::vector<Person> people;  // contacts for kActivist, sponsors for kAdmissionMeeting
    std::optional<Vote> vote;    // general meetings
    int training_days = 0;       // kTraining
    int training_hours = 0;      // kTraining
    ConversionDecision decision = ConversionDecision::kConvert;  // kConversionMeeting
    int extension_months = 0;                                    // kConversionMeeting with kExtend
    bool higher_approval = false;  // kTarget before one year, or approval beyond 3 months: the record exists
};

// The dated facts of one candidate, built by applying steps in order.
struct DevelopmentCase {
    Stage stage = Stage::kApplicant;
    Date birth_date;
    Date applied_on;
    std::optional<Date> talked_on;
    std::optional<Date> activist_on;
    std::vector<std::int64_t> contacts;
    std::optional<Date> target_on;
    std::optional<Date> political_review_on;
    std::optional<Date> trained_on;
    std::optional<Date> pre_reviewed_on;
    std::vector<std::int64_t> sponsors;
    std::optional<Date> admitted_on;     // 入党日期 = branch general meeting date
    LeapDay leap_day = LeapDay::kFeb28;  // the branch's 29 February rule on that day (policy, §2.3)
    std::optional<Date> admission_approved_on;
    int extension_months = 0;  // once, 6–12 months
    std::optional<Date> conversion_meeting_on;
    std::optional<ConversionDecision> pending_decision;  // decided by the meeting, awaiting approval
    int pending_extension_months = 0;
    std::optional<Date> extension_approved_on;
    std::optional<Date> conversion_approved_on;
    std::optional<Date> converted_on;  // 转正日期 = probation (or extension) end

    // Probation end = join date + 1 year, plus the extension if one was approved (domain.md §2.3); from a
    // 29 February join date it falls as `leap_day` says in a year without one.
    std::optional<Date> ProbationEnd() const;
};

// Starts a candidate from a written application; refuses an applicant under 18 on the application date
// (Constitution Art.1, 细则 Art.5). The 18th birthday of one born on 29 February falls as the org's policy
// member.leap_day_anniversary on the application date says (domain.md §2.3), as party age and probation do.
Result<DevelopmentCase> StartDevelopmentCase(const Date& birth_date, const Step& apply,
                                             const policy::Policies& policies);

// Applies `step` to `c`, or refuses it with the rule named (error key "admission.rule.*", field "on",
// "people", "vote" …). `c` is not changed; the returned candidate is the new state. Local rules are those of
// `policies` (the candidate's branch) in force on the step's date (development.application_to_activist_months).
Result<DevelopmentCase> ApplyStep(const DevelopmentCase& c, const Step& step, const policy::Policies& policies);

// Rebuilds a candidate from its recorded steps (the first is the application); dates are facts, the
// state is derived. Fails only when the stored steps no longer satisfy the rules (a bug or tampering).
Result<DevelopmentCase> Replay(const Date& birth_date, const std::vector<Step>& steps,
                               const policy::Policies& policies);

std::vector<Reminder> PendingReminders(const DevelopmentCase& c, const Date& today);

std::string_view ToString(Stage s);
std::optional<Stage> ParseStage(std::string_view s);
std::string_view ToString(StepKind k);
std::optional<StepKind> ParseStepKind(std::string_view s);
std::string_view ToString(ConversionDecision d);
std::optional<ConversionDecision> ParseConversionDecision(std::string_view s);

}  // namespace lianxin::core::member
