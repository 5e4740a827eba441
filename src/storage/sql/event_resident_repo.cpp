// A resident's own events (migration 0033; issue 17): found by the blind index of the verified phone or by the
// follow link's token hash; the per-day report count (one upsert); the retention purge of residents' data.
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::ports::EventRecord;

core::Result<std::vector<EventRecord>> SqlEventRepo::OfReporter(const std::string& reporter_key, int limit) {
    return Read("WHERE e.reporter_key = $1 ORDER BY e.id DESC LIMIT " + std::to_string(limit), {Blob{reporter_key}});
}

core::Result<std::optional<EventRecord>> SqlEventRepo::ByFollowToken(const std::string& token_hash) {
    LX_ASSIGN(found, Read("WHERE e.follow_token_hash = $1", {token_hash}));
    if (found.empty()) return std::optional<EventRecord>{};
    return std::optional<EventRecord>(std::move(found.front()));
}

core::Result<int> SqlEventRepo::CountReport(const std::string& phone_key, const std::string& day) {
    // One statement: parallel reports each see the count that includes them (the row is locked meanwhile).
    LX_ASSIGN(rows, c_.Query("INSERT INTO resident_report_days (phone_key, day, reports) VALUES ($1, $2, 1) "
                             "ON CONFLICT (phone_key, day) DO UPDATE SET reports = resident_report_days.reports + 1 "
                             "RETURNING reports",
                             {Blob{phone_key}, day}));
    // Earlier days of this phone are no longer needed.
    LX_CHECK(c_.Exec("DELETE FROM resident_report_days WHERE phone_key = $1 AND day < $2", {Blob{phone_key}, day}));
    return static_cast<int>(rows.Row(0).Int("reports"));
}

core::Result<std::vector<std::string>> SqlEventRepo::RetainedOrgPaths() {
    LX_ASSIGN(rows, c_.Query("SELECT DISTINCT org_path FROM events WHERE closed_at IS NOT NULL AND "
                             "resident_purged_at IS NULL ORDER BY org_path"));
    std::vector<std::string> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(rows.Row(r).Text("org_path"));
    return out;
}

core::Result<int> SqlEventRepo::PurgeResidentData(const std::string& org_path, std::int64_t closed_before,
                                                  std::int64_t now) {
    LX_ASSIGN(n,
              c_.Exec("UPDATE events SET reporter_name = '', reporter_phone_enc = NULL, reporter_key = NULL, "
                      "follow_token_hash = NULL, follow_token_enc = NULL, resident_purged_at = $1 "
                      "WHERE org_path = $2 AND closed_at IS NOT NULL AND closed_at < $3 AND resident_purged_at IS NULL",
                      {now, org_path, closed_before}));
    return static_cast<int>(n);
}

}  // namespace lianxin::storage
