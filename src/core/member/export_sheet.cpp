#include "core/member/export_sheet.hpp"

#include "core/member/masking.hpp"

namespace lianxin::core::member {

namespace {
std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

std::string Joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : "、") + s;
    return out;
}
}  // namespace

std::string WatermarkText(const ExportWatermark& w, std::size_t count) {
    return "导出人：" + w.who + "　导出时间：" + w.when + "　范围：" + w.scope + "　" +
           (w.full ? "完整信息导出" : "脱敏导出") + "　共 " + std::to_string(count) + " 人　仅限工作使用，请勿外传";
}

SheetRows MemberSheet(const std::vector<ExportedMember>& members, const ExportWatermark& w, const Date& today) {
    SheetRows rows;
    rows.push_back({WatermarkText(w, members.size())});
    rows.push_back({"姓名", "性别", "民族", "出生日期", "公民身份号码", "联系电话", "学历", "人员类别", "所在党组织",
                    "入党日期", "转正日期", "党龄", "党籍状态", "工作单位", "家庭住址", "特长"});
    for (const auto& e : members) {
        const Member& m = e.member;
        const auto age = PartyAge(m, today, e.leap_day);
        rows.push_back({m.name, m.sex == Sex::kFemale ? "女" : "男", m.ethnicity, m.birth_date.ToString(),
                        w.full ? m.id_number : MaskIdNumber(m.id_number), w.full ? m.phone : MaskPhone(m.phone),
                        m.education, m.category == Category::kFull ? "正式党员" : "预备党员", e.org_name,
                        DateText(m.join_date), DateText(m.conversion_date), age ? std::to_string(*age) : "",
                        m.status == PartyStatus::kStopped ? "停止党籍" : "正常", m.work_unit,
                        w.full ? m.address : MaskAddress(m.address), Joined(m.skills)});
    }
    return rows;
}

}  // namespace lianxin::core::member
