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

bool PatternMatches(std::string_view pattern, std::string_view path, std::map<std::string, std::string>& params) {
    auto pp = Split(pattern), ps = Split(path);
    if (pp.size() != ps.size()) return false;
    for (size_t i = 0; i < pp.size(); ++i) {
        if (!pp[i].empty() && pp[i][0] == ':') {
            const bool ok = pp[i] == ":photo_id"       ? IsHex64(ps[i])
                            : pp[i] == ":follow_token" ? IsToken(ps[i])
                                                       : IsId(ps[i]);
            if (!ok) return false;
            params[std::string(pp[i].substr(1))] = std::string(ps[i]);
        } else if (pp[i] != ps[i]) {
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
