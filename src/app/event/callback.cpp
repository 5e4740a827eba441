// 回访 of hotline events: when it is due (the step itself is core/event/flow.hpp's kCallback, taken by ActOnEvent).
#include "app/event/hotline.hpp"
#include "app/policy/policies.hpp"

namespace lianxin::app {

core::Result<std::optional<std::int64_t>> CallbackDue(core::ports::Tx& tx, const core::event::Event& e,
                                                      const std::vector<core::ports::EventFlowEntry>& flow) {
    namespace ev = core::event;
    if (e.channel != ev::Channel::kHotline12345 && e.channel != ev::Channel::kHotline81890)
        return std::optional<std::int64_t>{};
    std::optional<std::int64_t> handled;
    for (const auto& f : flow)
        if (f.action == "handle") handled = f.at;  // the last 办结 (a reopened event is handled again)
    if (!handled) return std::optional<std::int64_t>{};
    LX_ASSIGN(policies, PoliciesFor(tx, e.org_path));
    const int days = policies.Int(core::policy::kEventCallbackDueDays, core::Date::FromInstant(*handled));
    return std::optional<std::int64_t>{*handled + std::int64_t{days} * 86'400'000};
}

}  // namespace lianxin::app
