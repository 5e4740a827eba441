// Messages of GIS files (src/gis): reading a grid office's GeoJSON or zipped Shapefile. Each names the file
// and says what to do in the GIS software.
#include "http/messages_tables.hpp"

namespace lianxin::http {

const Table& GisMessages() {
    static const Table kTable{
        {"gis.file_empty", {"{field}为空，请选择 GeoJSON 文件或压缩的 Shapefile", "{field} is empty"}},
        {"gis.file_too_large", {"{field}过大：最大 {max}", "{field} is too large: at most {max}"}},
        {"gis.file_format",
         {"{field}无法读取：请上传 GeoJSON（.geojson/.json）文件，或把 Shapefile 的 .shp、.shx、.dbf、.prj（及 .cpg）"
          "文件压缩成一个 .zip 上传",
          "{field} cannot be read: upload a GeoJSON file (.geojson/.json) or a .zip holding the Shapefile's "
          ".shp, .shx, .dbf and .prj (and .cpg)"}},
        {"gis.shapefile_not_zipped",
         {"Shapefile 由多个文件组成：请把 .shp、.shx、.dbf、.prj（及 .cpg）压缩成一个 .zip 上传",
          "A Shapefile is several files: zip its .shp, .shx, .dbf and .prj (and .cpg) together and upload the .zip"}},
        {"gis.zip.too_large", {"{field}解压后过大：最大 {max}", "{field} is too large unzipped: at most {max}"}},
        {"gis.zip.no_shp", {"压缩包中没有 .shp 文件", "The zip holds no .shp file"}},
        {"gis.zip.several_shp",
         {"压缩包中有多个 .shp 文件（{names}）：每次只导入一个图层",
          "The zip holds several .shp files ({names}): one layer "
          "per import"}},
        {"gis.zip.missing_part",
         {"压缩包中缺少 {part}：Shapefile 须有同名的 .shp、.shx 和 .dbf 文件",
          "The zip lacks {part}: a Shapefile needs its .shp, .shx and .dbf of the same name"}},
        {"gis.file_broken_part",
         {"Shapefile 中的 {part} 已损坏或不完整：请在 GIS 软件中重新导出",
          "{part} of the Shapefile is broken or cut short: export it again"}},
        {"gis.file_broken",
         {"{field}在第 {feature} 个要素处已损坏或不完整（如 .dbf 属性表被截断）：请在 GIS 软件中重新导出",
          "{field} is broken or cut short at feature {feature} (e.g. a truncated .dbf): export it again"}},
        {"gis.crs.missing",
         {"Shapefile 缺少 .prj 坐标系文件：请导出 WGS-84（EPSG:4326）或 CGCS2000（EPSG:4490）经纬度坐标并附上 .prj",
          "The Shapefile has no .prj: export it in WGS-84 (EPSG:4326) or CGCS2000 (EPSG:4490) degrees with its .prj"}},
        {"gis.crs.unsupported",
         {"{field}的坐标系为 {crs}：只接受 WGS-84（EPSG:4326）或 CGCS2000（EPSG:4490）经纬度坐标，请先在 GIS "
          "软件中转换",
          "{field} is in {crs}: only WGS-84 (EPSG:4326) or CGCS2000 (EPSG:4490) degrees are accepted; "
          "reproject it first"}},
        {"gis.no_features", {"{field}中没有要素", "{field} holds no features"}},
        {"gis.too_many_features",
         {"{field}中的要素过多：每次最多 {max} 个", "{field} holds too many features: at most {max}"}},
        {"gis.geometry.missing", {"第 {feature} 个要素没有几何图形", "Feature {feature} has no geometry"}},
        {"gis.geometry.not_polygon",
         {"第 {feature} 个要素是 {type}：只接受面（Polygon、MultiPolygon）",
          "Feature {feature} is a {type}: only polygons (Polygon, MultiPolygon) are accepted"}},
        {"gis.geometry.too_many_vertices",
         {"第 {feature} 个要素有 {count} 个顶点：最多 {max} 个，请先简化边界",
          "Feature {feature} has {count} vertices: at most {max}; simplify the boundary first"}},
        {"gis.geometry.too_large",
         {"{field}中有要素的顶点远超过 {max} 个：请先简化边界",
          "{field} holds a feature with far more than {max} vertices: simplify the boundary first"}},
        {"gis.geometry.out_of_range",
         {"第 {feature} 个要素的坐标超出经纬度范围：文件中的坐标可能不是经纬度",
          "Feature {feature} has coordinates outside longitude/latitude: the file may not hold degrees"}},
        {"gis.geometry.ring_too_short",
         {"第 {feature} 个要素有少于 4 个点的边界环", "Feature {feature} has a ring of fewer than 4 positions"}},
    };
    return kTable;
}

}  // namespace lianxin::http
