#include "app/demo/dataset.hpp"

#include <array>
#include <vector>

#include "app/demo/demo_cases.hpp"
#include "app/demo/demo_events.hpp"
#include "app/demo/demo_floating.hpp"
#include "app/demo/demo_grids.hpp"
#include "app/demo/demo_groups.hpp"
#include "app/demo/demo_overlays.hpp"
#include "app/demo/demo_positions.hpp"
#include "core/demo/synthetic.hpp"

namespace lianxin::app {

using core::Date;
using core::org::Org;
using core::org::OrgType;
using core::org::PlaceKind;
using core::ports::Tx;

std::optional<Scale> ParseScale(const std::string& s) {
    if (s == "test") return Scale::kTest;
    if (s == "demo") return Scale::kDemo;
    if (s == "district") return Scale::kDistrict;
    if (s == "city") return Scale::kCity;
    if (s == "province") return Scale::kProvince;
    return std::nullopt;
}

namespace {

constexpr std::array<const char*, 7> kDemoCommunities{"海发", "海翔", "海虹", "海达", "东屿", "鳌冠", "海景"};
constexpr std::array<const char*, 40> kCompounds{
    "绿苑",     "天心岛",   "未来海岸", "海景奥斯卡", "蓝月湾",   "海沧湾一号", "禹洲城",   "阳光城",
    "海投花园", "兴旺花园", "海虹花园", "海发新村",   "东屿新城", "鳌冠雅苑",   "海达公寓", "翔鹭花城",
    "瑞景新村", "滨海苑",   "金海湾",   "海韵",       "碧海蓝庭", "龙湖春江",   "万科城",   "融信海月",
    "海上明月", "书香门第", "锦绣花园", "凤凰山庄",   "南湖公寓", "滨湖",       "嵩屿新苑", "海天花园",
    "怡景苑",   "海富",     "新阳",     "溪头",       "祥露",     "海沧新城",   "北附花园", "芸溪"};
constexpr std::array<const char*, 12> kPlaceWords{"和平", "建设", "光明", "幸福", "团结", "新华",
                                                  "人民", "文化", "胜利", "东风", "振兴", "长青"};

struct Loader {
    Context& ctx;
    core::demo::Rng rng;
    Date today;
    DatasetStats stats;
    std::uint64_t serial = 0;
    std::function<void(std::int64_t)> progress;

    core::Result<std::int64_t> AddOrg(Tx& tx, std::int64_t parent, std::string name, OrgType type, PlaceKind kind,
                                      std::string place, std::string region) {
        Org o;
        o.parent_id = parent;
        o.name = std::move(name);
        o.type = type;
        o.place_kind = kind;
        o.place_name = std::move(place);
        o.region_code = std::move(region);
        o.valid_from = *Date::Parse("2018-01-01");
        ++stats.orgs;
        return tx.Orgs().Insert(o);
    }

    core::Status AddMembers(Tx& tx, std::int64_t org_id, int count, const std::string& address_prefix) {
        LX_ASSIGN(org, tx.Orgs().Get(org_id));
        for (int i = 0; i < count; ++i) {
            core::demo::PersonOptions opt{today, ++serial, address_prefix};
            auto m = core::demo::SyntheticMember(rng, opt);
            m.org_id = org_id;
            m.org_path = org->path;
            m.region_code = org->region_code;
            m.updated_at = ctx.clock.NowMillis();
            LX_CHECK(tx.Members().Insert(m));
            ++stats.members;
        }
        if (progress) progress(stats.members);
        return core::Ok();
    }

    // The demo street of seed 000: one street working committee, 7 community party committees, 33
    // compound branches (5, 5, 5, 5, 5, 4, 4) plus a retired members' branch per community; the street's
    // 大党工委 and the communities' 大党委 (app/demo/demo_overlays.hpp).
    core::Status Demo(Tx& tx) {
        LX_ASSIGN(street, AddOrg(tx, 0, "中共厦门市海沧区嵩屿街道工作委员会", OrgType::kStreetWorkingCommittee,
                                 PlaceKind::kStreet, "嵩屿街道", "350205"));
        size_t compound = 0;
        std::vector<DemoCommunity> communities;
        for (size_t c = 0; c < kDemoCommunities.size(); ++c) {
            std::string community = std::string(kDemoCommunities[c]) + "社区";
            LX_ASSIGN(cid, AddOrg(tx, street, "中共" + community + "委员会", OrgType::kGrassrootsCommittee,
                                  PlaceKind::kCommunity, community, "350205"));
            communities.push_back({cid, community, {}});
            int branches = c < 5 ? 5 : 4;
            for (int b = 0; b < branches; ++b, ++compound) {
                std::string name = std::string(kCompounds[compound]) + "小区";
                communities.back().compounds.push_back(name);
                LX_ASSIGN(bid,
                          AddOrg(tx, cid, name + "党支部", OrgType::kBranch, PlaceKind::kCompound, name, "350205"));
                LX_CHECK(AddMembers(tx, bid, 18 + static_cast<int>(rng.Below(15)),
                                    "厦门市海沧区嵩屿街道" + community + name));
                if (b == 0) {  // the first branch of each community shows a development pipeline
                    LX_ASSIGN(added, AddDemoCases(tx, rng, serial, today, ctx.clock.NowMillis(), bid));
                    stats.members += added;
                }
            }
            LX_ASSIGN(rid,
                      AddOrg(tx, cid, community + "离退休党支部", OrgType::kBranch, PlaceKind::kNone, "", "350205"));
            LX_CHECK(AddMembers(tx, rid, 12 + static_cast<int>(rng.Below(10)), "厦门市海沧区嵩屿街道" + community));
        }
        LX_CHECK(AddDemoPositions(tx, street, today, ctx.clock.NowMillis()));
        // A generator of its own, drawn last, so that the orgs and members above stay as they were.
        core::demo::Rng overlay_rng(rng.Next());
        LX_CHECK(AddDemoOverlays(tx, overlay_rng, today, ctx.clock.NowMillis(), street, communities));
        // Party groups and floating members last: they take no draws, so the data above stays as it was.
        LX_CHECK(AddDemoGroups(tx, today, ctx.clock.NowMillis(), communities));
        LX_CHECK(AddDemoGrids(tx, today, ctx.clock.NowMillis(), communities).map([](int) {}));
        LX_CHECK(AddDemoFloating(tx, today, ctx.clock.NowMillis(), communities).map([](int) {}));
        // Events last, from a generator of their own: the rates board has six months of outcomes to show.
        core::demo::Rng event_rng(rng.Next());
        return AddDemoEvents(tx, event_rng, ctx.clock.NowMillis(), street, communities).map([](int) {});
    }

    std::string PlaceName(const char* suffix) {
        return std::string(kPlaceWords[rng.Below(kPlaceWords.size())]) + kCompounds[rng.Below(kCompounds.size())] +
               suffix;
    }

    // A synthetic region: districts -> streets -> communities -> compound branches, members per branch 3–40
    // (mean about 20, the national ≈19 per organization).
    core::Status Synthetic(int districts, int streets_per_district, int communities_per_street,
                           int branches_per_community, const std::string& region_name) {
        // Several districts hang under one city (or province) committee so that the tree has one top.
        std::int64_t top = 0;
        if (districts > 1) {
            // System scope (all loads): demo and gen data sets are loaded by the CLI for no actor.
            LX_CHECK(ctx.db.Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
                LX_ASSIGN(id, AddOrg(tx, 0, "中共" + region_name + "委员会", OrgType::kDistrictCommittee,
                                     PlaceKind::kNone, region_name, "350000"));
                top = id;
                return core::Ok();
            }));
        }
        for (int d = 0; d < districts; ++d) {
            // One transaction per district: the blind indexes are random keys, so each commit rewrites most
            // of their pages; fewer, larger commits write far less.
            std::string region = "35" + std::to_string(1000 + d).substr(1);
            LX_CHECK(ctx.db.Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
                LX_ASSIGN(did, AddOrg(tx, top, "中共" + region_name + "第" + std::to_string(d + 1) + "区委员会",
                                      OrgType::kDistrictCommittee, PlaceKind::kDistrict,
                                      region_name + "第" + std::to_string(d + 1) + "区", region));
                for (int s = 0; s < streets_per_district; ++s) {
                    std::string street = PlaceName("街道");
                    LX_ASSIGN(sid, AddOrg(tx, did, "中共" + street + "工作委员会", OrgType::kStreetWorkingCommittee,
                                          PlaceKind::kStreet, street, region));
                    for (int c = 0; c < communities_per_street; ++c) {
                        std::string community = PlaceName("社区");
                        LX_ASSIGN(cid, AddOrg(tx, sid, "中共" + community + "委员会", OrgType::kGrassrootsCommittee,
                                              PlaceKind::kCommunity, community, region));
                        for (int b = 0; b < branches_per_community; ++b) {
                            std::string compound = PlaceName("小区");
                            LX_ASSIGN(bid, AddOrg(tx, cid, compound + "党支部", OrgType::kBranch, PlaceKind::kCompound,
                                                  compound, region));
                            LX_CHECK(AddMembers(tx, bid, 3 + static_cast<int>(rng.Below(35)),
                                                street + community + compound));
                        }
                    }
                }
                return core::Ok();
            }));
        }
        return core::Ok();
    }
};

}  // namespace

core::Result<DatasetStats> LoadDataset(Context& ctx, Scale scale, std::uint64_t seed,
                                       const std::function<void(std::int64_t)>& progress) {
    LX_CHECK(ctx.db.Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(n, tx.Orgs().CountAll());
        if (n > 0) return core::Fail(core::MakeError(core::ErrorCode::kFailedPrecondition, "dataset.not_empty"));
        return core::Ok();
    }));
    Loader loader{ctx, core::demo::Rng(seed), ctx.clock.Today(), {}, 0, progress};
    switch (scale) {
        case Scale::kTest:
            LX_CHECK(loader.Synthetic(2, 2, 2, 2, "测试市"));
            break;
        case Scale::kDemo:
            LX_CHECK(ctx.db.Write(core::ports::Scope::System(), [&](Tx& tx) { return loader.Demo(tx); }));
            break;
        case Scale::kDistrict:  // 10 streets, 130 communities, ≈3.5k branches, ≈72k members
            LX_CHECK(loader.Synthetic(1, 10, 13, 27, "示范市"));
            break;
        case Scale::kCity:  // 150 streets, ≈2,000 communities, ≈48k branches, ≈1M members
            LX_CHECK(loader.Synthetic(15, 10, 13, 25, "示范市"));
            break;
        case Scale::kProvince:  // 750 streets, ≈5M members
            LX_CHECK(loader.Synthetic(75, 10, 13, 25, "示范省"));
            break;
    }
    return loader.stats;
}

}  // namespace lianxin::app
