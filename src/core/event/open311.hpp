// Open311 GeoReport v2 (issue 17 "Open interfaces"; http://wiki.open311.org/GeoReport_v2) mapped onto events: the
// pure part — an event's Open311 status, the W3C date-times of the spec, the jurisdiction codes, the api keys'
// shape, and the masking of phone and ID numbers in free text before a public answer shows it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/event/event.hpp"

namespace lianxin::core::event {

// "open" until the loop closed the event (rated, or a mark confirmed), "closed" afterwards.
std::string_view Open311Status(EventState s);

// The spec's W3C date-time with the offset of Asia/Shanghai: "2026-12-07T22:45:23+08:00".
std::string W3cDateTime(std::int64_t utc_millis);

// A jurisdiction_id is a division code: 12 digits name a community (社区), 9 a street (街道/乡镇): the first 12 or 9
// digits of the grids' 15-digit codes (core/grid/grid.hpp). nullopt for anything else.
enum class JurisdictionKind { kCommunity, kStreet };
std::optional<JurisdictionKind> ParseJurisdiction(std::string_view code);

// An api key as issued: "o311_" and 32 URL-safe characters; only its SHA-256 is stored, and the list shows
// "o311_…" with the last 4 characters.
inline constexpr std::string_view kApiKeyPrefix = "o311_";
bool LooksLikeApiKey(std::string_view key);
std::string MaskApiKey(std::string_view last4);

// Free text with every run of 11 digits starting with 1 (a mobile number) and every 18-character ID number
// (17 digits and a digit or X) masked but for the first 3 and last 4 characters: what a public answer may show
// of a description typed by a resident or an operator.
std::string MaskNumbersInText(std::string_view text);

}  // namespace lianxin::core::event
