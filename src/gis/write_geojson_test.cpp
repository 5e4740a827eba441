// gis::WriteGeoJson: issue 17 "Grids" (export GeoJSON) — an RFC 7946 FeatureCollection that GDAL reads back
// to the same features, with the Chinese names of a GBK Shapefile in UTF-8.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "gis/gis_files.hpp"

namespace lianxin::gis {
namespace {

std::string Fixture(const std::string& name) {
    std::ifstream in(std::string(LIANXIN_SOURCE_DIR) + "/../tests/fixtures/gis/" + name, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(GisWrite, Rfc7946FeatureCollection) {
    core::geo::Polygon cw{{{118.05, 24.45}, {118.05, 24.46}, {118.06, 24.46}, {118.06, 24.45}}, {}};  // open, CW
    std::vector<Feature> features{{{{"name", "锋领网格一"}}, {cw}}, {{{"name", "锋领网格二"}}, {cw, cw}}, {{}, {}}};
    auto j = nlohmann::json::parse(WriteGeoJson(features));
    EXPECT_EQ(j["type"], "FeatureCollection");
    EXPECT_FALSE(j.contains("crs"));  // RFC 7946 §4: WGS-84 lng/lat, no "crs" member
    ASSERT_EQ(j["features"].size(), 3u);
    const auto& one = j["features"][0];
    EXPECT_EQ(one["properties"]["name"], "锋领网格一");
    EXPECT_EQ(one["geometry"]["type"], "Polygon");
    const auto& ring = one["geometry"]["coordinates"][0];
    ASSERT_EQ(ring.size(), 5u);  // closed
    EXPECT_EQ(ring[0], ring[4]);
    EXPECT_EQ(ring[0], nlohmann::json({118.05, 24.45}));  // [lng, lat]
    core::geo::Ring written;
    for (const auto& p : ring) written.push_back({p[0].get<double>(), p[1].get<double>()});
    EXPECT_GT(core::geo::SignedArea2(written), 0);  // the right-hand rule: exterior counter-clockwise
    EXPECT_EQ(j["features"][1]["geometry"]["type"], "MultiPolygon");
    EXPECT_TRUE(j["features"][2]["geometry"].is_null());
}

// What we write, GDAL reads back to the same features (the round trip through OGR's GeoJSON driver).
TEST(GisWrite, RoundTripThroughGdal) {
    for (const char* name : {"grids.geojson", "gbk_nocpg.zip"}) {
        auto first = ReadFeatures(Fixture(name), name);
        ASSERT_TRUE(first) << name;
        std::string text = WriteGeoJson(first->features);
        EXPECT_NE(text.find("锋领网格一"), std::string::npos);
        auto again = ReadFeatures(text, "export.geojson");
        ASSERT_TRUE(again) << name << " " << again.error().detail;
        EXPECT_EQ(again->crs, "EPSG:4326");
        ASSERT_EQ(again->features.size(), first->features.size());
        for (std::size_t i = 0; i < first->features.size(); ++i) {
            EXPECT_EQ(again->features[i].attributes, first->features[i].attributes) << name << " " << i;
            EXPECT_EQ(again->features[i].polygons, first->features[i].polygons) << name << " " << i;
        }
    }
}

// The port app will hold (core/ports/gis_files.hpp) gives what the free functions give.
TEST(GisWrite, PortReadsAndWritesAsTheFunctions) {
    const GisFiles files;
    const core::ports::GisFiles& port = files;
    auto set = port.Read(Fixture("gbk_nocpg.zip"), "g.zip", ReadLimits{});
    ASSERT_TRUE(set);
    EXPECT_EQ(set->features.at(0).attributes.at("name"), "锋领网格一");
    EXPECT_EQ(port.WriteGeoJson(set->features), WriteGeoJson(set->features));
    ReadLimits one;
    one.max_features = 1;
    EXPECT_FALSE(port.Read(Fixture("gbk_nocpg.zip"), "g.zip", one));
}

}  // namespace
}  // namespace lianxin::gis
