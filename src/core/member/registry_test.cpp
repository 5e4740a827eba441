#include "core/member/registry.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::member {
namespace {

Date D(const char* s) { return *Date::Parse(s); }
const Date kToday = D("2026-11-23");

std::vector<std::string> FieldsOf(const Status& st) {
    std::vector<std::string> out;
    if (!st)
        for (const auto& f : st.error().fields) out.push_back(f.field + ":" + f.message_key);
    return out;
}

TEST(RegistryEdit, AppliesAndNormalizes) {
    Member m;
    RegistryEdit e;
    e.phone = "13812345678";
    e.skills = {" 电工 ", "书法", "电工"};
    e.tags = {"floating", "in_service"};
    e.floating_to = "广东省深圳市南山区";
    e.fields["occupation"] = "worker";
    ASSERT_TRUE(ApplyRegistryEdit(e, kToday, m));
    EXPECT_EQ(m.skills, (std::vector<std::string>{"电工", "书法"}));
    EXPECT_EQ(m.tags, (std::vector<std::string>{"in_service", "floating"}));  // fixed order
    EXPECT_EQ(m.floating_to, "广东省深圳市南山区");
    EXPECT_EQ(m.occupation, "worker");
    EXPECT_FALSE(m.lost_contact_on);
    // Absent phone and address keep what is stored (the form only ever saw them masked).
    RegistryEdit keep;
    ASSERT_TRUE(ApplyRegistryEdit(keep, kToday, m));
    EXPECT_EQ(m.phone, "13812345678");
}

// domain.md §2.4: the floating member's destination is collected by the outflow org; lost contact has a date.
TEST(RegistryEdit, FloatingNeedsADestinationAndLostContactADate) {
    Member m;
    RegistryEdit e;
    e.tags = {"floating", "lost_contact"};
    EXPECT_EQ(FieldsOf(ApplyRegistryEdit(e, kToday, m)),
              (std::vector<std::string>{"floating_to:field.text", "lost_contact_on:date.format"}));
    e.floating_to = "外省";
    e.lost_contact_on = "2026-12-01";
    EXPECT_EQ(FieldsOf(ApplyRegistryEdit(e, kToday, m)), (std::vector<std::string>{"lost_contact_on:date.future"}));
    // Without the tags, the destination and the date are dropped.
    e.tags = {};
    m.floating_to = "旧值";
    ASSERT_TRUE(ApplyRegistryEdit(e, kToday, m));
    EXPECT_EQ(m.floating_to, "");
}

// domain.md §11.1 extended items: 学位 is a registry field, one code of the degree list or none.
TEST(RegistryEdit, DegreeIsACodeOfItsList) {
    Member m;
    RegistryEdit e;
    e.fields["degree"] = "master";
    ASSERT_TRUE(ApplyRegistryEdit(e, kToday, m));
    EXPECT_EQ(m.degree, "master");
    e.fields["degree"] = "phd";
    EXPECT_EQ(FieldsOf(ApplyRegistryEdit(e, kToday, m)), (std::vector<std::string>{"degree:field.code"}));
    e.fields.erase("degree");  // absent: not given
    ASSERT_TRUE(ApplyRegistryEdit(e, kToday, m));
    EXPECT_EQ(m.degree, "");
}

TEST(RegistryEdit, NamesEveryWrongField) {
    Member m;
    RegistryEdit e;
    e.phone = "12345";
    e.fields["occupation"] = "astronaut";
    e.skills = {"电工,水工", ""};
    e.tags = {"in_service", "retired", "vip"};
    EXPECT_EQ(FieldsOf(ApplyRegistryEdit(e, kToday, m)),
              (std::vector<std::string>{"phone:phone.format", "occupation:field.code", "skills[0]:member.skill.comma",
                                        "skills[1]:field.text", "tags:member.tag.unknown",
                                        "tags:member.tag.in_service_retired"}));
    e = RegistryEdit{};
    for (int i = 0; i < 11; ++i) e.skills.push_back("特长" + std::to_string(i));
    EXPECT_EQ(FieldsOf(ApplyRegistryEdit(e, kToday, m)), (std::vector<std::string>{"skills:json.too_many"}));
}

// domain.md §2.4/§2.5: lost contact for 6 months → search, then the branch may decide to stop party status;
// a reminder only, never an automatic change.
TEST(RegistryEdit, LostContactForSixMonthsIsAReminder) {
    Member m;
    m.lost_contact_on = D("2026-05-23");
    auto r = MemberReminders(m, D("2026-11-22"));
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].key, "member.due.lost_contact");
    EXPECT_EQ(r[0].due, D("2026-11-23"));
    EXPECT_FALSE(r[0].overdue);
    EXPECT_TRUE(MemberReminders(m, kToday)[0].overdue);
    EXPECT_EQ(m.status, PartyStatus::kNormal);  // nothing changed by itself
    m.status = PartyStatus::kStopped;
    EXPECT_TRUE(MemberReminders(m, kToday).empty());
}

}  // namespace
}  // namespace lianxin::core::member
