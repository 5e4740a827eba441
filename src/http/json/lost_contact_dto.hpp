// JSON shape of the search for a lost-contact member (docs/api.md "Lost-contact searches").
#pragma once

#include <nlohmann/json.hpp>

#include "app/member/lost_contact.hpp"
#include "http/http_types.hpp"

namespace lianxin::http {

nlohmann::json LostContactSearchesJson(const app::LostContactSearches& s, Lang lang);

}  // namespace lianxin::http
