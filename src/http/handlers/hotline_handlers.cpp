// The hotline work-order import (docs/api.md "Hotline work orders"): preview, commit and the template. The file is
// the body itself (application/octet-stream), as for the registry's imports; org_id, channel and file_name are
// query parameters.
#include "app/event/hotline.hpp"
#include "core/event/hotline_sheet.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/messages.hpp"

namespace lianxin::http::handlers {

// Shared with the member import handlers (import_handlers.cpp).
core::Result<bool> FormatParam(const Request& req);
Response FileResponse(std::string bytes, const std::string& file_name, bool xlsx);

namespace {

core::Result<app::HotlineImportInput> Params(const Request& req) {
    LX_ASSIGN(org_id, IdParam(req, "org_id"));
    if (org_id == 0) return core::Fail(core::InvalidField("org_id", "json.required"));
    LX_ASSIGN(channel, TextParam(req, "channel", 32));
    LX_ASSIGN(file_name, TextParam(req, "file_name", 600));
    return app::HotlineImportInput{org_id, channel, file_name, req.body};
}

nlohmann::json Issues(const std::vector<core::FieldError>& list, Lang lang) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : list)
        out.push_back({{"field", e.field},
                       {"column", core::event::HotlineColumnName(e.field)},
                       {"message", Translate(lang, e.message_key, e.params, e.field)}});
    return out;
}

nlohmann::json PreviewJson(const app::HotlinePreview& p, Lang lang) {
    nlohmann::json columns = nlohmann::json::array(), rows = nlohmann::json::array();
    for (const auto& c : p.columns) columns.push_back({{"header", c.header}, {"field", c.field}});
    for (const auto& r : p.rows)
        rows.push_back({{"row", r.row},
                        {"action", r.action},
                        {"external_ref", r.external_ref},
                        {"category_code", r.category_code},
                        {"category_text", r.category_text},
                        {"reported_at", r.reported_at},
                        {"handle_by", r.handle_by},
                        {"description", r.description},
                        {"event_id", r.event_id ? nlohmann::json(r.event_id) : nlohmann::json(nullptr)},
                        {"errors", Issues(r.errors, lang)},
                        {"notes", Issues(r.notes, lang)}});
    return {{"org", {{"id", p.org.id}, {"name", p.org.name}}},
            {"channel", p.channel},
            {"header_row", p.header_row},
            {"columns", columns},
            {"ignored_columns", p.ignored},
            {"counts", {{"create", p.counts.create}, {"skip", p.counts.skip}, {"error", p.counts.error}}},
            {"rows", rows}};
}

}  // namespace

core::Result<Response> PreviewHotlineImport(Call& call) {
    LX_ASSIGN(in, Params(call.req));
    LX_ASSIGN(preview, app::PreviewHotlineImport(call.ctx, call.actor(), in));
    return JsonResponse(PreviewJson(preview, call.req.lang));
}

core::Result<Response> CommitHotlineImport(Call& call) {
    LX_ASSIGN(in, Params(call.req));
    LX_ASSIGN(done, app::CommitHotlineImport(call.ctx, call.actor(), in));
    // 201 when events were registered; 200 when the file had nothing new (a re-run changes nothing).
    return JsonResponse(PreviewJson(done, call.req.lang), done.counts.create > 0 ? 201 : 200);
}

core::Result<Response> HotlineImportTemplate(Call& call) {
    LX_ASSIGN(xlsx, FormatParam(call.req));
    LX_ASSIGN(bytes, app::HotlineImportTemplate(call.ctx, xlsx));
    return FileResponse(std::move(bytes), std::string("热线工单导入模板") + (xlsx ? ".xlsx" : ".csv"), xlsx);
}

}  // namespace lianxin::http::handlers
