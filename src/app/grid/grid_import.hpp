// Grid import (issue 17 "Grids": import from GeoJSON and zipped Shapefiles; preview, then commit, as the registry
// imports): the file is read by the GIS port (src/gis: CRS other than WGS-84/CGCS2000 refused naming it, GBK .dbf
// without .cpg decoded), each feature mapped to a grid (core/grid/grid_import: code, name, counts, buildings,
// community), decided against the registry — a new grid, or a redraw (a new effective-dated boundary; history
// kept) and/or an update of an existing one — and checked: the boundary's validity and vertex limit
// (grid.boundary_max_vertices), the code in its community, overlaps and gaps with the neighbours and the size
// rules as warnings. The preview writes nothing; the commit re-reads the same file in one transaction and writes
// all of it or nothing (422 while any feature is an error), audited per grid and once for the file (grid.import).
// org_write on the target org (a community, or an org above communities).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/grid/grid.hpp"
#include "core/grid/grid_import.hpp"

namespace lianxin::app {

struct GridImportInput {
    std::int64_t org_id = 0;
    std::string file_name;
    std::string_view bytes;
    // Field (code, name, households, …) → attribute, as the user chose it in the preview ("" = none); a field
    // absent here is guessed from the attribute names.
    std::map<std::string, std::string> mapping;
    std::string valid_from;  // YYYY-MM-DD of the new boundaries (empty: today), not after today
};

struct GridImportFeature {
    int feature = 0;     // 1-based, in the file's order
    std::string action;  // create | redraw | update | unchanged | error
    core::grid::ImportedAttributes values;
    std::int64_t grid_id = 0;       // the existing grid (redraw, update, unchanged)
    core::org::Org community;       // id 0 when not found
    core::grid::Boundary boundary;  // checked when valid; as read otherwise (for the map)
    double area_m2 = 0;
    std::vector<std::string> changes;  // boundary, name, households, residents, buildings
    std::vector<core::FieldError> errors;
    std::vector<core::org::Warning> warnings;
};

struct GridImportPreview {
    core::org::Org org;
    std::string format, crs, encoding;
    std::vector<std::string> attributes;
    core::grid::ImportMapping mapping;
    core::Date valid_from;
    int create = 0, redraw = 0, update = 0, unchanged = 0, error = 0;
    std::vector<GridImportFeature> features;
    std::vector<core::org::Warning> warnings;  // gaps between a community's grids as they would stand
};

struct GridImportResult {
    core::Date valid_from;
    int create = 0, redraw = 0, update = 0, unchanged = 0;
    std::vector<std::int64_t> grid_ids;  // created or changed, in the file's order
};

core::Result<GridImportPreview> PreviewGridImport(Context& ctx, const core::auth::Actor& actor,
                                                  const GridImportInput& in);
// 422 grid.import.has_errors (fields features[N].<field>) while a feature is an error; 422 import.nothing when
// nothing would change.
core::Result<GridImportResult> CommitGridImport(Context& ctx, const core::auth::Actor& actor,
                                                const GridImportInput& in);

}  // namespace lianxin::app
