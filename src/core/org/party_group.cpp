#include "core/org/party_group.hpp"

#include "core/common/names.hpp"
#include "core/member/fields.hpp"

namespace lianxin::core::org {

namespace {
constexpr NameTable<GroupScope, 5> kScopes{{
    {GroupScope::kBuilding, "building"},
    {GroupScope::kYard, "yard"},
    {GroupScope::kGrid, "grid"},
    {GroupScope::kWorkUnit, "work_unit"},
    {GroupScope::kOther, "other"},
}};
}  // namespace

std::string_view ToString(GroupScope s) { return NameOf(kScopes, s); }
std::optional<GroupScope> ParseGroupScope(std::string_view s) { return ValueOf(kScopes, s); }

bool MayHoldGroups(OrgType t) { return IsBranchType(t); }

void CheckGroup(const GroupInput& g, Error& errors) {
    member::CheckText(g.name, 2, 30, "name", errors);
    if (!g.scope) errors.WithField("scope", "group.scope.unknown");
    member::CheckText(g.scope_name, 0, 40, "scope_name", errors);
}

void CheckCoveredUnit(const CoveredUnitInput& u, Error& errors) {
    member::CheckText(u.name, 1, 60, "name", errors);
    if (!u.type) errors.WithField("unit_type", "overlay.unit_type_unknown");
    if (!u.uscc.empty() && !UsccValid(u.uscc)) errors.WithField("uscc", "overlay.uscc.invalid");
}

}  // namespace lianxin::core::org
