// Inside the event use cases: the actor's relations to an event (which party of the loop it is), whether it sees
// the event, the org it acts for, and the view the detail and the lists answer.
#pragma once

#include "app/event/events.hpp"

namespace lianxin::app {

// The parent path of an org path ("/1/5/23/" → "/1/5/"), or "" for a top org.
std::string ParentPath(const std::string& path);

// dispatcher: event_write over the accepting org; handler: over the assignee org, or a grid grant naming the
// event's grid when the event is dispatched to its community, or the event assigned to the actor; level above:
// over the assignee's parent (the accepting org when the assignee has none); handled_it: the actor recorded 办结;
// whistled: the actor is a liaison of the target of one of `whistles` (issue 17 "Roles and access").
core::event::Relations RelationsOf(const core::auth::Actor& actor, const core::event::Event& e,
                                   const std::vector<core::ports::EventWhistle>& whistles = {});

// event_read over the place, the accepting org or the assignee; or a grid grant naming the event's grid; or the
// event assigned to the actor (core/auth/narrow_scope.hpp).
bool MaySee(const core::auth::Actor& actor, const core::event::Event& e);
// Whether the actor is a liaison of the target of `w` (a department or an overlay member unit).
bool LiaisonOf(const core::auth::Actor& actor, const core::ports::EventWhistle& w);
// MaySee, or a whistle of the event targets a department or unit the actor is a liaison of (reads the whistles
// only for a liaison).
core::Result<bool> Sees(core::ports::Tx& tx, const core::auth::Actor& actor, const core::event::Event& e);

// The org of the actor's deepest event_write grant covering `path` (0 when none does).
std::int64_t ActingOrg(const core::auth::Actor& actor, const std::string& path);

// The view of one record for the actor at `now`; with the flow log and whistles when `full`.
core::Result<EventView> LoadEventView(core::ports::Tx& tx, const core::auth::Actor& actor, core::ports::EventRecord rec,
                                      std::int64_t now, bool full);

}  // namespace lianxin::app
