// Duplicate events and the people of an org (core/ports/duplicate_records.hpp; issue 17 "Duplicates"): the open
// events of a category inside a box of micro-degrees and a reporting window (index events_duplicate_window,
// migration 0038), the duplicates merged into an event, and the active users holding grants on an org.
#include <map>

#include "core/ports/duplicate_records.hpp"
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::ports::EventRecord;

core::Result<std::vector<EventRecord>> SqlDuplicateRepo::Near(const core::ports::DuplicateQuery& q) {
    return events_.Read(
        "WHERE e.category_code = $1 AND e.state NOT IN ('rated', 'dismissed') AND e.reported_at >= $2 "
        "AND e.reported_at <= $3 AND e.lng_e6 BETWEEN $4 AND $5 AND e.lat_e6 BETWEEN $6 AND $7 AND e.id <> $8 "
        "ORDER BY e.id DESC LIMIT " +
            std::to_string(q.limit),
        {q.category_code, q.reported_from, q.reported_to, q.box.min_lng, q.box.max_lng, q.box.min_lat, q.box.max_lat,
         q.exclude_id});
}

core::Result<std::vector<EventRecord>> SqlDuplicateRepo::MergedInto(std::int64_t primary_id) {
    return events_.Read(
        "WHERE e.duplicate_of = $1 AND e.state = 'dismissed' AND e.mark_kind = 'duplicate' ORDER BY e.id",
        {primary_id});
}

core::Result<std::vector<core::ports::OrgUser>> SqlDuplicateRepo::UsersOfOrg(std::int64_t org_id) {
    LX_ASSIGN(rows, c_.Query("SELECT g.id AS grant_id, g.role, u.id AS user_id, u.username, u.display_name "
                             "FROM role_grants g JOIN users u ON u.id = g.user_id "
                             "WHERE g.org_id = $1 AND u.status = 'active' ORDER BY u.display_name, u.id, g.id",
                             {org_id}));
    std::vector<core::ports::OrgUser> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        core::ports::OrgUser u;
        u.user_id = row.Int("user_id");
        u.username = row.Text("username");
        u.display_name = row.Text("display_name");
        u.role = row.Text("role");
        LX_ASSIGN(grids, c_.Query("SELECT grid_id FROM role_grant_grids WHERE grant_id = $1 ORDER BY grid_id",
                                  {row.Int("grant_id")}));
        for (std::size_t i = 0; i < grids.size(); ++i) u.grid_ids.push_back(grids.Row(i).Int("grid_id"));
        out.push_back(std::move(u));
    }
    return out;
}

}  // namespace lianxin::storage
