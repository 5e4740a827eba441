// Party-mass service positions (党群服务阵地; issue 4, domain.md §10.2): the 党群服务中心 and 党群之家 each org runs,
// with address, coordinates, weekly opening hours and services. Reading needs org_read on the running org or on an
// org below it (a community's centre serves its branches); registering, editing and closing one, org_write on the
// running org (its committee). Every write is audited.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/ports/position_records.hpp"

namespace lianxin::app {

struct PositionInput {
    std::string level;  // wire name
    std::string name, address, phone, note;
    std::optional<double> lat, lng;
    int area_m2 = 0;                                // 0 = not given
    std::array<std::vector<std::string>, 7> hours;  // "08:30-12:00" per weekday, Monday first
    std::vector<std::string> services;
};

struct PositionView {
    core::ports::PositionRecord record;
    bool open_now = false;  // by its hours, at the server's current Asia/Shanghai time
    bool can_edit = false;  // the actor holds org_write on the org that runs it
};

core::Result<std::vector<PositionView>> ListPositions(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                                      const std::string& level);
core::Result<PositionView> GetPosition(Context& ctx, const core::auth::Actor& actor, std::int64_t id);
core::Result<std::int64_t> CreatePosition(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                          const PositionInput& in);
// kConflict (412 at the edge: stale version) when `version` is not the stored one.
core::Status UpdatePosition(Context& ctx, const core::auth::Actor& actor, std::int64_t id, std::int64_t version,
                            const PositionInput& in);
// Stops using the position from `on` (not after today).
core::Status ClosePosition(Context& ctx, const core::auth::Actor& actor, std::int64_t id, std::int64_t version,
                           const std::string& on);

}  // namespace lianxin::app
