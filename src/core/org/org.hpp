// The statutory organization tree (domain.md §1.1, §1.6). Each org has exactly one statutory parent;
// overlays (大工委/大党委) never appear here. Subtree membership is a prefix test on the materialized path
// "/1/5/23/", so a subtree query is one index range scan, never a recursive query per request.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/common/date.hpp"

namespace lianxin::core::org {

enum class OrgType {
    kDistrictCommittee,       // 区委
    kStreetWorkingCommittee,  // 街道党工委 (also 街道党委: naming attribute, same type)
    kGrassrootsCommittee,     // 基层党委 (e.g. 社区党委)
    kGeneralBranch,           // 党总支
    kBranch,                  // 党支部
    kJointBranch,             // 联合党支部
    kTemporaryBranch,         // 临时党支部
    kFunctionalBranch,  // 功能型党支部 (e.g. of floating or retired members; members keep their formal branch)
};

// Branch types hold members and have no orgs below them (party groups are not orgs).
bool IsBranchType(OrgType t);

enum class PlaceKind { kNone, kDistrict, kStreet, kCommunity, kCompound, kBuilding };

struct Org {
    std::int64_t id = 0;
    std::int64_t parent_id = 0;  // 0 for a root
    std::string path;            // "/1/5/23/": ancestors' ids then own id
    std::string name;
    std::string short_name;
    OrgType type = OrgType::kBranch;
    PlaceKind place_kind = PlaceKind::kNone;
    std::string place_name;
    std::string region_code;  // 6-digit administrative code, the distribution key at national scale
    Date valid_from;
    std::optional<Date> valid_to;     // exclusive end; nullopt while the org exists
    std::int64_t predecessor_id = 0;  // the version this one continues after a move (0: none)
    std::int64_t version = 1;

    bool ValidOn(const Date& d) const { return valid_from <= d && (!valid_to || d < *valid_to); }
};

std::string_view ToString(OrgType t);
std::optional<OrgType> ParseOrgType(std::string_view s);
std::string_view ToString(PlaceKind k);
std::optional<PlaceKind> ParsePlaceKind(std::string_view s);

// The path of a child of `parent_path` with id `id` ("/" for a root parent).
std::string ChildPath(std::string_view parent_path, std::int64_t id);
// True when `path` equals `root` or lies below it.
bool InSubtree(std::string_view path, std::string_view root);
// Half-open string range [first, second) holding exactly the subtree of `root` under byte ordering:
// '/' (0x2F) is followed by '0' (0x30), so "/1/5/" .. "/1/50" bounds every descendant of 5.
std::pair<std::string, std::string> SubtreeRange(std::string_view root);
// The ids on a path, root first.
std::vector<std::int64_t> PathIds(std::string_view path);
// The path of the deepest org whose subtree holds every one of `paths` ("" when they share no root or there
// are none): "/1/5/23/" and "/1/5/30/" give "/1/5/".
std::string CommonAncestorPath(const std::vector<std::string>& paths);

}  // namespace lianxin::core::org
