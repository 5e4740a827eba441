#include "http/json/geojson.hpp"

#include <algorithm>
#include <cmath>

namespace lianxin::http {

namespace {

core::Error Bad(const std::string& field, const std::string& key) { return core::InvalidField(field, key); }

// A position [lng, lat] or [lng, lat, altitude] (the altitude is dropped).
bool ReadPosition(const nlohmann::json& p, core::geo::LngLat& out) {
    if (!p.is_array() || p.size() < 2 || p.size() > 3) return false;
    for (const auto& c : p)
        if (!c.is_number()) return false;
    out = {p[0].get<double>(), p[1].get<double>()};
    return std::isfinite(out.lng) && std::isfinite(out.lat);
}

bool ReadPolygon(const nlohmann::json& rings, core::geo::Polygon& out) {
    if (!rings.is_array() || rings.empty()) return false;
    for (std::size_t i = 0; i < rings.size(); ++i) {
        const auto& r = rings[i];
        if (!r.is_array()) return false;
        core::geo::Ring ring;
        ring.reserve(r.size());
        for (const auto& p : r) {
            core::geo::LngLat v;
            if (!ReadPosition(p, v)) return false;
            ring.push_back(v);
        }
        if (i == 0) out.outer = std::move(ring);
        else out.inners.push_back(std::move(ring));
    }
    return true;
}

// RFC 7946 has no "crs" member; older files name one. Only WGS-84 (and CGCS2000, which equals it at map scale)
// is accepted: anything else would place the grid hundreds of metres or kilometres away.
bool KnownCrs(const nlohmann::json& crs) {
    if (!crs.is_object()) return false;
    auto props = crs.find("properties");
    if (props == crs.end() || !props->is_object()) return false;
    auto name = props->find("name");
    if (name == props->end() || !name->is_string()) return false;
    const auto n = name->get<std::string>();
    for (const char* ok : {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "urn:ogc:def:crs:EPSG::4326",
                           "EPSG:4326", "urn:ogc:def:crs:EPSG::4490", "EPSG:4490"})
        if (n == ok) return true;
    return false;
}

nlohmann::json Ring(const core::geo::Ring& ring) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : ring) out.push_back({v.lng, v.lat});
    return out;
}

// Boost keeps outer rings clockwise and holes counter-clockwise; GeoJSON the other way round (RFC 7946 §3.1.6).
nlohmann::json PolygonJson(const core::geo::Polygon& polygon) {
    const auto p = core::geo::RightHandRule(polygon);
    nlohmann::json out = nlohmann::json::array({Ring(p.outer)});
    for (const auto& hole : p.inners) out.push_back(Ring(hole));
    return out;
}

}  // namespace

core::Result<core::grid::Boundary> ReadGeometry(const nlohmann::json& j, const std::string& field) {
    if (!j.is_object()) return core::Fail(Bad(field, "grid.geojson.type"));
    if (auto crs = j.find("crs"); crs != j.end() && !crs->is_null() && !KnownCrs(*crs))
        return core::Fail(Bad(field, "grid.geojson.crs"));
    auto type = j.find("type");
    if (type == j.end() || !type->is_string()) return core::Fail(Bad(field, "grid.geojson.type"));
    const auto t = type->get<std::string>();
    if (t == "Feature") {
        auto g = j.find("geometry");
        if (g == j.end()) return core::Fail(Bad(field, "grid.geojson.type"));
        return ReadGeometry(*g, field);
    }
    auto coords = j.find("coordinates");
    if (coords == j.end() || !coords->is_array()) return core::Fail(Bad(field, "grid.geojson.coordinates"));
    core::grid::Boundary b;
    if (t == "Polygon") {
        core::geo::Polygon p;
        if (!ReadPolygon(*coords, p)) return core::Fail(Bad(field, "grid.geojson.coordinates"));
        b.push_back(std::move(p));
    } else if (t == "MultiPolygon") {
        for (const auto& part : *coords) {
            core::geo::Polygon p;
            if (!ReadPolygon(part, p)) return core::Fail(Bad(field, "grid.geojson.coordinates"));
            b.push_back(std::move(p));
        }
        if (b.empty()) return core::Fail(Bad(field, "grid.geojson.coordinates"));
    } else {
        return core::Fail(Bad(field, "grid.geojson.type"));
    }
    return b;
}

nlohmann::json GeometryJson(const core::grid::Boundary& b) {
    if (b.size() == 1) return {{"type", "Polygon"}, {"coordinates", PolygonJson(b[0])}};
    nlohmann::json parts = nlohmann::json::array();
    for (const auto& p : b) parts.push_back(PolygonJson(p));
    return {{"type", "MultiPolygon"}, {"coordinates", parts}};
}

}  // namespace lianxin::http
