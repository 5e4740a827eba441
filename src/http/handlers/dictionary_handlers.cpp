// The code lists (字典) and the member field specs, served once so that the web forms take their options,
// labels and limits from the server (issue 16 "Each shape once"; core/member/field_spec.hpp).
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/dictionary_dto.hpp"

namespace lianxin::http::handlers {

core::Result<Response> Dictionaries(Call&) { return JsonResponse(DictionariesJson()); }

}  // namespace lianxin::http::handlers
