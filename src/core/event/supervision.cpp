#include "core/event/supervision.hpp"

#include <algorithm>
#include <charconv>

namespace lianxin::core::event {

bool ClockRuns(const Event& e) {
    switch (e.state) {
        case EventState::kDispatched:
        case EventState::kInProgress:
        case EventState::kReturned:
        case EventState::kExtensionRequested:
            return e.handle_by.has_value();
        default:
            return false;
    }
}

bool Overdue(const Event& e, std::int64_t now) { return ClockRuns(e) && *e.handle_by <= now; }

bool DueSoon(const Event& e, std::int64_t now, std::int64_t window_millis) {
    return ClockRuns(e) && *e.handle_by > now && *e.handle_by - now <= window_millis;
}

bool NeedsSupervision(const Event& e, std::int64_t now, std::span<const std::int64_t> supervised_deadlines) {
    if (!Overdue(e, now) || e.assignee_org_path.empty()) return false;
    return std::find(supervised_deadlines.begin(), supervised_deadlines.end(), *e.handle_by) ==
           supervised_deadlines.end();
}

std::string LevelAbovePath(const Event& e) {
    const auto& path = e.assignee_org_path;
    if (path.size() < 2) return "";
    const auto cut = path.find_last_of('/', path.size() - 2);
    if (cut == 0 || cut == std::string::npos) return e.owner_org_path;
    return path.substr(0, cut + 1);
}

std::int64_t OrgIdOfPath(const std::string& path) {
    if (path.size() < 3 || path.back() != '/') return 0;
    const auto cut = path.find_last_of('/', path.size() - 2);
    if (cut == std::string::npos) return 0;
    std::int64_t id = 0;
    const char* first = path.data() + cut + 1;
    const char* last = path.data() + path.size() - 1;
    auto [ptr, ec] = std::from_chars(first, last, id);
    return ec == std::errc{} && ptr == last ? id : 0;
}

}  // namespace lianxin::core::event
