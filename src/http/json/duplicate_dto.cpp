#include "http/json/duplicate_dto.hpp"

#include <cmath>

#include "core/common/date.hpp"
#include "core/member/masking.hpp"

namespace lianxin::http {

using nlohmann::json;
namespace ev = core::event;

void AddDuplicates(json& out, const app::EventView& v) {
    json merged = json::array();
    for (const auto& r : v.merged) {
        const auto& e = r.event;
        merged.push_back(
            {{"id", e.id},
             {"number", e.number},
             {"channel", std::string(ev::ToString(e.channel))},
             {"reported_at", core::FormatInstant(e.reported_at)},
             {"reporter_name", e.reporter_name},
             {"reporter_phone", v.reveal_phone ? e.reporter_phone : core::member::MaskPhone(e.reporter_phone)},
             {"description", e.description}});
    }
    out["merged"] = merged;
    out["merged_into"] = v.merged_into_id == 0 ? json(nullptr)
                                               : json{{"id", v.merged_into_id}, {"number", v.merged_into_number}};
}

json DuplicateListJson(const app::DuplicateList& list) {
    json items = json::array();
    for (const auto& c : list.items) {
        const auto& e = c.record.event;
        items.push_back({{"id", e.id},
                         {"number", e.number},
                         {"channel", std::string(ev::ToString(e.channel))},
                         {"state", std::string(ev::ToString(e.state))},
                         {"category_code", e.category_code},
                         {"org_name", c.record.org_name},
                         {"address", e.address},
                         {"description", e.description},
                         {"reported_at", core::FormatInstant(e.reported_at)},
                         {"distance_metres", static_cast<std::int64_t>(std::lround(c.distance_m))},
                         {"age_hours", std::llabs(c.age_millis) / 3'600'000}});
    }
    return {{"distance_metres", list.rule.distance_m},
            {"window_days", list.rule.window_days},
            {"can_merge", list.can_merge},
            {"items", items}};
}

json AssignableUsersJson(const std::vector<app::AssignableUser>& users) {
    json items = json::array();
    for (const auto& u : users)
        items.push_back(
            {{"id", u.user_id}, {"display_name", u.display_name}, {"username", u.username}, {"roles", u.roles}});
    return {{"items", items}};
}

}  // namespace lianxin::http
