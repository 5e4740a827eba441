// Reading the member sheets offices already keep (issue 4 "Import and export"): a title row or two (often
// merged) above a header row in Chinese, the national collection sheet's column names or their everyday
// synonyms (domain.md §11.1), dates typed as text in several ways or stored as Excel serial numbers,
// full-width digits and letters, trailing spaces. Pure: cells in, fields out.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/date.hpp"
#include "core/common/result.hpp"

namespace lianxin::core::member {

using SheetCells = std::vector<std::vector<std::string>>;

// The fields an import reads, by key: name, sex, ethnicity, birth_date, id_number, phone, join_date,
// conversion_date, category, address, skills, org, and every registry field of the member spec (education,
// degree, occupation, work_unit … under their zh labels, field_spec.cpp).
struct ImportColumn {
    std::string header;  // as written in the sheet
    std::string field;   // the field key
    std::size_t index = 0;
};

struct SheetLayout {
    std::size_t header_row = 0;  // index into the cells (the sheet's row number minus one)
    std::vector<ImportColumn> columns;
    std::vector<std::string> ignored;  // headers that name no known field (序号 and empty headers are left out)

    // The column of a field, if the sheet has it.
    const ImportColumn* Find(std::string_view field) const;
};

// Finds the header row: the first of the first 20 rows naming at least three known columns. Errors
// (kInvalidArgument): "import.no_header"; "import.missing_column" with {column} when name, ID number or join
// date is missing; "import.duplicate_column" with {column} when two headers name the same field.
Result<SheetLayout> FindLayout(const SheetCells& cells);

// A column another kind of sheet knows (an org sheet, core/org/org_sheet.hpp): its field key, the template's
// header and the synonyms offices write.
struct ColumnSpec {
    const char* field;
    const char* name;
    std::vector<const char*> synonyms;
};
// FindLayout over `known` columns: the header row names at least `min_known` of them and every `required` one.
Result<SheetLayout> FindLayoutOf(const SheetCells& cells, const std::vector<ColumnSpec>& known,
                                 const std::vector<std::string>& required, std::size_t min_known);
// The field of `header` among `known` ("" when none), with the same leniency as FieldOfHeader.
std::string FieldOfHeaderIn(std::string_view header, const std::vector<ColumnSpec>& known);

// The field key a header names ("公民身份号码", "身份证号", "*姓名", "联系电话（手机）" …), or "" when none.
std::string FieldOfHeader(std::string_view header);

// The Chinese column name of a field key as the template writes it ("id_number" → "公民身份号码").
std::string ColumnName(std::string_view field);
// The template's header row: every known column in the collection sheet's order.
std::vector<std::string> TemplateHeaders();

// Full-width ASCII (U+FF01–U+FF5E) to half-width, the ideographic space to a space, then spaces, tabs,
// no-break spaces and line breaks trimmed at both ends.
std::string NormalizeCell(std::string_view cell);

// A date as offices type it: 1985-03-02, 1985/3/2, 1985.3.2, 1985年3月2日, 19850302, or an Excel serial day
// number (1900 date system, 1 = 1900-01-01, as the cell of a date-formatted column holds it). nullopt otherwise.
std::optional<Date> ParseSheetDate(std::string_view text);

bool IsBlankRow(const std::vector<std::string>& row);

}  // namespace lianxin::core::member
