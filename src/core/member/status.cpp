#include "core/member/status.hpp"

#include <algorithm>

#include "core/common/names.hpp"
#include "core/member/fields.hpp"

namespace lianxin::core::member {

namespace {
Error Rule(std::string key) { return MakeError(ErrorCode::kFailedPrecondition, std::move(key)); }
}  // namespace

Status ApplyStatusDecision(const StatusDecision& d, Member& m, const std::vector<Date>& search_dates) {
    Error errors = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    CheckText(d.doc_ref, 2, 50, "doc_ref", errors);
    CheckText(d.reason, 0, 200, "reason", errors);
    if (d.action == StatusAction::kStop && !d.ground) errors.WithField("ground", "member.ground.missing");
    if (!errors.fields.empty()) return Fail(errors);
    if (m.left_on) return Fail(Rule("member.rule.left"));
    const auto since = m.status_since.value_or(Date());
    if (m.status_since && d.on < *m.status_since)
        return Fail(Rule("member.rule.status_date_order").WithParam("latest", m.status_since->ToString()));
    switch (d.action) {
        case StatusAction::kStop:
            if (m.status != PartyStatus::kNormal) return Fail(Rule("member.rule.already_stopped"));
            if (*d.ground == StopGround::kLostContact) {
                if (!m.lost_contact_on) return Fail(Rule("member.rule.stop_not_lost"));
                const Date earliest = m.lost_contact_on->AddMonths(kLostContactMonths);
                if (d.on < earliest)
                    return Fail(Rule("member.rule.stop_six_months").WithParam("earliest", earliest.ToString()));
                // 2019 条例 (§2.5): "经查找仍无法取得联系" — the search comes first, the decision after it failed.
                const bool searched = std::any_of(search_dates.begin(), search_dates.end(),
                                                  [&](const Date& s) { return s >= *m.lost_contact_on && s <= d.on; });
                if (!searched) return Fail(Rule("member.rule.stop_no_search"));
            }
            m.status = PartyStatus::kStopped;
            m.status_since = d.on;
            return Ok();
        case StatusAction::kRestore: {
            if (m.status != PartyStatus::kStopped) return Fail(Rule("member.rule.not_stopped"));
            const Date last = since.AddYears(kStoppedYears);
            if (d.on > last) return Fail(Rule("member.rule.restore_two_years").WithParam("last", last.ToString()));
            m.status = PartyStatus::kNormal;
            m.status_since = d.on;
            return Ok();
        }
        case StatusAction::kDeceased:  // whatever the status; not before joining (a registry date cannot precede it)
            if (m.join_date && d.on < *m.join_date)
                return Fail(Rule("member.rule.deceased_before_join").WithParam("date", m.join_date->ToString()));
            m.left_on = d.on;
            m.left_reason = "deceased";
            return Ok();
        case StatusAction::kRemove: {
            if (m.status != PartyStatus::kStopped) return Fail(Rule("member.rule.not_stopped"));
            const Date earliest = since.AddYears(kStoppedYears);
            if (d.on < earliest)
                return Fail(Rule("member.rule.remove_two_years").WithParam("earliest", earliest.ToString()));
            m.left_on = d.on;
            m.left_reason = "removed";
            return Ok();
        }
    }
    return Ok();
}

namespace {
constexpr NameTable<StatusAction, 4> kActions{{
    {StatusAction::kStop, "stop"},
    {StatusAction::kRestore, "restore"},
    {StatusAction::kRemove, "remove"},
    {StatusAction::kDeceased, "deceased"},
}};
constexpr NameTable<StopGround, 3> kGrounds{{
    {StopGround::kLostContact, "lost_contact"},
    {StopGround::kSettledAbroad, "settled_abroad"},
    {StopGround::kStudyAbroad, "study_abroad"},
}};
}  // namespace

std::string_view ToString(StatusAction a) { return NameOf(kActions, a); }
std::optional<StatusAction> ParseStatusAction(std::string_view s) { return ValueOf(kActions, s); }
std::string_view ToString(StopGround g) { return NameOf(kGrounds, g); }
std::optional<StopGround> ParseStopGround(std::string_view s) { return ValueOf(kGrounds, s); }

}  // namespace lianxin::core::member
