#include "sheet/sheet_files.hpp"

#include <vector>

namespace lianxin::sheet {

using core::ErrorCode;
using core::MakeError;

core::Result<core::SheetRows> SheetFiles::Read(std::string_view bytes) const {
    constexpr std::string_view kZipSignature("PK\x03\x04", 4);
    if (bytes.substr(0, kZipSignature.size()) == kZipSignature) return detail::ReadXlsx(bytes, limits_);
    return detail::ReadCsv(bytes, limits_);
}

namespace detail {

core::Error FileFormat(std::string detail) {
    return MakeError(ErrorCode::kInvalidArgument, "import.file_format", std::move(detail));
}

core::Error TooLarge(std::string detail) {
    return MakeError(ErrorCode::kInvalidArgument, "import.file_too_large", std::move(detail));
}

namespace {

// The length of the well-formed UTF-8 sequence at s[i], or 0 when there is none.
std::size_t SequenceLength(std::string_view s, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char b0 = byte(i);
    if (b0 < 0x80) return 1;
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
        if (b0 == 0xED) hi = 0x9F;  // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        if (b0 == 0xF0) lo = 0x90;  // no overlong forms
        if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < len; ++k) {
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    }
    return len;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        std::size_t len = SequenceLength(s, i);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

std::string ToValidUtf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        std::size_t len = SequenceLength(s, i);
        if (len == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(s.substr(i, len));
            i += len;
        }
    }
    return out;
}

namespace {

int HexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

}  // namespace

// Excel writes characters XML cannot hold as _xHHHH_ (control characters), and a literal "_x" as "_x005F_x".
// Only those are decoded, so that other text that happens to look like an escape stays as written.
std::string DecodeExcelEscapes(std::string s) {
    if (s.find("_x") == std::string::npos) return s;
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
            int v = 0;
            bool hex = true;
            for (std::size_t k = 2; k < 6; ++k) {
                int d = HexDigit(s[i + k]);
                if (d < 0) hex = false;
                v = v * 16 + (d < 0 ? 0 : d);
            }
            if (hex && (v < 0x20 || v == 0x5F)) {
                out.push_back(static_cast<char>(v));
                i += 6;
                continue;
            }
        }
        out.push_back(s[i]);
    }
    return out;
}

// A relationship target resolved against the folder of its source part ("xl/"), or from the package root
// when it starts with "/"; "." and ".." segments are folded.
std::string ResolvePart(std::string_view base_dir, std::string_view target) {
    std::string joined = !target.empty() && target.front() == '/' ? std::string(target.substr(1))
                                                                  : std::string(base_dir) + std::string(target);
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= joined.size()) {
        std::size_t slash = joined.find('/', start);
        if (slash == std::string::npos) slash = joined.size();
        std::string seg = joined.substr(start, slash - start);
        if (seg == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!seg.empty() && seg != ".") {
            segments.push_back(std::move(seg));
        }
        start = slash + 1;
    }
    std::string out;
    for (const auto& seg : segments) {
        if (!out.empty()) out.push_back('/');
        out += seg;
    }
    return out;
}

// 1-based column of the letters at the start of a cell reference ("B3" → 2), 0 when there are none or the
// column is past Excel's XFD.
std::size_t ColumnOf(std::string_view ref) {
    std::size_t col = 0, i = 0;
    for (; i < ref.size() && i < 4; ++i) {
        char c = ref[i];
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c < 'A' || c > 'Z') break;
        col = col * 26 + static_cast<std::size_t>(c - 'A' + 1);
    }
    if (i == 0 || col > 16384) return 0;
    return col;
}

}  // namespace detail

}  // namespace lianxin::sheet
