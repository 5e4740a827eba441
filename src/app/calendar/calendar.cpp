#include "app/calendar/calendar.hpp"

#include "app/audit/audit.hpp"
#include "core/auth/credentials.hpp"
#include "core/org/org.hpp"

namespace lianxin::app {

using core::auth::Permission;
using core::ports::Tx;

namespace {
// The actor's grant of org_write on a top-level org (a path of one segment), if any.
const core::auth::Grant* TopOrgWriteGrant(const core::auth::Actor& actor) {
    for (const auto& g : actor.grants)
        if (core::auth::RoleHas(g.role, Permission::kOrgWrite) && core::org::PathIds(g.org_path).size() == 1) return &g;
    return nullptr;
}

core::Status CheckYearParam(int year) {
    if (!core::calendar::YearInRange(year)) return core::Fail(core::InvalidField("year", "calendar.year.range"));
    return core::Ok();
}
}  // namespace

core::Result<core::calendar::WorkCalendar> WorkCalendarFor(Tx& tx, int from_year, int to_year) {
    core::calendar::WorkCalendar cal;
    if (to_year < from_year) return cal;
    LX_ASSIGN(years, tx.Calendar().Years());
    LX_ASSIGN(days, tx.Calendar().Range(*core::Date::FromYmd(from_year, 1, 1), *core::Date::FromYmd(to_year, 12, 31)));
    for (const auto& y : years) {
        if (y.year < from_year || y.year > to_year) continue;
        std::vector<core::calendar::CalendarDay> of_year;
        for (const auto& d : days)
            if (d.date.year() == y.year) of_year.push_back(d);
        cal.SetYear(y.year, of_year);
    }
    return cal;
}

core::Result<CalendarYearView> GetCalendarYear(Context& ctx, const core::auth::Actor& actor, int year) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgRead));
    LX_CHECK(CheckYearParam(year));
    CalendarYearView out;
    out.year = year;
    out.can_edit = TopOrgWriteGrant(actor) != nullptr;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(years, tx.Calendar().Years());
        for (const auto& y : years) {
            out.loaded_years.push_back(y.year);
            if (y.year == year) out.loaded = y;
        }
        LX_ASSIGN(days, tx.Calendar().Range(*core::Date::FromYmd(year, 1, 1), *core::Date::FromYmd(year, 12, 31)));
        out.days = std::move(days);
        return core::Ok();
    }));
    return out;
}

core::Result<std::size_t> LoadCalendarYear(Context& ctx, const core::auth::Actor& actor, const CalendarLoadInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgWrite));
    const auto* grant = TopOrgWriteGrant(actor);
    if (!grant) return core::Fail(core::Denied("calendar.load.top_org"));
    LX_CHECK(CheckYearParam(in.year));
    const int chars = core::auth::CodePointCount(in.source);
    if (chars < 1 || static_cast<std::size_t>(chars) > core::calendar::kSourceMaxChars)
        return core::Fail(core::InvalidField("source", "calendar.source.length",
                                             {{"max", std::to_string(core::calendar::kSourceMaxChars)}}));
    LX_ASSIGN(days, core::calendar::CheckYear(in.year, in.rows));
    const std::int64_t now = ctx.clock.NowMillis();
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(before, tx.Calendar().Year(in.year));
        LX_CHECK(tx.Calendar().ReplaceYear({in.year, in.source, actor.display_name, now}, days));
        std::size_t holidays = 0;
        for (const auto& d : days) holidays += d.kind == core::calendar::DayKind::kHoliday ? 1 : 0;
        auto entry = AuditFor(actor, now, "calendar.load", "calendar_year", std::to_string(in.year))
                         .On(grant->org_id, grant->org_path);
        entry.detail = "holidays=" + std::to_string(holidays) + " workdays=" + std::to_string(days.size() - holidays) +
                       (before ? " replaced" : " new");
        return tx.Audit().Append(entry);
    }));
    return days.size();
}

}  // namespace lianxin::app
