// 日巡 (daily patrol) records of a grid (issue 17 "Events and their intake": grid workers on patrol; seed 003
// 日巡、周查、月评; domain.md §7.1 grid worker duties "public-security patrol"). A patrol of one grid on one day, from a
// start time to an end time, with an optional route as text, and what was seen: findings (Item), each with its
// text, photos (by photo_id), an optional place and category, which becomes an event in one step. A patrol track
// as coordinates is sensitive personal information (domain.md §11.2 "grid patrol tracks"): it is not recorded;
// a finding's place is the place of the problem, not of the worker. How many patrols a grid expects per working
// day is the policy key patrol.per_grid_per_working_day; the duty list names grids short of it, never people.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/date.hpp"
#include "core/common/error.hpp"
#include "core/event/event.hpp"

namespace lianxin::core::patrol {

// What a finding, a 民情面对面 problem or a 大走访 need is a row of.
enum class ItemKind { kPatrol, kSession, kVisit };
std::string_view ToString(ItemKind k);  // patrol | session | visit

// One thing seen or raised: a patrol's finding, a session's problem, a household visit's need. It raises at most
// one event; event_id links it there and the event's origin links back (both ways).
struct Item {
    int seq = 0;  // 1, 2, … within its record
    std::string text;
    std::vector<std::string> photo_ids;
    std::optional<event::Coordinates> location;
    std::string category_code;  // the event category proposed for it ("" = chosen when raised)
    std::int64_t event_id = 0;  // 0 until raised
    std::string event_number;   // for display, from the event
    std::int64_t created_by = 0;
    std::int64_t created_at = 0;
};

// An item's fields: text 2–1000 characters, at most `max_photos` photo ids of 64 hex, coordinates in range, a
// category code of at most 64 characters. Errors name `prefix` + the field ("findings[1].text", "text").
void CheckItem(const Item& item, int max_photos, const std::string& prefix, Error& errors);

struct Patrol {
    std::int64_t id = 0;
    std::int64_t grid_id = 0;
    std::string grid_code, grid_name;  // for display
    std::int64_t org_id = 0;           // the grid's community: its path scopes the patrol
    std::string org_path, org_name;
    Date day;
    std::string start_time;  // HH:MM (Asia/Shanghai)
    std::string end_time;    // HH:MM, "" while the patrol goes on
    std::string route;       // the streets walked, as text (optional)
    std::string note;
    std::int64_t worker_user_id = 0;  // who patrolled (the recording user)
    std::string worker_name;
    std::vector<Item> findings;
    std::int64_t created_at = 0, updated_at = 0;
    int version = 1;
};

// The parts of a patrol the worker gives: the day (YYYY-MM-DD, not after today; "" = today), the times, the
// route and a note. Fills `p` and names each bad field (day, start_time, end_time, route, note).
void CheckPatrol(const std::string& day, const Date& today, Patrol& p, Error& errors);

// "HH:MM" with 00 ≤ HH ≤ 23, 00 ≤ MM ≤ 59.
bool ValidTime(std::string_view t);

// The Monday of the week of `d` (weeks run Monday–Sunday, as the 周查 of seed 003 is read).
Date WeekStart(const Date& d);

// One grid's duty on the days asked: how many patrols each working day expects and had. Short days are the
// working days up to and including `today` with fewer patrols than expected.
struct DutyDay {
    Date day;
    bool working = true;
    int patrols = 0;
};
std::vector<Date> ShortDays(const std::vector<DutyDay>& days, int expected);

}  // namespace lianxin::core::patrol
