// Messages of the grid import (issue 17 "Grids": GeoJSON / zipped Shapefile → preview → commit).
#include "http/messages_tables.hpp"

namespace lianxin::http {

const Table& GridImportMessages() {
    static const Table kTable{
        {"grid.import.mapping_required", {"请选择哪一列是{field}", "Choose the attribute that holds {field}"}},
        {"grid.import.mapping_unknown",
         {"文件中没有“{name}”这一列（{field}）", "The file has no attribute \"{name}\" ({field})"}},
        {"grid.import.mapping_repeated",
         {"“{name}”这一列已用于其他字段（{field}）", "The attribute \"{name}\" is mapped to another field ({field})"}},
        {"grid.import.count",
         {"{field}须为 0 到 {max} 的整数：文件中为“{value}”",
          "{field} must be a whole number 0–{max}: the file has \"{value}\""}},
        {"grid.import.repeated", {"{field}与第 {feature} 个要素重复", "{field} repeats feature {feature}"}},
        {"grid.import.community_unknown",
         {"{scope}下没有名为“{name}”的社区", "No community named \"{name}\" in {scope}"}},
        {"grid.import.community_ambiguous",
         {"{scope}下有多个名为“{name}”的社区", "Several communities named \"{name}\" in {scope}"}},
        {"grid.import.no_community",
         {"无法确定网格所在社区：请在社区下导入，或在文件中加“社区名称”列",
          "The grid's community is unknown: import into a community, or add a community column to the file"}},
        {"grid.import.has_errors",
         {"有 {count} 个要素有错误，未导入任何网格：请改正后重新导入",
          "{count} feature(s) have errors; no grid was imported: fix them and import again"}},
    };
    return kTable;
}

const Table& GridImportLabels() {
    static const Table kTable{
        {"mapping.code", {"网格编码", "Grid code"}},    {"mapping.name", {"网格名称", "Grid name"}},
        {"mapping.households", {"户数", "Households"}}, {"mapping.residents", {"人口", "Residents"}},
        {"mapping.buildings", {"楼栋", "Buildings"}},   {"mapping.community", {"社区", "Community"}},
        {"community", {"所属社区", "Community"}},
    };
    return kTable;
}

}  // namespace lianxin::http
