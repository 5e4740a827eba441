// The storage port of duplicate events and of naming a person on a dispatch (issue 17 "Duplicates"; "分派/转派 to a
// named user"): the open events of one category near a point and reported in a window (a box of micro-degrees
// from core/event/duplicate.hpp SearchBox; core decides the exact distance), the duplicates merged into an event,
// and the active users holding a grant on an org (the people an assignee org may be handled by).
// Reached as Tx::Duplicates().
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/common/result.hpp"
#include "core/event/duplicate.hpp"
#include "core/ports/event_records.hpp"
#include "core/ports/repositories.hpp"

namespace lianxin::core::ports {

struct DuplicateQuery {
    std::string category_code;
    event::BoxE6 box;
    std::int64_t reported_from = 0;  // inclusive, UTC millis
    std::int64_t reported_to = 0;    // inclusive
    std::int64_t exclude_id = 0;
    int limit = 200;
};

// One grant of an active user on an org, with its grids (a grid worker's or leader's).
struct OrgUser {
    std::int64_t user_id = 0;
    std::string username;
    std::string display_name;
    std::string role;  // the role's key
    std::vector<std::int64_t> grid_ids;
};

class DuplicateRepo {
public:
    virtual ~DuplicateRepo() = default;
    // Open events (not rated or dismissed) of the category with coordinates in the box, reported in the window,
    // nearest ids first is not promised: newest first, at most `limit`.
    virtual Result<std::vector<EventRecord>> Near(const DuplicateQuery& q) = 0;
    // The events merged into `primary_id` (state dismissed, mark duplicate), oldest first.
    virtual Result<std::vector<EventRecord>> MergedInto(std::int64_t primary_id) = 0;
    // The grants held on `org_id` by active users, by user.
    virtual Result<std::vector<OrgUser>> UsersOfOrg(std::int64_t org_id) = 0;
};

}  // namespace lianxin::core::ports
