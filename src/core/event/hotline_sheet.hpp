// Reading the work orders a 12345 / 81890 hotline platform exports (issue 17 "Events and their intake": "an
// import of 12345 / 81890 work orders from .xlsx/.csv as hotline platforms export them: 工单编号, 来电时间,
// 诉求内容, 地址, 类别, 办理时限; idempotent by 工单编号"; "Bad input": a sheet with a repeated 工单编号). A title row
// or two above the header; the header names matched with the member sheets' leniency and the platforms' everyday
// synonyms (诉求内容 / 来电内容 …); 类别 names a leaf of the event-category dictionary; times as typed (2026-03-02
// 09:30, 2026/3/2 9:30, 2026年3月2日 9:30) or as Excel serials; 办理时限 given as a day alone is the end of that
// day. Pure: cells and the dictionary in, one intake per row out, each problem naming its column.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"
#include "core/event/event.hpp"
#include "core/member/import_sheet.hpp"

namespace lianxin::core::event {

// Field keys are the intake's (external_ref, reported_at, description, address, category_code, handle_by,
// reporter_name, reporter_phone), so that CheckIntake's errors name the same columns.
const std::vector<member::ColumnSpec>& HotlineColumns();
// The header row: at least 3 known columns, 工单编号, 来电时间, 诉求内容 and 类别 among them.
Result<member::SheetLayout> FindHotlineLayout(const member::SheetCells& cells);
std::vector<std::string> HotlineTemplateHeaders();
// The template's column name of a field key ("category_code" → "类别").
std::string HotlineColumnName(std::string_view field);

// A time as the platforms write it, as Asia/Shanghai civil time, in UTC millis; a day alone is its first second,
// or its last when `end_of_day` (a deadline). nullopt when it is not a real time.
std::optional<std::int64_t> ParseSheetDateTime(std::string_view text, bool end_of_day);

// A leaf of the dictionary named as offices write it: its zh name (垃圾堆放), "top/leaf" or "top-leaf"
// (市容环境/垃圾堆放), or its code; nullptr when none or a top category.
const Category* CategoryByName(const std::vector<Category>& categories, std::string_view text);

struct HotlineRow {
    int row = 0;                // the sheet's row number (1-based)
    std::string external_ref;   // as normalised
    std::string category_text;  // as written
    Intake intake;              // channel and org filled from the import's
    std::vector<FieldError> errors;
};

// Every non-blank data row read and checked (CheckIntake's rules at `now`): required cells, times, the category,
// and a 工单编号 repeated inside the sheet — each occurrence refused naming the other row ("hotline.ref.repeated"
// {row, ref}). Whether a number was imported before is the caller's (storage). Errors carry {label} =
// "hotline.col.<field>" so that the message names the sheet's column.
std::vector<HotlineRow> ReadHotlineRows(const member::SheetLayout& layout, const member::SheetCells& cells,
                                        const std::vector<Category>& categories, std::string_view channel,
                                        std::int64_t org_id, std::int64_t now);

}  // namespace lianxin::core::event
