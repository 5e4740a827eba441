#include "core/org/org_sheet.hpp"

#include "core/member/fields.hpp"

namespace lianxin::core::org {

using member::ColumnSpec;

const std::vector<ColumnSpec>& OrgColumns() {
    static const std::vector<ColumnSpec> kColumns{
        {"name", "组织名称", {"党组织名称", "党组织全称", "组织全称", "名称"}},
        {"type", "组织类别", {"组织类型", "党组织类别", "党组织类型", "类别", "类型"}},
        {"parent", "上级党组织", {"上级组织", "隶属党组织", "所属上级党组织", "上级党组织名称"}},
        {"short_name", "简称", {"组织简称"}},
        {"place", "所在小区（楼栋）", {"所在小区", "所在地", "覆盖小区", "所在社区", "所在楼栋"}},
        {"founded", "成立日期", {"成立时间", "建立日期", "建立时间"}},
        {"approval_doc", "批复文号", {"批准文号", "成立批复文号", "文号"}},
    };
    return kColumns;
}

Result<member::SheetLayout> FindOrgLayout(const member::SheetCells& cells) {
    return member::FindLayoutOf(cells, OrgColumns(), {"name", "type"}, 2);
}

std::vector<std::string> OrgTemplateHeaders() {
    std::vector<std::string> out;
    for (const auto& c : OrgColumns()) out.emplace_back(c.name);
    return out;
}

std::optional<OrgType> OrgTypeFromText(std::string_view raw) {
    const std::string t = member::NormalizeCell(raw);
    static const std::vector<std::pair<const char*, OrgType>> kNames{
        {"党委", OrgType::kGrassrootsCommittee},
        {"基层党委", OrgType::kGrassrootsCommittee},
        {"社区党委", OrgType::kGrassrootsCommittee},
        {"党的基层委员会", OrgType::kGrassrootsCommittee},
        {"党总支", OrgType::kGeneralBranch},
        {"党总支部", OrgType::kGeneralBranch},
        {"总支", OrgType::kGeneralBranch},
        {"党支部", OrgType::kBranch},
        {"支部", OrgType::kBranch},
        {"小区党支部", OrgType::kBranch},
        {"联合党支部", OrgType::kJointBranch},
        {"临时党支部", OrgType::kTemporaryBranch},
        {"功能型党支部", OrgType::kFunctionalBranch},
        {"功能党支部", OrgType::kFunctionalBranch},
        {"街道党工委", OrgType::kStreetWorkingCommittee},
        {"党工委", OrgType::kStreetWorkingCommittee},
        {"街道党委", OrgType::kStreetWorkingCommittee},
    };
    for (const auto& [name, type] : kNames)
        if (t == name) return type;
    if (auto wire = ParseOrgType(t)) return wire;
    return std::nullopt;
}

OrgRow ReadOrgRow(const member::SheetLayout& layout, const std::vector<std::string>& cells, std::size_t row_number,
                  const Date& today) {
    OrgRow out;
    out.row = row_number;
    auto cell = [&](std::string_view field) -> std::string {
        const auto* col = layout.Find(field);
        return col && col->index < cells.size() ? member::NormalizeCell(cells[col->index]) : "";
    };
    Error e;
    out.name = cell("name");
    out.parent_name = cell("parent");
    out.short_name = cell("short_name");
    out.place_name = cell("place");
    out.approval_doc = cell("approval_doc");
    if (out.name.empty()) e.WithField("name", "import.required");
    else member::CheckText(out.name, 2, 60, "name", e);
    member::CheckText(out.short_name, 0, 20, "short_name", e);
    member::CheckText(out.place_name, 0, 60, "place", e);
    member::CheckText(out.approval_doc, 0, 50, "approval_doc", e);
    const auto type_text = cell("type");
    if (type_text.empty()) e.WithField("type", "import.required");
    else if (!(out.type = OrgTypeFromText(type_text)))
        e.WithField("type", "import.org.type_unknown", {{"text", type_text}});
    if (out.type && !out.place_name.empty())
        out.place_kind = IsBranchType(*out.type)                         ? PlaceKind::kCompound
                         : *out.type == OrgType::kStreetWorkingCommittee ? PlaceKind::kStreet
                                                                         : PlaceKind::kCommunity;
    if (const auto founded = cell("founded"); !founded.empty()) {
        out.founded = member::ParseSheetDate(founded);
        if (!out.founded) e.WithField("founded", "date.format");
        else if (*out.founded > today)
            e.WithField("founded", "date.future", {{"latest", today.ToString()}}), out.founded.reset();
    }
    out.errors = std::move(e.fields);
    return out;
}

}  // namespace lianxin::core::org
