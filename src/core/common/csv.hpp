// CSV text in and out (RFC 4180), pure: no files, no encodings other than UTF-8. The spreadsheet adapter
// (core/ports/sheets.hpp) decodes the bytes of an uploaded file and calls ParseCsv; exports call WriteCsv.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lianxin::core {

// Row-major text cells; row index 0 = the sheet's (or file's) row 1.
using SheetRows = std::vector<std::vector<std::string>>;

// Parses UTF-8 CSV text (RFC 4180, lenient where Excel is):
// - fields are separated by ',', records end with CRLF, LF or CR; a leading UTF-8 BOM is dropped;
// - a field that starts with '"' is quoted: '""' inside it is one '"', and commas and line ends inside it are
//   text; characters after its closing quote are appended as they are; an unterminated quote runs to the end;
// - a '"' inside an unquoted field is an ordinary character;
// - an empty line is a row with ZERO cells (a line holding only "" is a row with one empty cell), so that
//   row index i is line i + 1 of the file as long as no quoted field spans lines;
// - a line end at the very end of the text does not start another row; empty text has no rows.
SheetRows ParseCsv(std::string_view utf8);

// Defuses CSV/Excel formula injection (security.md C5, OWASP's list): a cell that begins with '=', '+', '-',
// '@', TAB (0x09) or CR (0x0D) gets a leading "'"; every other cell is returned as it is.
std::string NeutralizeFormula(std::string_view cell);

// CSV for Excel in China: a UTF-8 BOM first, CRLF after every row (the last included), every cell passed
// through NeutralizeFormula, and quoted (with '"' doubled) when it contains ',', '"', CR or LF. A row holding
// exactly one empty cell is written as "" so that ParseCsv(WriteCsv(rows)) == rows for neutral cells.
std::string WriteCsv(const SheetRows& rows);

}  // namespace lianxin::core
