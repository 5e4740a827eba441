#include "core/org/overlay.hpp"

#include <algorithm>
#include <string>

#include "core/common/names.hpp"
#include "core/member/fields.hpp"

namespace lianxin::core::org {

namespace {
constexpr NameTable<OverlayKind, 5> kKinds{{
    {OverlayKind::kBigWorkingCommittee, "big_working_committee"},
    {OverlayKind::kBigPartyCommittee, "big_party_committee"},
    {OverlayKind::kJointCommittee, "joint_committee"},
    {OverlayKind::kAlliance, "alliance"},
    {OverlayKind::kJointMeeting, "joint_meeting"},
}};
constexpr NameTable<UnitType, 10> kUnitTypes{{
    {UnitType::kOrgan, "organ"},
    {UnitType::kSoe, "soe"},
    {UnitType::kPublicInstitution, "public_institution"},
    {UnitType::kNonPublicEnterprise, "non_public_enterprise"},
    {UnitType::kSocialOrg, "social_org"},
    {UnitType::kPolice, "police"},
    {UnitType::kPropertyCompany, "property_company"},
    {UnitType::kSchool, "school"},
    {UnitType::kHospital, "hospital"},
    {UnitType::kOther, "other"},
}};

constexpr std::string_view kUsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kUsccWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
constexpr int kMaxPeriodMonths = 24;  // a turn or a meeting interval: at most two years
// A text field with its own message (the catalogue's generic labels "name" and "address" are a person's).
void CheckLength(std::string_view value, int min, int max, const char* field, const char* key, Error& errors) {
    Error e;
    member::CheckText(value, min, max, field, e);
    if (!e.fields.empty()) errors.WithField(field, key, {{"min", std::to_string(min)}, {"max", std::to_string(max)}});
}
}  // namespace

std::string_view ToString(OverlayKind k) { return NameOf(kKinds, k); }
std::optional<OverlayKind> ParseOverlayKind(std::string_view s) { return ValueOf(kKinds, s); }
std::string_view ToString(UnitType t) { return NameOf(kUnitTypes, t); }
std::optional<UnitType> ParseUnitType(std::string_view s) { return ValueOf(kUnitTypes, s); }

bool DefaultTwoNew(UnitType t) { return t == UnitType::kNonPublicEnterprise || t == UnitType::kSocialOrg; }

std::optional<char> UsccCheckChar(std::string_view first17) {
    if (first17.size() != 17) return std::nullopt;
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        const auto v = kUsccAlphabet.find(first17[i]);
        if (v == std::string_view::npos) return std::nullopt;
        sum += static_cast<int>(v) * kUsccWeights[i];
    }
    return kUsccAlphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

bool UsccValid(std::string_view code) {
    if (code.size() != 18) return false;
    auto check = UsccCheckChar(code.substr(0, 17));
    return check && *check == code[17];
}

std::string NormalizeUscc(std::string_view code) {
    while (!code.empty() && code.front() == ' ') code.remove_prefix(1);
    while (!code.empty() && code.back() == ' ') code.remove_suffix(1);
    std::string out(code);
    for (auto& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

void CheckOverlay(const Overlay& o, const Date& today, Error& errors) {
    CheckLength(o.name, 1, 60, "name", "overlay.name", errors);
    CheckLength(o.note, 0, 200, "note", "overlay.note", errors);
    if (o.founded_on > today) errors.WithField("founded_on", "date.future", {{"latest", today.ToString()}});
    if (o.meeting_period_months < 0 || o.meeting_period_months > kMaxPeriodMonths)
        errors.WithField("meeting_period_months", "json.range",
                         {{"min", "0"}, {"max", std::to_string(kMaxPeriodMonths)}});
    if (o.last_meeting_on) {
        if (*o.last_meeting_on > today)
            errors.WithField("last_meeting_on", "date.future", {{"latest", today.ToString()}});
        else if (*o.last_meeting_on < o.founded_on)
            errors.WithField("last_meeting_on", "overlay.before_founded", {{"date", o.founded_on.ToString()}});
    }
}

void CheckUnit(const MemberUnit& u, const Overlay& o, const Date& today, Error& errors) {
    CheckLength(u.name, 1, 60, "name", "overlay.unit.name", errors);
    CheckLength(u.address, 0, 100, "address", "overlay.unit.address", errors);
    if (!u.uscc.empty() && !UsccValid(u.uscc)) errors.WithField("uscc", "overlay.uscc.invalid");
    if (u.joined_on > today) errors.WithField("joined_on", "date.future", {{"latest", today.ToString()}});
    else if (u.joined_on < o.founded_on)
        errors.WithField("joined_on", "overlay.before_founded", {{"date", o.founded_on.ToString()}});
    const bool head = !u.head.name.empty() || !u.head.post.empty() || u.head.member_id != 0;
    if (head) CheckLength(u.head.name, 1, 30, "head_name", "overlay.head.name", errors);
    CheckLength(u.head.post, 0, 30, "head_post", "overlay.head.post", errors);
}

void CheckUnitEnd(const MemberUnit& u, const Date& on, const Date& today, Error& errors) {
    if (u.left_on) errors.WithField("on", "overlay.unit.already_left", {{"date", u.left_on->ToString()}});
    else if (on > today) errors.WithField("on", "date.future", {{"latest", today.ToString()}});
    else if (on <= u.joined_on)
        errors.WithField("on", "overlay.unit.end_before_join", {{"date", u.joined_on.ToString()}});
}

void CheckRoster(const Rotation& r, const Overlay& o, const std::vector<MemberUnit>& units, const Date& today,
                 Error& errors) {
    for (std::size_t i = 0; i < r.order.size(); ++i) {
        const std::string field = "unit_ids[" + std::to_string(i) + "]";
        const auto id = r.order[i];
        if (std::find(r.order.begin(), r.order.begin() + static_cast<std::ptrdiff_t>(i), id) !=
            r.order.begin() + static_cast<std::ptrdiff_t>(i)) {
            errors.WithField(field, "overlay.roster.repeated");
            continue;
        }
        auto u = std::find_if(units.begin(), units.end(), [&](const MemberUnit& m) { return m.id == id; });
        if (u == units.end() || !u->ActiveOn(today)) errors.WithField(field, "overlay.roster.not_a_unit");
    }
    if (r.order.empty()) return;
    if (r.period_months < 1 || r.period_months > kMaxPeriodMonths)
        errors.WithField("period_months", "json.range", {{"min", "1"}, {"max", std::to_string(kMaxPeriodMonths)}});
    if (!r.start) errors.WithField("start", "json.required");
    else if (*r.start < o.founded_on)
        errors.WithField("start", "overlay.before_founded", {{"date", o.founded_on.ToString()}});
}

std::optional<member::Reminder> MeetingDue(const Overlay& o, const Date& today) {
    if (o.meeting_period_months <= 0) return std::nullopt;
    const Date due = o.last_meeting_on.value_or(o.founded_on).AddMonths(o.meeting_period_months);
    return member::Reminder{"overlay.due.meeting", due, today > due, {}};
}

OverlayCounts CountUnits(const std::vector<MemberUnit>& units, const Date& on) {
    OverlayCounts c;
    c.overlays = 1;
    for (const auto& u : units) {
        if (!u.ActiveOn(on)) continue;
        ++c.units;
        if (!u.head.name.empty()) ++c.part_time_members;
    }
    return c;
}

}  // namespace lianxin::core::org
