#include "core/member/import_row.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::member {
namespace {

Date D(const char* s) { return *Date::Parse(s); }
const Date kToday = D("2026-11-23");

// 110101198503020016: born 1985-03-02, male. 110101201001010023: born 2010-01-01, female.
const SheetLayout& Layout() {
    static const SheetLayout kLayout = *FindLayout({{"姓名", "性别", "出生日期", "公民身份号码", "联系电话", "入党日期",
                                                     "转正日期", "人员类别", "特长", "所在党支部", "工作单位"}});
    return kLayout;
}

ImportedRow Read(std::vector<std::string> cells) { return ReadMemberRow(Layout(), cells, 7, kToday); }

std::vector<std::string> Errors(const ImportedRow& r) {
    std::vector<std::string> out;
    for (const auto& e : r.errors) out.push_back(e.field + ":" + e.message_key);
    return out;
}

TEST(ImportRow, ReadsAFullMember) {
    auto r = Read({" 张三 ", "男", "1985/3/2", "11010119850302001６", "138 0000 1234", "2008.7.1", "2009年7月1日",
                   "正式党员", "电工、书法，电工", "第一党支部", "XX公司"});
    EXPECT_EQ(Errors(r), std::vector<std::string>{});
    EXPECT_EQ(r.row, 7u);
    EXPECT_EQ(r.member.name, "张三");
    EXPECT_EQ(r.member.id_number, "110101198503020016");
    EXPECT_EQ(r.member.phone, "13800001234");
    EXPECT_EQ(r.member.join_date, D("2008-07-01"));
    EXPECT_EQ(r.member.conversion_date, D("2009-07-01"));
    EXPECT_EQ(r.member.category, Category::kFull);
    EXPECT_EQ(r.member.skills, (std::vector<std::string>{"电工", "书法"}));
    EXPECT_EQ(r.org_name, "第一党支部");
    EXPECT_TRUE(r.Gave("work_unit"));
    EXPECT_FALSE(r.Gave("address"));
}

TEST(ImportRow, EveryWrongFieldIsNamed) {
    // domain.md §11 "must enforce": ID checksum and birth date / sex consistent with the ID number.
    auto bad_id = Read({"张三", "男", "", "110101198503020017", "", "2008-07-01", "", "", "", "", ""});
    EXPECT_EQ(Errors(bad_id), std::vector<std::string>{"id_number:id_number.checksum"});
    auto r = Read({"", "女", "1985-03-03", "110101198503020016", "1234", "2030-01-01", "", "", "", "", ""});
    EXPECT_EQ(Errors(r), (std::vector<std::string>{"name:import.required", "sex:member.sex.mismatch",
                                                   "birth_date:import.birth_date.mismatch", "phone:phone.format",
                                                   "join_date:date.future"}));
    auto missing = Read({"张三", "", "", "", "", "", "", "", "", "", ""});
    EXPECT_EQ(Errors(missing), (std::vector<std::string>{"id_number:import.required", "join_date:import.required"}));
}

TEST(ImportRow, JoinedAtEighteenOrOlder) {
    // domain.md §2.2 row 1: aged 18 or over (年满十八岁).
    auto r = Read({"李四", "", "", "110101201001010023", "", "2026-01-01", "", "预备党员", "", "", ""});
    EXPECT_EQ(Errors(r), std::vector<std::string>{"join_date:import.rule.join_age"});
}

TEST(ImportRow, ConversionDateIsTheEndOfProbation) {
    // §2.2 rows 17 and 19, §2.3: probation one year from the join date, extended by at most one year.
    auto early = Read({"张三", "", "", "110101198503020016", "", "2008-07-01", "2009-06-30", "", "", "", ""});
    EXPECT_EQ(Errors(early), std::vector<std::string>{"conversion_date:import.rule.conversion_date"});
    auto late = Read({"张三", "", "", "110101198503020016", "", "2008-07-01", "2010-07-02", "", "", "", ""});
    EXPECT_EQ(Errors(late), std::vector<std::string>{"conversion_date:import.rule.conversion_date"});
    auto extended = Read({"张三", "", "", "110101198503020016", "", "2008-07-01", "2010-07-01", "", "", "", ""});
    EXPECT_EQ(Errors(extended), std::vector<std::string>{});
}

TEST(ImportRow, CategoryFromTheDatesOrChecked) {
    auto recent = Read({"张三", "", "", "110101198503020016", "", "2026-03-01", "", "", "", "", ""});
    EXPECT_EQ(recent.member.category, Category::kProbationary);  // probation not over yet
    auto old = Read({"张三", "", "", "110101198503020016", "", "1990-03-01", "", "", "", "", ""});
    EXPECT_EQ(old.member.category, Category::kFull);  // converted long ago, day unknown
    auto between = Read({"张三", "", "", "110101198503020016", "", "2025-03-01", "", "", "", "", ""});
    EXPECT_EQ(Errors(between), std::vector<std::string>{"category:import.category.needed"});
    auto over = Read({"张三", "", "", "110101198503020016", "", "2020-03-01", "", "预备党员", "", "", ""});
    EXPECT_EQ(Errors(over), std::vector<std::string>{"category:import.rule.probation_over"});
    auto too_early = Read({"张三", "", "", "110101198503020016", "", "2026-03-01", "", "正式党员", "", "", ""});
    EXPECT_EQ(Errors(too_early), std::vector<std::string>{"category:import.rule.full_too_early"});
    auto converted = Read(
        {"张三", "", "", "110101198503020016", "", "2008-07-01", "2009-07-01", "预备党员", "", "", ""});
    EXPECT_EQ(Errors(converted), std::vector<std::string>{"category:import.rule.probationary_converted"});
    auto unknown = Read({"张三", "", "", "110101198503020016", "", "2008-07-01", "", "积极分子", "", "", ""});
    EXPECT_EQ(Errors(unknown), std::vector<std::string>{"category:member.category.format"});
}

TEST(ImportRow, OnlyContactFieldsUpdateAnExistingEntry) {
    Member existing;
    existing.name = "张三";
    existing.phone = "13800001234";
    existing.work_unit = "旧单位";
    existing.join_date = D("2008-07-01");
    existing.conversion_date = D("2009-07-01");
    auto r = Read(
        {"张三丰", "", "", "110101198503020016", "13800001234", "2008-07-02", "2009-07-02", "", "电工", "", "新单位"});
    ASSERT_EQ(Errors(r), std::vector<std::string>{});
    auto cmp = CompareWithRegistry(r, existing, true);
    EXPECT_EQ(cmp.changes, (std::vector<std::string>{"work_unit", "skills"}));  // phone is the same; address not given
    std::vector<std::string> notes;
    for (const auto& n : cmp.notes) notes.push_back(n.field + ":" + n.message_key);
    EXPECT_EQ(notes, (std::vector<std::string>{"name:import.note.kept", "join_date:import.note.kept",
                                               "conversion_date:import.note.kept", "org:import.note.org_kept"}));
    ApplyImportChanges(r, cmp.changes, existing);
    EXPECT_EQ(existing.work_unit, "新单位");
    EXPECT_EQ(existing.skills, std::vector<std::string>{"电工"});
    EXPECT_EQ(existing.name, "张三");  // identity never overwritten from a sheet
    EXPECT_EQ(existing.join_date, D("2008-07-01"));
}

}  // namespace
}  // namespace lianxin::core::member
