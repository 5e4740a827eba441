// 督办 by the level above on breach, recorded by the server (issue 17 "SLA": "督办 by the level above on breach";
// domain.md §7 "automatic supervision (督办) on breach"): the sweep finds the events whose handler's clock runs past
// their handle-by deadline and writes, for each, one flow row "supervise" in the name of the level above the
// assignee (core/event/supervision.hpp), with the breached deadline — so that a second sweep finds nothing new
// (idempotent) and an extension's new deadline, once passed, is a new breach. It runs at the server's start and
// periodically while it serves (cli/commands/serve.cpp), like the residents' data purge, and from the shell
// (`lianxin events supervise`). The level above sees the event in its queue "supervised" and on the board.
#pragma once

#include "app/context.hpp"

namespace lianxin::app {

// Records the 督办 now due at the context clock's instant; the number of events supervised. One write
// transaction per run (each row with its event's version bumped, so that a concurrent step fails and retries)
// and one audit row `event.supervise_overdue` when any was recorded.
core::Result<int> SuperviseOverdue(Context& ctx);

}  // namespace lianxin::app
