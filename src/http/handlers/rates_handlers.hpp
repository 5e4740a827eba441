// The rates board's handlers (docs/api.md "Event rates"), in their own header beside handlers.hpp.
#pragma once

#include "http/handlers/handlers.hpp"

namespace lianxin::http::handlers {

core::Result<Response> GetEventRates(Call& call);
core::Result<Response> ExportEventRates(Call& call);

}  // namespace lianxin::http::handlers
