#include "core/grid/geometry.hpp"

#include <gtest/gtest.h>

#include "core/grid/grid.hpp"

namespace lianxin::core::grid {
namespace {

// A lng/lat rectangle, open (the check closes it).
Boundary Rect(double lng0, double lat0, double lng1, double lat1) {
    return {{{{lng0, lat0}, {lng1, lat0}, {lng1, lat1}, {lng0, lat1}}, {}}};
}

std::string FirstKey(const Error& e) {
    return e.fields.empty() ? "" : e.fields[0].field + ":" + e.fields[0].message_key;
}

// Issue 17 "Bad input": a polygon that crosses itself is refused with a message naming the field `boundary`.
TEST(GridGeometry, ABowTieIsRefusedNamingTheBoundary) {
    Boundary bow{{{{118.0, 24.0}, {118.01, 24.01}, {118.01, 24.0}, {118.0, 24.01}}, {}}};
    auto r = CheckBoundary(bow, 10000);
    ASSERT_FALSE(r);
    EXPECT_EQ(FirstKey(r.error()), "boundary:grid.boundary.self_intersection");
}

// Issue 17 "Bad input": millions of vertices are refused by counting, before any geometry is computed.
TEST(GridGeometry, TooManyVerticesAreRefusedBeforeWork) {
    Boundary big{{geo::Ring(20001, LngLat{118.0, 24.0}), {}}};  // degenerate too: the count must come first
    auto r = CheckBoundary(big, 20000);
    ASSERT_FALSE(r);
    EXPECT_EQ(FirstKey(r.error()), "boundary:grid.boundary.too_many_vertices");
    EXPECT_EQ(r.error().fields[0].params.at("count"), "20001");
}

TEST(GridGeometry, OutOfRangeCoordinatesAndTooFewPointsAreRefused) {
    auto far = CheckBoundary(Rect(118.0, 24.0, 190.0, 24.1), 100);
    ASSERT_FALSE(far);
    EXPECT_EQ(FirstKey(far.error()), "boundary:grid.boundary.coordinate");
    auto line = CheckBoundary({{{{118.0, 24.0}, {118.1, 24.0}}, {}}}, 100);
    ASSERT_FALSE(line);
    EXPECT_EQ(FirstKey(line.error()), "boundary:grid.boundary.too_few_points");
    EXPECT_EQ(FirstKey(CheckBoundary({}, 100).error()), "boundary:grid.boundary.empty");
}

// A counter-clockwise GeoJSON ring (RFC 7946) is accepted, closed and oriented; the area is geodesic.
TEST(GridGeometry, AreaIsGeodesicSquareMetres) {
    // 0.01° × 0.01° at latitude 24.5: about 1113 m × 1012 m.
    auto r = CheckBoundary(Rect(118.0, 24.5, 118.01, 24.51), 100);
    ASSERT_TRUE(r) << FirstKey(r.error());
    EXPECT_EQ((*r)[0].outer.size(), 5u);  // closed
    const double area = AreaM2(*r);
    EXPECT_GT(area, 1.11e6);
    EXPECT_LT(area, 1.14e6);
    // A hole is subtracted.
    Boundary holed = Rect(118.0, 24.5, 118.01, 24.51);
    holed[0].inners.push_back({{118.004, 24.504}, {118.004, 24.506}, {118.006, 24.506}, {118.006, 24.504}});
    auto h = CheckBoundary(holed, 100);
    ASSERT_TRUE(h) << FirstKey(h.error());
    EXPECT_LT(AreaM2(*h), area - 40000);
}

// Issue 17 "point-in-polygon": inside, on the edge, in a hole, outside.
TEST(GridGeometry, PointInPolygonHonoursHolesAndEdges) {
    Boundary holed = Rect(118.0, 24.5, 118.01, 24.51);
    holed[0].inners.push_back({{118.004, 24.504}, {118.004, 24.506}, {118.006, 24.506}, {118.006, 24.504}});
    auto b = CheckBoundary(holed, 100);
    ASSERT_TRUE(b);
    EXPECT_TRUE(Covers(*b, {118.001, 24.501}));
    EXPECT_TRUE(Covers(*b, {118.0, 24.505}));     // on the edge
    EXPECT_FALSE(Covers(*b, {118.005, 24.505}));  // in the hole
    EXPECT_FALSE(Covers(*b, {118.02, 24.505}));
    const auto box = BoxOf(*b);
    EXPECT_DOUBLE_EQ(box.min_lng, 118.0);
    EXPECT_DOUBLE_EQ(box.max_lat, 24.51);
}

TEST(GridGeometry, WktRoundTripsExactly) {
    auto b = CheckBoundary(Rect(118.0123456789, 24.5, 118.01, 24.5098765432), 100);
    ASSERT_TRUE(b);
    auto back = FromWkt(ToWkt(*b));
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, *b);
    EXPECT_FALSE(FromWkt("MULTIPOLYGON(((1 2, 3"));
}

// Issue 17 "overlaps and gaps between a community's grids as warnings": two grids sharing a strip overlap; three
// grids around an empty square leave a gap; neighbours that only touch give nothing.
TEST(GridGeometry, OverlapsAndGapsBetweenGridsAreWarnings) {
    auto a = *CheckBoundary(Rect(118.0, 24.5, 118.01, 24.51), 100);
    auto touching = *CheckBoundary(Rect(118.01, 24.5, 118.02, 24.51), 100);
    auto overlapping = *CheckBoundary(Rect(118.009, 24.5, 118.02, 24.51), 100);
    EXPECT_TRUE(BetweenGrids({{1, "A", a}, {2, "B", touching}}).empty());
    auto w = BetweenGrids({{1, "A", a}, {2, "B", overlapping}});
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].key, "grid.overlap");
    EXPECT_EQ(w[0].params.at("a"), "A");
    EXPECT_GT(std::stod(w[0].params.at("area")), 100000);
    EXPECT_GT(OverlapM2(a, overlapping), 100000);

    // A ring of four grids around a hole of 0.01° × 0.01°.
    auto south = *CheckBoundary(Rect(118.0, 24.5, 118.03, 24.51), 100);
    auto north = *CheckBoundary(Rect(118.0, 24.52, 118.03, 24.53), 100);
    auto west = *CheckBoundary(Rect(118.0, 24.51, 118.01, 24.52), 100);
    auto east = *CheckBoundary(Rect(118.02, 24.51, 118.03, 24.52), 100);
    auto gaps = BetweenGrids({{1, "S", south}, {2, "N", north}, {3, "W", west}, {4, "E", east}});
    ASSERT_EQ(gaps.size(), 1u);
    EXPECT_EQ(gaps[0].key, "grid.gap");
    EXPECT_GT(std::stod(gaps[0].params.at("area")), 1.0e6);
}

}  // namespace
}  // namespace lianxin::core::grid
