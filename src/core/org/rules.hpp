// The statutory sizing and term rules of party organizations (domain.md §1.2, §1.3). They never block: a
// street office lives with a 2-member branch while it recruits, so each breach is a Warning whose message
// key quotes the rule and whose params carry the figures. The HTTP layer renders the quoted rule.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/date.hpp"
#include "core/common/result.hpp"
#include "core/org/org.hpp"

namespace lianxin::core::org {

// Headcount of an org as of a date: members whose formal affiliation is this org (not the subtree).
struct Headcount {
    int full = 0;          // 正式党员
    int probationary = 0;  // 预备党员
    int Total() const { return full + probationary; }
};

// Posts on a branch or committee (domain.md §1.2 "Branch committee").
enum class Post { kSecretary, kDeputySecretary, kOrganization, kPublicity, kDiscipline, kMember };

struct Warning {
    std::string key;  // catalogue key of the quoted rule, e.g. "org.rule.branch_min_full"
    std::map<std::string, std::string> params;
    bool operator==(const Warning&) const = default;
};

// What the sizing rules need to know about one org besides its type.
struct SizingFacts {
    Headcount headcount;
    int committee_seats = 0;     // current committee posts (secretary and deputy included)
    int covered_units = 0;       // units a joint branch covers
    bool size_approved = false;  // a higher-org approval document allows a size outside the band
};

// Warnings of domain.md §1.2 "What the software must enforce" for `type` with `facts`; empty when sound.
std::vector<Warning> CheckSizing(OrgType type, const SizingFacts& facts);

// A joint branch covers no more than five units (§1.2 "一般不超过5个"): the warning from the sixth, else none.
std::optional<Warning> CheckCoveredUnits(OrgType type, int units);

// The org type the headcount suggests (≥100 基层党委, 50–99 党总支, 3–49 党支部, fewer: 联合党支部).
OrgType SuggestType(const Headcount& h);

// Term of office in years (domain.md §1.3): 5 for grassroots committees and for any body at community
// (or village) level and above, 3 for other general branches and branches.
int TermYears(OrgType type, PlaceKind place);

// A term of a committee or secretary: elected on `start`, may be postponed or advanced by at most one year
// with an approval record (domain.md §1.3 "Postponing or advancing an election").
struct Term {
    Date start;
    int years = 3;
    int shift_months = 0;  // + postponed / - advanced, with approval
    Date End() const { return start.AddYears(years).AddMonths(shift_months); }
};

// Refuses a shift beyond 12 months either way.
std::optional<Warning> CheckTermShift(int shift_months);
// An "election overdue" warning when `today` is on or past the term's end.
std::optional<Warning> CheckTermDue(const Term& term, const Date& today);

// A post is taken up only with its record (domain.md §1 "must enforce"): the secretary and deputy with the
// higher organization's approval (批准), other committee members filed with it (备案). Refuses a missing
// document reference, naming the rule.
Status CheckAppointment(Post post, std::string_view approval_doc);

std::string_view ToString(Post p);
std::optional<Post> ParsePost(std::string_view s);

}  // namespace lianxin::core::org
