#include "core/member/member.hpp"

namespace lianxin::core::member {

std::optional<int> PartyAge(const Member& m, const Date& on) {
    if (m.category != Category::kFull || !m.conversion_date) return std::nullopt;
    int years = m.conversion_date->FullYearsUntil(on);
    return years < 0 ? 0 : years;
}

std::optional<Date> ProbationEnd(const Date& join_date) { return join_date.AddYears(1); }

std::string ToString(Category c) { return c == Category::kFull ? "full" : "probationary"; }
std::string ToString(PartyStatus s) { return s == PartyStatus::kNormal ? "normal" : "stopped"; }
std::string ToString(Sex s) { return s == Sex::kMale ? "male" : "female"; }

}  // namespace lianxin::core::member
