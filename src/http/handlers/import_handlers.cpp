// Member import and export (docs/api.md "Import and export"). The import routes take the file itself as the
// body (application/octet-stream); the export and the template answer with a file.
#include "app/member/export.hpp"
#include "app/member/import.hpp"
#include "core/member/import_sheet.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/messages.hpp"

namespace lianxin::http::handlers {

core::Result<app::MemberListInput> MemberFilters(const Request& req);  // member_handlers.cpp

namespace {

nlohmann::json Problems(const std::vector<core::FieldError>& list, Lang lang) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : list)
        out.push_back({{"field", e.field},
                       {"column", core::member::ColumnName(e.field)},
                       {"message", Translate(lang, e.message_key, e.params, e.field)}});
    return out;
}

nlohmann::json CountsJson(const core::ports::ImportCounts& c) {
    return {{"create", c.create}, {"update", c.update}, {"unchanged", c.unchanged}, {"error", c.error}};
}

nlohmann::json RowsJson(const std::vector<app::ImportRowView>& list, Lang lang) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : list)
        rows.push_back({{"row", r.row},
                        {"action", r.action},
                        {"name", r.name},
                        {"id_number", r.id_number},
                        {"org_name", r.org_name},
                        {"changes", r.changes},
                        {"errors", Problems(r.errors, lang)},
                        {"notes", Problems(r.notes, lang)}});
    return rows;
}

nlohmann::json PreviewJson(const app::ImportPreview& p, Lang lang) {
    nlohmann::json columns = nlohmann::json::array();
    for (const auto& c : p.columns) columns.push_back({{"header", c.header}, {"field", c.field}});
    const auto rows = RowsJson(p.rows, lang);
    return {{"org", {{"id", p.org.id}, {"name", p.org.name}}},
            {"header_row", p.header_row},
            {"columns", columns},
            {"ignored_columns", p.ignored},
            {"counts", CountsJson(p.counts)},
            {"rows", rows}};
}

}  // namespace

nlohmann::json ImportJson(const app::ImportSummary& s) {
    const auto& r = s.record;
    return {{"id", r.id},
            {"org", {{"id", r.org_id}, {"name", r.org_name}}},
            {"file_name", r.file_name},
            {"by", r.created_by_name},
            {"at", r.created_at},
            {"counts", CountsJson(r.counts)},
            {"kind", r.kind},
            {"state", r.undone ? "undone" : "committed"},
            {"undo_until", s.undo_until},
            {"can_undo", s.can_undo}};
}

core::Result<app::ImportInput> ImportParams(const Request& req) {
    LX_ASSIGN(org_id, IdParam(req, "org_id"));
    if (org_id == 0) return core::Fail(core::InvalidField("org_id", "json.required"));
    LX_ASSIGN(file_name, TextParam(req, "file_name", 600));
    return app::ImportInput{org_id, file_name, req.body};
}

core::Result<bool> FormatParam(const Request& req) {
    LX_ASSIGN(format, TextParam(req, "format", 8));
    if (format != "" && format != "xlsx" && format != "csv")
        return core::Fail(core::InvalidField("format", "query.invalid"));
    return format != "csv";
}

namespace {
// RFC 5987: the UTF-8 file name percent-encoded, with an ASCII fallback.
std::string Disposition(const std::string& file_name, bool xlsx) {
    static const char* kHex = "0123456789ABCDEF";
    std::string encoded;
    for (unsigned char c : file_name) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_') encoded += static_cast<char>(c);
        else encoded += std::string("%") + kHex[c >> 4] + kHex[c & 15];
    }
    return std::string("attachment; filename=\"members.") + (xlsx ? "xlsx" : "csv") + "\"; filename*=UTF-8''" + encoded;
}
}  // namespace

Response FileResponse(std::string bytes, const std::string& file_name, bool xlsx) {
    Response r;
    r.content_type = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                          : "text/csv; charset=utf-8";
    r.body = std::move(bytes);
    r.Header("Content-Disposition", Disposition(file_name, xlsx));
    return r;
}

core::Result<Response> PreviewImport(Call& call) {
    LX_ASSIGN(in, ImportParams(call.req));
    LX_ASSIGN(preview, app::PreviewImport(call.ctx, call.actor(), in));
    return JsonResponse(PreviewJson(preview, call.req.lang));
}

core::Result<Response> CommitImport(Call& call) {
    LX_ASSIGN(in, ImportParams(call.req));
    LX_ASSIGN(done, app::CommitImport(call.ctx, call.actor(), in));
    auto out = ImportJson(done);
    out["conflicts"] = RowsJson(done.conflicts, call.req.lang);  // registered where the preview could not say
    return JsonResponse(out, 201);
}

core::Result<Response> ListImports(Call& call) {
    LX_ASSIGN(org_id, IdParam(call.req, "org_id"));
    LX_ASSIGN(list, app::ListImports(call.ctx, call.actor(), org_id));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& s : list) items.push_back(ImportJson(s));
    return JsonResponse({{"items", items}});
}

core::Result<Response> UndoImport(Call& call) {
    LX_ASSIGN(done, app::UndoImport(call.ctx, call.actor(), PathId(call.req, "id")));
    return JsonResponse(ImportJson(done));
}

core::Result<Response> ImportTemplate(Call& call) {
    LX_ASSIGN(xlsx, FormatParam(call.req));
    LX_ASSIGN(bytes, app::ImportTemplate(call.ctx, xlsx));
    return FileResponse(std::move(bytes), std::string("党员信息导入模板") + (xlsx ? ".xlsx" : ".csv"), xlsx);
}

core::Result<Response> ExportMembers(Call& call) {
    LX_ASSIGN(filters, MemberFilters(call.req));
    LX_ASSIGN(xlsx, FormatParam(call.req));
    LX_ASSIGN(full, TextParam(call.req, "full", 8));
    if (full != "" && full != "true" && full != "false") return core::Fail(core::InvalidField("full", "query.invalid"));
    LX_ASSIGN(reason, TextParam(call.req, "reason", 400));
    LX_ASSIGN(file, app::ExportMembers(call.ctx, call.actor(), {filters, full == "true", xlsx, reason}));
    Response r = FileResponse(std::move(file.bytes), file.file_name, xlsx);
    r.audit = std::move(file.audit);
    return r;
}

}  // namespace lianxin::http::handlers
