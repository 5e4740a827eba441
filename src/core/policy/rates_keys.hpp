// The policy keys of the rates' formulas (issue 17 "Rates and boards"; domain.md §7.4 "formulas configurable";
// core/rates): what counts as the response and as done on time, whether dismissals count against a rate, whether
// "partly" counts as resolved, the lowest satisfied score, and working or calendar time for the average handling
// time. Part of the catalogue (catalogue.cpp holds their specs); kept beside catalogue.hpp so that adding them did
// not touch a header every file includes — fold them into catalogue.hpp when convenient.
#pragma once

#include <string_view>

namespace lianxin::core::policy {

inline constexpr std::string_view kRatesResponseStep = "rates.response_step";
inline constexpr std::string_view kRatesOnTimeStep = "rates.on_time_step";
inline constexpr std::string_view kRatesDismissed = "rates.dismissed";
inline constexpr std::string_view kRatesPartly = "rates.partly";
inline constexpr std::string_view kRatesSatisfiedMinScore = "rates.satisfied_min_score";
inline constexpr std::string_view kRatesHandlingTime = "rates.handling_time";

}  // namespace lianxin::core::policy
