// One layer of a GIS file into core::geo features: the CRS check, then feature by feature the geometry type,
// the vertex limit (before a position is copied), the coordinate ranges and the attributes as UTF-8.
#include <cpl_error.h>
#include <cpl_string.h>
#include <ogr_spatialref.h>

#include <cmath>

#include "gis/gdal_detail.hpp"

namespace lianxin::gis::detail {

using core::geo::Feature;
using core::geo::FeatureSet;
using core::geo::Polygon;
using core::geo::ReadLimits;
using core::geo::Ring;

namespace {

// "EPSG:3857 (WGS 84 / Pseudo-Mercator)" or the CRS's name when no authority code is known.
std::string DescribeCrs(const OGRSpatialReference& srs) {
    OGRSpatialReference copy(srs);
    std::string name = copy.GetName() ? copy.GetName() : "";
    const char* auth = copy.GetAuthorityName(nullptr);
    const char* code = copy.GetAuthorityCode(nullptr);
    std::string id;
    if (auth && code) {
        id = std::string(auth) + ":" + code;
    } else {
        int count = 0;
        int* confidence = nullptr;
        OGRSpatialReferenceH* matches = copy.FindMatches(nullptr, &count, &confidence);
        if (count > 0 && confidence[0] >= 70) {
            auto* best = OGRSpatialReference::FromHandle(matches[0]);
            if (best->GetAuthorityName(nullptr) && best->GetAuthorityCode(nullptr))
                id = std::string(best->GetAuthorityName(nullptr)) + ":" + best->GetAuthorityCode(nullptr);
            if (best->GetName()) name = best->GetName();
        }
        OSRFreeSRSArray(matches);
        CPLFree(confidence);
    }
    if (id.empty()) return name.empty() ? "?" : name;
    return name.empty() ? id : id + " (" + name + ")";
}

// "EPSG:4326" or "EPSG:4490" when the layer's CRS is WGS-84 or CGCS2000 in degrees (any axis order: GDAL gives
// x = longitude for both formats); else the refusal naming the CRS found.
core::Result<std::string> CheckCrs(const OGRSpatialReference* srs, bool geojson) {
    if (!srs) {
        if (geojson) return std::string("EPSG:4326");  // RFC 7946 §4: no "crs" member means WGS-84
        return core::Fail(FileError("gis.crs.missing"));
    }
    const char* options[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES",
                             "CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS", nullptr};
    for (int code : {4326, 4490}) {
        OGRSpatialReference accepted;
        if (accepted.importFromEPSG(code) != OGRERR_NONE) continue;
        if (srs->IsSame(&accepted, options)) return "EPSG:" + std::to_string(code);
    }
    return core::Fail(FileError("gis.crs.unsupported", {{"crs", DescribeCrs(*srs)}}));
}

std::size_t VertexCount(const OGRPolygon& polygon) {
    std::size_t n = 0;
    if (const auto* outer = polygon.getExteriorRing()) n += static_cast<std::size_t>(outer->getNumPoints());
    for (int i = 0; i < polygon.getNumInteriorRings(); ++i)
        n += static_cast<std::size_t>(polygon.getInteriorRing(i)->getNumPoints());
    return n;
}

core::Result<Ring> ToRing(const OGRLinearRing* ring, std::size_t feature) {
    const std::map<std::string, std::string> where{{"feature", std::to_string(feature)}};
    Ring out;
    if (ring) {
        out.reserve(static_cast<std::size_t>(ring->getNumPoints()) + 1);
        for (int i = 0; i < ring->getNumPoints(); ++i) {
            double lng = ring->getX(i), lat = ring->getY(i);
            if (!std::isfinite(lng) || !std::isfinite(lat) || std::fabs(lng) > 180 || std::fabs(lat) > 90)
                return core::Fail(FileError("gis.geometry.out_of_range", where));
            out.push_back({lng, lat});
        }
    }
    out = core::geo::Closed(std::move(out));
    if (out.size() < 4) return core::Fail(FileError("gis.geometry.ring_too_short", where));
    return out;
}

core::Result<Polygon> ToPolygon(const OGRPolygon& polygon, std::size_t feature) {
    Polygon out;
    LX_ASSIGN(outer, ToRing(polygon.getExteriorRing(), feature));
    out.outer = std::move(outer);
    for (int i = 0; i < polygon.getNumInteriorRings(); ++i) {
        LX_ASSIGN(hole, ToRing(polygon.getInteriorRing(i), feature));
        out.inners.push_back(std::move(hole));
    }
    return core::geo::RightHandRule(std::move(out));
}

// The polygons of feature number `n` (1-based), or the refusal naming it.
core::Result<std::vector<Polygon>> Polygons(const OGRGeometry* g, std::size_t n, const ReadLimits& limits) {
    const std::map<std::string, std::string> where{{"feature", std::to_string(n)}};
    if (!g || g->IsEmpty()) return core::Fail(FileError("gis.geometry.missing", where));
    std::vector<const OGRPolygon*> parts;
    switch (wkbFlatten(g->getGeometryType())) {
        case wkbPolygon:
            parts.push_back(g->toPolygon());
            break;
        case wkbMultiPolygon:
            for (const auto* p : *g->toMultiPolygon()) parts.push_back(p);
            break;
        default: {
            auto e = FileError("gis.geometry.not_polygon",
                               {{"feature", std::to_string(n)}, {"type", OGRGeometryTypeToName(g->getGeometryType())}});
            return core::Fail(std::move(e));
        }
    }
    // The limit is checked on OGR's counts, before any position is copied (a million-vertex ring stops here).
    std::size_t vertices = 0;
    for (const auto* p : parts) vertices += VertexCount(*p);
    if (vertices > limits.max_vertices)
        return core::Fail(FileError("gis.geometry.too_many_vertices", {{"feature", std::to_string(n)},
                                                                       {"count", std::to_string(vertices)},
                                                                       {"max", std::to_string(limits.max_vertices)}}));
    std::vector<Polygon> out;
    for (const auto* p : parts) {
        if (p->IsEmpty()) continue;
        LX_ASSIGN(polygon, ToPolygon(*p, n));
        out.push_back(std::move(polygon));
    }
    if (out.empty()) return core::Fail(FileError("gis.geometry.missing", where));
    return out;
}

core::Error TooManyFeatures(const ReadLimits& limits) {
    return FileError("gis.too_many_features", {{"max", std::to_string(limits.max_features)}});
}

}  // namespace

std::string ValidUtf8(std::string s) {
    if (CPLIsUTF8(s.c_str(), static_cast<int>(s.size()))) return s;
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t len = 1;
        auto b = static_cast<unsigned char>(s[i]);
        if (b >= 0xC2 && b <= 0xDF) len = 2;
        else if (b >= 0xE0 && b <= 0xEF) len = 3;
        else if (b >= 0xF0 && b <= 0xF4) len = 4;
        if (b >= 0x80 && (len == 1 || i + len > s.size() || !CPLIsUTF8(s.c_str() + i, static_cast<int>(len)))) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        out.append(s, i, len);
        i += len;
    }
    return out;
}

core::Result<FeatureSet> ReadLayer(GDALDataset& ds, bool geojson, const ReadLimits& limits) {
    if (ds.GetLayerCount() < 1) return core::Fail(FileError("gis.file_format", {}, "no layer"));
    OGRLayer* layer = ds.GetLayer(0);
    FeatureSet set;
    set.format = geojson ? "GeoJSON" : "ESRI Shapefile";
    LX_ASSIGN(crs, CheckCrs(layer->GetSpatialRef(), geojson));
    set.crs = std::move(crs);
    if (geojson) {
        set.encoding = "UTF-8";
    } else {
        const char* source = layer->GetMetadataItem("SOURCE_ENCODING", "SHAPEFILE");
        set.encoding = source && *source ? source : "ISO-8859-1";
    }
    // A Shapefile knows its count from the .shx without reading: refuse a huge one before the first feature.
    if (GIntBig known = layer->GetFeatureCount(FALSE);
        known > 0 && static_cast<std::size_t>(known) > limits.max_features)
        return core::Fail(TooManyFeatures(limits));
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        set.fields.push_back(ValidUtf8(defn->GetFieldDefn(i)->GetNameRef()));
    layer->ResetReading();
    for (std::size_t n = 1;; ++n) {
        CPLErrorReset();
        OGRFeatureUniquePtr f(layer->GetNextFeature());
        if (!f) {
            if (CPLGetLastErrorType() >= CE_Failure)  // a part cut short or garbled (e.g. a truncated .dbf)
                return core::Fail(FileError("gis.file_broken", {{"feature", std::to_string(n)}}, CPLGetLastErrorMsg()));
            break;
        }
        if (n > limits.max_features) return core::Fail(TooManyFeatures(limits));
        Feature feature;
        LX_ASSIGN(polygons, Polygons(f->GetGeometryRef(), n, limits));
        feature.polygons = std::move(polygons);
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            if (f->IsFieldSetAndNotNull(i)) feature.attributes[set.fields[i]] = ValidUtf8(f->GetFieldAsString(i));
        if (CPLGetLastErrorType() >= CE_Failure)  // a record whose fields could not be read
            return core::Fail(FileError("gis.file_broken", {{"feature", std::to_string(n)}}, CPLGetLastErrorMsg()));
        set.features.push_back(std::move(feature));
    }
    if (set.features.empty()) return core::Fail(FileError("gis.no_features"));
    return set;
}

}  // namespace lianxin::gis::detail
