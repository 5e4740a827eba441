// The entry: size and type of the upload, the parts of a zipped Shapefile (their unzipped sizes checked before
// GDAL opens one), and the open options (a Shapefile without .cpg is GBK: toolchain.md §10).
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_http.h>
#include <cpl_string.h>
#include <cpl_vsi.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <mutex>

#include "gis/gdal_detail.hpp"
#include "gis/gis_files.hpp"

namespace lianxin::gis {

using detail::FileError;

namespace detail {

core::Error FileError(std::string key, std::map<std::string, std::string> params, std::string detail) {
    auto e = core::InvalidField("file", std::move(key), std::move(params));
    e.detail = std::move(detail);
    return e;
}

std::string HumanBytes(std::size_t n) {
    if (n >= (std::size_t{1} << 20) && n % (std::size_t{1} << 20) == 0) return std::to_string(n >> 20) + " MiB";
    if (n >= 1024 && n % 1024 == 0) return std::to_string(n >> 10) + " KiB";
    return std::to_string(n) + " B";
}

void RegisterGdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // An uploaded file must not make the server fetch anything: GDAL's GeoJSON driver fetches the URL of a
        // "crs": {"type": "link"} (seen: a GET to a loopback port). Every GDAL HTTP request fails instead.
        CPLHTTPSetFetchCallback(
            [](const char*, CSLConstList, GDALProgressFunc, void*, CPLHTTPFetchWriteFunc, void*,
               void*) -> CPLHTTPResult* {
                auto* result = static_cast<CPLHTTPResult*>(CPLCalloc(1, sizeof(CPLHTTPResult)));
                result->nStatus = 1;
                result->pszErrBuf = CPLStrdup("lianxin: GDAL may not use the network");
                return result;
            },
            nullptr);
    });
}

MemFile::MemFile(std::string_view bytes, std::string_view extension) {
    static std::atomic<unsigned long long> next{0};
    path_ = "/vsimem/lianxin-gis/" + std::to_string(++next) + "/upload" + std::string(extension);
    auto* data = reinterpret_cast<GByte*>(const_cast<char*>(bytes.data()));  // read only: bTakeOwnership FALSE
    if (VSILFILE* f = VSIFileFromMemBuffer(path_.c_str(), data, bytes.size(), FALSE)) VSIFCloseL(f);
}

MemFile::~MemFile() { VSIUnlink(path_.c_str()); }

QuietErrors::QuietErrors() {
    CPLPushErrorHandlerEx(
        [](CPLErr level, CPLErrorNum, const char* message) {
            if (level < CE_Failure) return;
            auto* all = static_cast<std::string*>(CPLGetErrorHandlerUserData());
            if (all->size() < 4096) *all += (all->empty() ? "" : "; ") + std::string(message);
        },
        &all_);
    CPLErrorReset();
}

QuietErrors::~QuietErrors() { CPLPopErrorHandler(); }

}  // namespace detail

namespace {

// Memory GDAL's GeoJSON driver counts for one position, with a margin of two (measured: a 5 MB cap stops a
// ring at ~30,000 positions).
constexpr std::size_t kGeoJsonBytesPerVertex = 400;

std::string Lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

struct StringList {
    char** list;
    ~StringList() { CSLDestroy(list); }
};

struct ShapefileParts {
    std::string shp, dbf;  // their paths inside the zip
    bool has_cpg = false;
};

std::uint32_t Le(const unsigned char* p, int bytes) {
    std::uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

// The .dbf holds all the records its header announces (GDAL would open a cut one as a table without columns),
// and as many as the .shp has shapes.
core::Status CheckDbf(const std::string& zip, const ShapefileParts& parts, GIntBig shapes) {
    const std::string path = zip + "/" + parts.dbf;
    const std::string part = parts.dbf.substr(parts.dbf.find_last_of('/') + 1);
    auto broken = [&](const char* why) {
        return core::Fail(FileError("gis.file_broken_part", {{"part", detail::ValidUtf8(part)}}, why));
    };
    VSIStatBufL st;
    if (VSIStatL(path.c_str(), &st) != 0) return broken("cannot stat");
    unsigned char h[32] = {};
    VSILFILE* f = VSIFOpenL(path.c_str(), "rb");
    if (!f) return broken("cannot open");
    const auto got = VSIFReadL(h, 1, sizeof h, f);
    VSIFCloseL(f);
    if (got != sizeof h) return broken("header cut short");
    const std::uint64_t records = Le(h + 4, 4), header = Le(h + 8, 2), record = Le(h + 10, 2);
    if (header < 33 || record < 1) return broken("header garbled");
    if (static_cast<std::uint64_t>(st.st_size) < header + records * record) return broken("records cut short");
    if (shapes >= 0 && records != static_cast<std::uint64_t>(shapes)) return broken("record count differs from .shp");
    return core::Ok();
}

// The one Shapefile in the zip at `zip` ("/vsizip//vsimem/…"), once every part's unzipped size is counted.
core::Result<ShapefileParts> FindShapefile(const std::string& zip, const core::geo::ReadLimits& limits) {
    StringList entries{VSIReadDirRecursive(zip.c_str())};
    if (!entries.list || !entries.list[0]) return core::Fail(FileError("gis.file_format", {}, "not a readable zip"));
    std::size_t unzipped = 0;
    std::vector<std::string> names;
    for (char** e = entries.list; *e; ++e) {
        std::string name = *e;
        VSIStatBufL st;
        if (VSIStatL((zip + "/" + name).c_str(), &st) != 0 || VSI_ISDIR(st.st_mode)) continue;
        unzipped += static_cast<std::size_t>(st.st_size);  // the size the zip declares; GDAL inflates no more
        if (unzipped > limits.max_unzipped_bytes)
            return core::Fail(FileError("gis.zip.too_large", {{"max", detail::HumanBytes(limits.max_unzipped_bytes)}}));
        std::string base = name.substr(name.find_last_of('/') + 1);
        // macOS archives carry "__MACOSX/._x.shp" resource forks beside the real parts.
        if (name.rfind("__MACOSX/", 0) == 0 || base.rfind("._", 0) == 0) continue;
        names.push_back(name);
    }
    std::vector<std::string> shps;
    for (const auto& n : names)
        if (EndsWith(Lower(n), ".shp")) shps.push_back(n);
    if (shps.empty()) return core::Fail(FileError("gis.zip.no_shp"));
    if (shps.size() > 1) {
        std::string list;
        for (const auto& s : shps) list += (list.empty() ? "" : ", ") + s;
        return core::Fail(FileError("gis.zip.several_shp", {{"names", detail::ValidUtf8(list)}}));
    }
    ShapefileParts parts;
    parts.shp = shps[0];
    if (parts.shp.find("..") != std::string::npos || parts.shp[0] == '/' || parts.shp.find('\\') != std::string::npos)
        return core::Fail(FileError("gis.file_format", {}, "a path that climbs out of the zip"));
    const std::string stem = parts.shp.substr(0, parts.shp.size() - 4);
    auto has = [&](std::string_view ext) {
        return std::any_of(names.begin(), names.end(),
                           [&](const std::string& n) { return Lower(n) == Lower(stem) + std::string(ext); });
    };
    const std::string base = stem.substr(stem.find_last_of('/') + 1);
    for (std::string_view ext : {".dbf", ".shx"})
        if (!has(ext))
            return core::Fail(
                FileError("gis.zip.missing_part", {{"part", detail::ValidUtf8(base + std::string(ext))}}));
    for (const auto& n : names)
        if (Lower(n) == Lower(stem) + ".dbf") parts.dbf = n;
    parts.has_cpg = has(".cpg");
    return parts;
}

detail::Dataset Open(const std::string& path, const char* driver, const char* const* options) {
    const char* const drivers[] = {driver, nullptr};
    return detail::Dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, options));
}

core::Result<FeatureSet> ReadShapefile(std::string_view bytes, const core::geo::ReadLimits& limits) {
    detail::MemFile file(bytes, ".zip");
    const std::string zip = "/vsizip/" + file.path();
    LX_ASSIGN(parts, FindShapefile(zip, limits));
    // With a .cpg GDAL honours it; without one the table is taken as GBK, as offices' files are (toolchain.md §10).
    const char* const gbk[] = {"ENCODING=CP936", nullptr};
    auto ds = Open(zip + "/" + parts.shp, "ESRI Shapefile", parts.has_cpg ? nullptr : gbk);
    const std::string shp = parts.shp.substr(parts.shp.find_last_of('/') + 1);
    if (!ds || ds->GetLayerCount() < 1)
        return core::Fail(FileError("gis.file_broken_part", {{"part", detail::ValidUtf8(shp)}}, CPLGetLastErrorMsg()));
    LX_CHECK(CheckDbf(zip, parts, ds->GetLayer(0)->GetFeatureCount(FALSE)));
    return detail::ReadLayer(*ds, false, limits);
}

}  // namespace

core::Result<FeatureSet> ReadFeatures(std::string_view bytes, std::string_view filename, const ReadLimits& limits) {
    if (bytes.empty()) return core::Fail(FileError("gis.file_empty"));
    if (bytes.size() > limits.max_bytes)
        return core::Fail(FileError("gis.file_too_large", {{"max", detail::HumanBytes(limits.max_bytes)}}));
    const std::string name = Lower(filename);
    for (std::string_view part : {".shp", ".shx", ".dbf", ".prj", ".cpg"})
        if (EndsWith(name, part)) return core::Fail(FileError("gis.shapefile_not_zipped"));
    detail::RegisterGdal();
    detail::QuietErrors quiet;
    constexpr std::string_view kZip("PK\x03\x04", 4);
    if (bytes.substr(0, kZip.size()) == kZip) { return ReadShapefile(bytes, limits); }
    std::string_view text = bytes;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 BOM
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || text[first] != '{') return core::Fail(FileError("gis.file_format"));
    detail::MemFile file(text, ".geojson");
    // GDAL's GeoJSON driver streams a FeatureCollection feature by feature, but builds each feature whole in
    // memory (~180 bytes a position). Its per-feature cap, set on this thread only, stops a feature far over
    // max_vertices while it is parsed (a million-vertex ring costs ~600 MB otherwise); features near the
    // limit pass it and are counted exactly in ReadLayer.
    const std::string cap_mb = std::to_string(limits.max_vertices * kGeoJsonBytesPerVertex / (1 << 20) + 1);
    const std::string old_cap = CPLGetThreadLocalConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "");
    CPLSetThreadLocalConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", cap_mb.c_str());
    struct RestoreCap {
        const std::string& old;
        ~RestoreCap() {
            CPLSetThreadLocalConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", old.empty() ? nullptr : old.c_str());
        }
    } restore{old_cap};
    const char* const options[] = {"ARRAY_AS_STRING=YES", "DATE_AS_STRING=YES", nullptr};
    auto ds = Open(file.path(), "GeoJSON", options);
    if (!ds) {
        const std::string why = quiet.all();
        if (why.find("too complex/large") != std::string::npos)
            return core::Fail(FileError("gis.geometry.too_large", {{"max", std::to_string(limits.max_vertices)}}, why));
        return core::Fail(FileError("gis.file_format", {}, why));  // text GDAL cannot parse is not GeoJSON
    }
    return detail::ReadLayer(*ds, true, limits);
}

}  // namespace lianxin::gis
