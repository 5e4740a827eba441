#include "core/member/id_number.hpp"

namespace lianxin::core::member {

char IdNumberCheckChar(std::string_view first17) {
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char kChecks[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    int sum = 0;
    for (size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
    return kChecks[sum % 11];
}

// Folds full-width digits (U+FF10..FF19, UTF-8 EF BC 90..99) and full-width X/x and strips spaces.
static std::string Normalise(std::string_view in) {
    std::string out;
    for (size_t i = 0; i < in.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(in[i]);
        if (c == 0xEF && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xBC) {
            unsigned char d = static_cast<unsigned char>(in[i + 2]);
            if (d >= 0x90 && d <= 0x99) out.push_back(static_cast<char>('0' + (d - 0x90)));
            else if (d == 0xB8) out.push_back('X');  // Ｘ
            else out.push_back('?');
            i += 2;
        } else if (c == 0xEF && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xBD &&
                   static_cast<unsigned char>(in[i + 2]) == 0x98) {
            out.push_back('X');  // ｘ
            i += 2;
        } else if (c == ' ') {
            continue;
        } else {
            out.push_back(c == 'x' ? 'X' : static_cast<char>(c));
        }
    }
    return out;
}

Result<IdNumberFacts> ParseIdNumber(std::string_view text, const std::string& field) {
    std::string s = Normalise(text);
    if (s.size() != 18) return Fail(InvalidField(field, "id_number.length"));
    for (size_t i = 0; i < 17; ++i)
        if (s[i] < '0' || s[i] > '9') return Fail(InvalidField(field, "id_number.digits"));
    if (!(s[17] == 'X' || (s[17] >= '0' && s[17] <= '9'))) return Fail(InvalidField(field, "id_number.digits"));
    auto birth = Date::Parse(s.substr(6, 4) + "-" + s.substr(10, 2) + "-" + s.substr(12, 2));
    if (!birth) return Fail(InvalidField(field, "id_number.birth_date"));
    if (IdNumberCheckChar(s) != s[17]) return Fail(InvalidField(field, "id_number.checksum"));
    Sex sex = ((s[16] - '0') % 2 == 1) ? Sex::kMale : Sex::kFemale;
    return IdNumberFacts{s, *birth, sex};
}

}  // namespace lianxin::core::member
