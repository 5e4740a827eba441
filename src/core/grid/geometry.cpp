#include "core/grid/geometry.hpp"

// GCC 12 reports a maybe-uninitialized point inside Boost's overlay (sort_by_side.hpp), a known false positive
// of its inliner; the warning is silenced for this file's Boost code only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/geometry.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <charconv>
#include <cmath>

namespace lianxin::core::grid {

namespace bg = boost::geometry;

namespace {

// Topology (validity, overlay, containment) on the plane of lng/lat degrees: at a community's scale the
// edges are short and the plane decides the same; area is measured on the spheroid (GeoPolygon below).
using Pt = bg::model::d2::point_xy<double>;
using Poly = bg::model::polygon<Pt>;  // clockwise, closed
using Multi = bg::model::multi_polygon<Poly>;
using GeoPt = bg::model::point<double, 2, bg::cs::geographic<bg::degree>>;
using GeoPoly = bg::model::polygon<GeoPt>;

Multi ToBoost(const Boundary& b) {
    Multi m;
    for (const auto& polygon : b) {
        Poly p;
        for (const auto& v : polygon.outer) p.outer().push_back(Pt(v.lng, v.lat));
        for (const auto& inner : polygon.inners) {
            auto& ring = p.inners().emplace_back();
            for (const auto& v : inner) ring.push_back(Pt(v.lng, v.lat));
        }
        m.push_back(std::move(p));
    }
    return m;
}

geo::Ring FromRing(const bg::model::ring<Pt>& ring) {
    geo::Ring out;
    out.reserve(ring.size());
    for (const auto& v : ring) out.push_back({v.x(), v.y()});
    return out;
}

Boundary FromBoost(const Multi& m) {
    Boundary b;
    for (const auto& p : m) {
        geo::Polygon polygon{FromRing(p.outer()), {}};
        for (const auto& inner : p.inners()) polygon.inners.push_back(FromRing(inner));
        b.push_back(std::move(polygon));
    }
    return b;
}

double GeoArea(const Poly& p) {
    GeoPoly g;
    for (const auto& v : p.outer()) g.outer().push_back(GeoPt(v.x(), v.y()));
    for (const auto& inner : p.inners()) {
        auto& ring = g.inners().emplace_back();
        for (const auto& v : inner) ring.push_back(GeoPt(v.x(), v.y()));
    }
    return std::abs(bg::area(g, bg::strategy::area::geographic<>()));
}

double GeoArea(const Multi& m) {
    double sum = 0;
    for (const auto& p : m) sum += GeoArea(p);
    return sum;
}

Error BoundaryError(std::string key, std::map<std::string, std::string> params = {}) {
    return InvalidField("boundary", std::move(key), std::move(params));
}

std::string Number(double v) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc{} ? std::string(buf, end) : "0";
}

}  // namespace

Result<Boundary> CheckBoundary(Boundary b, std::size_t max_vertices) {
    const auto count = geo::VertexCount(b);
    if (count > max_vertices)
        return Fail(BoundaryError("grid.boundary.too_many_vertices",
                                  {{"count", std::to_string(count)}, {"max", std::to_string(max_vertices)}}));
    if (b.empty()) return Fail(BoundaryError("grid.boundary.empty"));
    for (auto& polygon : b) {
        if (polygon.outer.empty()) return Fail(BoundaryError("grid.boundary.empty"));
        std::vector<geo::Ring*> rings{&polygon.outer};
        for (auto& inner : polygon.inners) rings.push_back(&inner);
        for (auto* r : rings) {
            auto& ring = *r;
            for (const auto& v : ring)
                if (!std::isfinite(v.lng) || !std::isfinite(v.lat) || v.lng < -180 || v.lng > 180 || v.lat < -90 ||
                    v.lat > 90)
                    return Fail(
                        BoundaryError("grid.boundary.coordinate", {{"lng", Number(v.lng)}, {"lat", Number(v.lat)}}));
            if (!ring.empty() && !(ring.front() == ring.back())) ring.push_back(ring.front());
            if (ring.size() < 4) return Fail(BoundaryError("grid.boundary.too_few_points"));
        }
    }
    Multi m = ToBoost(b);
    bg::correct(m);
    bg::validity_failure_type failure{};
    if (!bg::is_valid(m, failure)) {
        if (failure == bg::failure_self_intersections) return Fail(BoundaryError("grid.boundary.self_intersection"));
        if (failure == bg::failure_few_points) return Fail(BoundaryError("grid.boundary.too_few_points"));
        std::string reason;
        (void)bg::is_valid(m, reason);  // the same check again, for Boost's own words on the failure
        return Fail(BoundaryError("grid.boundary.invalid", {{"reason", reason}}));
    }
    return FromBoost(m);
}

double AreaM2(const Boundary& b) { return GeoArea(ToBoost(b)); }

BBox BoxOf(const Boundary& b) {
    const auto box = bg::return_envelope<bg::model::box<Pt>>(ToBoost(b));
    return {box.min_corner().x(), box.min_corner().y(), box.max_corner().x(), box.max_corner().y()};
}

bool Covers(const Boundary& b, LngLat p) { return bg::covered_by(Pt(p.lng, p.lat), ToBoost(b)); }

double OverlapM2(const Boundary& a, const Boundary& b) {
    Multi shared;
    bg::intersection(ToBoost(a), ToBoost(b), shared);
    return GeoArea(shared);
}

std::string ToWkt(const Boundary& b) {
    std::string out = "MULTIPOLYGON(";
    for (std::size_t p = 0; p < b.size(); ++p) {
        out += p ? ",(" : "(";
        std::vector<const geo::Ring*> rings{&b[p].outer};
        for (const auto& inner : b[p].inners) rings.push_back(&inner);
        for (std::size_t r = 0; r < rings.size(); ++r) {
            out += r ? ",(" : "(";
            const auto& ring = *rings[r];
            for (std::size_t i = 0; i < ring.size(); ++i)
                out += (i ? "," : "") + Number(ring[i].lng) + " " + Number(ring[i].lat);
            out += ")";
        }
        out += ")";
    }
    return out + ")";
}

Result<Boundary> FromWkt(std::string_view wkt) {
    try {
        Multi m;
        if (wkt.substr(0, 7) == "POLYGON") {
            Poly p;
            bg::read_wkt(std::string(wkt), p);
            m.push_back(std::move(p));
        } else {
            bg::read_wkt(std::string(wkt), m);
        }
        return FromBoost(m);
    } catch (const std::exception& e) { return Fail(BoundaryError("grid.boundary.invalid", {{"reason", e.what()}})); }
}

std::vector<org::Warning> BetweenGrids(const std::vector<Placed>& grids, double min_m2) {
    std::vector<org::Warning> out;
    std::vector<Multi> shapes;
    std::vector<BBox> boxes;
    for (const auto& g : grids) {
        shapes.push_back(ToBoost(g.boundary));
        boxes.push_back(BoxOf(g.boundary));
    }
    for (std::size_t i = 0; i < grids.size(); ++i)
        for (std::size_t j = i + 1; j < grids.size(); ++j) {
            if (!boxes[i].Intersects(boxes[j])) continue;
            Multi shared;
            bg::intersection(shapes[i], shapes[j], shared);
            const double area = GeoArea(shared);
            if (area > min_m2)
                out.push_back(
                    {"grid.overlap",
                     {{"a", grids[i].code}, {"b", grids[j].code}, {"area", std::to_string(std::lround(area))}}});
        }
    Multi all;
    for (const auto& s : shapes) {
        Multi next;
        bg::union_(all, s, next);
        all = std::move(next);
    }
    for (const auto& p : all)
        for (const auto& inner : p.inners()) {
            Poly hole;
            hole.outer().assign(inner.begin(), inner.end());
            bg::correct(hole);
            const double area = GeoArea(hole);
            if (area > min_m2) out.push_back({"grid.gap", {{"area", std::to_string(std::lround(area))}}});
        }
    return out;
}

}  // namespace lianxin::core::grid

#pragma GCC diagnostic pop
