// JSON of 日巡 patrols, 民情面对面 sessions and 大走访 household visits (docs/api.md "Patrols and visits"): items with
// the event each raised; a household's resident masked (and its 六清楚 answers left out) unless the view reveals them.
#pragma once

#include <nlohmann/json.hpp>

#include "app/patrol/patrols.hpp"
#include "app/visit/visits.hpp"
#include "http/json/body.hpp"
#include "http/messages.hpp"

namespace lianxin::http {

nlohmann::json ItemJson(const core::patrol::Item& item);
nlohmann::json PatrolJson(const core::patrol::Patrol& p, int findings, bool can_edit, bool full);
nlohmann::json DutyJson(const app::DutyList& d);
nlohmann::json ClearsJson();
nlohmann::json HouseholdVisitJson(const app::HouseholdVisitView& v, bool full);
nlohmann::json SessionJson(const app::SessionView& v, bool full);
nlohmann::json OriginJson(const std::optional<core::ports::ItemOrigin>& o);

// An item from a body (a finding, or one of a record's problems / needs): text, photo_ids, location, category_code.
core::patrol::Item ReadItem(JsonBody& body);

}  // namespace lianxin::http
