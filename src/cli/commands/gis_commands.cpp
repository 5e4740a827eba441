// gis inspect: what lianxin reads in a GIS office's file (issue 17 "Grids"), before anyone imports it — the
// feature count, CRS, encoding, attribute names and the first feature's attributes; or the refusal, in
// Chinese and English, as the web app would show it. --geojson writes the features as the export would.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands/commands.hpp"
#include "gis/gis_files.hpp"
#include "http/messages.hpp"

namespace lianxin::cli {

namespace {

int ReportGisError(const core::Error& e) {
    std::cerr << "error / 错误: " << e.message_key;
    for (const auto& f : e.fields) {
        std::cerr << "  --" << f.field << ": " << f.message_key << "\n  "
                  << http::Translate(http::Lang::kZh, f.message_key, f.params, f.field) << "\n  "
                  << http::Translate(http::Lang::kEn, f.message_key, f.params, f.field);
    }
    if (!e.detail.empty()) std::cerr << "\n  (" << e.detail << ")";
    std::cerr << "\n";
    return 1;
}

}  // namespace

int RunGisInspect(const std::string& path, bool json, const std::string& geojson_out) {
    const core::geo::ReadLimits limits;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "error / 错误: cannot read " << path << "\n";
        return 1;
    }
    // At most one byte past the limit: a larger file is refused without being read whole.
    std::string bytes(limits.max_bytes + 1, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    auto set = gis::ReadFeatures(bytes, path, limits);
    if (!set) return ReportGisError(set.error());
    if (!geojson_out.empty()) {
        std::ofstream out(geojson_out, std::ios::binary | std::ios::trunc);
        out << gis::WriteGeoJson(set->features);
        if (!out.flush()) {
            std::cerr << "error / 错误: cannot write " << geojson_out << "\n";
            return 1;
        }
    }
    std::size_t vertices = 0;
    for (const auto& f : set->features) vertices += core::geo::VertexCount(f.polygons);
    const auto& first = set->features.front();
    if (json) {
        nlohmann::json out{{"file", path},
                           {"format", set->format},
                           {"crs", set->crs},
                           {"encoding", set->encoding},
                           {"features", set->features.size()},
                           {"vertices", vertices},
                           {"fields", set->fields},
                           {"first", first.attributes}};
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::cout << "file / 文件: " << path << "\nformat / 格式: " << set->format << "\ncrs / 坐标系: " << set->crs
              << "\nencoding / 编码: " << set->encoding << "\nfeatures / 要素: " << set->features.size()
              << "\nvertices / 顶点: " << vertices << "\nfields / 属性:";
    for (const auto& name : set->fields) std::cout << " " << name;
    std::cout << "\nfirst feature / 第一个要素:\n";
    for (const auto& name : set->fields)
        if (auto it = first.attributes.find(name); it != first.attributes.end())
            std::cout << "  " << name << ": " << it->second << "\n";
    return 0;
}

}  // namespace lianxin::cli
