// Reading grids out of a GIS file's features (issue 17 "Grids": import from GeoJSON and zipped Shapefiles): which
// attribute holds the grid code, the name, the households and residents counts, the buildings and the community
// — guessed from the names GIS offices use (网格编码, GRID_CODE, code, 网格名称, NAME, …) or chosen by the user in
// the preview — and each feature's values read by that mapping. Pure: the file is read by src/gis, the grids are
// decided against the registry in app/grid/grid_import.
#pragma once

#include <string>
#include <vector>

#include "core/common/error.hpp"
#include "core/geo/feature.hpp"

namespace lianxin::core::grid {

// Attribute names (as the file spells them) for each grid field; "" = not in the file.
struct ImportMapping {
    std::string code, name, households, residents, buildings, community;
    bool operator==(const ImportMapping&) const = default;
};

// The wire names of the mapped fields, in ImportMapping's order: code, name, households, residents, buildings,
// community.
const std::vector<std::string>& ImportFieldNames();
// The attribute named for `field` (one of ImportFieldNames()); nullptr for an unknown field.
std::string* MappedAttribute(ImportMapping& m, const std::string& field);

// For each field, the first of the file's attributes (in the file's order) whose name is one of the field's
// common names, compared without case, spaces, '_' and '-'. An attribute serves one field only.
ImportMapping GuessMapping(const std::vector<std::string>& attributes);

// Field errors of a mapping against the file's attributes: "mapping.<field>" grid.import.mapping_unknown
// {name} for a name the file lacks, grid.import.mapping_required for code and name unmapped,
// grid.import.mapping_repeated {name} for an attribute mapped twice.
void CheckMapping(const ImportMapping& m, const std::vector<std::string>& attributes, Error& errors);

// One feature's grid attributes as the mapping reads them.
struct ImportedAttributes {
    std::string code;  // digits; a numeric attribute written "370102013006008.0" reads as its digits
    std::string name;
    int households = 0, residents = 0;
    bool has_households = false, has_residents = false, has_buildings = false;
    std::vector<std::string> buildings;  // split at 、,，;；/ and line breaks, blanks dropped
    std::string community;               // a community's name, when mapped
    std::vector<FieldError> errors;      // code, name, households, residents (counts 0–100000 / 0–1000000)
};
ImportedAttributes ReadAttributes(const geo::Feature& f, const ImportMapping& m);

}  // namespace lianxin::core::grid
