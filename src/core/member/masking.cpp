#include "core/member/masking.hpp"

#include <vector>

namespace lianxin::core::member {

static std::vector<std::string_view> CodePoints(std::string_view s) {
    std::vector<std::string_view> out;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
        if (i + n > s.size()) n = s.size() - i;
        out.push_back(s.substr(i, n));
        i += n;
    }
    return out;
}

static std::string Keep(std::string_view s, size_t head, size_t tail) {
    auto cps = CodePoints(s);
    if (cps.empty()) return {};
    if (cps.size() <= head + tail) {
        // Too short to show both ends: keep at most the first code point.
        std::string out(cps[0]);
        for (size_t i = 1; i < cps.size(); ++i) out += '*';
        return cps.size() == 1 ? std::string("*") : out;
    }
    std::string out;
    for (size_t i = 0; i < cps.size(); ++i) {
        if (i < head || i >= cps.size() - tail) out += cps[i];
        else out += '*';
    }
    return out;
}

std::string MaskPhone(std::string_view phone) { return Keep(phone, 3, 4); }
std::string MaskIdNumber(std::string_view id) { return Keep(id, 2, 3); }

std::string MaskAddress(std::string_view address) {
    auto cps = CodePoints(address);
    std::string out;
    for (size_t i = 0; i < cps.size() && i < 6; ++i) out += cps[i];
    if (cps.size() > 6) out += "****";
    return out;
}

std::string MaskName(std::string_view name) { return Keep(name, 1, 0); }

}  // namespace lianxin::core::member
