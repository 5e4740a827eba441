// The code lists (字典) and the member field specs as the web forms and the CLI read them (issue 16 "Each shape
// once").
#include "http/json/dictionary_dto.hpp"

#include "core/member/field_spec.hpp"

namespace lianxin::http {

namespace {
nlohmann::json LabelsJson(const core::member::Label& l) { return {{"zh-CN", l.zh}, {"en", l.en}}; }
}  // namespace

nlohmann::json DictionariesJson() {
    namespace mm = core::member;
    nlohmann::json lists = nlohmann::json::array();
    for (const auto& l : mm::CodeLists()) {
        nlohmann::json codes = nlohmann::json::array();
        for (const auto& c : l.codes) codes.push_back({{"code", c.code}, {"labels", LabelsJson(c.label)}});
        lists.push_back({{"id", l.id}, {"labels", LabelsJson(l.label)}, {"codes", codes}});
    }
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& f : mm::MemberFields()) {
        const bool sized = f.kind == mm::FieldKind::kText || f.kind == mm::FieldKind::kTextList ||
                           f.kind == mm::FieldKind::kPhone || f.kind == mm::FieldKind::kIdNumber;
        fields.push_back({{"name", f.name},
                          {"labels", LabelsJson(f.label)},
                          {"kind", mm::ToString(f.kind)},
                          {"required", f.required},
                          {"min_length", sized ? nlohmann::json(f.min) : nlohmann::json(nullptr)},
                          {"max_length", sized ? nlohmann::json(f.max) : nlohmann::json(nullptr)},
                          {"max_items", f.max_items > 0 ? nlohmann::json(f.max_items) : nlohmann::json(nullptr)},
                          {"code_list", *f.code_list ? nlohmann::json(f.code_list) : nlohmann::json(nullptr)},
                          {"registry", f.registry != nullptr}});
    }
    return {{"code_lists", lists}, {"member_fields", fields}};
}

}  // namespace lianxin::http
