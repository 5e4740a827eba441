// Registering an event inside the caller's write transaction (the accept step with its flow-log row and its
// audit row), so that a use case which raises an event from something else — a patrol's finding, a visit's need
// (app/patrol, app/visit) — links the two in the same transaction: both written, or neither.
#pragma once

#include <cstdint>

#include "core/auth/actor.hpp"
#include "core/event/event.hpp"
#include "core/ports/repositories.hpp"

namespace lianxin::app {

// What CreateEvent does inside its transaction: checks the intake, resolves the place and the accepting org (the
// actor's event_write grant covering it), sets the SLA deadlines and the number, writes the event, its first
// flow row and the audit row `event.create`. The new event's id.
core::Result<std::int64_t> RegisterEvent(core::ports::Tx& tx, const core::auth::Actor& actor,
                                         const core::event::Intake& intake, std::int64_t now);

}  // namespace lianxin::app
