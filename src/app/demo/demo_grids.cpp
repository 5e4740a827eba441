#include "app/demo/demo_grids.hpp"

#include <array>
#include <cmath>
#include <cstdio>

#include "core/grid/grid.hpp"

namespace lianxin::app {

using core::grid::LngLat;
using core::grid::PostKind;
using core::grid::TeamRole;

namespace {
constexpr std::array<const char*, 12> kSurnames{"陈", "林", "黄", "张", "李", "王", "吴", "刘", "蔡", "杨", "许", "郑"};
constexpr std::array<const char*, 12> kGiven{"志明", "秀英", "建国", "丽华", "海燕", "国平",
                                             "雅琴", "文斌", "美玲", "晓东", "春梅", "家豪"};

std::string Person(std::size_t n) { return std::string(kSurnames[n % 12]) + kGiven[(n * 7 + 3) % 12]; }

// A deterministic wobble of a lattice point, in degrees (up to about 60 m), so edges are not ruler-straight.
double Wobble(int i, int j, int salt) { return 0.0006 * std::sin(1.7 * i + 2.3 * j + 0.9 * salt); }

// The 3 × 3 lattice of a community's block around (lng0, lat0), with a midpoint on each edge; cell (r, c) is
// the ring through its corners and edge midpoints (shared with its neighbours).
LngLat Lattice(double lng0, double lat0, int i, int j, int salt) {
    // i, j in 0..4: even = corner, odd = edge midpoint; the block is 0.008° × 0.007° (≈ 800 m × 780 m).
    const double lng = lng0 + 0.002 * (j - 2) + (i % 4 == 0 || j % 4 == 0 ? 0 : Wobble(i, j, salt));
    const double lat = lat0 + 0.00175 * (i - 2) + (i % 4 == 0 || j % 4 == 0 ? 0 : Wobble(j, i, salt + 5));
    return {lng, lat};
}

core::grid::Boundary Cell(double lng0, double lat0, int r, int c, int salt) {
    const int i0 = 2 * r, j0 = 2 * c;
    core::geo::Ring ring;
    for (auto [di, dj] :
         std::array<std::pair<int, int>, 8>{{{0, 0}, {0, 1}, {0, 2}, {1, 2}, {2, 2}, {2, 1}, {2, 0}, {1, 0}}})
        ring.push_back(Lattice(lng0, lat0, i0 + di, j0 + dj, salt));
    return {{ring, {}}};
}
}  // namespace

core::Result<int> AddDemoGrids(core::ports::Tx& tx, const core::Date& today, std::int64_t now,
                               const std::vector<DemoCommunity>& communities) {
    int added = 0;
    std::size_t people = 0;
    for (std::size_t c = 0; c < communities.size() && c < 3; ++c) {
        const auto& community = communities[c];
        LX_ASSIGN(org, tx.Orgs().Get(community.id));
        if (!org) return core::Fail(core::NotFound("org"));
        LX_ASSIGN(children, tx.Orgs().Children(community.id, today));
        // Around the community's own centre, the blocks apart from each other (about 0.95 km × 0.8 km between centres).
        const int k = static_cast<int>(c) + 1;
        const double lat0 = 24.470 + 0.0085 * ((k % 3) - 1), lng0 = 118.050 + 0.0095 * (k / 3 - 1);
        for (int n = 0; n < 4; ++n) {
            core::grid::Grid g;
            g.org_id = org->id;
            g.org_path = org->path;
            const auto pad3 = [](int v) {
                const std::string d = std::to_string(v);
                return std::string(d.size() < 3 ? 3 - d.size() : 0, '0') + d;
            };
            g.code = "350205001" + pad3(k) + pad3(n + 1);  // 12-digit community code + 3-digit grid sequence
            g.name = community.name + "第" + std::string(std::array<const char*, 4>{"一", "二", "三", "四"}[n]) +
                     "网格";
            g.households = 280 + 70 * n + 13 * k;  // the first is below 300, so the page shows the size warning
            g.residents = g.households * 27 / 10;
            const auto& compound = community.compounds[static_cast<std::size_t>(n) % community.compounds.size()];
            for (int b = 1; b <= 4 + n; ++b) g.buildings.push_back(compound + std::to_string(b) + "号楼");
            g.leader = {0, 0, Person(4 * static_cast<std::size_t>(k) + static_cast<std::size_t>(n) + 1),
                        "0592-66" + std::to_string(10000 + 137 * (4 * k + n))};
            g.team = {{TeamRole::kWorker,
                       PostKind::kNone,
                       {0, 0, Person(people++), "0592-68" + std::to_string(20000 + 97 * n)},
                       ""},
                      {TeamRole::kMember, PostKind::kRegular, {0, 0, Person(people++), ""}, "楼栋联系"},
                      {TeamRole::kMember, PostKind::kSpecialty, {0, 0, Person(people++), ""}, "法律咨询"},
                      {TeamRole::kVolunteer, PostKind::kRegular, {0, 0, Person(people++), ""}, "环境巡查"},
                      {TeamRole::kVolunteer, PostKind::kEmergency, {0, 0, Person(people++), ""}, "防汛防台"}};
            if (n == 3) g.team.erase(g.team.begin());  // one grid still lacks its worker: a warning on the page
            for (const auto& child : children) {
                if (child.org.place_name != compound) continue;
                g.covering_org_id = child.org.id;
                // The team's 党员 are members of the covering branch, linked to the register by id.
                core::ports::MemberQuery q;
                q.scope_roots = {child.org.path};
                q.limit = 8;
                LX_ASSIGN(members, tx.Members().List(q));
                std::size_t pick = 2 * static_cast<std::size_t>(n);
                for (auto& entry : g.team) {
                    if (entry.role != TeamRole::kMember || members.empty()) continue;
                    const auto& m = members[pick++ % members.size()];
                    entry.person.member_id = m.id;
                    entry.person.name = m.name;
                }
            }
            core::Error errors = core::MakeError(core::ErrorCode::kInvalidArgument, "request.invalid");
            core::grid::CheckCode(g.code, errors);
            core::grid::CheckAttributes(g, errors);
            if (!errors.fields.empty()) return core::Fail(errors);
            g.created_at = g.updated_at = now;
            LX_ASSIGN(id, tx.Grids().Insert(g));
            auto version = [&](core::grid::Boundary raw, const char* from,
                               std::optional<const char*> to) -> core::Status {
                LX_ASSIGN(b, core::grid::CheckBoundary(std::move(raw), 10000));
                core::grid::GridVersion v;
                v.grid_id = id;
                v.box = core::grid::BoxOf(b);
                v.area_m2 = core::grid::AreaM2(b);
                v.boundary = std::move(b);
                v.valid_from = *core::Date::Parse(from);
                if (to) v.valid_to = *core::Date::Parse(*to);
                v.created_at = now;
                return tx.Grids().InsertVersion(v).map([](std::int64_t) {});
            };
            const int r = n / 2, col = n % 2;
            if (c == 0 && n == 0) {
                // Before 2025-07-01 the first grid also held a strip of its eastern neighbour.
                auto old = Cell(lng0, lat0, r, col, k);
                for (std::size_t east : {2u, 3u, 4u}) old[0].outer[east].lng += 0.0008;  // the ring's eastern edge
                LX_CHECK(version(old, "2021-03-01", "2025-07-01"));
                LX_CHECK(version(Cell(lng0, lat0, r, col, k), "2025-07-01", std::nullopt));
            } else {
                LX_CHECK(version(Cell(lng0, lat0, r, col, k), "2021-03-01", std::nullopt));
            }
            ++added;
        }
    }
    return added;
}

}  // namespace lianxin::app
