#include "core/grid/grid.hpp"

#include <algorithm>
#include <array>

namespace lianxin::core::grid {

namespace {
constexpr std::array<std::string_view, 3> kRoles{"worker", "member", "volunteer"};
constexpr std::array<std::string_view, 4> kPosts{"", "regular", "specialty", "emergency"};

bool AllDigits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Length in characters (UTF-8 code points), as the other text rules count.
std::size_t Chars(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

void CheckPerson(const Person& p, const std::string& field, Error& errors) {
    if (p.name.empty() || Chars(p.name) > 50) errors.WithField(field + ".name", "grid.person.name");
    if (Chars(p.phone) > 30) errors.WithField(field + ".phone", "grid.person.phone");
}
}  // namespace

std::string_view ToString(TeamRole r) { return kRoles[static_cast<std::size_t>(r)]; }
std::optional<TeamRole> ParseTeamRole(std::string_view s) {
    for (std::size_t i = 0; i < kRoles.size(); ++i)
        if (kRoles[i] == s) return static_cast<TeamRole>(i);
    return std::nullopt;
}
std::string_view ToString(PostKind k) { return kPosts[static_cast<std::size_t>(k)]; }
std::optional<PostKind> ParsePostKind(std::string_view s) {
    for (std::size_t i = 0; i < kPosts.size(); ++i)
        if (kPosts[i] == s) return static_cast<PostKind>(i);
    return std::nullopt;
}

void CheckCode(const std::string& code, Error& errors) {
    if (code.size() != 15 || !AllDigits(code)) {
        errors.WithField("code", "grid.code.format");
        return;
    }
    if (code.substr(12) == "000") errors.WithField("code", "grid.code.sequence");
}

void CheckCodeInCommunity(const std::string& code, const std::string& region_code,
                          const std::vector<std::string>& sibling_codes, Error& errors) {
    if (code.size() != 15) return;
    for (const auto& s : sibling_codes)
        if (s.size() == 15 && s.substr(0, 12) != code.substr(0, 12)) {
            errors.WithField("code", "grid.code.community", {{"prefix", s.substr(0, 12)}});
            return;
        }
    if (region_code.size() == 6 && AllDigits(region_code) && code.substr(0, 6) != region_code)
        errors.WithField("code", "grid.code.region", {{"region", region_code}});
}

void CheckAttributes(const Grid& g, Error& errors) {
    if (g.name.empty() || Chars(g.name) > 100) errors.WithField("name", "grid.name");
    if (g.households < 0 || g.households > 100000) errors.WithField("households", "grid.count");
    if (g.residents < 0 || g.residents > 1000000) errors.WithField("residents", "grid.count");
    if (g.buildings.size() > 200) errors.WithField("buildings", "grid.buildings.too_many", {{"max", "200"}});
    for (std::size_t i = 0; i < g.buildings.size(); ++i)
        if (g.buildings[i].empty() || Chars(g.buildings[i]) > 100 || g.buildings[i].find('\n') != std::string::npos)
            errors.WithField("buildings[" + std::to_string(i) + "]", "grid.building");
    if (!g.leader.name.empty() || g.leader.member_id || g.leader.user_id) CheckPerson(g.leader, "leader", errors);
    if (g.covering_org_id && g.covering_group_id) errors.WithField("covering_group_id", "grid.cover.both");
    if (Chars(g.note) > 2000) errors.WithField("note", "grid.note");
    if (g.team.size() > 200) errors.WithField("team", "grid.team.too_many", {{"max", "200"}});
    for (std::size_t i = 0; i < g.team.size(); ++i) {
        const auto& t = g.team[i];
        const std::string field = "team[" + std::to_string(i) + "]";
        CheckPerson(t.person, field, errors);
        if (t.role == TeamRole::kVolunteer && t.post == PostKind::kNone)
            errors.WithField(field + ".post", "grid.team.post_required");
        if (t.role == TeamRole::kWorker && t.post != PostKind::kNone)
            errors.WithField(field + ".post", "grid.team.post_for_worker");
        if (Chars(t.note) > 200) errors.WithField(field + ".note", "grid.note");
    }
}

std::vector<org::Warning> GridWarnings(const Grid& g, int households_min, int households_max) {
    std::vector<org::Warning> out;
    if (g.households < households_min || g.households > households_max)
        out.push_back({"grid.households_outside",
                       {{"households", std::to_string(g.households)},
                        {"min", std::to_string(households_min)},
                        {"max", std::to_string(households_max)}}});
    if (g.leader.name.empty()) out.push_back({"grid.team.no_leader", {}});
    if (std::none_of(g.team.begin(), g.team.end(), [](const TeamEntry& t) { return t.role == TeamRole::kWorker; }))
        out.push_back({"grid.team.no_worker", {}});
    if (!g.covering_org_id && !g.covering_group_id) out.push_back({"grid.no_cover", {}});
    return out;
}

bool HoldsGrids(const org::Org& o) {
    if (o.place_kind == org::PlaceKind::kCommunity) return true;
    return o.place_kind == org::PlaceKind::kNone &&
           (o.type == org::OrgType::kGrassrootsCommittee || o.type == org::OrgType::kGeneralBranch);
}

const GridVersion* VersionOn(const std::vector<GridVersion>& versions, const Date& on) {
    for (const auto& v : versions)
        if (v.ValidOn(on)) return &v;
    return nullptr;
}

}  // namespace lianxin::core::grid
