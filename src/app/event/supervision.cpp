#include "app/event/supervision.hpp"

#include <vector>

#include "app/audit/audit.hpp"
#include "core/event/supervision.hpp"

namespace lianxin::app {

namespace ev = core::event;
using core::ports::Scope;
using core::ports::Tx;

namespace {
constexpr int kBatch = 500;  // per transaction; the loop takes the next batch until none is left
}  // namespace

core::Result<int> SuperviseOverdue(Context& ctx) {
    const auto now = ctx.clock.NowMillis();
    int total = 0;
    for (;;) {
        int batch = 0;
        LX_CHECK(ctx.db.Write(Scope::System(), [&](Tx& tx) -> core::Status {  // every org's events
            LX_ASSIGN(due, tx.Events().DueForSupervision(now, kBatch));
            for (auto& rec : due) {
                const auto& e = rec.event;
                LX_ASSIGN(flow, tx.Events().Flow(e.id));
                std::vector<std::int64_t> done;
                for (const auto& f : flow)
                    if (f.action == "supervise" && f.deadline) done.push_back(*f.deadline);
                if (!ev::NeedsSupervision(e, now, done)) continue;
                core::ports::EventFlowEntry row;
                row.event_id = e.id;
                row.seq = static_cast<int>(flow.size()) + 1;
                row.action = std::string(ev::ToString(ev::EventAction::kSupervise));
                row.from_state = row.to_state = std::string(ev::ToString(e.state));
                row.actor_user_id = 0;  // the server, for the level above
                row.actor_name = "系统";
                row.actor_org_id = ev::OrgIdOfPath(ev::LevelAbovePath(e));
                row.deadline = e.handle_by;
                row.at = now;
                ev::Event touched = e;
                touched.updated_at = now;
                LX_CHECK(tx.Events().Update(touched));  // bumps the version: a concurrent step retries
                LX_CHECK(tx.Events().AppendFlow(row).map([](auto) {}));
                ++batch;
            }
            if (batch == 0) return core::Ok();
            core::auth::Actor system{0, "system", "系统", 0, {}, "", ""};
            LX_ASSIGN(roots, tx.Orgs().Roots());
            if (!roots.empty())
                system.grants.push_back({0, core::auth::Role::kMember, roots[0].id, roots[0].path, roots[0].name});
            auto entry = AuditFor(system, now, "event.supervise_overdue", "events", std::to_string(batch)).On(kTopOrg);
            return tx.Audit().Append(entry);
        }));
        total += batch;
        if (batch < kBatch) return total;
    }
}

}  // namespace lianxin::app
