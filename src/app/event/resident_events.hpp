// A resident's own events, without an account (issue 17 "Events and their intake" first bullet, "The closed loop",
// "Bad input"; domain.md §7; docs/api.md "Residents' events"). The resident is the bearer of a token from
// POST /public/codes/verify (app/otp/resident.hpp) and acts only as the phone it proved:
// - reports an event (channel resident): a leaf category, text, up to event.photos_max photos they uploaded, and
//   the place — a point (picked on the map or the phone's location) whose grid and community the grid registry
//   finds, or, without a point, a community picked from the list and a typed address. The community is the
//   accepting org (it dispatches). At most event.resident_reports_per_day reports per phone and day (the policy of
//   the community's subtree), counted in the same transaction (429 naming phone otherwise);
// - lists their events (by the blind index of the phone), and follows one by its link: an unguessable token
//   per event (its SHA-256 is the lookup), readable without a code, showing the state, a timeline without staff
//   names, reasons or notes, and the result told to them (the feedback note);
// - confirms "resolved / partly / not resolved" with a score 1–5 at the feedback step: the reporter's step of
//   core/event/flow.hpp (rate, or reopen to the same handler), 404 for an event that is not theirs.
// Residents' data (name, phone, its blind index, the follow token) is kept for the event only: PurgeResidentData
// blanks it event.resident_data_retention_days after closure (the policy of the event's org); the event stays.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/audit/audit.hpp"
#include "app/auth/auth.hpp"
#include "app/context.hpp"
#include "app/otp/resident.hpp"
#include "core/event/event.hpp"
#include "core/grid/grid.hpp"
#include "core/ports/event_records.hpp"

namespace lianxin::app {

// The grid whose boundary in force on `on` covers the point (under any top org), with its community; nullopt
// outside every grid. Also the place of an Open311 service request (app/event/open311.hpp).
core::Result<std::optional<core::grid::Grid>> GridAt(core::ports::Tx& tx, const core::event::Coordinates& c,
                                                     const core::Date& on);

// The dictionary the report page offers (top categories and their leaves).
core::Result<std::vector<core::event::Category>> ResidentCategories(Context& ctx);

// Where a resident may report: the communities (orgs of the grid registry, or placed as communities) and the
// grids' boundaries in force today, for the map.
struct ResidentCommunity {
    std::int64_t org_id = 0;
    std::string name;
};
struct ResidentGrid {
    std::int64_t grid_id = 0;
    std::string code;
    std::string name;
    std::int64_t org_id = 0;
    std::string org_name;
    core::grid::Boundary boundary;
};
struct ResidentPlaces {
    std::vector<ResidentCommunity> communities;
    std::vector<ResidentGrid> grids;
};
core::Result<ResidentPlaces> ResidentPlacesToday(Context& ctx);

struct ResidentReport {
    std::string category_code;
    std::string description;
    std::string reporter_name;  // optional: how staff may address them (称呼)
    std::string address;        // typed; required without a point
    std::optional<core::event::Coordinates> location;
    std::int64_t org_id = 0;  // the community picked from the list, without a point
    std::vector<std::string> photo_ids;
};
struct ReportReceipt {
    std::int64_t id = 0;
    std::string number;
    std::string follow_token;
    std::string org_name;
    std::string grid_name;
};
core::Result<ReportReceipt> ReportEvent(Context& ctx, const Resident& resident, const ResidentReport& in,
                                        const ClientInfo& client);

// The resident's events, newest first (at most 100).
core::Result<std::vector<core::ports::EventRecord>> MyEvents(Context& ctx, const Resident& resident);

// What a follow link shows: no staff names, reasons or notes, only the result told to the resident.
struct FollowStep {
    std::string action;
    std::string state;  // after the step
    std::int64_t at = 0;
};
struct FollowView {
    core::ports::EventRecord record;
    std::string grid_name;
    std::vector<FollowStep> steps;
    std::string result;  // the last feedback note
    std::optional<std::int64_t> result_at;
    bool can_confirm = false;  // at the feedback step
    // The resident's own event when it was merged into another (issue 17 "Duplicates"): the view is then the
    // primary's — its progress, its result and its confirmation, which the resident may give.
    std::string merged_number;
};
// 404 for a token that names no event (or whose data was purged).
core::Result<FollowView> FollowEvent(Context& ctx, const std::string& token);

struct ResidentConfirmInput {
    std::string outcome;  // resolved | partly | not_resolved
    int score = 0;
    std::string comment;
};
// The reporter's step at the feedback step; 404 when the event is not the resident's (nor the primary of one of
// theirs merged into it); the state named otherwise.
core::Result<FollowView> ConfirmEvent(Context& ctx, const Resident& resident, std::int64_t id,
                                      const ResidentConfirmInput& in, const ClientInfo& client);

// Blanks the residents' data of every event closed event.resident_data_retention_days (its org's policy today)
// ago; how many events (one audit row when any). Run by `lianxin events purge` and by the server at start and
// daily.
core::Result<int> PurgeResidentData(Context& ctx);

}  // namespace lianxin::app
