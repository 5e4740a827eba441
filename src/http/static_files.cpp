#include <sys/stat.h>

#include <filesystem>

#include "http/error_mapping.hpp"
#include "http/pipeline.hpp"

namespace lianxin::http {

namespace {
const char* ContentType(const std::string& path) {
    auto ends = [&](const char* ext) {
        std::string e(ext);
        return path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
    };
    if (ends(".html")) return "text/html; charset=utf-8";
    if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
    if (ends(".css")) return "text/css; charset=utf-8";
    if (ends(".svg")) return "image/svg+xml";
    if (ends(".png")) return "image/png";
    if (ends(".jpg") || ends(".jpeg")) return "image/jpeg";
    if (ends(".ico")) return "image/x-icon";
    if (ends(".json")) return "application/json";
    if (ends(".woff2")) return "font/woff2";
    if (ends(".woff")) return "font/woff";
    if (ends(".ttf")) return "font/ttf";
    if (ends(".txt")) return "text/plain; charset=utf-8";
    return nullptr;  // unknown types are not served
}

// Only plain segments: no dot-files or dot segments, no backslashes, no NUL, no empty segments.
bool SafeRelative(const std::string& rel) {
    if (rel.empty() || rel.size() > 512) return false;
    size_t i = 0;
    while (i < rel.size()) {
        size_t j = rel.find('/', i);
        if (j == std::string::npos) j = rel.size();
        if (j == i || rel[i] == '.') return false;
        for (size_t k = i; k < j; ++k)
            if (rel[k] == '\\' || rel[k] == '\0' || static_cast<unsigned char>(rel[k]) < 0x20) return false;
        i = j + 1;
    }
    return true;
}
}  // namespace

Response ServeStatic(const HttpSettings& settings, const Request& req) {
    if (req.method != "GET" && req.method != "HEAD") {
        Response r = ProtocolError(405, "method_not_allowed", "http.method_not_allowed", req);
        r.Header("Allow", "GET, HEAD");
        return r;
    }
    std::string rel = req.path == "/" ? "index.html" : req.path.substr(1);
    const char* type = ContentType(rel);
    if (settings.static_dir.empty() || !SafeRelative(rel) || !type)
        return ProtocolError(404, "not_found", "http.not_found", req);
    std::filesystem::path full = std::filesystem::path(settings.static_dir) / rel;
    struct stat st {};
    if (::stat(full.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return ProtocolError(404, "not_found", "http.not_found", req);
    Response r;
    r.content_type = type;
    r.file_path = full.string();
    // Built assets carry a content hash in their names; the entry page must always be fresh.
    bool hashed = rel.rfind("assets/", 0) == 0;
    r.Header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    return r;
}

}  // namespace lianxin::http
