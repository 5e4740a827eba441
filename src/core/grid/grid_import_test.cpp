#include "core/grid/grid_import.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::grid {
namespace {

geo::Feature With(std::map<std::string, std::string> attributes) { return {std::move(attributes), {}}; }

std::string Keys(const std::vector<FieldError>& errors) {
    std::string out;
    for (const auto& e : errors) out += (out.empty() ? "" : " ") + e.field + ":" + e.message_key;
    return out;
}

// Issue 17 "Grids" (gridimport point 2): the attributes are chosen by the names GIS offices use — Chinese
// headers of a GBK .dbf, the English ones of exports, pinyin initials — without case or underscores.
TEST(GridImportMapping, GuessesChineseEnglishAndPinyinNames) {
    EXPECT_EQ(GuessMapping({"网格编码", "网格名称", "户数", "人口", "楼栋", "所属社区"}),
              (ImportMapping{"网格编码", "网格名称", "户数", "人口", "楼栋", "所属社区"}));
    EXPECT_EQ(GuessMapping({"OBJECTID", "Grid_Code", "NAME", "HOUSEHOLDS", "Residents"}),
              (ImportMapping{"Grid_Code", "NAME", "HOUSEHOLDS", "Residents", "", ""}));
    EXPECT_EQ(GuessMapping({"WGMC", "WGBM", "HS", "RKS"}), (ImportMapping{"WGBM", "WGMC", "HS", "RKS", "", ""}));
    // The export's own properties (GET /grids/export) map back: round trip.
    EXPECT_EQ(GuessMapping({"code", "name", "org", "households", "residents", "area_m2", "valid_from"}),
              (ImportMapping{"code", "name", "households", "residents", "", ""}));
    // "网格编码" is preferred to a bare "code" wherever it stands; an attribute serves one field.
    EXPECT_EQ(GuessMapping({"code", "网格编码", "名称"}).code, "网格编码");
    EXPECT_EQ(GuessMapping({"FID", "AREA"}), ImportMapping{});
}

TEST(GridImportMapping, ChecksTheUsersMapping) {
    const std::vector<std::string> attributes{"A", "B", "C"};
    Error e = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    CheckMapping({"A", "", "Z", "A", "", ""}, attributes, e);
    EXPECT_EQ(Keys(e.fields),
              "mapping.name:grid.import.mapping_required mapping.households:grid.import.mapping_unknown "
              "mapping.residents:grid.import.mapping_repeated");
    Error ok = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    CheckMapping({"A", "B", "", "", "C", ""}, attributes, ok);
    EXPECT_TRUE(ok.fields.empty());
}

// Numbers as a Shapefile writes them ("420.0", a 15-digit code as a real), buildings as one text, the counts'
// bounds; a missing code or name is an error naming the field.
TEST(GridImportMapping, ReadsAFeaturesValues) {
    const ImportMapping m{"code", "name", "hh", "pop", "bld", "sq"};
    auto a = ReadAttributes(With({{"code", "350205001001001.0"},
                                  {"name", " 海发第一网格 "},
                                  {"hh", "420.0"},
                                  {"pop", "1200"},
                                  {"bld", "1号楼、2号楼,3号楼；；"},
                                  {"sq", "海发社区"}}),
                            m);
    EXPECT_EQ(Keys(a.errors), "");
    EXPECT_EQ(a.code, "350205001001001");
    EXPECT_EQ(a.name, "海发第一网格");
    EXPECT_EQ(a.households, 420);
    EXPECT_EQ(a.residents, 1200);
    EXPECT_EQ(a.buildings, (std::vector<std::string>{"1号楼", "2号楼", "3号楼"}));
    EXPECT_EQ(a.community, "海发社区");
    EXPECT_TRUE(a.has_households && a.has_residents && a.has_buildings);

    auto b = ReadAttributes(With({{"hh", "4.5"}, {"pop", "-1"}}), m);
    EXPECT_EQ(Keys(b.errors),
              "code:field.required name:field.required households:grid.import.count "
              "residents:grid.import.count");
    auto c = ReadAttributes(With({{"code", "350205001001002"}, {"name", "二"}}), m);
    EXPECT_EQ(Keys(c.errors), "");
    EXPECT_FALSE(c.has_households || c.has_buildings);
}

}  // namespace
}  // namespace lianxin::core::grid
