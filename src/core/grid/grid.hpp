// The grid (网格; domain.md §7.1, seed 001 锋领网格, issue 17 "Grids"): the smallest unit of a community, with its
// 15-digit code (the community's 12-digit division code + a 3-digit sequence), households, residents, buildings,
// its leader (网格长), its 1+1+N team (grid workers, party members, volunteers on 常态岗/特长岗/应急岗) and the branch
// or 党小组 covering it. A grid belongs to a community-level org. Its boundary is effective-dated (GridVersion):
// a redraw closes the old version and opens a new one, so "the grid of a point on a day" reads that day's versions.
// Size and team rules are warnings, never refusals.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/date.hpp"
#include "core/common/error.hpp"
#include "core/grid/geometry.hpp"
#include "core/org/org.hpp"
#include "core/org/rules.hpp"

namespace lianxin::core::grid {

enum class TeamRole { kWorker, kMember, kVolunteer };             // 网格员, 党员, 志愿者 (the 1 + 1 + N)
enum class PostKind { kNone, kRegular, kSpecialty, kEmergency };  // —, 常态岗, 特长岗, 应急岗

std::string_view ToString(TeamRole r);
std::optional<TeamRole> ParseTeamRole(std::string_view s);
std::string_view ToString(PostKind k);                      // "" for kNone
std::optional<PostKind> ParsePostKind(std::string_view s);  // "" reads as kNone

// A person: a registry member, a user account, or only a name (a volunteer outside both). The name is shown.
struct Person {
    std::int64_t member_id = 0;
    std::int64_t user_id = 0;
    std::string name;
    std::string phone;  // a public work phone (网格员公示牌), optional
    bool operator==(const Person&) const = default;
};

struct TeamEntry {
    TeamRole role = TeamRole::kWorker;
    PostKind post = PostKind::kNone;
    Person person;
    std::string note;  // e.g. the specialty of a 特长岗
    bool operator==(const TeamEntry&) const = default;
};

struct Grid {
    std::int64_t id = 0;
    std::int64_t org_id = 0;  // the community-level org it lies in
    std::string org_path;
    std::string org_name;  // for display; not stored in the row
    std::string code;      // 15 digits
    std::string name;
    int households = 0, residents = 0;
    std::vector<std::string> buildings;
    Person leader;                       // 网格长; empty name = none yet
    std::int64_t covering_org_id = 0;    // the covering branch (an org inside the community), or
    std::int64_t covering_group_id = 0;  // the covering 党小组 (a party group of such a branch)
    std::string covering_name;           // for display
    std::string note;
    std::vector<TeamEntry> team;
    std::int64_t version = 1;
    std::int64_t created_at = 0, updated_at = 0;
};

// One effective-dated boundary of a grid: valid from valid_from (inclusive) until valid_to (exclusive).
struct GridVersion {
    std::int64_t id = 0;
    std::int64_t grid_id = 0;
    Boundary boundary;
    BBox box;
    double area_m2 = 0;
    Date valid_from;
    std::optional<Date> valid_to;
    std::int64_t created_by = 0;
    std::int64_t created_at = 0;
    bool ValidOn(const Date& d) const { return valid_from <= d && (!valid_to || d < *valid_to); }
};

// The code's shape: 15 digits, the sequence (last 3) not 000. Adds a "code" field error otherwise.
void CheckCode(const std::string& code, Error& errors);
// The community's 12-digit division code is the first 12 digits of its grids' codes (orgs carry only the
// 6-digit region code; docs/architecture.md "Grids"): a new code must share them with the community's other
// grids (`sibling_codes`) and start with the org's 6-digit region code when it has one. Adds "code" errors
// grid.code.community {prefix} / grid.code.region {region}.
void CheckCodeInCommunity(const std::string& code, const std::string& region_code,
                          const std::vector<std::string>& sibling_codes, Error& errors);

// Attribute rules (name 1–100, counts 0–100000, ≤ 200 buildings of ≤ 100 characters, a team entry's post kind:
// required for volunteers, none for grid workers; a person has a name). Field errors name the field
// ("team[2].post", "buildings[0]", …).
void CheckAttributes(const Grid& g, Error& errors);

// Warnings of one grid: households outside [min, max] (grid.households_outside {households, min, max};
// policy keys grid.households_min / grid.households_max), no leader (grid.team.no_leader), no grid worker
// (grid.team.no_worker), no covering branch or group (grid.no_cover).
std::vector<org::Warning> GridWarnings(const Grid& g, int households_min, int households_max);

// Grids lie in community-level orgs: a 社区 (place kind community), or, where the place is not recorded, a
// community's 基层党委 or 党总支 (a small community has a general branch).
bool HoldsGrids(const org::Org& o);

// The version of `versions` valid on `on`, or nullptr.
const GridVersion* VersionOn(const std::vector<GridVersion>& versions, const Date& on);

}  // namespace lianxin::core::grid
