// Overlays (区域化党建: 大工委, 大党委, 联合党委, 联盟, 联席会议; core/org/overlay.hpp): creating and editing one,
// its member units with their heads (兼职委员), the rotating convenor's roster, registry members linked for dual
// identity (双重身份), the list of the scope, one overlay's detail and the counts per community.
//
// Who: reading needs org_read on the host org (an overlay outside the scope is not found, 404); writing needs
// org_write on it (org_admin). Ids in bodies are checked too (security.md A2): a host outside the org_write scope,
// a head or a linked member outside the member_read scope refuses the whole request (400 naming the field).
// Every write appends its audit row in the same transaction, with counts and ids, never names. Nothing here
// changes an org or a member's formal affiliation (domain.md §1.6).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/ports/overlay_records.hpp"

namespace lianxin::app {

struct OverlayInput {
    std::int64_t host_org_id = 0;  // create only
    std::string kind;              // wire name (core/org/overlay.hpp)
    std::string name;
    std::string founded_on;
    int meeting_period_months = 0;
    std::string last_meeting_on;  // "" = none
    std::string note;
    std::int64_t version = 0;  // edit: the version read
};

struct UnitInput {
    std::string name, unit_type, uscc, address;
    std::optional<bool> two_new;  // absent: non-public enterprises and social organizations are two-new
    std::string joined_on;
    std::string head_name, head_post;
    std::int64_t head_member_id = 0;
};

struct RosterInput {
    std::int64_t version = 0;
    std::vector<std::int64_t> unit_ids;
    int period_months = 0;
    std::string start;
};

// One overlay as the pages show it: what it holds today, who convenes and when that changes, the joint meeting's
// due day. `units` and `turns` are filled for the detail only.
struct OverlayView {
    core::org::Overlay overlay;
    core::org::OverlayCounts counts;
    std::optional<core::org::Turn> convenor;
    std::string convenor_name;
    std::optional<core::Date> next_handover;
    std::optional<core::member::Reminder> meeting;
    bool can_edit = false;  // org_write on the host
    std::vector<core::org::MemberUnit> units;
    std::vector<core::org::Turn> turns;  // the current turn and the next ones
};

// Overlays hosted inside the actor's org_read scope (narrowed to the subtree of `org_id` when not 0: 400 naming
// org_id outside the scope).
core::Result<std::vector<OverlayView>> ListOverlays(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id);
core::Result<OverlayView> GetOverlay(Context& ctx, const core::auth::Actor& actor, std::int64_t id);

core::Result<std::int64_t> CreateOverlay(Context& ctx, const core::auth::Actor& actor, const OverlayInput& in);
// 409 on a stale version.
core::Status UpdateOverlay(Context& ctx, const core::auth::Actor& actor, std::int64_t id, const OverlayInput& in);
// A unit joins (with its head); when a rotation is set, it convenes last.
core::Result<std::int64_t> AddMemberUnit(Context& ctx, const core::auth::Actor& actor, std::int64_t overlay_id,
                                         const UnitInput& in);
// A unit leaves on `on` (default today); it drops out of the rotation, its successor takes over a running turn.
core::Status EndMemberUnit(Context& ctx, const core::auth::Actor& actor, std::int64_t overlay_id, std::int64_t unit_id,
                           const std::string& on);
// The roster exactly as given (order, period, start); an empty order clears the rotation. 409 on a stale version.
core::Status SetRoster(Context& ctx, const core::auth::Actor& actor, std::int64_t overlay_id, const RosterInput& in);

struct LinkResult {
    int linked = 0;   // links opened
    int already = 0;  // members already linked
};
// Links registry members for dual identity from `since` (default today); their formal branch stays as it is.
core::Result<LinkResult> LinkMembers(Context& ctx, const core::auth::Actor& actor, std::int64_t overlay_id,
                                     const std::vector<std::int64_t>& member_ids, const std::string& since);
// Ends the member's link today; 404 when the member is outside the member_read scope or not linked.
core::Status UnlinkMember(Context& ctx, const core::auth::Actor& actor, std::int64_t overlay_id,
                          std::int64_t member_id);

struct LinkedMembers {
    std::vector<core::ports::OverlayLink> items;  // inside the actor's member_read scope
    int outside_scope = 0;                        // linked members the actor may not see, counted only
};
// The members linked today (member_read; audited like a member list).
core::Result<LinkedMembers> ListLinkedMembers(Context& ctx, const core::auth::Actor& actor, std::int64_t overlay_id);

struct OverlayCountRow {
    core::org::Org org;
    core::org::OverlayCounts counts;  // of the overlays hosted in the org's subtree
};
struct OverlayCountsView {
    OverlayCountRow total;              // the org itself (its whole subtree)
    std::vector<OverlayCountRow> rows;  // each child org valid today (the communities of a street)
};
// Counts of overlays, member units, part-time members and linked members per child org of `org_id` (org_read),
// aggregated over the overlay's host (domain.md §13: the structure a report aggregates over is stated).
core::Result<OverlayCountsView> CountOverlays(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id);

// Writes the rotation of `o` — its period and start on the overlay (with the version check and bump), its order as
// the units' roster positions.
core::Status SaveRotation(core::ports::Tx& tx, const core::org::Overlay& o, std::int64_t now);

// The overlay when the actor holds `p` on its host org; 404 otherwise, 403 without `p` anywhere. The one scope
// check of the use cases that act on an overlay by id.
core::Result<core::org::Overlay> VisibleOverlay(core::ports::Tx& tx, const core::auth::Actor& actor, std::int64_t id,
                                                core::auth::Permission p);

}  // namespace lianxin::app
