#include "core/event/open311.hpp"

#include <algorithm>
#include <chrono>

namespace lianxin::core::event {

namespace {

std::string Pad(long long v, int width) {
    std::string s = std::to_string(v);
    if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<std::size_t>(width) - s.size(), '0');
    return s;
}

bool Digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string_view Open311Status(EventState s) {
    return s == EventState::kRated || s == EventState::kDismissed ? "closed" : "open";
}

std::string W3cDateTime(std::int64_t utc_millis) {
    using namespace std::chrono;
    constexpr std::int64_t kShanghai = 8 * 3600 * 1000;  // UTC+8, no DST since 1991
    sys_time<milliseconds> tp{milliseconds{utc_millis + kShanghai}};
    auto dp = floor<days>(tp);
    year_month_day ymd{dp};
    hh_mm_ss hms{floor<seconds>(tp - dp)};
    return Pad(static_cast<int>(ymd.year()), 4) + "-" + Pad(static_cast<unsigned>(ymd.month()), 2) + "-" +
           Pad(static_cast<unsigned>(ymd.day()), 2) + "T" + Pad(hms.hours().count(), 2) + ":" +
           Pad(hms.minutes().count(), 2) + ":" + Pad(hms.seconds().count(), 2) + "+08:00";
}

std::optional<JurisdictionKind> ParseJurisdiction(std::string_view code) {
    if (!std::all_of(code.begin(), code.end(), Digit)) return std::nullopt;
    if (code.size() == 12) return JurisdictionKind::kCommunity;
    if (code.size() == 9) return JurisdictionKind::kStreet;
    return std::nullopt;
}

bool LooksLikeApiKey(std::string_view key) {
    if (key.size() != kApiKeyPrefix.size() + 32 || key.substr(0, kApiKeyPrefix.size()) != kApiKeyPrefix) return false;
    return std::all_of(key.begin() + static_cast<long>(kApiKeyPrefix.size()), key.end(), [](char c) {
        return Digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
    });
}

std::string MaskApiKey(std::string_view last4) { return std::string(kApiKeyPrefix) + "…" + std::string(last4); }

std::string MaskNumbersInText(std::string_view text) {
    std::string out(text);
    std::size_t i = 0;
    while (i < out.size()) {
        if (!Digit(out[i]) || (i > 0 && Digit(out[i - 1]))) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < out.size() && Digit(out[j])) ++j;
        std::size_t len = j - i;
        if (len == 17 && j < out.size() && (out[j] == 'X' || out[j] == 'x')) len = 18;  // an ID number ending in X
        const bool mobile = len == 11 && out[i] == '1';
        if (mobile || len == 18)
            for (std::size_t k = i + 3; k < i + len - 4; ++k) out[k] = '*';
        i += len;
    }
    return out;
}

}  // namespace lianxin::core::event
