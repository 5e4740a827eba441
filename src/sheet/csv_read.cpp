// CSV uploads: UTF-8 with or without BOM as saved by "CSV UTF-8", else GB18030 as Excel in China saves
// "CSV (逗号分隔)"; then core::ParseCsv.
#include <iconv.h>

#include <cerrno>
#include <string>

#include "sheet/sheet_files.hpp"

namespace lianxin::sheet::detail {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

core::Result<std::string> Gb18030ToUtf8(std::string_view bytes) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        return core::Fail(core::MakeError(core::ErrorCode::kInternal, "internal", "iconv: no GB18030 converter"));
    }
    std::string in(bytes);
    // A GB18030 character of 1, 2 or 4 bytes becomes at most 1, 3 or 4 UTF-8 bytes.
    std::string out(in.size() * 2 + 16, '\0');
    char* in_ptr = in.data();
    std::size_t in_left = in.size();
    char* out_ptr = out.data();
    std::size_t out_left = out.size();
    std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    bool ok = rc != static_cast<std::size_t>(-1) && in_left == 0;
    if (ok) ok = iconv(cd, nullptr, nullptr, &out_ptr, &out_left) != static_cast<std::size_t>(-1);
    int err = errno;
    iconv_close(cd);
    if (!ok) { return core::Fail(FileFormat("csv: neither UTF-8 nor GB18030 (errno " + std::to_string(err) + ")")); }
    out.resize(out.size() - out_left);
    return out;
}

// Counts the records and fields the way core::ParseCsv splits them, without building them, so that a file of
// commas or line ends cannot make millions of strings before the limits are checked.
core::Status CheckShape(std::string_view text, const SheetLimits& limits) {
    std::size_t rows = 0, fields = 0;  // fields of the current record
    bool field_start = true, line_started = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"' && field_start) {
            field_start = false;
            line_started = true;
            for (++i; i < text.size(); ++i) {
                if (text[i] != '"') continue;
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    ++i;
                    continue;
                }
                break;
            }
        } else if (c == ',') {
            line_started = field_start = true;
            if (++fields + 1 > limits.max_cols) {
                return core::Fail(TooLarge("csv: over " + std::to_string(limits.max_cols) + " columns"));
            }
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (++rows > limits.max_rows) {
                return core::Fail(TooLarge("csv: over " + std::to_string(limits.max_rows) + " rows"));
            }
            fields = 0;
            field_start = true;
            line_started = false;
        } else {
            field_start = false;
            line_started = true;
        }
    }
    if (line_started && ++rows > limits.max_rows) {
        return core::Fail(TooLarge("csv: over " + std::to_string(limits.max_rows) + " rows"));
    }
    return core::Ok();
}

}  // namespace

core::Result<core::SheetRows> ReadCsv(std::string_view bytes, const SheetLimits& limits) {
    if (bytes.size() > limits.max_part_bytes) return core::Fail(TooLarge("csv: file over the byte limit"));
    // Text has no control characters other than TAB, LF and CR: anything else is a binary file (an old .xls,
    // a picture, a UTF-16 text export).
    for (char ch : bytes) {
        auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
            return core::Fail(FileFormat("csv: control byte " + std::to_string(c)));
        }
    }
    std::string text;
    if (bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
        if (!IsValidUtf8(bytes)) return core::Fail(FileFormat("csv: BOM but not UTF-8"));
        text.assign(bytes);
    } else if (IsValidUtf8(bytes)) {
        text.assign(bytes);
    } else {
        LX_ASSIGN(decoded, Gb18030ToUtf8(bytes));
        text = std::move(decoded);
    }
    std::string_view body = text;
    if (body.substr(0, kUtf8Bom.size()) == kUtf8Bom) body.remove_prefix(kUtf8Bom.size());
    LX_CHECK(CheckShape(body, limits));
    return core::ParseCsv(body);
}

}  // namespace lianxin::sheet::detail
