// Inside the floating-member use cases: which side of a record the actor is on, what it may do, and the view
// each side gets (the inflow side sees the minimal fields only).
#pragma once

#include "app/member/floating.hpp"
#include "core/ports/repositories.hpp"

namespace lianxin::app {

// The record when the actor reads members on its outflow or its inflow side; 404 otherwise.
core::Result<core::ports::FloatingRecord> VisibleFloating(core::ports::Tx& tx, const core::auth::Actor& actor,
                                                          std::int64_t id);

// The view of `rec` for `actor`, redacted for its side; with the notes when `with_notes`.
core::Result<FloatingView> LoadFloatingView(core::ports::Tx& tx, const core::auth::Actor& actor,
                                            core::ports::FloatingRecord rec, const core::Date& today, bool with_notes);

}  // namespace lianxin::app
