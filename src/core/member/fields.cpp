#include "core/member/fields.hpp"

#include <string>

#include "core/auth/credentials.hpp"

namespace lianxin::core::member {

void CheckText(std::string_view value, int min, int max, const char* field, Error& errors) {
    const int n = auth::CodePointCount(value);  // -1 for invalid UTF-8
    bool ok = n >= min && n <= max;
    for (unsigned char c : value) ok = ok && c >= 0x20 && c != 0x7F;
    if (!ok) errors.WithField(field, "field.text", {{"min", std::to_string(min)}, {"max", std::to_string(max)}});
}

void CheckPhone(std::string_view value, const char* field, Error& errors) {
    if (value.empty()) return;
    auto digits = [](std::string_view s) {
        for (char c : s)
            if (c < '0' || c > '9') return false;
        return !s.empty();
    };
    const bool mobile = value.size() == 11 && value[0] == '1' && value[1] >= '3' && digits(value);
    const auto dash = value.find('-');
    const bool fixed = dash != std::string_view::npos && dash >= 3 && dash <= 4 && value[0] == '0' &&
                       digits(value.substr(0, dash)) && digits(value.substr(dash + 1)) &&
                       value.size() - dash - 1 >= 7 && value.size() - dash - 1 <= 8;
    if (!mobile && !fixed) errors.WithField(field, "phone.format");
}

std::optional<Date> CheckDate(std::string_view value, const Date& latest, const char* field, Error& errors) {
    auto d = Date::Parse(value);
    if (!d) {
        errors.WithField(field, "date.format");
        return std::nullopt;
    }
    if (*d > latest) {
        errors.WithField(field, "date.future", {{"latest", latest.ToString()}});
        return std::nullopt;
    }
    return d;
}

}  // namespace lianxin::core::member
