// GIS files through GDAL's OGR (Debian libgdal-dev 3.6): GeoJSON and zipped Shapefiles as GIS offices export
// them, read from memory (/vsimem/, /vsizip/; nothing is written to disk) into core::geo features, and GeoJSON
// written back (issue 17 "Grids"). Uploads are untrusted: sizes are checked before GDAL sees a byte, the
// unzipped sizes before a part is opened, and each feature's vertices as it is read (security.md G1).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.hpp"
#include "core/geo/feature.hpp"
#include "core/ports/gis_files.hpp"

namespace lianxin::gis {

using core::geo::Feature;
using core::geo::FeatureSet;
using core::geo::ReadLimits;

// The features of `bytes`: a GeoJSON file (its text starts with "{") or a zip holding one Shapefile. CRS: only
// WGS-84 (EPSG:4326), CGCS2000 (EPSG:4490) and GeoJSON without "crs" (RFC 7946) are accepted. A Shapefile's
// attributes are decoded by its .cpg, or as GBK (CP936) when it has none. Polygons and MultiPolygons only.
// Errors: core::InvalidField("file", "gis.…", params) — see docs/api-errors.md for each key.
core::Result<FeatureSet> ReadFeatures(std::string_view bytes, std::string_view filename, const ReadLimits& limits = {});

// A GeoJSON FeatureCollection (RFC 7946): attributes as string properties, a feature with one polygon as a
// Polygon and with several as a MultiPolygon, rings by the right-hand rule, coordinates [lng, lat].
std::string WriteGeoJson(const std::vector<Feature>& features);

class GisFiles final : public core::ports::GisFiles {
public:
    core::Result<FeatureSet> Read(std::string_view bytes, std::string_view filename,
                                  const ReadLimits& limits) const override {
        return ReadFeatures(bytes, filename, limits);
    }
    std::string WriteGeoJson(const std::vector<Feature>& features) const override {
        return gis::WriteGeoJson(features);
    }
};

}  // namespace lianxin::gis
