// GIS files for the grid import and export (issue 17 "Grids"), behind an interface so that core and app stay
// free of GDAL. Implemented with GDAL's OGR in src/gis (gis::GisFiles).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.hpp"
#include "core/geo/feature.hpp"

namespace lianxin::core::ports {

class GisFiles {
public:
    virtual ~GisFiles() = default;
    // The polygons of an uploaded GeoJSON file or zipped Shapefile (.shp + .shx + .dbf, optional .prj and
    // .cpg); `filename` is the uploaded name (for messages and for telling a lone .shp). Every refusal is
    // kInvalidArgument naming the field "file" (keys "gis.*", see docs/api-errors.md).
    virtual Result<geo::FeatureSet> Read(std::string_view bytes, std::string_view filename,
                                         const geo::ReadLimits& limits) const = 0;
    // A GeoJSON FeatureCollection (RFC 7946: lng/lat, right-hand rule, no "crs").
    virtual std::string WriteGeoJson(const std::vector<geo::Feature>& features) const = 0;
};

}  // namespace lianxin::core::ports
