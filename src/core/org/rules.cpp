#include "core/org/rules.hpp"

#include <cstdlib>
#include <utility>

#include "core/common/names.hpp"

namespace lianxin::core::org {

namespace {
// Branch Regulation ch.2 and ch.6 (domain.md §1.2), all [HIGH].
constexpr int kBranchMinFull = 3;
constexpr int kBranchMax = 50;
constexpr int kCommitteeFromFull = 7;
constexpr int kCommitteeMinSeats = 3;
constexpr int kCommitteeUsualSeats = 5;
constexpr int kCommitteeMaxSeats = 7;
constexpr int kSecretaryOnlySeats = 2;  // a secretary and, if needed, one deputy
constexpr int kJointBranchMaxUnits = 5;
constexpr int kGeneralBranchMin = 50;
constexpr int kGeneralBranchMax = 100;  // exclusive: 50 以上、100 以下
constexpr int kCommitteeMin = 100;

Warning Warn(std::string key, std::map<std::string, std::string> params) {
    return Warning{std::move(key), std::move(params)};
}

bool IsBranch(OrgType t) { return IsBranchType(t); }

void CheckBranch(OrgType type, const SizingFacts& f, std::vector<Warning>& out) {
    const auto& h = f.headcount;
    if (h.full < kBranchMinFull) out.push_back(Warn("org.rule.branch_min_full", {{"full", std::to_string(h.full)}}));
    if (h.Total() > kBranchMax) out.push_back(Warn("org.rule.branch_max", {{"total", std::to_string(h.Total())}}));
    if (h.full >= kCommitteeFromFull) {
        if (f.committee_seats < kCommitteeMinSeats)
            out.push_back(Warn("org.rule.committee_required",
                               {{"full", std::to_string(h.full)}, {"seats", std::to_string(f.committee_seats)}}));
        else if (f.committee_seats > kCommitteeMaxSeats)
            out.push_back(Warn("org.rule.committee_max", {{"seats", std::to_string(f.committee_seats)}}));
        else if (f.committee_seats > kCommitteeUsualSeats)
            out.push_back(Warn("org.rule.committee_usual", {{"seats", std::to_string(f.committee_seats)}}));
    } else if (f.committee_seats > kSecretaryOnlySeats) {
        out.push_back(Warn("org.rule.no_committee_below_seven",
                           {{"full", std::to_string(h.full)}, {"seats", std::to_string(f.committee_seats)}}));
    }
    if (auto w = CheckCoveredUnits(type, f.covered_units)) out.push_back(*w);
}
}  // namespace

std::optional<Warning> CheckCoveredUnits(OrgType type, int units) {
    if (type != OrgType::kJointBranch || units <= kJointBranchMaxUnits) return std::nullopt;
    return Warn("org.rule.joint_branch_units", {{"units", std::to_string(units)}});
}

std::vector<Warning> CheckSizing(OrgType type, const SizingFacts& f) {
    std::vector<Warning> out;
    const int total = f.headcount.Total();
    if (IsBranch(type)) {
        CheckBranch(type, f, out);
    } else if (type == OrgType::kGeneralBranch && !f.size_approved &&
               (total < kGeneralBranchMin || total >= kGeneralBranchMax)) {
        out.push_back(Warn("org.rule.general_branch_size", {{"total", std::to_string(total)}}));
    } else if (type == OrgType::kGrassrootsCommittee && !f.size_approved && total < kCommitteeMin) {
        out.push_back(Warn("org.rule.committee_min", {{"total", std::to_string(total)}}));
    }
    return out;
}

OrgType SuggestType(const Headcount& h) {
    const int total = h.Total();
    if (total >= kCommitteeMin) return OrgType::kGrassrootsCommittee;
    if (total >= kGeneralBranchMin) return OrgType::kGeneralBranch;
    if (h.full >= kBranchMinFull) return OrgType::kBranch;
    return OrgType::kJointBranch;
}

int TermYears(OrgType type, PlaceKind place) {
    switch (type) {
        case OrgType::kDistrictCommittee:
        case OrgType::kStreetWorkingCommittee:
        case OrgType::kGrassrootsCommittee:
            return 5;
        default:
            break;
    }
    const bool community_or_above = place == PlaceKind::kCommunity || place == PlaceKind::kStreet ||
                                    place == PlaceKind::kDistrict;
    return community_or_above ? 5 : 3;
}

std::optional<Warning> CheckTermShift(int shift_months) {
    if (std::abs(shift_months) <= 12) return std::nullopt;
    return Warn("org.rule.term_shift", {{"months", std::to_string(shift_months)}});
}

std::optional<Warning> CheckTermDue(const Term& term, const Date& today) {
    if (today < term.End()) return std::nullopt;
    return Warn("org.rule.election_due", {{"term_end", term.End().ToString()}});
}

Status CheckAppointment(Post post, std::string_view approval_doc) {
    if (!approval_doc.empty()) return Ok();
    const bool approved = post == Post::kSecretary || post == Post::kDeputySecretary;
    return Fail(MakeError(ErrorCode::kFailedPrecondition,
                          approved ? "org.rule.secretary_approval" : "org.rule.committee_filing"));
}

namespace {
constexpr NameTable<Post, 6> kPosts{{
    {Post::kSecretary, "secretary"},
    {Post::kDeputySecretary, "deputy_secretary"},
    {Post::kOrganization, "organization"},
    {Post::kPublicity, "publicity"},
    {Post::kDiscipline, "discipline"},
    {Post::kMember, "member"},
}};
}  // namespace

std::string_view ToString(Post p) { return NameOf(kPosts, p); }
std::optional<Post> ParsePost(std::string_view s) { return ValueOf(kPosts, s); }

}  // namespace lianxin::core::org
