// JSON of the code lists (字典) and the member field specs (core/member/field_spec.hpp): the answer of
// GET /api/v1/dictionaries and what `lianxin dictionaries --json` prints, made in one place.
#pragma once

#include <nlohmann/json.hpp>

namespace lianxin::http {

// {code_lists: [{id, labels, codes: [{code, labels}]}], member_fields: [{name, labels, kind, required, …}]}.
nlohmann::json DictionariesJson();

}  // namespace lianxin::http
