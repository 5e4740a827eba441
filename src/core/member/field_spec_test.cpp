// One field spec per member field (issue 16 "Each shape once", bullet 2): the checks read their limits and code
// lists from the spec, every code field names a list that exists, and each code has both languages' labels.
#include "core/member/field_spec.hpp"

#include <gtest/gtest.h>

#include <set>

namespace lianxin::core::member {
namespace {

std::vector<std::string> FieldsOf(const Error& e) {
    std::vector<std::string> out;
    for (const auto& f : e.fields) out.push_back(f.field + ":" + f.message_key);
    return out;
}

TEST(FieldSpec, NamesAreUniqueAndCodeFieldsNameAList) {
    std::set<std::string> names;
    for (const auto& f : MemberFields()) {
        EXPECT_TRUE(names.insert(f.name).second) << f.name;
        EXPECT_TRUE(*f.label.zh && *f.label.en) << f.name;
        if (f.kind == FieldKind::kCode || f.kind == FieldKind::kCodes) {
            EXPECT_FALSE(CodesOf(f.code_list).empty()) << f.name << " names no code list";
        }
        if (f.kind == FieldKind::kText) { EXPECT_GT(f.max, 0) << f.name; }
        // A registry field is edited and shown generically: plain text or one code.
        if (f.registry) { EXPECT_TRUE(f.kind == FieldKind::kText || f.kind == FieldKind::kCode) << f.name; }
    }
    for (const auto& l : CodeLists())
        for (const auto& c : l.codes) EXPECT_TRUE(*c.label.zh && *c.label.en) << l.id << "." << c.code;
}

TEST(FieldSpec, ChecksReadTheSpec) {
    Error e = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    const auto& education = MemberField("education");
    CheckField(education, std::string(education.max, 'a'), e);  // at the limit
    EXPECT_TRUE(e.fields.empty());
    CheckField(education, std::string(education.max + 1, 'a'), e);
    CheckField("occupation", "astronaut", e);
    CheckField("occupation", "", e);  // optional code: empty is fine
    CheckField("sex", "", e);
    CheckField("phone", "12345", e);
    CheckField("name", "", e);  // required text: min 1
    EXPECT_EQ(FieldsOf(e), (std::vector<std::string>{"education:field.text", "occupation:field.code",
                                                     "phone:phone.format", "name:field.text"}));
    EXPECT_EQ(e.fields.front().params.at("max"), std::to_string(education.max));
    EXPECT_TRUE(HasCode("member_tag", "lost_contact"));
    EXPECT_FALSE(HasCode("member_tag", "vip"));
    EXPECT_THROW(MemberField("no_such_field"), std::out_of_range);
}

}  // namespace
}  // namespace lianxin::core::member
