// core::ports::Sheets with libzip + pugixml (reading .xlsx), iconv (GB18030 CSV) and libxlsxwriter (writing
// .xlsx). Uploaded files are untrusted: every zip entry is size-checked before and while it is read
// (security.md G1), the XML parser expands no entities, and exports are text cells only (security.md C5).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/ports/sheets.hpp"

namespace lianxin::sheet {

struct SheetLimits {
    std::size_t max_part_bytes = std::size_t{64} << 20;  // uncompressed zip entry, or the whole CSV file
    std::size_t max_rows = 100'000;                      // the last row holding a value
    std::size_t max_cols = 200;                          // the last column holding a value
};

class SheetFiles final : public core::ports::Sheets {
public:
    explicit SheetFiles(SheetLimits limits = {}) : limits_(limits) {}

    core::Result<core::SheetRows> Read(std::string_view bytes) const override;
    core::Result<std::string> WriteXlsx(const core::SheetRows& rows, std::string_view sheet_name,
                                        int bold_rows) const override;

private:
    SheetLimits limits_;
};

// The pieces behind SheetFiles, one file each (xlsx_read.cpp, csv_read.cpp, xlsx_write.cpp).
namespace detail {

// The first worksheet of the xlsx in `bytes` (which start with the zip signature).
core::Result<core::SheetRows> ReadXlsx(std::string_view bytes, const SheetLimits& limits);
// CSV bytes: UTF-8 (with or without BOM), else GB18030; then core::ParseCsv.
core::Result<core::SheetRows> ReadCsv(std::string_view bytes, const SheetLimits& limits);

// UTF-8 well-formedness (no overlong forms, no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view s);
// `s` with every byte that is not part of a well-formed UTF-8 sequence replaced by U+FFFD.
std::string ToValidUtf8(std::string_view s);

// A relationship target resolved against the folder of its source part (base_dir "xl/"), or from the package
// root when it starts with "/"; "." and ".." segments are folded.
std::string ResolvePart(std::string_view base_dir, std::string_view target);
// The 1-based column of the letters at the start of a cell reference ("B3" → 2, "AA1" → 27); 0 when there are
// none or the column is past Excel's last (XFD).
std::size_t ColumnOf(std::string_view cell_ref);
// Excel's escapes of characters XML cannot hold: _xHHHH_ for a control character, and _x005F_ for the "_"
// of a literal "_xHHHH_". Only those are decoded; other text that looks like an escape stays as written.
std::string DecodeExcelEscapes(std::string s);

core::Error FileFormat(std::string detail);
core::Error TooLarge(std::string detail);

}  // namespace detail

}  // namespace lianxin::sheet
