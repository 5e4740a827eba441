#include "core/member/field_spec.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/member/fields.hpp"

namespace lianxin::core::member {

namespace {
using K = FieldKind;
}  // namespace

const std::vector<FieldSpec>& MemberFields() {
    // name, label, kind, required, min, max, code list, max items, registry member
    static const std::vector<FieldSpec> kFields{
        {"name", {"姓名", "Name"}, K::kText, true, 1, 50},
        {"sex", {"性别", "Sex"}, K::kCode, false, 0, 0, "sex"},
        {"ethnicity", {"民族", "Ethnicity"}, K::kText, false, 0, 20},
        {"id_number", {"身份证号码", "ID number"}, K::kIdNumber, true, 18, 18},
        {"birth_date", {"出生日期", "Birth date"}, K::kDate},
        {"education", {"学历", "Education"}, K::kText, false, 0, 20, "", 0, &Member::education},
        {"degree", {"学位", "Degree"}, K::kCode, false, 0, 0, "degree", 0, &Member::degree},
        {"category", {"人员类别", "Category"}, K::kCode, false, 0, 0, "category"},
        {"join_date", {"入党日期", "Joined on"}, K::kDate, true},
        {"conversion_date", {"转正日期", "Full member since"}, K::kDate},
        {"occupation", {"职业", "Occupation"}, K::kCode, false, 0, 0, "occupation", 0, &Member::occupation},
        {"phone", {"联系电话", "Phone"}, K::kPhone, false, 0, 13},
        {"address", {"居住地址", "Address"}, K::kText, false, 0, 100},
        {"status", {"党籍状态", "Status"}, K::kCode, false, 0, 0, "party_status"},
        {"lost_contact_on", {"失去联系日期", "Lost contact on"}, K::kDate},
        {"floating_to", {"外出流向", "Floating to"}, K::kText, false, 2, 100},
        {"work_unit", {"工作单位", "Work unit"}, K::kText, false, 0, 100, "", 0, &Member::work_unit},
        {"skills", {"特长", "Skills"}, K::kTextList, false, 1, 20, "", 10},
        {"tags", {"人员属性", "Attributes"}, K::kCodes, false, 0, 0, "member_tag", 4},
    };
    return kFields;
}

const std::vector<CodeList>& CodeLists() {
    static const std::vector<CodeList> kLists{
        {"sex", {"性别", "Sex"}, {{"male", {"男", "Male"}}, {"female", {"女", "Female"}}}},
        {"category",
         {"人员类别", "Category"},
         {{"full", {"正式党员", "Full member"}}, {"probationary", {"预备党员", "Probationary member"}}}},
        {"party_status",
         {"党籍状态", "Party status"},
         {{"normal", {"正常", "Normal"}}, {"stopped", {"停止党籍", "Membership suspended"}}}},
        // 学位 (domain.md §11.1 extended items): the degrees of the degree system.
        {"degree",
         {"学位", "Degree"},
         {{"doctor", {"博士", "Doctorate"}}, {"master", {"硕士", "Master's"}}, {"bachelor", {"学士", "Bachelor's"}}}},
        // The occupations of the statistics bulletin (domain.md §2.4).
        {"occupation",
         {"职业", "Occupation"},
         {{"worker", {"工人", "Worker"}},
          {"farmer", {"农牧渔民", "Farmer, herder or fisher"}},
          {"professional", {"专业技术人员", "Professional"}},
          {"manager", {"管理人员", "Manager"}},
          {"party_gov", {"党政机关工作人员", "Party or government staff"}},
          {"student", {"学生", "Student"}},
          {"retired", {"离退休人员", "Retired"}},
          {"other", {"其他职业人员", "Other"}}}},
        // In a fixed order: the registry keeps a member's tags in this order.
        {"member_tag",
         {"人员属性", "Attributes"},
         {{"in_service", {"在职", "In service"}},
          {"retired", {"离退休", "Retired"}},
          {"floating", {"流动党员", "Floating member"}},
          {"lost_contact", {"失联党员", "Lost contact"}}}},
    };
    return kLists;
}

const FieldSpec& MemberField(std::string_view name) {
    for (const auto& f : MemberFields())
        if (name == f.name) return f;
    throw std::out_of_range("no member field spec " + std::string(name));
}

std::vector<std::string> CodesOf(std::string_view list) {
    std::vector<std::string> out;
    for (const auto& l : CodeLists())
        if (list == l.id)
            for (const auto& c : l.codes) out.emplace_back(c.code);
    return out;
}

bool HasCode(std::string_view list, std::string_view code) {
    const auto codes = CodesOf(list);
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

std::string CodeOfText(std::string_view list, std::string_view text) {
    for (const auto& l : CodeLists())
        if (list == l.id)
            for (const auto& c : l.codes)
                if (text == c.code || text == c.label.zh || text == c.label.en) return c.code;
    return std::string(text);
}

void CheckField(const FieldSpec& spec, std::string_view value, Error& errors) {
    // A text's minimum says whether it may be empty (a required text has min >= 1: "field.text" as before).
    const bool text = spec.kind == K::kText || spec.kind == K::kTextList;
    if (value.empty() && !text) {
        if (spec.required) errors.WithField(spec.name, "field.required");
        return;
    }
    switch (spec.kind) {
        case K::kText:
        case K::kTextList:
            return CheckText(value, spec.min, spec.max, spec.name, errors);
        case K::kCode:
        case K::kCodes:
            if (!HasCode(spec.code_list, value)) errors.WithField(spec.name, "field.code");
            return;
        case K::kPhone:
            return CheckPhone(value, spec.name, errors);
        case K::kDate:
        case K::kIdNumber:
            return;  // read by Date::Parse / ParseIdNumber where the value is used
    }
}

std::size_t MaxBytes(const FieldSpec& spec) {
    switch (spec.kind) {
        case K::kCode:
        case K::kCodes:
            return 64;
        case K::kDate:
            return 32;  // a sheet date too: "2001年07月01日"
        case K::kIdNumber:
            return 64;
        case K::kTextList:  // one item (a JSON list) or the whole list in one text ("电工,书法")
            return static_cast<std::size_t>(spec.max + 1) * 4 * spec.max_items;
        default:
            return static_cast<std::size_t>(spec.max) * 4;
    }
}

std::string ToString(FieldKind kind) {
    switch (kind) {
        case K::kText:
            return "text";
        case K::kCode:
            return "code";
        case K::kCodes:
            return "codes";
        case K::kTextList:
            return "text_list";
        case K::kPhone:
            return "phone";
        case K::kDate:
            return "date";
        case K::kIdNumber:
            return "id_number";
    }
    return "text";
}

}  // namespace lianxin::core::member
