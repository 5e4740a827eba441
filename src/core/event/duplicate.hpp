// Duplicate events (issue 17 "Duplicates"; domain.md §7 "Event entity … duplicates link", §7.2 "duplicate demands
// merged" [S20c] and REJECTED(reason: duplicate)): a new event near an open one of the same category is offered as
// "same problem?" (可能是同一问题) whatever the channel each came by; the owner may then merge it (合并) into the
// primary. How near and how close in time are policy (event.duplicate_distance_metres, event.duplicate_window_days
// of the event's org on its reporting day); the distance is measured on the WGS-84 spheroid by Boost.Geometry.
//
// A merged duplicate is closed as state dismissed with mark_kind "duplicate" and duplicate_of the primary: listed
// with the dismissals (never silent), shown as "已合并" with its primary, and its reporters follow the primary. The
// rates count it once, on its primary (core/rates/rates.hpp "merged duplicates").
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/common/result.hpp"
#include "core/event/flow.hpp"
#include "core/policy/policies.hpp"

namespace lianxin::core::event {

inline constexpr std::string_view kMarkDuplicate = "duplicate";
inline constexpr std::int64_t kDayMillis = 86'400'000;

// The policy in force: at most `distance_m` metres apart, reported at most `window_days` days apart (both
// limits inclusive).
struct DuplicateRule {
    int distance_m = 100;
    int window_days = 7;
};
DuplicateRule DuplicateRuleFor(const policy::Policies& policies, const Date& on);

// The geodesic distance in metres between two WGS-84 points (Boost.Geometry, Andoyer's formula on the spheroid).
double DistanceMetres(const Coordinates& a, const Coordinates& b);

// What a subject event (or an intake form before it is saved) offers to compare.
struct DuplicateProbe {
    std::int64_t id = 0;  // 0 for a form not yet saved
    std::string category_code;
    std::optional<Coordinates> location;
    std::int64_t reported_at = 0;
};
DuplicateProbe ProbeOf(const Event& e);

struct DuplicateMatch {
    double distance_m = 0;
    std::int64_t age_millis = 0;  // the probe's report minus the other's (negative: the other is newer)
};
// The other event is a candidate of the probe: not the probe itself, open (not closed), of the same category,
// both placed by coordinates, within the distance and the window of `rule`.
std::optional<DuplicateMatch> MatchDuplicate(const DuplicateProbe& probe, const Event& other,
                                             const DuplicateRule& rule);

// The box of degrees around `c` that holds every point within `metres` (a generous pre-filter for storage's
// index; MatchDuplicate decides): micro-degrees, as events store them.
struct BoxE6 {
    std::int64_t min_lng = 0, max_lng = 0, min_lat = 0, max_lat = 0;
};
BoxE6 SearchBox(const Coordinates& c, int metres);

// The states a duplicate may be merged from: open and not yet handled (a handled event's evidence stands).
bool Mergeable(EventState s);

// Merges `dup` into `primary` at `now`, by an actor whose relations to `dup` are `rel` (its owner: the
// dispatcher). Refused, with the event unchanged:
//   "event.rule.party" (403) — not the owner of the duplicate;
//   "event.rule.state" {event_state, event_action=merge} — the duplicate is closed or past handling;
//   field primary_id: "event.merge.self" (into itself), "event.merge.closed" {number} (the primary is closed),
//   "event.merge.category" (another category), "event.merge.chain" (the primary is itself merged);
//   field reason: the member::CheckText messages (2–500 characters).
Result<Event> MergeInto(const Event& dup, const Event& primary, const std::string& reason, const Relations& rel,
                        std::int64_t now);

// A merged duplicate: dismissed as a duplicate of another event.
bool IsMerged(const Event& e);

}  // namespace lianxin::core::event
