// Records of 日巡 patrols, 民情面对面 sessions and 大走访 household visits that cross the storage port (migration 0035;
// core/patrol, core/visit): their queries and the origin of an event raised from one of their items.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/date.hpp"
#include "core/patrol/patrol.hpp"
#include "core/visit/visit.hpp"

namespace lianxin::core::ports {

// Patrols of the scope, newest first (day, then id). Empty roots: nothing.
struct PatrolQuery {
    std::vector<std::string> scope_roots;
    std::string subtree;  // optional narrowing to one org's subtree
    std::int64_t grid_id = 0;
    std::int64_t worker_user_id = 0;
    std::optional<Date> from, to;  // days, inclusive
    std::int64_t after_id = 0;     // keyset cursor: ids below it
    int limit = 50;
};

// How many patrols a grid had on a day.
struct PatrolCount {
    std::int64_t grid_id = 0;
    Date day;
    int patrols = 0;
};

// Household visits or sessions of the scope, newest first.
struct VisitQuery {
    std::vector<std::string> scope_roots;
    std::string subtree;
    std::int64_t grid_id = 0;
    std::optional<Date> from, to;
    std::int64_t after_id = 0;
    int limit = 50;
};

// Where an event came from: the item of a patrol, session or household visit that raised it.
struct ItemOrigin {
    patrol::ItemKind kind = patrol::ItemKind::kPatrol;
    std::int64_t record_id = 0;
    int seq = 0;
    std::string org_path;  // the record's
    Date day;
};

}  // namespace lianxin::core::ports
