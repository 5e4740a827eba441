#include "http/http_types.hpp"

namespace lianxin::http {

const std::string* Request::Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? nullptr : &it->second;
}

const std::string* Request::Query(const std::string& name) const {
    auto it = query.find(name);
    return it == query.end() ? nullptr : &it->second;
}

std::optional<std::string> Request::Cookie(const std::string& name) const {
    const std::string* h = Header("cookie");
    if (!h) return std::nullopt;
    const std::string& s = *h;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == ';')) ++i;
        size_t eq = s.find('=', i);
        size_t end = s.find(';', i);
        if (end == std::string::npos) end = s.size();
        if (eq != std::string::npos && eq < end && s.compare(i, eq - i, name) == 0 && eq - i == name.size())
            return s.substr(eq + 1, end - eq - 1);
        i = end + 1;
    }
    return std::nullopt;
}

}  // namespace lianxin::http
