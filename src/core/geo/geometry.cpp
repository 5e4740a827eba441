#include "core/geo/geometry.hpp"

#include <algorithm>

namespace lianxin::core::geo {

double SignedArea2(const Ring& ring) {
    double sum = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        sum += ring[i].lng * ring[i + 1].lat - ring[i + 1].lng * ring[i].lat;
    if (!ring.empty() && !(ring.front() == ring.back()))  // an open ring: its closing edge too
        sum += ring.back().lng * ring.front().lat - ring.front().lng * ring.back().lat;
    return sum;
}

Ring Closed(Ring ring) {
    if (!ring.empty() && !(ring.front() == ring.back())) ring.push_back(ring.front());
    return ring;
}

Polygon RightHandRule(Polygon polygon) {
    if (SignedArea2(polygon.outer) < 0) std::reverse(polygon.outer.begin(), polygon.outer.end());
    for (auto& hole : polygon.inners)
        if (SignedArea2(hole) > 0) std::reverse(hole.begin(), hole.end());
    return polygon;
}

std::size_t VertexCount(const std::vector<Polygon>& polygons) {
    std::size_t n = 0;
    for (const auto& p : polygons) {
        n += p.outer.size();
        for (const auto& hole : p.inners) n += hole.size();
    }
    return n;
}

}  // namespace lianxin::core::geo
