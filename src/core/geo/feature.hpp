// The features of a GIS file (a grid office's GeoJSON or zipped Shapefile) as plain values, read by src/gis
// behind core/ports/gis_files.hpp: attributes as UTF-8 text and polygons in WGS-84 / CGCS2000 degrees.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/geo/geometry.hpp"

namespace lianxin::core::geo {

struct Feature {
    // Attribute name -> value as text (UTF-8; numbers as the file writes them, e.g. "420"); a null or unset
    // attribute is absent.
    std::map<std::string, std::string> attributes;
    // A Polygon is one entry, a MultiPolygon several.
    std::vector<Polygon> polygons;
};

struct FeatureSet {
    std::string format;               // "GeoJSON" or "ESRI Shapefile"
    std::string crs;                  // "EPSG:4326" (WGS-84, also a GeoJSON without "crs") or "EPSG:4490" (CGCS2000)
    std::string encoding;             // the attribute table's encoding as read: "UTF-8", or e.g. "CP936" for GBK
    std::vector<std::string> fields;  // attribute names in the file's order
    std::vector<Feature> features;    // in the file's order: features[0] is feature 1 in messages
};

// Limits on one upload (security.md G1); the caller fills them from policy keys (the grid area's).
struct ReadLimits {
    std::size_t max_bytes = std::size_t{20} << 20;            // the uploaded file
    std::size_t max_unzipped_bytes = std::size_t{200} << 20;  // the files inside a zip, together
    std::size_t max_features = 10'000;
    std::size_t max_vertices = 100'000;  // positions of one feature, all its rings together
};

}  // namespace lianxin::core::geo
