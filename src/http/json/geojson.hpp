// GeoJSON geometries of grid boundaries (RFC 7946; issue 17): the page pastes or draws a Polygon or MultiPolygon
// (or a Feature holding one) in WGS-84 longitude/latitude; the export writes a FeatureCollection. Only the shape
// is read here; whether the polygon is valid is core::grid::CheckBoundary's decision.
#pragma once

#include <nlohmann/json.hpp>

#include "core/common/result.hpp"
#include "core/grid/geometry.hpp"

namespace lianxin::http {

// Errors name `field` (grid.geojson.type, grid.geojson.coordinates, grid.geojson.crs).
core::Result<core::grid::Boundary> ReadGeometry(const nlohmann::json& j, const std::string& field = "boundary");
// A Polygon when there is one part, else a MultiPolygon; outer rings counter-clockwise (RFC 7946 §3.1.6).
nlohmann::json GeometryJson(const core::grid::Boundary& b);

}  // namespace lianxin::http
