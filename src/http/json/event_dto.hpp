// JSON of events (docs/api.md "Events"): the reporter's phone masked unless the actor is the dispatcher or the
// handler; times as ISO-8601 UTC instants; the actions the actor may take now.
#pragma once

#include <nlohmann/json.hpp>

#include "app/event/events.hpp"
#include "http/messages.hpp"

namespace lianxin::http {

nlohmann::json EventJson(const app::EventView& v, Lang lang, bool full);
nlohmann::json EventCategoryJson(const core::event::Category& c);

}  // namespace lianxin::http
