// Exporting the member list on SQLite (issue 15 defect 6): a full export states a reason as a reveal does, its
// audit row keeps it, and every exported member finds the export, with the reason, under "谁查看了我的信息".
// A masked export leaves its one row for the caller to commit, as before.
#include "app/member/export.hpp"

#include "app/testing/app_fixture.hpp"

namespace lianxin::app::testing {

using core::ErrorCode;
using core::auth::Role;

class ExportTest : public AppTest {
protected:
    ExportInput Full(std::string reason) {
        ExportInput in;
        in.full = true;
        in.xlsx = false;
        in.reason = std::move(reason);
        return in;
    }
    std::string Detail(const storage::testing::AuditRowFilter& f) {
        std::string out;
        for (const auto& row : AuditRows(f)) out += row.detail + "\n";
        return out;
    }
};

TEST_F(ExportTest, AFullExportNeedsAReason) {
    const auto secretary = ActorWith(Role::kBranchSecretary, branch_a_);
    for (const std::string reason : {"", "看看"}) {
        auto r = ExportMembers(ctx(), secretary, Full(reason));
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
        ASSERT_EQ(r.error().fields.size(), 1u);
        EXPECT_EQ(r.error().fields[0].field, "reason");
    }
    EXPECT_EQ(CountAudit("member.export"), 0);
}

TEST_F(ExportTest, AFullExportIsListedInTheViewLogOfEveryMemberItHolds) {
    const auto second = AddMember(branch_a_, "李四", SyntheticId("19800101", 31));
    AddMember(branch_b_, "王五", SyntheticId("19800101", 33));  // outside the secretary's scope: not exported
    auto secretary = ActorWith(Role::kBranchSecretary, branch_a_);
    secretary.display_name = "王书记";
    auto file = ExportMembers(ctx(), secretary, Full("报送上级党委年度统计"));
    ASSERT_TRUE(file) << file.error().message_key;
    EXPECT_EQ(file->count, 2u);
    EXPECT_FALSE(file->audit) << "the rows are already written";
    EXPECT_EQ(CountAudit("member.export"), 1);
    EXPECT_EQ(CountAudit("member.export_member"), 2);
    const auto export_row = Detail({"member.export"});
    EXPECT_NE(export_row.find("count=2 full=1 format=csv sha256="), std::string::npos) << export_row;
    EXPECT_NE(export_row.find(" reason=报送上级党委年度统计\n"), std::string::npos) << export_row;
    auto id = AuditRows({"member.export"});
    ASSERT_EQ(id.size(), 1u);
    const std::string pointer = "export=" + std::to_string(id.front().id) + " reason=报送上级党委年度统计\n";
    EXPECT_EQ(Detail({"member.export_member"}), pointer + pointer);
    EXPECT_EQ(Detail({"member.export_member", second}), pointer);

    for (const auto member : {member_a_, second}) {
        auto me = ActorWith(Role::kMember, branch_a_, 50 + member);
        me.member_id = member;
        auto views = WhoViewedMe(ctx(), me, 0, 10);
        ASSERT_TRUE(views);
        ASSERT_EQ(views->items.size(), 1u) << member;
        EXPECT_EQ(views->items[0].action, "member.export_member");
        EXPECT_EQ(views->items[0].viewer_name, "王书记");
        EXPECT_EQ(views->items[0].reason, "报送上级党委年度统计");
    }
    auto other = ActorWith(Role::kMember, branch_b_, 70);
    other.member_id = member_b_;
    EXPECT_TRUE(WhoViewedMe(ctx(), other, 0, 10)->items.empty());
}

TEST_F(ExportTest, AMaskedExportLeavesItsOneRowToTheCaller) {
    const auto secretary = ActorWith(Role::kBranchSecretary, branch_a_);
    ExportInput in;
    in.xlsx = false;
    auto file = ExportMembers(ctx(), secretary, in);
    ASSERT_TRUE(file) << file.error().message_key;
    ASSERT_TRUE(file->audit);
    EXPECT_EQ(file->audit->action, "member.export");
    EXPECT_EQ(file->audit->detail.find("reason="), std::string::npos);
    EXPECT_EQ(CountAudit("member.export_member"), 0);
}

TEST_F(ExportTest, TheRevealReasonIsShownToo) {
    auto secretary = ActorWith(Role::kBranchSecretary, branch_a_);
    auto r = RevealMember(ctx(), secretary, member_a_, "联系本人参加主题党日");
    ASSERT_TRUE(r);
    ASSERT_TRUE(AppendAudit(ctx(), r->entry));
    auto me = ActorWith(Role::kMember, branch_a_, 5);
    me.member_id = member_a_;
    auto views = WhoViewedMe(ctx(), me, 0, 10);
    ASSERT_TRUE(views);
    ASSERT_EQ(views->items.size(), 1u);
    EXPECT_EQ(views->items[0].reason, "联系本人参加主题党日");
}

}  // namespace lianxin::app::testing
