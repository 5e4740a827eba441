// Grid import (docs/api.md "Grids"): the preview and the commit of a GeoJSON file or zipped Shapefile sent as
// the body (application/octet-stream), as the registry imports take theirs. The query names the target org, the
// file, the effective date of the new boundaries and, for each field the user mapped in the preview, its
// attribute (?map_code=网格编码&map_households=…; an empty value maps nothing).
#include <cmath>

#include "app/grid/grid_import.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/geojson.hpp"
#include "http/messages.hpp"

namespace lianxin::http::handlers {

namespace {

core::Result<app::GridImportInput> GridImportParams(const Request& req) {
    app::GridImportInput in;
    LX_ASSIGN(org_id, IdParam(req, "org_id"));
    if (org_id == 0) return core::Fail(core::InvalidField("org_id", "json.required"));
    LX_ASSIGN(file_name, TextParam(req, "file_name", 600));
    LX_ASSIGN(valid_from, TextParam(req, "valid_from", 16));
    in.org_id = org_id;
    in.file_name = file_name;
    in.valid_from = valid_from;
    in.bytes = req.body;
    for (const auto& field : core::grid::ImportFieldNames()) {
        const std::string name = "map_" + field;
        if (req.query.find(name) == req.query.end()) continue;
        LX_ASSIGN(attribute, TextParam(req, name, 200));
        in.mapping[field] = attribute;
    }
    return in;
}

nlohmann::json Problems(const std::vector<core::FieldError>& list, Lang lang) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : list)
        out.push_back({{"field", e.field},
                       {"key", e.message_key},
                       {"message", Translate(lang, e.message_key, e.params, e.field)}});
    return out;
}

nlohmann::json OrNull(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

nlohmann::json PreviewJson(const app::GridImportPreview& p, Lang lang) {
    nlohmann::json mapping = nlohmann::json::object();
    auto m = p.mapping;
    for (const auto& field : core::grid::ImportFieldNames())
        mapping[field] = OrNull(*core::grid::MappedAttribute(m, field));
    nlohmann::json features = nlohmann::json::array();
    for (const auto& f : p.features) {
        const auto& v = f.values;
        nlohmann::json geometry = nullptr;
        if (!f.boundary.empty() && !f.boundary[0].outer.empty()) geometry = GeometryJson(f.boundary);
        features.push_back(
            {{"feature", f.feature},
             {"action", f.action},
             {"code", v.code},
             {"name", v.name},
             {"households", v.has_households ? nlohmann::json(v.households) : nlohmann::json(nullptr)},
             {"residents", v.has_residents ? nlohmann::json(v.residents) : nlohmann::json(nullptr)},
             {"buildings", v.buildings},
             {"grid_id", f.grid_id ? nlohmann::json(f.grid_id) : nlohmann::json(nullptr)},
             {"community", f.community.id ? nlohmann::json({{"id", f.community.id}, {"name", f.community.name}})
                                          : nlohmann::json(nullptr)},
             {"geometry", geometry},
             {"area_m2", static_cast<std::int64_t>(std::llround(f.area_m2))},
             {"changes", f.changes},
             {"errors", Problems(f.errors, lang)},
             {"warnings", WarningsJson(f.warnings, lang)}});
    }
    return {{"org", {{"id", p.org.id}, {"name", p.org.name}}},
            {"format", p.format},
            {"crs", p.crs},
            {"encoding", p.encoding},
            {"attributes", p.attributes},
            {"mapping", mapping},
            {"valid_from", p.valid_from.ToString()},
            {"counts",
             {{"create", p.create},
              {"redraw", p.redraw},
              {"update", p.update},
              {"unchanged", p.unchanged},
              {"error", p.error}}},
            {"features", features},
            {"warnings", WarningsJson(p.warnings, lang)}};
}

}  // namespace

core::Result<Response> PreviewGridImport(Call& call) {
    LX_ASSIGN(in, GridImportParams(call.req));
    LX_ASSIGN(preview, app::PreviewGridImport(call.ctx, call.actor(), in));
    return JsonResponse(PreviewJson(preview, call.req.lang));
}

core::Result<Response> CommitGridImport(Call& call) {
    LX_ASSIGN(in, GridImportParams(call.req));
    LX_ASSIGN(done, app::CommitGridImport(call.ctx, call.actor(), in));
    return JsonResponse(
        {{"valid_from", done.valid_from.ToString()},
         {"counts",
          {{"create", done.create}, {"redraw", done.redraw}, {"update", done.update}, {"unchanged", done.unchanged}}},
         {"grid_ids", done.grid_ids}},
        201);
}

}  // namespace lianxin::http::handlers
