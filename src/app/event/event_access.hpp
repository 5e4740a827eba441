// Inside the event use cases: the actor's relations to an event (which party of the loop it is), whether it sees
// the event, the org it acts for, and the view the detail and the lists answer.
#pragma once

#include "app/event/events.hpp"

namespace lianxin::app {

// The parent path of an org path ("/1/5/23/" → "/1/5/"), or "" for a top org.
std::string ParentPath(const std::string& path);

// dispatcher: event_write over the accepting org; handler: over the assignee org; level above: over the
// assignee's parent (the accepting org when the assignee has none); handled_it: the actor recorded 办结.
core::event::Relations RelationsOf(const core::auth::Actor& actor, const core::event::Event& e);

// event_read over the place, the accepting org or the assignee.
bool MaySee(const core::auth::Actor& actor, const core::event::Event& e);

// The org of the actor's deepest event_write grant covering `path` (0 when none does).
std::int64_t ActingOrg(const core::auth::Actor& actor, const std::string& path);

// The view of one record for the actor at `now`; with the flow log and whistles when `full`.
core::Result<EventView> LoadEventView(core::ports::Tx& tx, const core::auth::Actor& actor, core::ports::EventRecord rec,
                                      std::int64_t now, bool full);

}  // namespace lianxin::app
