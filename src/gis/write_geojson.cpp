#include <nlohmann/json.hpp>

#include "gis/gis_files.hpp"

namespace lianxin::gis {

namespace {

nlohmann::json RingJson(const core::geo::Ring& ring) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : ring) out.push_back({p.lng, p.lat});
    return out;
}

nlohmann::json PolygonJson(const core::geo::Polygon& polygon) {
    core::geo::Polygon p = polygon;  // closed first, so that turning a ring keeps its first position
    p.outer = core::geo::Closed(std::move(p.outer));
    for (auto& hole : p.inners) hole = core::geo::Closed(std::move(hole));
    p = core::geo::RightHandRule(std::move(p));
    nlohmann::json rings = nlohmann::json::array({RingJson(p.outer)});
    for (const auto& hole : p.inners) rings.push_back(RingJson(hole));
    return rings;
}

nlohmann::json GeometryJson(const std::vector<core::geo::Polygon>& polygons) {
    if (polygons.empty()) return nullptr;
    if (polygons.size() == 1) return {{"type", "Polygon"}, {"coordinates", PolygonJson(polygons[0])}};
    nlohmann::json parts = nlohmann::json::array();
    for (const auto& p : polygons) parts.push_back(PolygonJson(p));
    return {{"type", "MultiPolygon"}, {"coordinates", parts}};
}

}  // namespace

std::string WriteGeoJson(const std::vector<Feature>& features) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& f : features) {
        nlohmann::json properties = nlohmann::json::object();
        for (const auto& [name, value] : f.attributes) properties[name] = value;
        list.push_back({{"type", "Feature"}, {"properties", properties}, {"geometry", GeometryJson(f.polygons)}});
    }
    nlohmann::json collection{{"type", "FeatureCollection"}, {"features", list}};
    // Attribute text is UTF-8 (ReadFeatures makes it so); a stray byte becomes U+FFFD rather than an exception.
    return collection.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace lianxin::gis
