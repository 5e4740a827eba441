// Grid boundaries (domain.md §7.1, issue 17 "Grids"): polygons in WGS-84/CGCS2000 longitude/latitude degrees,
// never GCJ-02. Every geometric decision is Boost.Geometry's (geometry.cpp), never hand-written: validity, area
// (geodesic, on the WGS-84 spheroid), overlaps and gaps between grids, point in polygon. The shapes are core/geo's
// plain values (the same the GIS file reader gives), keeping Boost out of the headers; the stored text is WKT
// (`MULTIPOLYGON(((lng lat, …)))`), read and written by Boost.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.hpp"
#include "core/geo/geometry.hpp"
#include "core/org/rules.hpp"

namespace lianxin::core::grid {

using geo::LngLat;
// A MultiPolygon (a Polygon is one of one): the polygons of a geo::Feature as they are. Once checked, every ring
// is closed and oriented as Boost's default (outer clockwise, holes counter-clockwise).
using Boundary = std::vector<geo::Polygon>;

struct BBox {
    double min_lng = 0, min_lat = 0, max_lng = 0, max_lat = 0;
    bool Contains(LngLat p) const {
        return p.lng >= min_lng && p.lng <= max_lng && p.lat >= min_lat && p.lat <= max_lat;
    }
    bool Intersects(const BBox& o) const {
        return min_lng <= o.max_lng && o.min_lng <= max_lng && min_lat <= o.max_lat && o.min_lat <= max_lat;
    }
};

// Every vertex of every ring (geo::VertexCount) is counted before any other work: a million-vertex polygon is
// refused unread.

// The boundary as it will be stored: rings closed and oriented (outer clockwise, Boost's default), and valid.
// Fails with InvalidField("boundary", key, params): grid.boundary.too_many_vertices {count, max},
// grid.boundary.empty, grid.boundary.coordinate {lng, lat}, grid.boundary.self_intersection,
// grid.boundary.too_few_points, grid.boundary.invalid {reason} (Boost's failure text).
Result<Boundary> CheckBoundary(Boundary b, std::size_t max_vertices);

// Geodesic area on the WGS-84 spheroid, m² (holes subtracted).
double AreaM2(const Boundary& b);
BBox BoxOf(const Boundary& b);
// The point lies inside the boundary or on its edge.
bool Covers(const Boundary& b, LngLat p);
// Area shared by two boundaries, m² (0 when they only touch).
double OverlapM2(const Boundary& a, const Boundary& b);

// WKT text with each coordinate written to round-trip exactly; FromWkt reads what ToWkt wrote (and any
// POLYGON / MULTIPOLYGON WKT), failing with InvalidField("boundary", "grid.boundary.invalid").
std::string ToWkt(const Boundary& b);
Result<Boundary> FromWkt(std::string_view wkt);

// The grids of one community with their boundary, for the warnings between them.
struct Placed {
    std::int64_t id = 0;
    std::string code;
    Boundary boundary;
};
// Warnings between a community's grids (domain.md §7.1: grids tile the community; issue 17 "overlaps and gaps
// … (warnings)"): grid.overlap {a, b, area} for each pair sharing more than `min_m2`, grid.gap {area} for each
// hole of their union larger than `min_m2` (land enclosed by grids yet in none). Never a refusal.
std::vector<org::Warning> BetweenGrids(const std::vector<Placed>& grids, double min_m2 = 1.0);

}  // namespace lianxin::core::grid
