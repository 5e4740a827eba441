// Field rules of registry entries (domain.md §11 "must enforce"). Each check appends a FieldError naming
// the field, so that one answer lists every wrong field.
#pragma once

#include <optional>
#include <string_view>

#include "core/common/date.hpp"
#include "core/common/error.hpp"

namespace lianxin::core::member {

// `min`..`max` characters (code points) of valid UTF-8 without control characters.
void CheckText(std::string_view value, int min, int max, const char* field, Error& errors);
// Empty, a mainland mobile number (11 digits starting 1[3-9]) or a fixed line "0592-1234567".
void CheckPhone(std::string_view value, const char* field, Error& errors);
// A YYYY-MM-DD date not after `latest`; nullopt (and a field error) otherwise.
std::optional<Date> CheckDate(std::string_view value, const Date& latest, const char* field, Error& errors);

}  // namespace lianxin::core::member
