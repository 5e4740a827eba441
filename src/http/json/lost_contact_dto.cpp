#include "http/json/lost_contact_dto.hpp"

#include "http/json/dto.hpp"

namespace lianxin::http {

using nlohmann::json;

json LostContactSearchesJson(const app::LostContactSearches& s, Lang lang) {
    json entries = json::array();
    for (const auto& e : s.entries)
        entries.push_back({{"id", e.id},
                           {"on", e.search.on.ToString()},
                           {"method", core::member::ToString(e.search.method)},
                           {"searched_by", e.search.searched_by},
                           {"result", e.search.result},
                           {"found", e.search.found},
                           {"recorded_by", e.actor_name},
                           {"recorded_at", core::FormatInstant(e.recorded_at)}});
    return {{"member_id", s.member_id},
            {"member_version", s.member_version},
            {"lost_contact", s.lost_contact},
            {"lost_contact_on", OptDateJson(s.lost_contact_on)},
            {"entries", entries},
            {"reminder", s.reminder ? ReminderJson(*s.reminder, lang) : json(nullptr)},
            {"actions", s.actions},
            {"contact_restored", s.contact_restored}};
}

}  // namespace lianxin::http
