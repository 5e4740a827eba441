// core/geo: the orientation and closing rules that src/gis applies and core/grid relies on (issue 17 "Grids":
// GeoJSON as RFC 7946 §3.1.6 writes it).
#include "core/geo/geometry.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::geo {
namespace {

const Ring kCcw{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}};

TEST(GeoGeometry, SignedAreaTellsTheOrientation) {
    EXPECT_DOUBLE_EQ(SignedArea2(kCcw), 2.0);
    Ring cw(kCcw.rbegin(), kCcw.rend());
    EXPECT_DOUBLE_EQ(SignedArea2(cw), -2.0);
    EXPECT_DOUBLE_EQ(SignedArea2({{0, 0}, {1, 0}, {1, 1}, {0, 1}}), 2.0);  // open: the closing edge counts
    EXPECT_DOUBLE_EQ(SignedArea2({}), 0.0);
}

TEST(GeoGeometry, ClosedAppendsTheFirstPositionOnce) {
    EXPECT_EQ(Closed({{0, 0}, {1, 0}, {1, 1}}), (Ring{{0, 0}, {1, 0}, {1, 1}, {0, 0}}));
    EXPECT_EQ(Closed(kCcw), kCcw);
    EXPECT_TRUE(Closed({}).empty());
}

TEST(GeoGeometry, RightHandRuleTurnsOuterCcwAndHolesCw) {
    Ring hole{{0.2, 0.2}, {0.4, 0.2}, {0.4, 0.4}, {0.2, 0.4}, {0.2, 0.2}};  // counter-clockwise: wrong for a hole
    Polygon p{Ring(kCcw.rbegin(), kCcw.rend()), {hole}};
    Polygon fixed = RightHandRule(p);
    EXPECT_GT(SignedArea2(fixed.outer), 0);
    EXPECT_LT(SignedArea2(fixed.inners[0]), 0);
    EXPECT_EQ(RightHandRule(fixed), fixed);  // already right: unchanged
    EXPECT_EQ(VertexCount({p, p}), 20u);
}

}  // namespace
}  // namespace lianxin::core::geo
