// The policy keys of duplicate events (issue 17 "Duplicates"; domain.md §7.2: the 2025 State Council opinion
// "duplicate demands merged" [MED] names no distance or time): how near (metres, on the ground) and how close in
// time (days between the two reports) a new event must be to an open one of the same category to be offered as
// "same problem?". Part of the catalogue (catalogue.cpp holds their specs); kept beside catalogue.hpp, as
// rates_keys.hpp is, so that adding them did not touch a header every file includes.
#pragma once

#include <string_view>

namespace lianxin::core::policy {

inline constexpr std::string_view kEventDuplicateDistanceMetres = "event.duplicate_distance_metres";
inline constexpr std::string_view kEventDuplicateWindowDays = "event.duplicate_window_days";

}  // namespace lianxin::core::policy
