// Inside src/gis: the GDAL pieces shared by the readers. Not for other layers (they use gis_files.hpp).
#pragma once

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/common/result.hpp"
#include "core/geo/feature.hpp"

namespace lianxin::gis::detail {

// kInvalidArgument naming the field "file" with the catalogue key `key` (docs/api-errors.md); `detail` (GDAL's
// own words) is for the log only.
core::Error FileError(std::string key, std::map<std::string, std::string> params = {}, std::string detail = {});

// "20 MiB", "512 KiB", "100 B": a limit as the messages quote it.
std::string HumanBytes(std::size_t n);

// GDAL's drivers, registered once per process.
void RegisterGdal();

// `bytes` visible to GDAL as the /vsimem/ file path() (not copied: the bytes must outlive it); unlinked on
// destruction. Each instance has its own path, so that concurrent reads never meet.
class MemFile {
public:
    MemFile(std::string_view bytes, std::string_view extension);
    ~MemFile();
    MemFile(const MemFile&) = delete;
    MemFile& operator=(const MemFile&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// While it lives, GDAL's messages on this thread are kept rather than printed on stderr: the last one by
// CPLGetLastErrorMsg, all of them by all() (for the log, and to tell one cause among several messages).
class QuietErrors {
public:
    QuietErrors();
    ~QuietErrors();
    QuietErrors(const QuietErrors&) = delete;
    QuietErrors& operator=(const QuietErrors&) = delete;
    const std::string& all() const { return all_; }

private:
    std::string all_;
};

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using Dataset = std::unique_ptr<GDALDataset, DatasetCloser>;

// The single layer of an opened GeoJSON or Shapefile, checked (CRS, feature and vertex limits, polygons only)
// and converted. `geojson`: a missing CRS means WGS-84 (RFC 7946) rather than a refusal.
core::Result<core::geo::FeatureSet> ReadLayer(GDALDataset& ds, bool geojson, const core::geo::ReadLimits& limits);

// `s` with each byte that is not part of well-formed UTF-8 replaced by U+FFFD.
std::string ValidUtf8(std::string s);

}  // namespace lianxin::gis::detail
