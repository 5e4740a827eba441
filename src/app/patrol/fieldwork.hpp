// What 日巡 patrols (app/patrol) and visits (app/visit) share: who may record them, the photos and the limit of an
// item, raising an event from an item in the same transaction as the link, and an event's origin.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/patrol/patrol.hpp"
#include "core/ports/repositories.hpp"

namespace lianxin::app {

// Who may record a patrol or a visit in a place (org path of the record; grid_id 0 when it has none) — the ONE
// access check of these records. For now: event_write on a subtree containing the org (issue 17: the `roles`
// part adds grid workers scoped to grids; at that merge this becomes `… || CoversGrid(actor, grid_id)`).
bool MayRecordIn(const core::auth::Actor& actor, const std::string& org_path, std::int64_t grid_id);
// Who may read them: event_read there (and, after `roles`, the grid's own workers).
bool MayReadIn(const core::auth::Actor& actor, const std::string& org_path, std::int64_t grid_id);

// The most photos one item may carry: event.photos_max of the org on the day (an item becomes an event).
core::Result<int> ItemPhotoLimit(core::ports::Tx& tx, const std::string& org_path, const core::Date& on);
// Every photo id names a stored photo; "<prefix>photo_ids[i]" fieldwork.photo.unknown otherwise.
core::Status CheckPhotosStored(core::ports::Tx& tx, const std::vector<core::patrol::Item>& items,
                               const std::vector<std::string>& prefixes, core::Error& errors);

// What raising asks for: the category (empty: the item's own) and the urgency (empty: normal).
struct RaiseInput {
    std::string category_code;
    std::string urgency;
};

// The place of the event an item raises.
struct RaisePlace {
    core::event::Channel channel = core::event::Channel::kPatrol;
    std::int64_t org_id = 0;
    std::int64_t grid_id = 0;
    std::string address;
    std::string related;  // "日巡记录 #12 第 2 条", shown on the event
};

// Registers the event of item `seq` of the record and links the item to it, in `tx` (one transaction: both or
// neither), with the audit row `<kind>.raise` beside event.create. 409 fieldwork.item.raised when the item already
// raised one; 404 for a seq the record does not have; 400 naming category_code when none is given or proposed.
core::Result<std::int64_t> RaiseItem(core::ports::Tx& tx, const core::auth::Actor& actor, core::patrol::ItemKind kind,
                                     std::int64_t record_id, const std::string& record_org_path, int seq,
                                     const RaisePlace& place, const RaiseInput& in, std::int64_t now);

// Where an event came from, for its detail page (both ways: the item names its event). 404 when the actor does not
// see the event; nullopt when it came from no patrol or visit, or from one the actor may not read.
core::Result<std::optional<core::ports::ItemOrigin>> EventOrigin(Context& ctx, const core::auth::Actor& actor,
                                                                 std::int64_t event_id);

}  // namespace lianxin::app
