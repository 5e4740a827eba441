// The supervision board (督办看板) of a street or a district (docs/api.md "Events": GET /event-board).
#include "app/event/board.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/event_dto.hpp"

namespace lianxin::http::handlers {

namespace {
nlohmann::json Views(const std::vector<app::EventView>& vs, Lang lang) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : vs) out.push_back(EventJson(v, lang, false));
    return out;
}
nlohmann::json Counts(const std::vector<app::BoardCount>& cs) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : cs) out.push_back({{"org_id", c.org_id}, {"org_name", c.org_name}, {"count", c.count}});
    return out;
}
}  // namespace

core::Result<Response> GetEventBoard(Call& call) {
    LX_ASSIGN(org_id, IdParam(call.req, "org_id"));
    if (org_id <= 0) return core::Fail(core::InvalidField("org_id", "field.required"));
    LX_ASSIGN(b, app::SupervisionBoard(call.ctx, call.actor(), org_id));
    const auto lang = call.req.lang;
    nlohmann::json supervised = nlohmann::json::array();
    for (const auto& v : b.supervised) {
        auto j = EventJson(v, lang, false);
        j["supervised_hours"] = v.record.supervised_at ? (b.at - *v.record.supervised_at) / 3'600'000 : 0;
        supervised.push_back(std::move(j));
    }
    nlohmann::json late = nlohmann::json::array();
    for (const auto& l : b.late_whistles)
        late.push_back({{"event", EventJson(l.event, lang, false)},
                        {"whistle_id", l.whistle.id},
                        {"target_name", l.whistle.target_name},
                        {"blown_at", core::FormatInstant(l.whistle.blown_at)},
                        {"report_by", core::FormatInstant(l.whistle.report_by)},
                        {"late_minutes", (b.at - l.whistle.report_by) / 60'000}});
    nlohmann::json marked = nlohmann::json::array();
    for (const auto& v : b.marked) {
        auto j = EventJson(v, lang, false);
        j["mark_kind"] = v.record.event.mark_kind;
        marked.push_back(std::move(j));
    }
    return JsonResponse({{"org", {{"id", b.org.id}, {"name", b.org.name}}},
                         {"at", core::FormatInstant(b.at)},
                         {"overdue", Views(b.overdue, lang)},
                         {"overdue_by_community", Counts(b.by_community)},
                         {"overdue_by_department", Counts(b.by_department)},
                         {"supervised", supervised},
                         {"late_whistles", late},
                         {"marked", marked},
                         {"truncated", b.truncated}});
}

}  // namespace lianxin::http::handlers
