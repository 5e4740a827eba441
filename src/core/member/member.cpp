#include "core/member/member.hpp"

namespace lianxin::core::member {

LeapDay AnniversaryRule(const policy::Policies& policies, const Date& on) {
    return policies.Value(policy::kMemberLeapDayAnniversary, on) == 1 ? LeapDay::kMar1 : LeapDay::kFeb28;
}

std::optional<int> PartyAge(const Member& m, const Date& on, LeapDay rule) {
    if (m.category != Category::kFull || !m.conversion_date) return std::nullopt;
    int years = m.conversion_date->FullYearsUntil(on, rule);
    return years < 0 ? 0 : years;
}

std::optional<Date> ProbationEnd(const Date& join_date, LeapDay rule) { return join_date.AddMonths(12, rule); }

std::string ToString(Category c) { return c == Category::kFull ? "full" : "probationary"; }
std::string ToString(PartyStatus s) { return s == PartyStatus::kNormal ? "normal" : "stopped"; }
std::string ToString(Sex s) { return s == Sex::kMale ? "male" : "female"; }

}  // namespace lianxin::core::member
