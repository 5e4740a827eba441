// Messages and labels of member import and export. Rule messages quote the rule and where it comes from.
#include "http/messages_tables.hpp"

namespace lianxin::http {

const Table& ImportMessages() {
    static const Table kTable{
        {"import.file_empty", {"请选择要导入的文件", "Choose a file to import"}},
        {"import.file_format", {"无法读取该文件：请上传 Excel（.xlsx）或 CSV 文件。旧版 .xls 请先在 Excel 中另存为 .xlsx", "The file cannot be read: upload an .xlsx or .csv file (save an old .xls as .xlsx first)"}},
        {"import.file_too_large", {"文件过大：单个表格最多 10 万行、200 列", "The file is too large: at most 100,000 rows and 200 columns"}},
        {"import.too_many_rows", {"一次最多导入 {max} 行，请分批导入", "At most {max} rows per import; split the file"}},
        {"import.no_header", {"没有找到表头：前 20 行中应有一行包含“姓名”“公民身份号码”“入党日期”等列名", "No header row: one of the first 20 rows must name columns such as 姓名, 公民身份号码, 入党日期"}},
        {"import.missing_column", {"表头缺少“{column}”列", "The header lacks the column “{column}”"}},
        {"import.duplicate_column", {"表头中“{column}”重复出现", "The column “{column}” appears twice"}},
        {"import.required", {"{field}必须填写", "{field} is required"}},
        {"import.birth_date.mismatch", {"{field}与公民身份号码中的出生日期不一致", "{field} does not match the ID number"}},
        {"import.rule.join_age", {"入党时应年满十八岁（党章第一条）：请核对入党日期和公民身份号码", "Members join at 18 or older (Constitution Art. 1): check the join date and ID number"}},
        {"import.rule.conversion_date", {"转正日期应为预备期满之日：入党日期后一年，延长预备期的最长再加一年（党章第七条）", "The conversion date is the end of probation: one year after joining, at most one more if extended (Constitution Art. 7)"}},
        {"import.category.needed", {"入党已满一年、未填转正日期：请填写人员类别（正式党员或预备党员）", "Joined over a year ago without a conversion date: fill in the category"}},
        {"import.rule.probationary_converted", {"已填转正日期的不能是预备党员，请核对人员类别", "A member with a conversion date is not probationary"}},
        {"import.rule.probation_over", {"预备期为一年，最长延长一年（党章第七条）：入党已满二年不能仍为预备党员，请核对", "Probation is one year, extended by at most one (Constitution Art. 7): check the category"}},
        {"import.rule.full_too_early", {"预备期为一年（党章第七条）：入党未满一年不能为正式党员，请核对", "Probation is one year (Constitution Art. 7): a member who joined less than a year ago is not full"}},
        {"import.org.unknown", {"“{scope}”下没有名为“{name}”的党组织", "No organization named “{name}” under “{scope}”"}},
        {"import.org.ambiguous", {"有多个名为“{name}”的党组织，请填写全称", "Several organizations are named “{name}”: use the full name"}},
        {"import.org.not_branch", {"党员应编入党支部：请在“所在党组织”列填写党支部名称，或选择一个党支部导入", "Members belong to a branch: name the branch in 所在党组织 or import into a branch"}},
        {"import.id_number.repeated", {"{field}与第 {row} 行重复", "{field} repeats row {row}"}},
        {"import.id_number.development_case", {"该{field}在发展党员名单中：入党审批后由系统登记，无需导入", "This {field} is in the development pipeline: the approval registers the member"}},
        {"import.id_number.elsewhere", {"该{field}已在其他党组织登记，请联系对方办理组织关系转接", "This {field} is registered with another organization: arrange a transfer"}},
        {"import.id_number.registered", {"该{field}已在册，不能重复登记；如需转入，请办理组织关系转接", "This {field} is already registered and cannot be entered twice; a member moving here comes by a transfer"}},
        {"import.preview_limited", {"导入预览核对的身份证号码过多，请约 {minutes} 分钟后再试", "Import previews checked too many ID numbers; try again in about {minutes} min"}},
        {"import.id_number.left", {"该{field}的党员已离开党员名册（转出、除名等），不能通过导入恢复", "This {field} belongs to a member who left the registry; an import cannot restore them"}},
        {"import.note.kept", {"与名册不一致，以名册为准（未修改）", "Differs from the registry; the registry is kept"}},
        {"import.note.org_kept", {"与名册中的所在党组织不一致：未修改，调整组织关系请办理转接", "Differs from the registry's branch: not changed; a move is a transfer"}},
        {"import.nothing", {"没有可导入的行：请先改正有错误的行", "Nothing to import: fix the rows with errors first"}},
        {"import.undo_done", {"这次导入已经撤销", "This import was already undone"}},
        {"import.undo_expired", {"导入 {days} 天后不能再撤销", "An import can be undone for {days} days only"}},
        {"import.undo_changed", {"第 {rows} 行的党员在导入后已有变化（修改信息、转接、任职或党籍处置），不能整体撤销；请逐个处理", "Rows {rows} changed after the import (edited, transferred, a post or a decision): the import cannot be undone as a whole"}},
        {"import.org.type_unknown", {"{field}“{text}”不是党组织类别：可填党委、党总支、党支部、联合党支部、临时党支部、功能型党支部（党小组不是党组织，不在此导入）", "“{text}” is not an organization type (a party group is not an organization)"}},
        {"import.org.parent_row_error", {"上级党组织“{name}”所在的行有错误，请先改正那一行", "The row of the parent “{name}” has errors: fix it first"}},
        {"import.org.repeated", {"{field}与第 {row} 行重复", "{field} repeats row {row}"}},
        {"import.org.exists_elsewhere", {"已有同名的党组织，但不在所填的上级党组织之下：调整隶属关系请用“组织调整”", "An organization of this name stands elsewhere: use 组织调整 to move it"}},
        {"import.undo_org_changed", {"第 {rows} 行建立的组织已有党员、班子、账号、发展对象、阵地、区域化党建组织或下级组织，不能整体撤销；请用“组织调整”处理", "Rows {rows}: their organizations are in use since; reorganize them instead"}},
        {"member.exists", {"该{field}的党员已在本组织的党员名册中，无需再登记", "A member with this {field} is already in the registry"}},
        {"member.referenced", {"该党员已有其他记录引用，不能删除", "Other records refer to this member"}},
        {"export.too_many", {"一次最多导出 {max} 人，请缩小范围（选择组织或筛选条件）", "At most {max} members per export: narrow the filters"}},
        {"export.full_denied", {"完整信息导出需要查看完整信息的权限，且只能导出本人有权查看的党员", "A full export needs the right to see full records of every exported member"}},
    };
    return kTable;
}

const Table& ImportLabels() {
    static const Table kTable{
        {"file", {"文件", "File"}},
        {"file_name", {"文件名", "File name"}},
        {"format", {"文件格式", "Format"}},
        {"full", {"完整信息", "Full"}},
        {"birth_date", {"出生日期", "Birth date"}},
        {"import", {"导入记录", "import"}},
        {"orgsheet.name", {"组织名称", "Name"}},
        {"orgsheet.type", {"组织类别", "Type"}},
        {"orgsheet.parent", {"上级党组织", "Parent"}},
        {"orgsheet.short_name", {"简称", "Short name"}},
        {"orgsheet.place", {"所在小区（楼栋）", "Place"}},
        {"orgsheet.founded", {"成立日期", "Founded"}},
        {"orgsheet.approval_doc", {"批复文号", "Approval number"}},
    };
    return kTable;
}

}  // namespace lianxin::http
