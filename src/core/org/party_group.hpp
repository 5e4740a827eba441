// The parts of a branch below the tree (issue 4: "党小组" and "联合党支部 (≤ 5 units)"): party groups (党小组) and
// the units a joint branch covers. A party group is a subdivision of a branch, not a party organization (domain.md
// §1.1 "Building / yard party group"; §1.2 "Party groups … must be formed when membership is large or dispersed;
// group leader appointed by branch or recommended by members"): it is never a node of the tree and never changes a
// member's formal affiliation, and a member belongs to at most one group of their branch. A joint branch covers the
// units whose members it gathers, usually no more than five (§1.2, a warning quoted by the committee panel).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/common/date.hpp"
#include "core/common/error.hpp"
#include "core/org/org.hpp"
#include "core/org/overlay.hpp"

namespace lianxin::core::org {

enum class GroupScope { kBuilding, kYard, kGrid, kWorkUnit, kOther };  // 楼栋、楼院、网格、单位、其他
std::string_view ToString(GroupScope s);
std::optional<GroupScope> ParseGroupScope(std::string_view s);

// Only branches hold party groups (党支部下设党小组).
bool MayHoldGroups(OrgType t);

struct GroupInput {
    std::string name;                 // 2–30, e.g. "3号楼党小组"
    std::optional<GroupScope> scope;  // required
    std::string scope_name;           // 0–40, e.g. "3号楼"
};
// Each wrong field appended to `errors`: "name", "scope", "scope_name".
void CheckGroup(const GroupInput& g, Error& errors);

struct CoveredUnitInput {
    std::string name;  // 1–60
    std::optional<UnitType> type;
    std::string uscc;  // empty or a valid 统一社会信用代码 (GB 32100-2015)
};
// Each wrong field appended to `errors`: "name", "unit_type", "uscc".
void CheckCoveredUnit(const CoveredUnitInput& u, Error& errors);

}  // namespace lianxin::core::org
