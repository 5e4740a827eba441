// Member import on SQLite through the real sheet reader: a preview writes nothing and names each broken field,
// the commit writes only good rows into the right branch, an existing member gets only contact fields, an ID
// number registered outside the scope previews as new and is refused by the commit without saying where, previews
// spend a budget of ID numbers, and the undo is whole, refused after a later change and after 7 days.
#include "app/member/import.hpp"

#include "app/member/development.hpp"
#include "app/member/member_queries.hpp"
#include "app/member/registry.hpp"
#include "app/rate_limiter.hpp"
#include "app/testing/app_fixture.hpp"

namespace lianxin::app::testing {

using core::ErrorCode;
using core::auth::Role;

class ImportTest : public AppTest {
protected:
    std::string Csv(const std::vector<std::string>& rows) {
        std::string out = "海发社区党员名册,,,,,\n序号,姓名,公民身份号码,联系电话,入党日期,转正日期,特长,所在党支部\n";
        for (const auto& r : rows) out += r + "\n";
        return out;
    }
    ImportInput In(std::int64_t org, const std::string& bytes) {
        file_ = bytes;
        return ImportInput{org, "党员名单.csv", file_};
    }
    std::vector<std::string> Actions(const ImportPreview& p) {
        std::vector<std::string> out;
        for (const auto& r : p.rows) out.push_back(std::to_string(r.row) + ":" + r.action);
        return out;
    }
    std::size_t CountIn(std::int64_t org, const core::auth::Actor& actor) {
        MemberListInput q;
        q.org_id = org;
        auto page = ListMembers(ctx(), actor, q);
        EXPECT_TRUE(page);
        return page ? page->items.size() : 0;
    }
    std::string file_;
    const std::string id1_ = SyntheticId("19800101", 11), id2_ = SyntheticId("19900202", 12);
};

TEST_F(ImportTest, PreviewWritesNothingAndNamesTheBrokenField) {
    const auto admin = ActorWith(Role::kOrgAdmin, community_a_);
    const std::string bad = id2_.substr(0, 17) + (id2_[17] == '1' ? "2" : "1");
    auto p = PreviewImport(
        ctx(), admin,
        In(community_a_, Csv({"1,王五," + id1_ + ",13800001111,2008-07-01,2009-07-01,电工,绿苑小区党支部",
                              "2,赵六," + bad + ",,2010-07-01,2011-07-01,,绿苑小区党支部", ",,,,,,,",
                              "3,钱七," + id2_ + ",,2010-07-01,2011-07-01,,不存在的支部"})));
    ASSERT_TRUE(p) << p.error().message_key;
    EXPECT_EQ(p->header_row, 2);
    EXPECT_EQ(Actions(*p), (std::vector<std::string>{"3:create", "4:error", "6:error"}));
    EXPECT_EQ(p->rows[1].errors.at(0).field, "id_number");
    EXPECT_EQ(p->rows[1].errors.at(0).message_key, "id_number.checksum");
    EXPECT_EQ(p->rows[2].errors.at(0).message_key, "import.org.unknown");
    EXPECT_EQ(p->rows[0].id_number.find(id1_), std::string::npos);  // masked
    EXPECT_EQ(p->counts.create, 1);
    EXPECT_EQ(p->counts.error, 2);
    EXPECT_EQ(CountIn(branch_a_, admin), 1u);  // only the fixture's member: nothing written
}

TEST_F(ImportTest, CommitWritesGoodRowsAndUndoRemovesThemAll) {
    const auto admin = ActorWith(Role::kOrgAdmin, community_a_);
    auto done = CommitImport(
        ctx(), admin,
        In(community_a_, Csv({"1,王五," + id1_ + ",13800001111,2008-07-01,2009-07-01,电工,绿苑小区党支部",
                              "2,钱七," + id2_ + ",,2010-07-01,2011-07-01,,绿苑小区党支部",
                              "3,张三,11010519491231002X,13999990000,1999-01-01,2000-01-01,书法,"})));
    ASSERT_TRUE(done) << done.error().message_key;
    EXPECT_EQ(done->record.counts.create, 2);
    EXPECT_EQ(done->record.counts.update, 1);  // the fixture's 张三: phone and skill
    EXPECT_TRUE(done->can_undo);
    EXPECT_EQ(CountIn(branch_a_, admin), 3u);
    auto zhang = ViewMember(ctx(), admin, member_a_);
    ASSERT_TRUE(zhang);
    EXPECT_EQ(zhang->value.member.phone, "13999990000");
    EXPECT_EQ(zhang->value.member.skills, std::vector<std::string>{"书法"});
    EXPECT_EQ(CountAudit("member.import"), 1);

    auto undone = UndoImport(ctx(), admin, done->record.id);
    ASSERT_TRUE(undone) << undone.error().message_key;
    EXPECT_TRUE(undone->record.undone);
    EXPECT_FALSE(undone->can_undo);
    EXPECT_EQ(CountIn(branch_a_, admin), 1u);
    auto restored = ViewMember(ctx(), admin, member_a_);
    ASSERT_TRUE(restored);
    EXPECT_EQ(restored->value.member.phone, "13812345678");
    EXPECT_TRUE(restored->value.member.skills.empty());
    auto again = UndoImport(ctx(), admin, done->record.id);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().message_key, "import.undo_done");
    // The same file imports again: the undo left no trace of the ID numbers.
    auto redo = CommitImport(ctx(), admin,
                             In(community_a_, Csv({"1,王五," + id1_ + ",,2008-07-01,2009-07-01,,绿苑小区党支部"})));
    ASSERT_TRUE(redo) << redo.error().message_key;
    EXPECT_EQ(redo->record.counts.create, 1);
}

TEST_F(ImportTest, UndoRefusedAfterALaterChangeOrSevenDays) {
    const auto admin = ActorWith(Role::kOrgAdmin, community_a_);
    auto done = CommitImport(ctx(), admin,
                             In(community_a_, Csv({"1,王五," + id1_ + ",,2008-07-01,2009-07-01,,绿苑小区党支部",
                                                   "2,钱七," + id2_ + ",,2010-07-01,2011-07-01,,绿苑小区党支部"})));
    ASSERT_TRUE(done) << done.error().message_key;
    MemberListInput q;
    q.name_prefix = "钱七";
    auto found = ListMembers(ctx(), admin, q);
    ASSERT_TRUE(found);
    ASSERT_EQ(found->items.size(), 1u);
    MemberEditInput edit;
    edit.version = found->items[0].member.version;
    edit.edit.fields["work_unit"] = "新单位";
    ASSERT_TRUE(UpdateMember(ctx(), admin, found->items[0].member.id, edit));
    auto refused = UndoImport(ctx(), admin, done->record.id);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
    EXPECT_EQ(refused.error().message_key, "import.undo_changed");
    EXPECT_EQ(refused.error().params.at("rows"), "4");
    EXPECT_EQ(CountIn(branch_a_, admin), 3u);  // all or nothing: 王五 is still there

    auto second = CommitImport(
        ctx(), admin,
        In(community_a_, Csv({"1,孙八," + SyntheticId("19850505", 13) + ",,2008-07-01,2009-07-01,,绿苑小区党支部"})));
    ASSERT_TRUE(second);
    clock_.Advance(7LL * 24 * 3600 * 1000);
    auto late = UndoImport(ctx(), admin, second->record.id);
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().message_key, "import.undo_expired");
}

TEST_F(ImportTest, ScopeIsKept) {
    // A branch secretary of A cannot import into B, nor list or undo B's imports.
    const auto secretary = ActorWith(Role::kBranchSecretary, branch_a_);
    auto into_b = PreviewImport(ctx(), secretary, In(branch_b_, Csv({"1,王五," + id1_ + ",,2008-07-01,2009-07-01,,"})));
    ASSERT_FALSE(into_b);
    EXPECT_EQ(into_b.error().code, ErrorCode::kNotFound);
    const auto admin_b = ActorWith(Role::kOrgAdmin, community_b_);
    ASSERT_TRUE(CommitImport(ctx(), admin_b, In(branch_b_, Csv({"1,王五," + id1_ + ",,2008-07-01,2009-07-01,,"}))));
    auto list = ListImports(ctx(), secretary, 0);
    ASSERT_TRUE(list);
    EXPECT_TRUE(list->empty());
    auto undo_b = UndoImport(ctx(), secretary, 1);
    ASSERT_FALSE(undo_b);
    EXPECT_EQ(undo_b.error().code, ErrorCode::kNotFound);
}

TEST_F(ImportTest, APreviewDoesNotTellWhetherAnIdNumberIsRegisteredOutsideTheScope) {
    // Issue 15 defect 3 (membership oracle): for a secretary of A, an ID number registered in B (a member, a
    // candidate) previews exactly like one registered nowhere; only the commit refuses the row, without saying
    // where or as what.
    const auto secretary = ActorWith(Role::kBranchSecretary, branch_a_);
    const auto in_b = SyntheticId("19700303", 14), candidate_b = SyntheticId("19950505", 16),
               fresh = SyntheticId("19700303", 18);
    AddMember(branch_b_, "周九", in_b);
    DevelopmentCaseInput c;
    c.org_id = branch_b_;
    c.name = "陈申请";
    c.sex = "female";  // an even sequence number
    c.id_number = candidate_b;
    c.phone = "13900001111";
    c.applied_on = "2022-03-01";
    auto made = CreateDevelopmentCase(ctx(), ActorWith(Role::kBranchSecretary, branch_b_), c);
    ASSERT_TRUE(made) << made.error().message_key << " "
                      << (made.error().fields.empty() ? "" : made.error().fields[0].message_key);
    const auto sheet = Csv({"1,周九," + in_b + ",13700000000,1999-01-01,2000-01-01,,",
                            "2,陈申请," + candidate_b + ",13700000000,2016-01-01,2017-01-01,,",
                            "3,吴新," + fresh + ",13700000000,1999-01-01,2000-01-01,,"});
    auto p = PreviewImport(ctx(), secretary, In(branch_a_, sheet));
    ASSERT_TRUE(p) << p.error().message_key;
    EXPECT_EQ(Actions(*p), (std::vector<std::string>{"3:create", "4:create", "5:create"}));
    for (const auto& r : p->rows) {
        EXPECT_EQ(r.org_name, p->rows[2].org_name) << r.row;
        EXPECT_TRUE(r.errors.empty()) << r.row;
        EXPECT_TRUE(r.notes.empty()) << r.row;
        EXPECT_TRUE(r.changes.empty()) << r.row;
    }
    EXPECT_EQ(p->counts.create, 3);

    auto done = CommitImport(ctx(), secretary, In(branch_a_, sheet));
    ASSERT_TRUE(done) << done.error().message_key;
    EXPECT_EQ(done->record.counts.create, 1);
    EXPECT_EQ(done->record.counts.error, 2);
    ASSERT_EQ(done->conflicts.size(), 2u);
    for (const auto& r : done->conflicts) {
        ASSERT_EQ(r.errors.size(), 1u);
        EXPECT_EQ(r.errors[0].field, "id_number");
        EXPECT_EQ(r.errors[0].message_key, "import.id_number.registered");  // the same for a member and a candidate
        EXPECT_EQ(r.org_name, "");
    }
    EXPECT_EQ(done->conflicts[0].row, 3);
    EXPECT_EQ(done->conflicts[1].row, 4);
    EXPECT_EQ(CountIn(branch_a_, secretary), 2u);

    // Nothing else to write: 422, naming each refused row.
    auto none = CommitImport(ctx(), secretary,
                             In(branch_a_, Csv({"1,周九," + in_b + ",13700000000,1999-01-01,2000-01-01,,"})));
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().message_key, "import.nothing");
    ASSERT_EQ(none.error().fields.size(), 1u);
    EXPECT_EQ(none.error().fields[0].field, "rows[3].id_number");
    EXPECT_EQ(none.error().fields[0].message_key, "import.id_number.registered");

    // Who may see the member (the street) is told as before: registered elsewhere in the scope.
    const auto street = ActorWith(Role::kOrgAdmin, street_);
    auto seen = PreviewImport(ctx(), street, In(branch_a_, sheet));
    ASSERT_TRUE(seen);
    EXPECT_EQ(seen->rows[0].errors.at(0).message_key, "import.id_number.elsewhere");
    EXPECT_EQ(seen->rows[1].errors.at(0).message_key, "import.id_number.development_case");
}

TEST_F(ImportTest, PreviewsSpendTheActorsBudgetOfIdNumbers) {
    // Issue 15 defect 3: previews check at most limits.import_preview_rows ID numbers per actor over time.
    RateLimiter limiter;
    ctx().limiter = &limiter;
    ctx().limits.import_preview_rows = {4, 3'600'000, 4};  // 4 an hour
    const auto secretary = ActorWith(Role::kBranchSecretary, branch_a_, 7);
    const auto three = Csv({"1,王五," + id1_ + ",,2008-07-01,2009-07-01,,",
                            "2,钱七," + id2_ + ",,2010-07-01,2011-07-01,,",
                            "3,孙八," + SyntheticId("19850505", 13) + ",,2008-07-01,2009-07-01,,"});
    ASSERT_TRUE(PreviewImport(ctx(), secretary, In(branch_a_, three)));
    auto spent = PreviewImport(ctx(), secretary, In(branch_a_, three));
    ASSERT_FALSE(spent);
    EXPECT_EQ(spent.error().code, ErrorCode::kTooManyRequests);
    EXPECT_EQ(spent.error().message_key, "import.preview_limited");
    EXPECT_EQ(spent.error().params.at("retry_after"), "1800");  // 2 more needed at 15 minutes each
    EXPECT_EQ(CountAudit("member.import_preview"), 1);          // the refused preview showed nothing
    EXPECT_TRUE(PreviewImport(ctx(), ActorWith(Role::kBranchSecretary, branch_a_, 8), In(branch_a_, three)));
    clock_.Advance(1'800'000);
    EXPECT_TRUE(PreviewImport(ctx(), secretary, In(branch_a_, three)));
    ctx().limiter = nullptr;
}

TEST_F(ImportTest, MemberOfASiblingBranchIsNotUpdatedThroughAnotherBranch) {
    // Regression: a community admin importing into branch A updated a member of sibling branch A2 (the check was
    // the actor's scope, not the target's subtree); the import, filed under A, was then undoable by A's secretary.
    const auto admin = ActorWith(Role::kOrgAdmin, community_a_);
    const auto sibling = AddOrg(community_a_, "绿苑二期党支部");
    const auto id = SyntheticId("19700404", 15);
    const auto member = AddMember(sibling, "吴十", id);
    auto p = CommitImport(ctx(), admin, In(branch_a_, Csv({"1,吴十," + id + ",13911112222,1999-01-01,2000-01-01,,"})));
    ASSERT_FALSE(p);
    EXPECT_EQ(p.error().message_key, "import.nothing");
    auto preview = PreviewImport(ctx(), admin,
                                 In(branch_a_, Csv({"1,吴十," + id + ",13911112222,1999-01-01,2000-01-01,,"})));
    ASSERT_TRUE(preview);
    EXPECT_EQ(preview->rows.at(0).errors.at(0).message_key, "import.id_number.elsewhere");
    auto record = ViewMember(ctx(), admin, member);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->value.member.phone, "13812345678");
    EXPECT_EQ(CountAudit("member.import_preview"), 1);
    EXPECT_EQ(CountAudit("member.import"), 1);  // the refused commit is audited too
}

TEST_F(ImportTest, RepeatedIdInTheFileAndUnreadableFiles) {
    const auto admin = ActorWith(Role::kOrgAdmin, branch_a_);
    auto p = PreviewImport(ctx(), admin,
                           In(branch_a_, Csv({"1,王五," + id1_ + ",,2008-07-01,2009-07-01,,",
                                              "2,王五," + id1_ + ",,2008-07-01,2009-07-01,,"})));
    ASSERT_TRUE(p);
    EXPECT_EQ(Actions(*p), (std::vector<std::string>{"3:create", "4:error"}));
    EXPECT_EQ(p->rows[1].errors.at(0).message_key, "import.id_number.repeated");
    EXPECT_EQ(p->rows[1].errors.at(0).params.at("row"), "3");
    auto none = CommitImport(ctx(), admin, In(branch_a_, Csv({"1,王五,123,,2008-07-01,,,"})));
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().message_key, "import.nothing");
    auto garbage = PreviewImport(ctx(), admin, In(branch_a_, std::string("PK\x03\x04garbage", 11)));
    ASSERT_FALSE(garbage);
    EXPECT_EQ(garbage.error().message_key, "import.file_format");
    auto headerless = PreviewImport(ctx(), admin, In(branch_a_, "a,b\n1,2\n"));
    ASSERT_FALSE(headerless);
    EXPECT_EQ(headerless.error().message_key, "import.no_header");
}

}  // namespace lianxin::app::testing
