#include "app/demo/demo_overlays.hpp"

#include "app/org/overlays.hpp"

#include <array>
#include <cstdio>

namespace lianxin::app {

using core::Date;
using core::org::MemberUnit;
using core::org::Overlay;
using core::org::UnitType;

namespace {

struct UnitKind {
    UnitType type;
    const char* prefix;     // before the place word ("" for none)
    const char* suffix;     // after it
    const char* post;       // the head's post
    const char* authority;  // the first two characters of a USCC: registration authority and category
};

// The street's resident units (驻区单位): nine kinds, each in six synthetic places.
constexpr std::array<UnitKind, 9> kStreetKinds{{
    {UnitType::kSchool, "", "路小学", "党支部书记、校长", "12"},
    {UnitType::kHospital, "", "医院", "党委书记", "12"},
    {UnitType::kPolice, "", "派出所", "所长", "11"},
    {UnitType::kSoe, "", "建设集团有限公司", "党委书记、董事长", "91"},
    {UnitType::kPublicInstitution, "", "社区卫生服务中心", "主任", "12"},
    {UnitType::kNonPublicEnterprise, "", "科技有限公司", "党支部书记", "91"},
    {UnitType::kPropertyCompany, "", "物业服务有限公司", "项目经理", "91"},
    {UnitType::kSocialOrg, "", "社会工作服务中心", "理事长", "52"},
    {UnitType::kOrgan, "区", "市场监管所", "所长", "11"},
}};
constexpr std::array<const char*, 12> kPlaces{"和平", "建设", "光明", "幸福", "团结", "新华",
                                              "人民", "文化", "胜利", "东风", "振兴", "长青"};
constexpr int kStreetUnits = 48;

// A synthetic USCC: region 990000 (no such region, like the ID numbers' 99) and its GB 32100 check character.
std::string Uscc(const char* authority, int serial) {
    char first17[24];
    std::snprintf(first17, sizeof first17, "%s990000%s%07d", authority, authority[0] == '9' ? "MA" : "40", serial);
    return first17 + std::string(1, core::org::UsccCheckChar(first17).value_or('0'));
}

core::Result<std::int64_t> AddOverlay(core::ports::Tx& tx, const Overlay& o, const Date& today, std::int64_t now) {
    core::Error errors;
    core::org::CheckOverlay(o, today, errors);
    if (!errors.fields.empty())
        return core::Fail(
            core::MakeError(core::ErrorCode::kInternal, "internal", "demo overlay: " + errors.fields[0].field));
    return tx.Overlays().Insert(o, 0, now);
}

core::Status AddUnits(core::ports::Tx& tx, Overlay o, std::vector<MemberUnit> units, int period_months,
                      const Date& start, const Date& today, std::int64_t now) {
    for (auto& u : units) {
        u.overlay_id = o.id;
        u.two_new = core::org::DefaultTwoNew(u.type);
        core::Error errors;
        core::org::CheckUnit(u, o, today, errors);
        if (!errors.fields.empty())
            return core::Fail(
                core::MakeError(core::ErrorCode::kInternal, "internal", "demo unit: " + errors.fields[0].field));
        LX_ASSIGN(id, tx.Overlays().InsertUnit(u, 0, now));
        o.rotation.order.push_back(id);
    }
    o.rotation.period_months = period_months;
    o.rotation.start = start;
    return SaveRotation(tx, o, now);
}

std::string Head(core::demo::Rng& rng) {
    return core::demo::SyntheticName(rng, rng.Chance(0.7) ? core::member::Sex::kMale : core::member::Sex::kFemale);
}

}  // namespace

core::Status AddDemoOverlays(core::ports::Tx& tx, core::demo::Rng& rng, const Date& today, std::int64_t now,
                             std::int64_t street_id, const std::vector<DemoCommunity>& communities) {
    LX_ASSIGN(street, tx.Orgs().Get(street_id));
    if (!street) return core::Fail(core::NotFound("org"));
    Overlay big;
    big.kind = core::org::OverlayKind::kBigWorkingCommittee;
    big.name = "嵩屿街道大党工委";
    big.host_org_id = street->id;
    big.host_org_path = street->path;
    big.founded_on = *Date::Parse("2018-03-01");
    big.meeting_period_months = 6;  // the joint meeting twice a year ([LOCAL], domain.md §1.4)
    big.last_meeting_on = today.AddMonths(-4);
    big.note = "驻区单位党组织负责人兼任委员，成员单位按月轮流牵头召开会议";
    LX_ASSIGN(big_id, AddOverlay(tx, big, today, now));
    big.id = big_id;
    std::vector<MemberUnit> units;
    for (int i = 0; i < kStreetUnits; ++i) {
        const auto& kind = kStreetKinds[static_cast<std::size_t>(i) % kStreetKinds.size()];
        const int block = i / static_cast<int>(kStreetKinds.size());
        // Each kind takes six different places: (2·block + kind) mod 12 differs for every block.
        const char* place = kPlaces[static_cast<std::size_t>((2 * block + i % 9) % 12)];
        MemberUnit u;
        u.name = std::string(kind.prefix) + place + kind.suffix;
        u.type = kind.type;
        u.uscc = Uscc(kind.authority, 1000 + i);
        u.address = "嵩屿街道" + std::string(place) + "路" + std::to_string(10 + 3 * i) + "号";
        u.joined_on = Date::Parse("2018-03-01")->AddMonths(i / 4);
        u.head = {Head(rng), kind.post, 0};
        units.push_back(std::move(u));
    }
    // Monthly turns in the order the units joined, from January 2023: all 48 have convened by the end of 2026.
    LX_CHECK(AddUnits(tx, big, std::move(units), 1, *Date::Parse("2023-01-01"), today, now));

    for (const auto& c : communities) {
        LX_ASSIGN(host, tx.Orgs().Get(c.id));
        if (!host) return core::Fail(core::NotFound("org"));
        Overlay o;
        o.kind = core::org::OverlayKind::kBigPartyCommittee;
        o.name = c.name + "大党委";
        o.host_org_id = host->id;
        o.host_org_path = host->path;
        o.founded_on = *Date::Parse("2018-06-01");
        o.meeting_period_months = 3;
        o.last_meeting_on = today.AddMonths(-1);
        o.note = "社区党委书记任书记；辖区民警、物业、学校、卫生站和“两新”组织负责人任兼职委员";
        LX_ASSIGN(id, AddOverlay(tx, o, today, now));
        o.id = id;
        const std::string first = c.compounds.empty() ? c.name : c.compounds.front();
        const std::string second = c.compounds.size() > 1 ? c.compounds[1] : c.name + "二期";
        const std::vector<std::pair<UnitType, std::pair<std::string, const char*>>> spec{
            {UnitType::kPolice, {c.name + "警务室", "社区民警"}},
            {UnitType::kPropertyCompany, {first + "物业服务中心", "物业项目经理"}},
            {UnitType::kPropertyCompany, {second + "物业服务中心", "物业项目经理"}},
            {UnitType::kSchool, {c.name + "幼儿园", "园长"}},
            {UnitType::kPublicInstitution, {c.name + "卫生服务站", "站长"}},
            {UnitType::kNonPublicEnterprise, {c.name + "商贸有限公司", "党支部书记"}},
            {UnitType::kSocialOrg, {c.name + "志愿者协会", "会长"}},
        };
        std::vector<MemberUnit> members;
        for (const auto& [type, name_post] : spec) {
            MemberUnit u;
            u.name = name_post.first;
            u.type = type;
            u.joined_on = o.founded_on;
            u.head = {Head(rng), name_post.second, 0};
            members.push_back(std::move(u));
        }
        LX_CHECK(AddUnits(tx, o, std::move(members), 3, *Date::Parse("2025-01-01"), today, now));
    }
    return core::Ok();
}

}  // namespace lianxin::app
