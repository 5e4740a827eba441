#include "app/event/board.hpp"

#include <algorithm>
#include <map>

#include "app/event/deadlines.hpp"
#include "app/event/event_access.hpp"
#include "app/org/org_queries.hpp"
#include "app/policy/policies.hpp"
#include "core/event/supervision.hpp"

namespace lianxin::app {

using core::auth::Permission;
using core::ports::Scope;
using core::ports::Tx;

namespace {

std::vector<BoardCount> Counts(const std::map<std::int64_t, BoardCount>& by) {
    std::vector<BoardCount> out;
    for (const auto& [id, c] : by) out.push_back(c);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
    return out;
}

}  // namespace

core::Result<SupervisionBoardView> SupervisionBoard(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventRead));
    const auto now = ctx.clock.NowMillis();
    SupervisionBoardView out;
    out.at = now;
    LX_CHECK(ctx.db.Read(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(org, VisibleOrg(tx, actor, org_id, Permission::kEventRead, core::Date::FromInstant(now)));
        out.org = org;
        LX_ASSIGN(policies, PoliciesFor(tx, org.path));
        const auto window = DueSoonWindowMillis(policies, now);
        auto list = [&](auto shape) -> core::Result<std::vector<EventView>> {
            core::ports::EventQuery q;
            q.scope_roots = {org.path};  // inside the actor's scope: VisibleOrg checked it
            q.limit = kBoardCap + 1;
            shape(q);
            LX_ASSIGN(rows, tx.Events().List(q));
            if (static_cast<int>(rows.size()) > kBoardCap) {
                rows.resize(kBoardCap);
                out.truncated = true;
            }
            std::vector<EventView> views;
            for (auto& r : rows) {
                LX_ASSIGN(v, LoadEventView(tx, actor, std::move(r), now, false));
                v.due_soon = core::event::DueSoon(v.record.event, now, window);
                views.push_back(std::move(v));
            }
            return views;
        };
        LX_ASSIGN(overdue, list([&](auto& q) { q.due_before = now; }));
        // overdue as the 督办 rule reads it: the handler's clock runs (not marked, handled or later)
        std::erase_if(overdue, [&](const auto& v) { return !core::event::Overdue(v.record.event, now); });
        std::map<std::int64_t, BoardCount> by_community, by_department;
        for (const auto& v : overdue) {
            const auto& r = v.record;
            auto& c = by_community[r.event.org_id];
            c.org_id = r.event.org_id;
            c.org_name = r.org_name;
            ++c.count;
            if (r.event.assignee_org_id) {
                auto& d = by_department[r.event.assignee_org_id];
                d.org_id = r.event.assignee_org_id;
                d.org_name = r.assignee_org_name;
                ++d.count;
            }
        }
        std::stable_sort(overdue.begin(), overdue.end(), [](const auto& a, const auto& b) {
            return a.record.event.handle_by.value_or(0) < b.record.event.handle_by.value_or(0);
        });
        out.overdue = std::move(overdue);
        out.by_community = Counts(by_community);
        out.by_department = Counts(by_department);
        LX_ASSIGN(supervised, list([&](auto& q) { q.supervised_only = true; }));
        std::stable_sort(supervised.begin(), supervised.end(), [](const auto& a, const auto& b) {
            return a.record.supervised_at.value_or(0) < b.record.supervised_at.value_or(0);
        });
        out.supervised = std::move(supervised);
        LX_ASSIGN(whistled, list([&](auto& q) {
                      q.whistle_late_at = now;
                      q.open_only = true;
                  }));
        for (auto& v : whistled) {
            LX_ASSIGN(ws, tx.Events().Whistles(v.record.event.id));
            for (auto& w : ws)
                if (!w.reported_at && !w.closed_at && w.report_by < now) out.late_whistles.push_back({v, std::move(w)});
        }
        LX_ASSIGN(marked, list([&](auto& q) { q.state = "marked"; }));
        out.marked = std::move(marked);
        return core::Ok();
    }));
    return out;
}

}  // namespace lianxin::app
