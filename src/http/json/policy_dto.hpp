// JSON of the policy catalogue (core/policy/catalogue.hpp): the shape of GET /orgs/:id/policies items and of
// `lianxin policy list --json`.
#pragma once

#include <nlohmann/json.hpp>

#include "core/policy/catalogue.hpp"
#include "http/http_types.hpp"

namespace lianxin::http {

// A value as the wire carries it: a number for an int key, the choice's name for a choice key.
nlohmann::json PolicyValueJson(const core::policy::Spec& spec, std::int64_t v);
// One key with its name and description in `lang`, kind, unit, bounds or choices, default and source.
nlohmann::json PolicySpecJson(const core::policy::Spec& spec, Lang lang);

}  // namespace lianxin::http
