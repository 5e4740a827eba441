// The lianxin subcommands. Each returns the process exit code.
#pragma once

#include <cstdint>
#include <string>

#include "cli/config.hpp"

namespace lianxin::cli {

int RunServe(const Config& config);
int RunMigrate(const Config& config);
struct InitOptions {
    std::string org_name;
    std::string org_type = "street_working_committee";
    std::string place_name;
};
int RunInit(const Config& config, const InitOptions& opt);
int RunDemo(const Config& config, std::uint64_t seed, bool serve);
int RunGen(const Config& config, const std::string& scale, std::uint64_t seed);

struct UserAddOptions {
    std::string username, display_name, role;
    std::int64_t org_id = 0;
};
int RunUserAdd(const Config& config, const UserAddOptions& opt);
int RunUserOpenAccount(const Config& config, const std::string& username, std::int64_t member_id);
int RunUserReset(const Config& config, const std::string& username);
int RunUserList(const Config& config);

// The policy store (issue 16): every key with its default, source and where it is set; one key's value for
// an org on a date; a change from a date with its document (audited as actor "cli").
int RunPolicyList(const Config& config, bool json);
struct PolicyShowOptions {
    std::string key, on;
    std::int64_t org_id = 0;
    bool json = false;
};
int RunPolicyShow(const Config& config, const PolicyShowOptions& opt);
struct PolicySetOptions {
    std::string key, value, from, doc;
    std::int64_t org_id = 0;
};
int RunPolicySet(const Config& config, const PolicySetOptions& opt);

// The working-day calendar (issue 17 "SLA"): load a year from a CSV (date,kind,name) or JSON file ({"year",
// "source", "days": [{date, kind, name}]}) as the operator acting as the top org's admin (audited); show a year.
struct CalendarLoadOptions {
    std::string file, source;
    int year = 0;  // 0: the file's "year", else the year of its first row
};
int RunCalendarLoad(const Config& config, const CalendarLoadOptions& opt);
int RunCalendarShow(const Config& config, int year, bool json);

// Residents' data of events closed event.resident_data_retention_days ago (each org's policy today) is blanked:
// name, phone and follow link; the events and their figures stay (issue 17; docs/architecture.md "Residents'
// data"). The server runs the same at start and daily.
int RunEventsPurge(const Config& config);
int RunEventsSupervise(const Config& config);  // 督办 on breach, as the server does periodically

int RunBackup(const Config& config, const std::string& out);
int RunRestore(const Config& config, const std::string& from);
// Integrity, then the audit chain against the checkpoint. `accept_restore`: first record a restored backup
// that is behind the checkpoint (app::AcceptRestoredLog).
int RunCheck(const Config& config, bool accept_restore = false);
// Reads a GeoJSON file or zipped Shapefile as the grid import would (src/gis) and prints its feature count,
// CRS, encoding, attribute names and first feature's attributes (`json`: as one JSON object); a refusal goes
// to stderr in Chinese and English with exit code 1. `geojson_out`: also write the features there as GeoJSON
// (gis::WriteGeoJson, as the export does). Needs no configuration or database.
int RunGisInspect(const std::string& path, bool json, const std::string& geojson_out);
// Prints the route table as JSON: [{method, path, access, permission, body, summary}].
int RunRoutes();
// Prints what GET /api/v1/dictionaries serves: the code lists and the member field specs (JSON).
int RunDictionaries();

}  // namespace lianxin::cli
