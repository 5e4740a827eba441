#include "app/demo/demo_groups.hpp"

#include <algorithm>
#include <iterator>
#include <string>

namespace lianxin::app {

namespace {
constexpr std::size_t kGroupSize = 8;
constexpr std::size_t kNotYetPlaced = 4;  // the newest members of each branch wait for a group
constexpr const char* kOrdinals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

// 第一党小组 … 第十党小组, then by digits.
std::string Ordinal(std::size_t n) {
    return n >= 1 && n <= std::size(kOrdinals) ? kOrdinals[n - 1] : std::to_string(n);
}
}  // namespace

core::Result<int> AddDemoGroups(core::ports::Tx& tx, const core::Date& today, std::int64_t now,
                                const std::vector<DemoCommunity>& communities) {
    int formed = 0;
    for (const auto& c : communities) {
        LX_ASSIGN(children, tx.Orgs().Children(c.id, today));
        for (const auto& child : children) {
            if (!core::org::MayHoldGroups(child.org.type)) continue;
            core::ports::MemberQuery q;
            q.scope_roots = {child.org.path};
            q.limit = 200;
            LX_ASSIGN(members, tx.Members().List(q));
            // A member whose party status is stopped takes no part in group life.
            std::erase_if(members, [](const auto& m) { return m.status != core::member::PartyStatus::kNormal; });
            if (members.size() <= kNotYetPlaced + 2) continue;
            members.resize(members.size() - kNotYetPlaced);
            const bool retirees = child.org.place_kind == core::org::PlaceKind::kNone;
            for (std::size_t start = 0, n = 1; start < members.size(); start += kGroupSize, ++n) {
                const auto end = std::min(members.size(), start + kGroupSize);
                std::vector<std::int64_t> ids;
                std::int64_t leader = 0;
                for (auto i = start; i < end; ++i) {
                    ids.push_back(members[i].id);
                    if (leader == 0 && members[i].category == core::member::Category::kFull) leader = members[i].id;
                }
                core::ports::PartyGroupRecord g;
                g.org_id = child.org.id;
                g.org_path = child.org.path;
                g.scope = retirees ? core::org::GroupScope::kOther : core::org::GroupScope::kBuilding;
                g.scope_name = retirees ? "" : std::to_string(n) + "号楼";
                g.name = retirees ? "第" + Ordinal(n) + "党小组" : std::to_string(n) + "号楼党小组";
                g.leader_member_id = leader;
                g.valid_from = child.org.valid_from;
                g.created_at = now;
                LX_ASSIGN(id, tx.Groups().Insert(g));
                g.id = id;
                LX_CHECK(tx.Groups().SetMembers(g, ids));
                ++formed;
            }
        }
    }
    return formed;
}

}  // namespace lianxin::app
