// The parts of a zipped Shapefile as offices' zips hold them (issue 17 "Grids" and "Bad input"; security.md
// G1 zip bombs): zips are rebuilt here with GDAL's own zip writer from the parts of the ogr2ogr fixtures.
#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "gis/gis_files.hpp"

namespace lianxin::gis {
namespace {

using Parts = std::vector<std::pair<std::string, std::string>>;

std::string Fixture(const std::string& name) {
    std::ifstream in(std::string(LIANXIN_SOURCE_DIR) + "/../tests/fixtures/gis/" + name, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A zip of `parts`, deflated, made in /vsimem/.
std::string Zip(const Parts& parts) {
    const std::string path = "/vsimem/zip_parts_test.zip";
    CPLPushErrorHandler(CPLQuietErrorHandler);  // GDAL warns that it stores Chinese names in CP437
    void* zip = CPLCreateZip(path.c_str(), nullptr);
    EXPECT_NE(zip, nullptr);
    for (const auto& [name, data] : parts) {
        EXPECT_EQ(CPLCreateFileInZip(zip, name.c_str(), nullptr), CE_None);
        EXPECT_EQ(CPLWriteFileInZip(zip, data.data(), static_cast<int>(data.size())), CE_None);
        EXPECT_EQ(CPLCloseFileInZip(zip), CE_None);
    }
    EXPECT_EQ(CPLCloseZip(zip), CE_None);
    CPLPopErrorHandler();
    vsi_l_offset size = 0;
    GByte* bytes = VSIGetMemFileBuffer(path.c_str(), &size, FALSE);
    std::string out(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
    VSIUnlink(path.c_str());
    return out;
}

// One part of a fixture zip.
std::string Part(const std::string& fixture, const std::string& name) {
    const std::string zip = Fixture(fixture);
    const std::string path = "/vsimem/zip_parts_fixture.zip";
    VSIFCloseL(
        VSIFileFromMemBuffer(path.c_str(), reinterpret_cast<GByte*>(const_cast<char*>(zip.data())), zip.size(), FALSE));
    std::string out;
    if (VSILFILE* f = VSIFOpenL(("/vsizip/" + path + "/" + name).c_str(), "rb")) {
        char buf[4096];
        for (std::size_t n; (n = VSIFReadL(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
        VSIFCloseL(f);
    }
    VSIUnlink(path.c_str());
    EXPECT_FALSE(out.empty()) << fixture << " " << name;
    return out;
}

// The GBK parts without .cpg, each name under `prefix` (e.g. a folder).
Parts GbkParts(const std::string& prefix, bool with_prj = true) {
    Parts parts;
    for (const char* ext : {"shp", "shx", "dbf", "prj"}) {
        if (!with_prj && std::string(ext) == "prj") continue;
        parts.push_back({prefix + "grids." + ext, Part("gbk_nocpg.zip", std::string("grids.") + ext)});
    }
    return parts;
}

std::string KeyOf(const core::Result<FeatureSet>& r) {
    if (r.has_value()) return "read";
    return r.error().fields.empty() ? r.error().message_key : r.error().fields[0].message_key;
}

TEST(GisZip, PartsInAFolderAndMacosxForksAreRead) {
    Parts parts = GbkParts("网格边界/");
    parts.push_back({"__MACOSX/网格边界/._grids.shp", std::string(120, 'x')});  // a macOS resource fork
    auto set = ReadFeatures(Zip(parts), "网格.zip");
    ASSERT_TRUE(set) << KeyOf(set) << " " << set.error().detail;
    EXPECT_EQ(set->features.at(0).attributes.at("name"), "锋领网格一");  // GBK without .cpg (toolchain.md §10)
}

TEST(GisZip, SeveralShapefilesAreRefusedNamingThem) {
    Parts parts = GbkParts("a/");
    for (auto& p : GbkParts("b/")) parts.push_back(p);
    auto r = ReadFeatures(Zip(parts), "two.zip");
    ASSERT_EQ(KeyOf(r), "gis.zip.several_shp");
    EXPECT_EQ(r.error().fields[0].params.at("names"), "a/grids.shp, b/grids.shp");
}

TEST(GisZip, ShapefileWithoutPrjIsRefused) {
    EXPECT_EQ(KeyOf(ReadFeatures(Zip(GbkParts("", false)), "g.zip")), "gis.crs.missing");
}

TEST(GisZip, DbfWithFewerRecordsThanShapesIsRefused) {
    Parts parts = GbkParts("");
    std::string& dbf = parts[2].second;
    dbf[4] = 1;  // the header's record count: 1 of the 2 shapes
    auto r = ReadFeatures(Zip(parts), "g.zip");
    ASSERT_EQ(KeyOf(r), "gis.file_broken_part");
    EXPECT_EQ(r.error().fields[0].params.at("part"), "grids.dbf");
}

TEST(GisZip, PathsClimbingOutOfTheZipAreRefused) {
    // GDAL's /vsizip/ lists no such entry (so the zip reads as holding nothing); FindShapefile refuses one too.
    EXPECT_EQ(KeyOf(ReadFeatures(Zip(GbkParts("../")), "g.zip")), "gis.file_format");
}

// security.md G1: 64 MiB of zeros deflate to a few KiB; the declared size is refused before GDAL opens it.
TEST(GisZip, ZipBombIsRefusedBeforeOpening) {
    Parts parts = GbkParts("");
    parts.push_back({"padding.txt", std::string(std::size_t{64} << 20, '\0')});
    const std::string bomb = Zip(parts);
    EXPECT_LT(bomb.size(), std::size_t{1} << 20);
    ReadLimits limits;
    limits.max_unzipped_bytes = std::size_t{16} << 20;
    auto r = ReadFeatures(bomb, "bomb.zip", limits);
    ASSERT_EQ(KeyOf(r), "gis.zip.too_large");
    EXPECT_EQ(r.error().fields[0].params.at("max"), "16 MiB");
}

}  // namespace
}  // namespace lianxin::gis
