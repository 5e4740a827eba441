// JSON of duplicate events and of the people of an assignee org (docs/api.md "Duplicates").
#pragma once

#include <nlohmann/json.hpp>

#include "app/event/duplicates.hpp"

namespace lianxin::http {

// The detail's "merged" (the events merged into it, reporters masked unless the actor may call them back) and
// "merged_into" ({id, number} of the primary, or null).
void AddDuplicates(nlohmann::json& out, const app::EventView& v);
// {distance_metres, window_days, can_merge, items: [{id, number, channel, state, category_code, org_name,
// address, description, reported_at, distance_metres, age_hours}]}
nlohmann::json DuplicateListJson(const app::DuplicateList& list);
nlohmann::json AssignableUsersJson(const std::vector<app::AssignableUser>& users);

}  // namespace lianxin::http
