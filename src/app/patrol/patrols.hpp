// 日巡 patrol records per grid (issue 17 "Events and their intake": grid workers on patrol; seed 003 日巡). A worker
// starts a patrol of a grid (day, start time, optional route), adds what was seen as findings with photos, raises
// a finding as an event in one step (channel `patrol`, place = the grid, the finding's text and photos; the
// finding and the event link both ways) and ends the patrol. The log lists patrols per grid and per worker; the
// duty list names the grids short of patrol.per_grid_per_working_day today and this week — grids, never a ranking
// of people. Who records: MayRecordIn (fieldwork.hpp); reads: MayReadIn. Writes are audited (patrol.create,
// patrol.update, patrol.finding, patrol.raise with event.create).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/patrol/fieldwork.hpp"
#include "core/patrol/patrol.hpp"

namespace lianxin::app {

struct PatrolInput {
    std::int64_t grid_id = 0;  // on start only
    std::string day;           // on start only; "" = today
    std::string start_time;    // on start only
    std::string end_time, route, note;
};

struct PatrolView {
    core::patrol::Patrol patrol;  // with its findings
    bool can_edit = false;        // MayRecordIn
};

core::Result<std::int64_t> StartPatrol(Context& ctx, const core::auth::Actor& actor, const PatrolInput& in);
// End time, route and note; kConflict when `version` is stale.
core::Status UpdatePatrol(Context& ctx, const core::auth::Actor& actor, std::int64_t id, int version,
                          const PatrolInput& in);
core::Result<PatrolView> GetPatrol(Context& ctx, const core::auth::Actor& actor, std::int64_t id);

struct PatrolListInput {
    std::int64_t grid_id = 0;
    std::int64_t org_id = 0;          // a subtree
    std::int64_t worker_user_id = 0;  // one worker's log (the web's "mine" passes the caller's id)
    std::string from, to;             // YYYY-MM-DD
    std::int64_t after_id = 0;
    int limit = 50;
};
struct PatrolPage {
    std::vector<core::patrol::Patrol> items;  // without findings; finding counts in `findings`
    std::vector<int> findings;
    std::int64_t next_after = 0;
};
core::Result<PatrolPage> ListPatrols(Context& ctx, const core::auth::Actor& actor, const PatrolListInput& in);

// A finding; its seq.
core::Result<int> AddFinding(Context& ctx, const core::auth::Actor& actor, std::int64_t patrol_id,
                             const core::patrol::Item& item);
// "上报为事件": the event's id.
core::Result<std::int64_t> RaiseFinding(Context& ctx, const core::auth::Actor& actor, std::int64_t patrol_id, int seq,
                                        const RaiseInput& in);

struct DutyGrid {
    std::int64_t grid_id = 0;
    std::string code, name, org_name;
    int expected = 0;                    // patrols per working day (policy of the grid's org on `on`)
    int today = 0;                       // patrols on `on`
    std::vector<core::Date> short_days;  // working days Monday … `on` with fewer than expected
};
struct DutyList {
    core::Date on, week_from;
    bool working_day = true;
    std::vector<DutyGrid> items;  // every grid of the scope, by code
    std::set<int> unloaded_years;
};
// The grids of the org's subtree (0: the whole scope) and their patrols on `on` and in its week.
core::Result<DutyList> PatrolDuty(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                  const core::Date& on);

}  // namespace lianxin::app
