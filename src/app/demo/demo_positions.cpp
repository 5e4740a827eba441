#include "app/demo/demo_positions.hpp"

namespace lianxin::app {

using core::org::OrgType;
using core::org::PlaceKind;
using core::org::PositionLevel;

namespace {
core::org::WeeklyHours Hours(std::initializer_list<const char*> weekdays, std::initializer_list<const char*> weekend) {
    core::org::WeeklyHours h;
    core::Error ignored;
    const std::vector<std::string> wd(weekdays.begin(), weekdays.end()), we(weekend.begin(), weekend.end());
    for (int d = 0; d < 5; ++d) h.days[static_cast<std::size_t>(d)] = core::org::ParseDayHours(wd, "hours", ignored);
    for (int d = 5; d < 7; ++d) h.days[static_cast<std::size_t>(d)] = core::org::ParseDayHours(we, "hours", ignored);
    return h;
}
}  // namespace

core::Result<int> AddDemoPositions(core::ports::Tx& tx, std::int64_t street_id, const core::Date& today,
                                   std::int64_t now_millis) {
    LX_ASSIGN(street, tx.Orgs().Get(street_id));
    if (!street) return core::Fail(core::NotFound("org"));
    LX_ASSIGN(orgs, tx.Orgs().InSubtree(street->path, today));
    int added = 0, community = 0, compound = 0;
    for (const auto& o : orgs) {
        core::ports::PositionRecord p;
        p.org_id = o.id;
        p.org_path = o.path;
        p.valid_from = *core::Date::Parse("2018-06-01");
        p.created_at = p.updated_at = now_millis;
        // Around 嵩屿街道, 海沧 (24.47 N, 118.05 E): communities on a ring, compounds around their community.
        std::int64_t lat = 24470000, lng = 118050000;
        if (o.type == OrgType::kStreetWorkingCommittee) {
            p.level = PositionLevel::kStreetCentre;
            p.name = "嵩屿街道党群服务中心";
            p.address = "厦门市海沧区嵩屿街道海沧大道567号";
            p.area_m2 = 3200;
            p.hours = Hours({"08:30-12:00", "14:30-18:00"}, {"09:00-17:00"});
            p.services = {"party_affairs", "transfer",  "dues",       "education", "floating",
                          "dual_report",   "volunteer", "government", "legal",     "employment"};
        } else if (o.type == OrgType::kGrassrootsCommittee) {
            ++community;
            p.level = PositionLevel::kCommunityCentre;
            p.name = o.place_name + "党群服务中心";
            p.address = "厦门市海沧区嵩屿街道" + o.place_name + "居委会一楼";
            p.area_m2 = 1500 + 100 * community;
            p.hours = Hours({"08:30-12:00", "14:30-18:00"}, {"09:00-12:00"});
            p.services = {"party_affairs", "transfer", "dues",    "education", "floating",
                          "volunteer",     "grid",     "elderly", "youth",     "culture"};
            lat += 6000 * ((community % 3) - 1);
            lng += 7000 * (community / 3 - 1);
        } else if (o.place_kind == PlaceKind::kCompound) {
            ++compound;
            p.level = PositionLevel::kCompoundHome;
            p.name = o.place_name + "党群之家";
            p.address = "厦门市海沧区嵩屿街道" + o.place_name + "物业服务中心二楼";
            p.area_m2 = 80 + 10 * (compound % 7);
            p.hours = Hours({"18:30-21:00"}, {"09:00-12:00", "15:00-21:00"});
            p.services = {"party_affairs", "volunteer", "elderly", "culture"};
            lat += 1500 * ((compound % 11) - 5);
            lng += 1700 * ((compound % 7) - 3);
        } else {
            continue;
        }
        p.point = core::org::GeoPoint{lat, lng};
        LX_CHECK(tx.Positions().Insert(p));
        ++added;
    }
    return added;
}

}  // namespace lianxin::app
