// gis::ReadFeatures on files made by GDAL's ogr2ogr (tests/fixtures/gis, remade by its make.sh): issue 17
// "Grids" (GeoJSON and zipped Shapefile through OGR, GBK without .cpg, any CRS other than WGS-84/CGCS2000
// refused) and "Bad input" (each refusal names the field, never a crash), security.md G1 (size limits).
#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <fstream>
#include <iterator>
#include <string>

#include "gis/gis_files.hpp"

namespace lianxin::gis {
namespace {

std::string Fixture(const std::string& name) {
    std::ifstream in(std::string(LIANXIN_SOURCE_DIR) + "/../tests/fixtures/gis/" + name, std::ios::binary);
    EXPECT_TRUE(in) << name;
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The refusal of `r`: kInvalidArgument naming the field "file" with `key`; its params.
template <typename T>
std::map<std::string, std::string> Refusal(const core::Result<T>& r, const std::string& key) {
    EXPECT_FALSE(r.has_value()) << key;
    if (r.has_value()) return {};
    EXPECT_EQ(r.error().code, core::ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().fields.size(), 1u);
    if (r.error().fields.empty()) return {};
    EXPECT_EQ(r.error().fields[0].field, "file");
    EXPECT_EQ(r.error().fields[0].message_key, key) << r.error().detail;
    return r.error().fields[0].params;
}

// The two grids of grids.geojson, as every format must give them back.
void ExpectTheTwoGrids(const FeatureSet& set) {
    ASSERT_EQ(set.features.size(), 2u);
    EXPECT_EQ(set.fields, (std::vector<std::string>{"name", "code", "households", "社区"}));
    const auto& one = set.features[0];
    EXPECT_EQ(one.attributes.at("name"), "锋领网格一");
    EXPECT_EQ(one.attributes.at("社区"), "海发社区");
    EXPECT_EQ(one.attributes.at("code"), "350205001001001");
    EXPECT_EQ(one.attributes.at("households"), "420");
    ASSERT_EQ(one.polygons.size(), 1u);
    ASSERT_EQ(one.polygons[0].inners.size(), 1u);  // the hole survives
    EXPECT_EQ(one.polygons[0].outer.size(), 5u);
    EXPECT_EQ(one.polygons[0].outer.front(), one.polygons[0].outer.back());
    EXPECT_GT(core::geo::SignedArea2(one.polygons[0].outer), 0);      // counter-clockwise (RFC 7946)
    EXPECT_LT(core::geo::SignedArea2(one.polygons[0].inners[0]), 0);  // clockwise
    for (const auto& p : one.polygons[0].outer) {
        EXPECT_GE(p.lng, 118.05);  // x is the longitude
        EXPECT_LE(p.lat, 24.46);
    }
    EXPECT_EQ(set.features[1].attributes.at("name"), "锋领网格二");
    EXPECT_EQ(set.features[1].polygons.size(), 2u);  // a MultiPolygon of two parts
}

TEST(GisRead, GeoJsonWithoutCrsIsWgs84) {
    auto set = ReadFeatures(Fixture("grids.geojson"), "grids.geojson");
    ASSERT_TRUE(set) << set.error().detail;
    EXPECT_EQ(set->format, "GeoJSON");
    EXPECT_EQ(set->crs, "EPSG:4326");
    EXPECT_EQ(set->encoding, "UTF-8");
    ExpectTheTwoGrids(*set);
    auto bom = ReadFeatures("\xEF\xBB\xBF" + Fixture("grids.geojson"), "grids.json");
    ASSERT_TRUE(bom);
    EXPECT_EQ(bom->features.size(), 2u);
}

// toolchain.md §10: a GBK Shapefile without .cpg loses its Chinese unless opened as CP936.
TEST(GisRead, GbkShapefileWithoutCpgKeepsItsChineseNames) {
    auto set = ReadFeatures(Fixture("gbk_nocpg.zip"), "网格.zip");
    ASSERT_TRUE(set) << set.error().detail;
    EXPECT_EQ(set->format, "ESRI Shapefile");
    EXPECT_EQ(set->encoding, "CP936");
    ExpectTheTwoGrids(*set);
}

TEST(GisRead, ShapefileCpgIsHonoured) {
    for (const char* name : {"gbk_cpg.zip", "utf8.zip"}) {
        auto set = ReadFeatures(Fixture(name), name);
        ASSERT_TRUE(set) << name << " " << set.error().detail;
        EXPECT_EQ(set->crs, "EPSG:4326");
        ExpectTheTwoGrids(*set);
    }
}

TEST(GisRead, Cgcs2000IsAccepted) {
    auto set = ReadFeatures(Fixture("cgcs2000.zip"), "cgcs2000.zip");
    ASSERT_TRUE(set) << set.error().detail;
    EXPECT_EQ(set->crs, "EPSG:4490");
    ExpectTheTwoGrids(*set);
}

// Issue 17: "a GeoJSON in another CRS" gets a clear error naming the CRS found.
TEST(GisRead, ProjectedCrsIsRefusedNamingIt) {
    auto mercator = Refusal(ReadFeatures(Fixture("mercator.zip"), "mercator.zip"), "gis.crs.unsupported");
    EXPECT_NE(mercator["crs"].find("EPSG:3857"), std::string::npos) << mercator["crs"];
    auto gk = Refusal(ReadFeatures(Fixture("gk4547.geojson"), "gk.geojson"), "gis.crs.unsupported");
    EXPECT_NE(gk["crs"].find("EPSG:4547"), std::string::npos) << gk["crs"];
    EXPECT_NE(gk["crs"].find("CGCS2000"), std::string::npos) << gk["crs"];
}

TEST(GisRead, NeitherZipNorGeoJsonIsRefused) {
    Refusal(ReadFeatures(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "grids.zip"), "gis.file_format");
    Refusal(ReadFeatures("name,code\n锋领网格一,1\n", "grids.json"), "gis.file_format");
    Refusal(ReadFeatures("[1, 2]", "grids.json"), "gis.file_format");
    Refusal(ReadFeatures(R"({"name": "锋领网格一"})", "grids.json"), "gis.file_format");  // JSON, not GeoJSON
    Refusal(ReadFeatures(R"({"type": "FeatureCollection", "features": [)", "grids.json"), "gis.file_format");
    std::string zip = Fixture("utf8.zip");
    Refusal(ReadFeatures(zip.substr(0, zip.size() / 2), "grids.zip"), "gis.file_format");  // cut short
    Refusal(ReadFeatures("", "grids.zip"), "gis.file_empty");
    Refusal(ReadFeatures(Fixture("utf8.zip"), "grids.shp"), "gis.shapefile_not_zipped");
}

TEST(GisRead, ZipWithoutItsPartsIsRefusedNamingThePart) {
    Refusal(ReadFeatures(Fixture("no_shp.zip"), "grids.zip"), "gis.zip.no_shp");
    auto p = Refusal(ReadFeatures(Fixture("no_dbf.zip"), "grids.zip"), "gis.zip.missing_part");
    EXPECT_EQ(p["part"], "grids.dbf");
}

// Issue 17 "Bad input": a Shapefile with a broken .dbf (cut to 100 bytes).
TEST(GisRead, TruncatedDbfIsRefused) {
    auto p = Refusal(ReadFeatures(Fixture("broken_dbf.zip"), "grids.zip"), "gis.file_broken_part");
    EXPECT_EQ(p["part"], "grids.dbf");
}

TEST(GisRead, PointsAndLinesAreRefusedWithTheFeatureNumber) {
    auto points = Refusal(ReadFeatures(Fixture("points.geojson"), "points.geojson"), "gis.geometry.not_polygon");
    EXPECT_EQ(points["feature"], "1");
    EXPECT_EQ(points["type"], "Point");
    std::string lines = R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon",
       "coordinates": [[[118.05, 24.45], [118.06, 24.45], [118.06, 24.46], [118.05, 24.45]]]}},
      {"type": "Feature", "properties": {}, "geometry": {"type": "LineString",
       "coordinates": [[118.05, 24.45], [118.06, 24.45]]}}]})";
    auto line = Refusal(ReadFeatures(lines, "lines.geojson"), "gis.geometry.not_polygon");
    EXPECT_EQ(line["feature"], "2");
    EXPECT_EQ(line["type"], "Line String");
}

TEST(GisRead, MissingGeometryAndCoordinatesThatAreNotDegreesAreRefused) {
    auto none = Refusal(ReadFeatures(R"({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "x"}, "geometry": null}]})",
                                     "a.json"),
                        "gis.geometry.missing");
    EXPECT_EQ(none["feature"], "1");
    // Gauss-Kruger metres in a file that claims nothing (so RFC 7946 degrees): not longitudes and latitudes.
    auto metres = Refusal(ReadFeatures(R"({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates":
         [[[500000, 2700000], [501000, 2700000], [501000, 2701000], [500000, 2700000]]]}}]})",
                                       "a.json"),
                          "gis.geometry.out_of_range");
    EXPECT_EQ(metres["feature"], "1");
    Refusal(ReadFeatures(R"({"type": "FeatureCollection", "features": []})", "a.json"), "gis.no_features");
}

// A GeoJSON FeatureCollection of one polygon whose ring has `n` + 1 positions.
std::string RingGeoJson(int n) {
    std::string ring;
    ring.reserve(static_cast<std::size_t>(n) * 24);
    char buf[64];
    for (int i = 0; i < n; ++i) {
        double a = 6.283185307179586 * i / n;
        char* end = std::to_chars(buf, buf + 32, 118.05 + 0.01 * std::cos(a), std::chars_format::fixed, 6).ptr;
        *end++ = ',';
        end = std::to_chars(end, buf + 64, 24.45 + 0.01 * std::sin(a), std::chars_format::fixed, 6).ptr;
        ring.append("[").append(buf, end).append("],");
    }
    ring += "[" + std::to_string(118.06) + "," + std::to_string(24.45) + "]";
    return R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {"name": "锋领网格一"}, "geometry": {"type": "Polygon", "coordinates": [[)" +
           ring + "]]}}]}";
}

// Issue 17 "Bad input": a polygon with a million vertices is refused while it is read (GDAL's parser stops
// at its per-feature cap, set from the caller's limit), not after the whole feature was built.
TEST(GisRead, MillionVertexPolygonIsRefusedWhileReading) {
    std::string text = RingGeoJson(1'000'000);
    ReadLimits limits;
    limits.max_bytes = text.size();
    limits.max_vertices = 100'000;
    auto p = Refusal(ReadFeatures(text, "big.geojson", limits), "gis.geometry.too_large");
    EXPECT_EQ(p["max"], "100000");
}

// Near the limit the count is exact and names the feature, in GeoJSON and in a Shapefile.
TEST(GisRead, VertexLimitNamesTheFeature) {
    ReadLimits limits;
    limits.max_vertices = 100'000;
    auto p = Refusal(ReadFeatures(RingGeoJson(150'000), "big.geojson", limits), "gis.geometry.too_many_vertices");
    EXPECT_EQ(p["feature"], "1");
    EXPECT_EQ(p["count"], "150001");
    EXPECT_EQ(p["max"], "100000");
    ASSERT_TRUE(ReadFeatures(RingGeoJson(99'999), "ok.geojson", limits));  // 100,000 positions: at the limit
    ReadLimits small;
    small.max_vertices = 8;
    auto first = Refusal(ReadFeatures(Fixture("gbk_nocpg.zip"), "g.zip", small), "gis.geometry.too_many_vertices");
    EXPECT_EQ(first["feature"], "1");  // outer 5 + hole 5 = 10 > 8
    small.max_vertices = 10;           // feature 1 at the limit, feature 2 (5 + 4 in two parts) under it
    EXPECT_TRUE(ReadFeatures(Fixture("gbk_nocpg.zip"), "g.zip", small));
    std::string second = R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon",
       "coordinates": [[[118.05, 24.45], [118.06, 24.45], [118.06, 24.46], [118.05, 24.45]]]}},
      {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[118.05, 24.45],
       [118.06, 24.45], [118.07, 24.45], [118.07, 24.46], [118.06, 24.46], [118.05, 24.46], [118.05, 24.45]]]}}]})";
    small.max_vertices = 6;
    auto p2 = Refusal(ReadFeatures(second, "g.geojson", small), "gis.geometry.too_many_vertices");
    EXPECT_EQ(p2["feature"], "2");
    EXPECT_EQ(p2["count"], "7");
}

TEST(GisRead, CallersFeatureAndSizeLimitsHold) {
    ReadLimits one;
    one.max_features = 1;
    for (const char* name : {"grids.geojson", "gbk_nocpg.zip"}) {
        auto p = Refusal(ReadFeatures(Fixture(name), name, one), "gis.too_many_features");
        EXPECT_EQ(p["max"], "1");
    }
    ReadLimits tiny;
    tiny.max_bytes = 512;
    auto big = Refusal(ReadFeatures(Fixture("gbk_nocpg.zip"), "g.zip", tiny), "gis.file_too_large");
    EXPECT_EQ(big["max"], "512 B");
    ReadLimits unzip;
    unzip.max_unzipped_bytes = 1024;  // the parts together hold 1,447 bytes
    auto bomb = Refusal(ReadFeatures(Fixture("gbk_nocpg.zip"), "g.zip", unzip), "gis.zip.too_large");
    EXPECT_EQ(bomb["max"], "1 KiB");
}

}  // namespace
}  // namespace lianxin::gis
