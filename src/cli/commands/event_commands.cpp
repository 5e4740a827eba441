// events purge: the retention of residents' data from the operator's shell (issue 17 "Residents' data is kept for
// the event only ... with a retention policy"); the server runs the same at start and daily (serve.cpp).
#include <iostream>

#include "app/event/resident_events.hpp"
#include "app/event/supervision.hpp"
#include "cli/commands/commands.hpp"
#include "cli/runtime.hpp"

namespace lianxin::cli {

int RunEventsPurge(const Config& config) {
    auto rt = MakeRuntime(config, {});
    if (!rt) return 1;
    auto n = app::PurgeResidentData(*rt->ctx);
    if (!n) return ReportError(n.error());
    std::cout << "已清除 " << *n << " 个事件的居民信息 / residents' data blanked on " << *n << " events\n";
    return 0;
}

int RunEventsSupervise(const Config& config) {
    auto rt = MakeRuntime(config, {});
    if (!rt) return 1;
    auto n = app::SuperviseOverdue(*rt->ctx);
    if (!n) return ReportError(n.error());
    std::cout << "已对 " << *n << " 个逾期事件记录督办 / 督办 recorded on " << *n << " overdue events\n";
    return 0;
}

}  // namespace lianxin::cli
