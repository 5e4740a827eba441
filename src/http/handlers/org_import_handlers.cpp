// Org import (docs/api.md "Import and export"): preview, commit, the list of org imports and the template. Undo is
// the imports' one route (POST /imports/{id}/undo), which tells the two kinds apart.
#include "app/org/org_import.hpp"
#include "core/org/org_sheet.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/messages.hpp"

namespace lianxin::http::handlers {

// Shared with the member import handlers (import_handlers.cpp).
core::Result<app::ImportInput> ImportParams(const Request& req);
nlohmann::json ImportJson(const app::ImportSummary& s);
core::Result<bool> FormatParam(const Request& req);
Response FileResponse(std::string bytes, const std::string& file_name, bool xlsx);

namespace {

std::string OrgColumnName(const std::string& field) {
    for (const auto& c : core::org::OrgColumns())
        if (field == c.field) return c.name;
    return field;
}

nlohmann::json PreviewJson(const app::OrgImportPreview& p, Lang lang) {
    nlohmann::json columns = nlohmann::json::array(), rows = nlohmann::json::array();
    for (const auto& c : p.columns) columns.push_back({{"header", c.header}, {"field", c.field}});
    for (const auto& r : p.rows) {
        nlohmann::json errors = nlohmann::json::array();
        for (const auto& e : r.errors)
            errors.push_back({{"field", e.field},
                              {"column", OrgColumnName(e.field)},
                              {"message", Translate(lang, e.message_key, e.params, e.field)}});
        rows.push_back({{"row", r.row},
                        {"action", r.action},
                        {"name", r.name},
                        {"org_type", r.type},
                        {"parent_name", r.parent_name},
                        {"errors", errors}});
    }
    return {
        {"org", {{"id", p.org.id}, {"name", p.org.name}}},
        {"header_row", p.header_row},
        {"columns", columns},
        {"ignored_columns", p.ignored},
        {"counts",
         {{"create", p.counts.create}, {"update", 0}, {"unchanged", p.counts.unchanged}, {"error", p.counts.error}}},
        {"rows", rows}};
}

}  // namespace

core::Result<Response> PreviewOrgImport(Call& call) {
    LX_ASSIGN(in, ImportParams(call.req));
    LX_ASSIGN(preview, app::PreviewOrgImport(call.ctx, call.actor(), in));
    return JsonResponse(PreviewJson(preview, call.req.lang));
}

core::Result<Response> CommitOrgImport(Call& call) {
    LX_ASSIGN(in, ImportParams(call.req));
    LX_ASSIGN(done, app::CommitOrgImport(call.ctx, call.actor(), in));
    return JsonResponse(ImportJson(done), 201);
}

core::Result<Response> ListOrgImports(Call& call) {
    LX_ASSIGN(org_id, IdParam(call.req, "org_id"));
    LX_ASSIGN(list, app::ListOrgImports(call.ctx, call.actor(), org_id));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& s : list) items.push_back(ImportJson(s));
    return JsonResponse({{"items", items}});
}

core::Result<Response> OrgImportTemplate(Call& call) {
    LX_ASSIGN(xlsx, FormatParam(call.req));
    LX_ASSIGN(bytes, app::OrgImportTemplate(call.ctx, xlsx));
    return FileResponse(std::move(bytes), std::string("党组织导入模板") + (xlsx ? ".xlsx" : ".csv"), xlsx);
}

}  // namespace lianxin::http::handlers
