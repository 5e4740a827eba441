// Plain geographic shapes, the one shape of a polygon in lianxin: the GIS file reader (src/gis), the grid rules
// and storage (core/grid's Boundary is a vector of these), the GeoJSON of the API (http/json/geojson) and the
// grid import all use them. A coordinate is WGS-84 / CGCS2000 longitude and latitude in degrees (issue 17:
// nothing is stored in GCJ-02). Pure values; validity, area and point-in-polygon are Boost.Geometry's work in
// core/grid.
#pragma once

#include <cstddef>
#include <vector>

namespace lianxin::core::geo {

struct LngLat {
    double lng = 0;  // degrees east, -180..180
    double lat = 0;  // degrees north, -90..90
    friend bool operator==(const LngLat&, const LngLat&) = default;
};

// A linear ring as GeoJSON (RFC 7946 §3.1.6) and Shapefile hold it: closed (the last position equals the
// first), at least 4 positions.
using Ring = std::vector<LngLat>;

// One polygon: its outer ring and its holes. As read by src/gis, the outer ring runs counter-clockwise and the
// holes clockwise (RFC 7946's right-hand rule; Boost.Geometry's default polygon is the other way round, so
// core/grid says which order it uses).
struct Polygon {
    Ring outer;
    std::vector<Ring> inners;
    friend bool operator==(const Polygon&, const Polygon&) = default;
};

// Twice the signed area of the ring in square degrees by the shoelace formula: > 0 counter-clockwise, < 0
// clockwise (lng to the right, lat up). Only the sign is meant for use; areas on the ground are core/grid's.
double SignedArea2(const Ring& ring);

// The ring closed (the first position appended when the last differs from it).
Ring Closed(Ring ring);

// The polygon with its outer ring counter-clockwise and its holes clockwise (RFC 7946 §3.1.6).
Polygon RightHandRule(Polygon polygon);

// All positions of all rings of the polygons.
std::size_t VertexCount(const std::vector<Polygon>& polygons);

}  // namespace lianxin::core::geo
