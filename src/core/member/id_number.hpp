// Citizen ID numbers (公民身份号码, GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence
// (odd = male), ISO 7064 MOD 11-2 check character. domain.md §11: "ID-number checksum and
// birth-date/sex consistency" are validated on every member record.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/common/date.hpp"
#include "core/common/result.hpp"

namespace lianxin::core::member {

enum class Sex { kMale, kFemale };

struct IdNumberFacts {
    std::string canonical;  // 18 characters, upper-case X
    Date birth_date;
    Sex sex;
};

// The check character for the first 17 digits.
char IdNumberCheckChar(std::string_view first17);

// Validates the shape, the birth date and the checksum. Full-width digits and a lower-case x are accepted
// and canonicalised. Errors name the field given.
Result<IdNumberFacts> ParseIdNumber(std::string_view text, const std::string& field = "id_number");

}  // namespace lianxin::core::member
