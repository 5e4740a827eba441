// Spreadsheet files for member import and export, behind an interface so that core and app stay free of zip
// and XML. Implemented with libzip, pugixml and libxlsxwriter in src/sheet.
#pragma once

#include <string>
#include <string_view>

#include "core/common/csv.hpp"
#include "core/common/result.hpp"

namespace lianxin::core::ports {

class Sheets {
public:
    virtual ~Sheets() = default;
    // The first worksheet of an .xlsx (recognized by the zip signature "PK\x03\x04") or else a .csv (UTF-8 with
    // or without BOM; bytes that are not valid UTF-8 are decoded as GB18030, as Excel saves CSV in China).
    // Row-major text cells; row index 0 = sheet row 1; missing cells and rows are empty so that indexes match the
    // sheet; numbers as written in the file (e.g. "31108", "13800001234"); booleans "TRUE"/"FALSE".
    // Errors (kInvalidArgument): "import.file_format" (not xlsx/csv, broken zip, broken XML, binary garbage),
    // "import.file_too_large" (an uncompressed part over 64 MiB, more than 100,000 rows or 200 columns).
    virtual Result<SheetRows> Read(std::string_view bytes) const = 0;
    // An .xlsx workbook with one worksheet named `sheet_name` holding text cells (every cell passes through
    // NeutralizeFormula; no cell is ever a formula); `bold_rows` rows (from the top) in bold.
    virtual Result<std::string> WriteXlsx(const SheetRows& rows, std::string_view sheet_name, int bold_rows) const = 0;
};

}  // namespace lianxin::core::ports
