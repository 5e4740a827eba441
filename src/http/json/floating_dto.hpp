// JSON shapes of the floating-member register (docs/api.md "Floating members"). The outflow side sees the
// record with the phone at the destination masked; the inflow side sees the minimal fields only — name, sex,
// age, category, origin org, since, certificate number — never an ID number, phone, address or employer.
#pragma once

#include <nlohmann/json.hpp>

#include "app/member/floating.hpp"
#include "http/http_types.hpp"

namespace lianxin::http {

nlohmann::json FloatingJson(const app::FloatingView& v, Lang lang);
nlohmann::json MemberFloatingJson(const app::MemberFloating& m, Lang lang);

}  // namespace lianxin::http
