// Reading the org sheets offices already keep (issue 4: "Import members and orgs … in the shapes offices already
// use"): a title row or two above a Chinese header row — 组织名称, 组织类别, 上级党组织, 简称, 所在小区（楼栋）,
// 成立日期, 批复文号 or their everyday synonyms — with the same leniency as the member sheets (full-width
// characters, trailing spaces, dates as typed or Excel serials). Pure: cells in, rows out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/common/error.hpp"
#include "core/member/import_sheet.hpp"
#include "core/org/org.hpp"

namespace lianxin::core::org {

// Field keys: name, type, parent, short_name, place, founded, approval_doc.
const std::vector<member::ColumnSpec>& OrgColumns();
// The header row: at least 2 known columns, name and type among them.
Result<member::SheetLayout> FindOrgLayout(const member::SheetCells& cells);
std::vector<std::string> OrgTemplateHeaders();

// An org type as offices write it: 党委 / 基层党委 / 社区党委 → grassroots committee, 党总支 → general branch,
// 党支部 / 支部 → branch, 联合党支部, 临时党支部, 功能型党支部, 街道党工委 / 党工委 / 街道党委.
std::optional<OrgType> OrgTypeFromText(std::string_view text);

struct OrgRow {
    std::size_t row = 0;  // the sheet's row number (1-based)
    std::string name, parent_name, short_name, place_name, approval_doc;
    std::optional<OrgType> type;
    PlaceKind place_kind = PlaceKind::kNone;  // from the type: a community for a committee, a compound for a branch
    std::optional<Date> founded;              // absent: today
    std::vector<FieldError> errors;
};

OrgRow ReadOrgRow(const member::SheetLayout& layout, const std::vector<std::string>& cells, std::size_t row_number,
                  const Date& today);

}  // namespace lianxin::core::org
