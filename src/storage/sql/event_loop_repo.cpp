// Closing the loop (migration 0037; issue 17 "The closed loop", "SLA"): the links of photos to the events that
// carry them, and the candidates of the 督办 sweep. The rule itself is core/event/supervision.hpp; this query is
// its index-backed first cut (the sweep asks the rule again for each row).
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

core::Status SqlEventRepo::LinkPhotos(std::int64_t event_id, const std::vector<std::string>& photo_ids) {
    for (const auto& id : photo_ids)
        LX_CHECK(c_.Exec("INSERT INTO event_photos (photo_id, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                         {id, event_id}));
    return core::Ok();
}

core::Result<std::vector<std::int64_t>> SqlEventRepo::EventsWithPhoto(const std::string& photo_id) {
    LX_ASSIGN(rows, c_.Query("SELECT event_id FROM event_photos WHERE photo_id = $1 ORDER BY event_id", {photo_id}));
    std::vector<std::int64_t> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(rows.Row(r).Int("event_id"));
    return out;
}

core::Result<std::vector<core::ports::EventRecord>> SqlEventRepo::DueForSupervision(std::int64_t now, int limit) {
    return Read(
        "WHERE e.state IN ('dispatched', 'in_progress', 'returned', 'extension_requested') "
        "AND e.assignee_org_path IS NOT NULL AND e.handle_by IS NOT NULL AND e.handle_by <= $1 "
        "AND NOT EXISTS (SELECT 1 FROM event_flow s WHERE s.event_id = e.id AND s.action = 'supervise' "
        "AND s.deadline = e.handle_by) ORDER BY e.id LIMIT " +
            std::to_string(limit),
        {now});
}

}  // namespace lianxin::storage
