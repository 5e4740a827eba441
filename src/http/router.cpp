#include "http/router.hpp"

#include <algorithm>

namespace lianxin::http {

std::string_view BodyName(Body b) {
    switch (b) {
        case Body::kNone:
            return "none";
        case Body::kJson:
            return "json";
        case Body::kFile:
            return "file";
        case Body::kForm:
            return "form";
    }
    return "none";
}

namespace {
std::vector<std::string_view> Split(std::string_view path) {
    std::vector<std::string_view> parts;
    size_t i = 0;
    while (i <= path.size()) {
        size_t j = path.find('/', i);
        if (j == std::string_view::npos) j = path.size();
        parts.push_back(path.substr(i, j - i));
        i = j + 1;
    }
    return parts;
}

bool IsId(std::string_view s) {
    return !s.empty() && s.size() <= 18 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Up to 64 lowercase hex digits: a photo id (the use case answers 404 for one that is not exactly 64).
bool IsHex64(std::string_view s) {
    return !s.empty() && s.size() <= 64 &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// A follow link's token (issue 17): up to 64 URL-safe base64 characters (the use case answers 404 for unknown ones).
bool IsToken(std::string_view s) {
    return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
    });
}

// An Open311 service code (a category code, "city.street_vending"): up to 64 of a-z, 0-9, '.', '_' and '-'.
bool IsCode(std::string_view s) {
    return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '.' || c == '_' || c == '-';
    });
}

bool PatternMatches(std::string_view pattern, std::string_view path, std::map<std::string, std::string>& params) {
    auto pp = Split(pattern), ps = Split(path);
    if (pp.size() != ps.size()) return false;
    constexpr std::string_view kFormat = ".:format";  // Open311's "services.json" / "services.xml"
    for (size_t i = 0; i < pp.size(); ++i) {
        std::string_view want = pp[i], got = ps[i];
        if (want.size() > kFormat.size() && want.substr(want.size() - kFormat.size()) == kFormat) {
            const auto dot = got.rfind('.');
            if (dot == std::string_view::npos || (got.substr(dot) != ".json" && got.substr(dot) != ".xml"))
                return false;
            params["format"] = std::string(got.substr(dot + 1));
            want.remove_suffix(kFormat.size());
            got = got.substr(0, dot);
        }
        if (!want.empty() && want[0] == ':') {
            const bool ok = want == ":photo_id"                           ? IsHex64(got)
                            : want == ":follow_token" || want == ":token" ? IsToken(got)
                            : want == ":service_code"                     ? IsCode(got)
                                                                          : IsId(got);
            if (!ok) return false;
            params[std::string(want.substr(1))] = std::string(got);
        } else if (want != got) {
            return false;
        }
    }
    return true;
}
}  // namespace

Match MatchRoute(const std::vector<Route>& routes, const std::string& method, const std::string& path) {
    Match m;
    const std::string& want = method == "HEAD" ? std::string("GET") : method;
    for (const auto& r : routes) {
        std::map<std::string, std::string> params;
        if (!PatternMatches(r.pattern, path, params)) continue;
        if (r.method == want) {
            m.route = &r;
            m.params = std::move(params);
            m.allowed.clear();
            return m;
        }
        if (std::find(m.allowed.begin(), m.allowed.end(), r.method) == m.allowed.end()) {
            m.allowed.push_back(r.method);
            if (r.method == "GET") m.allowed.push_back("HEAD");
        }
    }
    return m;
}

}  // namespace lianxin::http
