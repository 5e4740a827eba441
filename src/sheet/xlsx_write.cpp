// Exports as .xlsx with libxlsxwriter, which writes only to a file: a private temporary file (mkstemp, 0600)
// that is always removed. Every cell is a string cell written after NeutralizeFormula (security.md C5).
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "sheet/sheet_files.hpp"

namespace lianxin::sheet {

namespace {

core::Error Internal(std::string detail) {
    return core::MakeError(core::ErrorCode::kInternal, "internal", "xlsx: " + std::move(detail));
}

// Removes the temporary file whatever happens.
struct TempFile {
    std::string path;
    ~TempFile() {
        if (!path.empty()) ::unlink(path.c_str());
    }
};

// A name Excel accepts: at most 31 characters, none of []:*?/\ or control characters, no apostrophe at
// either end, not empty.
std::string SheetName(std::string_view wanted) {
    std::string valid = detail::ToValidUtf8(wanted);
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < valid.size() && chars < 31;) {
        auto b = static_cast<unsigned char>(valid[i]);
        std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        std::string_view ch(valid.data() + i, len);
        bool forbidden = std::string_view("[]:*?/\\").find(valid[i]) != std::string_view::npos;
        if (len == 1 && (b < 0x20 || b == 0x7F || forbidden)) {
            out.push_back('_');
        } else {
            out.append(ch);
        }
        ++chars;
        i += len;
    }
    while (!out.empty() && out.front() == '\'') out.erase(0, 1);
    while (!out.empty() && out.back() == '\'') out.pop_back();
    return out.empty() ? "Sheet1" : out;
}

}  // namespace

core::Result<std::string> SheetFiles::WriteXlsx(const core::SheetRows& rows, std::string_view sheet_name,
                                                int bold_rows) const {
    if (rows.size() > LXW_ROW_MAX) return core::Fail(Internal("too many rows"));
    std::size_t cols = 0;
    for (const auto& row : rows) cols = std::max(cols, row.size());
    if (cols > LXW_COL_MAX) return core::Fail(Internal("too many columns"));

    std::error_code ec;
    std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
    if (ec) dir = "/tmp";
    std::string pattern = (dir / "lianxin-export-XXXXXX").string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    int fd = ::mkstemp(name.data());
    if (fd < 0) return core::Fail(Internal("mkstemp failed"));
    ::close(fd);
    TempFile temp{name.data()};

    lxw_workbook* wb = workbook_new(temp.path.c_str());
    if (wb == nullptr) return core::Fail(Internal("workbook_new failed"));
    std::string title = SheetName(sheet_name);
    lxw_worksheet* ws = workbook_add_worksheet(wb, title.c_str());
    lxw_error failed = ws == nullptr ? LXW_ERROR_SHEETNAME_ALREADY_USED : LXW_NO_ERROR;
    if (ws != nullptr) {
        lxw_format* bold = workbook_add_format(wb);
        format_set_bold(bold);
        if (cols > 0) worksheet_set_column(ws, 0, static_cast<lxw_col_t>(cols - 1), 14, nullptr);
        for (std::size_t r = 0; r < rows.size() && failed == LXW_NO_ERROR; ++r) {
            lxw_format* format = static_cast<long long>(r) < bold_rows ? bold : nullptr;
            for (std::size_t c = 0; c < rows[r].size(); ++c) {
                std::string text = core::NeutralizeFormula(detail::ToValidUtf8(rows[r][c]));
                if (text.empty()) continue;
                failed = worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), text.c_str(),
                                                format);
                if (failed != LXW_NO_ERROR) break;
            }
        }
    }
    lxw_error closed = workbook_close(wb);  // frees the workbook in every case
    if (failed != LXW_NO_ERROR) return core::Fail(Internal(lxw_strerror(failed)));
    if (closed != LXW_NO_ERROR) return core::Fail(Internal(lxw_strerror(closed)));

    std::ifstream in(temp.path, std::ios::binary);
    if (!in) return core::Fail(Internal("cannot read the written file"));
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return core::Fail(Internal("cannot read the written file"));
    return bytes;
}

}  // namespace lianxin::sheet
