// A party member's registry record as the foundation needs it (domain.md §2.3, §2.4, §11). The full
// lifecycle (admission pipeline, transfers) builds on this record. Sensitive fields (ID number, phone)
// live here as plaintext only in memory; storage keeps them encrypted with a blind index.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/date.hpp"
#include "core/member/id_number.hpp"
#include "core/policy/policies.hpp"

namespace lianxin::core::member {

enum class Category { kFull, kProbationary };  // 人员类别: 正式党员 / 预备党员
enum class PartyStatus { kNormal, kStopped };  // 党籍状态: 正常 / 停止党籍

struct Member {
    std::int64_t id = 0;
    std::int64_t org_id = 0;
    std::string org_path;  // materialized path of the member's branch, for scoping
    std::string name;
    Sex sex = Sex::kMale;
    std::string ethnicity;
    Date birth_date;
    std::string id_number;  // canonical 18 characters (plaintext in memory only)
    std::string phone;
    std::string education;
    std::string degree;  // 学位 code (domain.md §11.1 extended items); "" = not given
    Category category = Category::kFull;
    PartyStatus status = PartyStatus::kNormal;
    std::optional<Date> join_date;        // 入党日期 = branch general meeting date (§2.3)
    std::optional<Date> conversion_date;  // 转正日期 = probation end (§2.3)
    std::string work_unit;
    std::string address;
    std::vector<std::string> tags;         // in_service, retired, floating, lost_contact
    std::vector<std::string> skills;       // 特长: 电工, 医生, 法律, 书法 …
    std::string occupation;                // 职业 code of the statistics bulletin (domain.md §2.4)
    std::string floating_to;               // 外出流向 of a floating member (collected by the outflow org, §2.4)
    std::optional<Date> lost_contact_on;   // 失去联系日期 of a lost-contact member
    std::optional<Date> status_since;      // the last decision on party status (stopped or restored on)
    std::string region_code;               // the org's administrative code: the distribution key at national scale
    std::optional<Date> left_on;           // left the registry (disqualified, removed, deceased); kept for history
    std::string left_reason;               // disqualified, removed, deceased, transferred_out
    std::optional<Date> affiliated_since;  // the current formal affiliation began (a transfer); nullopt = joined here
    std::int64_t version = 1;
    std::int64_t updated_at = 0;  // UTC millis of the last registry change (written by UpdateRegistry)
};

// How a 29 February anniversary falls for an org on `on`: the policy member.leap_day_anniversary in force
// (domain.md §2.3 [UNKNOWN]; default 28 Feb).
LeapDay AnniversaryRule(const policy::Policies& policies, const Date& on);

// Party age (党龄) in full years on `on`: counted from the conversion date; probationary members and
// members without a conversion date have none (domain.md §2.3, Constitution Art.7). `rule` is the
// anniversary rule of the member's org on `on`.
std::optional<int> PartyAge(const Member& m, const Date& on, LeapDay rule);

// Probation end = join date + 1 year (domain.md §2.2 row 17), a 29 February join date falling as `rule` (the
// member's org's rule on the join date: the day of the decision); nullopt without a join date.
std::optional<Date> ProbationEnd(const Date& join_date, LeapDay rule);

std::string ToString(Category c);
std::string ToString(PartyStatus s);
std::string ToString(Sex s);

}  // namespace lianxin::core::member
