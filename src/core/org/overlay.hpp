// Overlays: the non-statutory coordination bodies of domain.md §1.4 — a street's 大工委 (大党工委), a community's
// 大党委, a non-statutory joint committee (非建制性联合党委, seed 002), an alliance (联盟 / "红盟", seed 004) or a
// joint meeting (联席会议) — led by a host org of the statutory tree, with member units (驻区单位 / 共建单位) whose
// heads sit on it as part-time members (兼职委员), a rotating convenor (core/org/rotation.hpp) and registry members
// linked to it for "dual identity" (双重身份, domain.md §5.4).
//
// The key rule (domain.md §1.6, "must enforce" §1): statutory affiliation is a tree and an overlay is a graph laid
// over it. An overlay is never an org: it has no path of its own, no org can have it as a parent, and neither a
// member unit nor a linked member changes anyone's org_id or org_path. Member units keep their own upward
// affiliation (在不改变其党组织隶属关系的基础上实行双重管理).
//
// What is [LOCAL] or [UNKNOWN] in domain.md is data here, never a constant: the rotation order and period, the
// joint meeting's frequency.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/date.hpp"
#include "core/common/error.hpp"
#include "core/member/reminder.hpp"
#include "core/org/rotation.hpp"

namespace lianxin::core::org {

enum class OverlayKind {
    kBigWorkingCommittee,  // 大工委 / 大党工委 of a street
    kBigPartyCommittee,    // 大党委 of a community (or a street, seed 004)
    kJointCommittee,       // 联合党委, non-statutory (非建制性, seed 002)
    kAlliance,             // 联盟 / 红盟 co-building alliance
    kJointMeeting,         // 联席会议
};

// The kind of a member unit (domain.md §1.6 Unit.unit_type; §1.4 composition).
enum class UnitType {
    kOrgan,                // 机关
    kSoe,                  // 国有企业
    kPublicInstitution,    // 事业单位
    kNonPublicEnterprise,  // 非公有制企业
    kSocialOrg,            // 社会组织
    kPolice,               // 公安派出所 / 社区警务
    kPropertyCompany,      // 物业服务企业
    kSchool,               // 学校
    kHospital,             // 医院
    kOther,
};

std::string_view ToString(OverlayKind k);
std::optional<OverlayKind> ParseOverlayKind(std::string_view s);
std::string_view ToString(UnitType t);
std::optional<UnitType> ParseUnitType(std::string_view s);

// "Two-new" organizations are non-public enterprises and social organizations (domain.md §9): the default of a
// unit's two_new flag when the form leaves it open.
bool DefaultTwoNew(UnitType t);

struct Overlay {
    std::int64_t id = 0;
    OverlayKind kind = OverlayKind::kBigPartyCommittee;
    std::string name;
    std::int64_t host_org_id = 0;  // the statutory org that leads it; its path scopes every read and write
    std::string host_org_path;
    std::string host_org_name;  // for display; not stored
    Date founded_on;
    int meeting_period_months = 0;  // the joint meeting's frequency ([LOCAL], e.g. 6); 0 = no fixed schedule
    std::optional<Date> last_meeting_on;
    Rotation rotation;  // order from the member units' roster positions
    std::string note;
    std::int64_t version = 1;
};

// The head of a member unit on the overlay (兼职委员). Often not in this registry: a name and a post; linked to a
// registry member (inside the host's subtree) when there is one.
struct PartTimeMember {
    std::string name;
    std::string post;  // e.g. "党委书记", "所长"
    std::int64_t member_id = 0;
    bool operator==(const PartTimeMember&) const = default;
};

struct MemberUnit {
    std::int64_t id = 0;
    std::int64_t overlay_id = 0;
    std::string name;
    UnitType type = UnitType::kOther;
    std::string uscc;  // 统一社会信用代码, "" when not given
    std::string address;
    bool two_new = false;
    Date joined_on;
    std::optional<Date> left_on;  // exclusive: a member unit up to the day before
    PartTimeMember head;

    bool ActiveOn(const Date& d) const { return joined_on <= d && (!left_on || d < *left_on); }
};

// GB 32100-2015 统一社会信用代码: 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY" (no I, O, S, V, Z),
// the last a check character over the first 17 (weights 3^i mod 31; check = 31 − sum mod 31, 31 → 0).
// The check character of 17 characters, or nullopt when one is outside the alphabet.
std::optional<char> UsccCheckChar(std::string_view first17);
bool UsccValid(std::string_view code);
// Upper-case, trimmed of surrounding spaces (as people copy it from a licence).
std::string NormalizeUscc(std::string_view code);

// Field rules of an overlay (name 1–60, founded not after today, meeting period 0–24 months, last meeting between
// founding and today, note ≤ 200): each breach appended to `errors` naming the field.
void CheckOverlay(const Overlay& o, const Date& today, Error& errors);
// Field rules of a new member unit of `o`: name 1–60, a valid USCC when given, address ≤ 100, joined between the
// overlay's founding and today, the head's name (1–30) when a post or member is given, post ≤ 30.
void CheckUnit(const MemberUnit& u, const Overlay& o, const Date& today, Error& errors);
// A unit leaves on `on`: after it joined, not after today; not twice.
void CheckUnitEnd(const MemberUnit& u, const Date& on, const Date& today, Error& errors);

// A roster for `o` (PUT roster): each id a member unit of the overlay active on `today`, none twice
// ("unit_ids[i]"); with units, a period of 1–24 months and a start not before the founding. An empty order
// clears the rotation.
void CheckRoster(const Rotation& r, const Overlay& o, const std::vector<MemberUnit>& units, const Date& today,
                 Error& errors);

// The joint meeting's next due day: the last meeting (or the founding) plus the configured period; nullopt when
// no period is set. Overdue from the day after. A reminder, never an automatic action.
std::optional<member::Reminder> MeetingDue(const Overlay& o, const Date& today);

// Counts of what an overlay holds on a day.
struct OverlayCounts {
    int overlays = 0;
    int units = 0;              // member units active on the day
    int part_time_members = 0;  // active units with a named head
    int linked_members = 0;     // registry members linked for dual identity (distinct)
};

// The counts of one overlay's units on `on` (linked_members left to the caller, who counts links).
OverlayCounts CountUnits(const std::vector<MemberUnit>& units, const Date& on);

}  // namespace lianxin::core::org
