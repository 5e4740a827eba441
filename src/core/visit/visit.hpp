// Visits (issue 17 "Events and their intake": visits): 民情面对面 sessions (seed 000: the 民情面对面 work room of
// Haihong community, 232 problems solved) and 大走访 household visits (seed 002: every cadre visits the households
// of their area "做到六清楚"). A session has a day, a place, the org holding it, who attended (members of the
// registry by id; residents as a count and a text) and the problems raised; a household visit has the household
// (building, door, the resident's name and phone — encrypted at rest, masked by role), the grid, the visitor (a
// member or the recording staff user), the day, the 六清楚 checklist and the needs found. Each problem or need is
// a core::patrol::Item that can raise one event (channel `visit`).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/date.hpp"
#include "core/common/error.hpp"
#include "core/patrol/patrol.hpp"

namespace lianxin::core::visit {

// The 六清楚 of seed 002, in its order: 低保困难户、残疾人、下岗职工、空巢老人、社区党员、流动人口. For each the visitor
// records whether the household has one (yes / no) or that it is not yet clear (unknown). Disability and
// low income are sensitive personal information (domain.md §11.2, security.md D2), party membership restricted:
// answers are encrypted at rest and shown only to those who record visits there.
enum class Clear { kLowIncome, kDisabled, kLaidOff, kEmptyNest, kPartyMember, kFloating };
inline constexpr std::size_t kClearCount = 6;
struct ClearSpec {
    Clear clear;
    std::string_view code;
    std::string_view name_zh;
    std::string_view name_en;
};
// The code list, written once (the API serves it; the web checklist reads it).
std::span<const ClearSpec> Clears();

enum class Answer { kUnknown, kYes, kNo };
std::string_view ToString(Answer a);
std::optional<Answer> ParseAnswer(std::string_view s);  // yes | no | unknown

using Checklist = std::array<Answer, kClearCount>;  // indexed by Clear
// How many items are clear (answered yes or no): 6 = 六清楚.
int KnownCount(const Checklist& c);
// The checklist as stored: "low_income=yes;disabled=no;…" (all six, in order), and back; nullopt for text that
// is not one.
std::string EncodeChecklist(const Checklist& c);
std::optional<Checklist> DecodeChecklist(std::string_view text);
// From the client's {code: answer} pairs: an unknown code names "clears.<code>", a bad answer too; absent
// codes are unknown.
Checklist ReadChecklist(const std::vector<std::pair<std::string, std::string>>& pairs, Error& errors);

// A 大走访 household visit.
struct HouseholdVisit {
    std::int64_t id = 0;
    std::int64_t grid_id = 0;
    std::string grid_code, grid_name;
    std::int64_t org_id = 0;  // the grid's community
    std::string org_path, org_name;
    Date day;
    std::string building;  // 楼栋 (one of the grid's buildings, or typed)
    std::string door;      // 门牌 / 室号
    std::string resident_name;
    std::string resident_phone;
    std::int64_t visitor_member_id = 0;  // a member of the registry, or
    std::int64_t visitor_user_id = 0;    // the staff user who visited
    std::string visitor_name;
    Checklist clears{};
    std::string note;
    std::vector<patrol::Item> needs;
    std::int64_t created_by = 0;
    std::int64_t created_at = 0;
    int version = 1;
};

// Field rules (day not after today; building 1–50, door 0–30, resident name 0–30, phone as the registry's,
// note 0–1000; needs as items, at most 20). Names each bad field.
void CheckHouseholdVisit(const std::string& day, const Date& today, HouseholdVisit& v, int max_photos, Error& errors);

// A 民情面对面 session.
struct Session {
    std::int64_t id = 0;
    std::int64_t org_id = 0;  // the org holding it (a community, a branch …)
    std::string org_path, org_name;
    std::int64_t grid_id = 0;  // optional: the grid it was held for
    Date day;
    std::string place;
    std::string topic;
    std::vector<std::int64_t> member_ids;   // members of the registry who attended
    std::vector<std::string> member_names;  // for display
    int residents_count = 0;
    std::string residents_text;  // e.g. "居民代表、物业经理" — no list of names is asked for
    std::string note;
    std::vector<patrol::Item> problems;
    std::int64_t created_by = 0;
    std::string created_by_name;
    std::int64_t created_at = 0;
    int version = 1;
};

// Field rules (day not after today; place 1–100; topic 0–100; at most 200 members; residents 0–10000;
// residents text 0–200; note 0–1000; problems as items, at most 50). Names each bad field.
void CheckSession(const std::string& day, const Date& today, Session& s, int max_photos, Error& errors);

}  // namespace lianxin::core::visit
