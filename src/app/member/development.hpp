// The development pipeline use cases (发展党员, domain.md §2): register an application, record each step
// with its evidence, list the board and open one case. Recording the approval of an admission creates the
// probationary member in the registry; the approval of a conversion makes that member full (conversion
// date = probation end) or removes them (disqualified). Each write is one transaction with its audit row.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/audit/audit.hpp"
#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/member/development.hpp"
#include "core/ports/records.hpp"

namespace lianxin::app {

// Stores the pending reminder (key and due date) on the record, so that the board can sort and flag without
// replaying every case.
void SetDue(core::ports::DevelopmentRecord& rec, const core::member::DevelopmentCase& facts, const core::Date& today);

struct DevelopmentCaseInput {
    std::int64_t org_id = 0;
    std::string name, sex, ethnicity, id_number, phone, education, work_unit;
    std::string applied_on;  // YYYY-MM-DD
    core::member::Evidence evidence;
};
// The new candidate's id. The person must be 18 on the application date and not already registered.
core::Result<std::int64_t> CreateDevelopmentCase(Context& ctx, const core::auth::Actor& actor,
                                                 const DevelopmentCaseInput& in);

struct VoteInput {
    int present = 0, yes = 0, written_yes = 0, written_total = 0;
};
struct StepInput {
    std::int64_t version = 0;  // the candidate version the form was loaded with
    std::string kind;
    std::string on;
    core::member::Evidence evidence;
    std::vector<std::int64_t> people;  // training contacts or sponsors (member ids)
    std::optional<VoteInput> vote;     // the electorate is counted from the registry, never typed
    int training_days = 0, training_hours = 0;
    std::string decision;  // conversion meeting: convert | extend | disqualify
    int extension_months = 0;
    bool higher_approval = false;
};

struct DevelopmentCaseView {
    core::ports::DevelopmentRecord record;
    std::string org_name;
    core::member::DevelopmentCase facts;
    std::vector<core::ports::StepRecord> steps;
    std::vector<core::member::Reminder> reminders;
    int electorate = 0;                                // voting members of the branch today
    std::map<std::int64_t, std::string> people_names;  // contacts and sponsors named in the steps
};
// Records one step; the refreshed case on success.
core::Result<DevelopmentCaseView> RecordStep(Context& ctx, const core::auth::Actor& actor, std::int64_t id,
                                             const StepInput& in);

// One case with its steps and reminders; audited as a view of personal data.
core::Result<Audited<DevelopmentCaseView>> ViewDevelopmentCase(Context& ctx, const core::auth::Actor& actor,
                                                               std::int64_t id);

// The full members with voting rights of `org_id` on `on` (domain.md §2.2 row 13): what a general meeting's
// electorate is, for the meeting form. Needs member_read on the org; 404 outside the scope.
core::Result<int> VotingElectorate(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                   const core::Date& on);

struct DevelopmentCaseSummary {
    core::ports::DevelopmentRecord record;
    std::string org_name;
};
struct DevelopmentCasePage {
    std::vector<DevelopmentCaseSummary> items;
    std::int64_t next_after = 0;
};
struct DevelopmentCaseListInput {
    std::int64_t org_id = 0;
    std::string stage;
    std::int64_t after_id = 0;
    int limit = 50;
};
core::Result<DevelopmentCasePage> ListDevelopmentCases(Context& ctx, const core::auth::Actor& actor,
                                                       const DevelopmentCaseListInput& in);

}  // namespace lianxin::app
