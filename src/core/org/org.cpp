#include "core/org/org.hpp"

#include <charconv>
#include <vector>

#include "core/common/names.hpp"

namespace lianxin::core::org {

namespace {
constexpr NameTable<OrgType, 8> kOrgTypes{{
    {OrgType::kDistrictCommittee, "district_committee"},
    {OrgType::kStreetWorkingCommittee, "street_working_committee"},
    {OrgType::kGrassrootsCommittee, "grassroots_committee"},
    {OrgType::kGeneralBranch, "general_branch"},
    {OrgType::kBranch, "branch"},
    {OrgType::kJointBranch, "joint_branch"},
    {OrgType::kTemporaryBranch, "temporary_branch"},
    {OrgType::kFunctionalBranch, "functional_branch"},
}};
constexpr NameTable<PlaceKind, 6> kPlaceKinds{{
    {PlaceKind::kNone, ""},
    {PlaceKind::kDistrict, "district"},
    {PlaceKind::kStreet, "street"},
    {PlaceKind::kCommunity, "community"},
    {PlaceKind::kCompound, "compound"},
    {PlaceKind::kBuilding, "building"},
}};
}  // namespace

bool IsBranchType(OrgType t) {
    return t == OrgType::kBranch || t == OrgType::kJointBranch || t == OrgType::kTemporaryBranch ||
           t == OrgType::kFunctionalBranch;
}

std::string_view ToString(OrgType t) { return NameOf(kOrgTypes, t); }
std::optional<OrgType> ParseOrgType(std::string_view s) { return ValueOf(kOrgTypes, s); }
std::string_view ToString(PlaceKind k) { return NameOf(kPlaceKinds, k); }
std::optional<PlaceKind> ParsePlaceKind(std::string_view s) { return ValueOf(kPlaceKinds, s); }

std::string ChildPath(std::string_view parent_path, std::int64_t id) {
    std::string base = parent_path.empty() ? "/" : std::string(parent_path);
    return base + std::to_string(id) + "/";
}

bool InSubtree(std::string_view path, std::string_view root) {
    return !root.empty() && path.substr(0, root.size()) == root;
}

std::pair<std::string, std::string> SubtreeRange(std::string_view root) {
    std::string upper(root);
    if (!upper.empty() && upper.back() == '/') upper.back() = '0';
    return {std::string(root), upper};
}

std::vector<std::int64_t> PathIds(std::string_view path) {
    std::vector<std::int64_t> ids;
    size_t i = 0;
    while (i < path.size()) {
        size_t j = path.find('/', i);
        if (j == std::string_view::npos) j = path.size();
        if (j > i) {
            std::int64_t v = 0;
            auto res = std::from_chars(path.data() + i, path.data() + j, v);
            if (res.ec == std::errc()) ids.push_back(v);
        }
        i = j + 1;
    }
    return ids;
}

std::string CommonAncestorPath(const std::vector<std::string>& paths) {
    if (paths.empty()) return "";
    std::vector<std::int64_t> common = PathIds(paths.front());
    for (const auto& p : paths) {
        auto ids = PathIds(p);
        size_t n = 0;
        while (n < common.size() && n < ids.size() && common[n] == ids[n]) ++n;
        common.resize(n);
    }
    std::string out;
    if (common.empty()) return out;
    for (auto id : common) out += "/" + std::to_string(id);
    return out + "/";
}

}  // namespace lianxin::core::org
