// Org import on SQLite through the real sheet reader (issue 4: "Import members and orgs"): a preview writes nothing
// and names each broken field with the rule, a row may name a row above as its parent, an org already standing
// under the same parent is unchanged, the commit sets up the good rows with their history, org_write holds the
// scope, and the undo is whole and refused once an org is in use.
#include "app/org/org_import.hpp"

#include "app/member/register.hpp"
#include "app/org/org_queries.hpp"
#include "app/org/reorganize.hpp"
#include "app/testing/app_fixture.hpp"

namespace lianxin::app::testing {

using core::ErrorCode;
using core::auth::Role;

class OrgImportTest : public AppTest {
protected:
    ImportInput In(std::int64_t org, const std::string& bytes) {
        file_ = bytes;
        return ImportInput{org, "党组织.csv", file_};
    }
    std::string Csv(const std::vector<std::string>& rows) {
        std::string out = "海发社区党组织设置情况,,,,\n序号,党组织名称,组织类型,上级组织,成立时间,批准文号\n";
        for (const auto& r : rows) out += r + "\n";
        return out;
    }
    std::vector<std::string> Actions(const OrgImportPreview& p) {
        std::vector<std::string> out;
        for (const auto& r : p.rows) {
            std::string s = std::to_string(r.row) + ":" + r.action;
            for (const auto& e : r.errors) s += " " + e.field + "=" + e.message_key;
            out.push_back(s);
        }
        return out;
    }
    std::vector<std::string> ChildNames(std::int64_t org) {
        std::vector<std::string> out;
        auto list = OrgChildren(ctx(), Admin(), org, clock_.Today());
        if (list)
            for (const auto& v : *list) out.push_back(v.org.name);
        return out;
    }
    core::auth::Actor Admin() { return ActorWith(Role::kOrgAdmin, community_a_); }
    std::string file_;
};

TEST_F(OrgImportTest, PreviewNamesEachProblemAndACommitSetsUpTheGoodRows) {
    const auto sheet = Csv({
        "1,海发社区第二党总支,党总支,,2020-03-01,海发社委〔2020〕2号",
        "2,海景小区党支部,支部,海发社区第二党总支,2020年3月1日,",
        "3,绿苑小区党支部,党支部,,,",              // already stands under the community
        "4,楼栋党小组,党小组,,,",                  // a party group is not an org (domain.md §1.1)
        "5,支部下的支部,党支部,海景小区党支部,,",  // a branch holds no orgs (§1.1)
        "6,海景小区党支部,党支部,,,",              // the same name twice
        "7,外社区支部,党支部,海翔社区党委,,",      // outside the target's subtree
    });
    auto p = PreviewOrgImport(ctx(), Admin(), In(community_a_, sheet));
    ASSERT_TRUE(p) << p.error().message_key;
    EXPECT_EQ(Actions(*p),
              (std::vector<std::string>{"3:create", "4:create", "5:unchanged", "6:error type=import.org.type_unknown",
                                        "7:error type=org.reorg.type_not_allowed", "8:error name=import.org.repeated",
                                        "9:error parent=import.org.unknown"}));
    EXPECT_EQ(p->rows[1].parent_name, "海发社区第二党总支");
    EXPECT_EQ(p->rows[3].errors[0].params.at("label"), "orgsheet.type");
    EXPECT_EQ(ChildNames(community_a_), std::vector<std::string>{"绿苑小区党支部"});  // nothing written

    auto done = CommitOrgImport(ctx(), Admin(), In(community_a_, sheet));
    ASSERT_TRUE(done) << done.error().message_key;
    EXPECT_EQ(done->record.counts.create, 2);
    EXPECT_EQ(ChildNames(community_a_), (std::vector<std::string>{"绿苑小区党支部", "海发社区第二党总支"}));
    auto general = OrgChildren(ctx(), Admin(), community_a_, clock_.Today())->at(1).org;
    EXPECT_EQ(general.type, core::org::OrgType::kGeneralBranch);
    EXPECT_EQ(general.valid_from.ToString(), "2020-03-01");
    EXPECT_EQ(ChildNames(general.id), std::vector<std::string>{"海景小区党支部"});
    auto history = OrgHistory(ctx(), Admin(), general.id);
    ASSERT_EQ(history->size(), 1u);
    EXPECT_EQ(history->at(0).approval_doc, "海发社委〔2020〕2号");
    EXPECT_EQ(CountAudit("org.import"), 1);
    EXPECT_EQ(ListOrgImports(ctx(), Admin(), 0)->size(), 1u);
}

TEST_F(OrgImportTest, TheScopeHoldsAndABranchSecretaryImportsNoOrgs) {
    const auto sheet = Csv({"1,新支部,党支部,,,"});
    EXPECT_EQ(PreviewOrgImport(ctx(), ActorWith(Role::kOrgAdmin, community_b_), In(community_a_, sheet)).error().code,
              ErrorCode::kNotFound);
    EXPECT_EQ(CommitOrgImport(ctx(), ActorWith(Role::kBranchSecretary, branch_a_), In(branch_a_, sheet)).error().code,
              ErrorCode::kPermissionDenied);
}

TEST_F(OrgImportTest, UndoIsWholeAndRefusedOnceAnOrgIsInUse) {
    const auto sheet = Csv({"1,海景小区党支部,党支部,,,", "2,蓝月湾小区党支部,党支部,,,"});
    auto first = CommitOrgImport(ctx(), Admin(), In(community_a_, sheet));
    ASSERT_TRUE(first);
    ASSERT_TRUE(UndoImport(ctx(), Admin(), first->record.id));
    EXPECT_EQ(ChildNames(community_a_), std::vector<std::string>{"绿苑小区党支部"});
    EXPECT_EQ(ChildNames(community_a_).size(), 1u);
    EXPECT_EQ(CountAudit("org.import_undo"), 1);

    auto second = CommitOrgImport(ctx(), Admin(), In(community_a_, sheet));
    ASSERT_TRUE(second);
    const auto branch = OrgChildren(ctx(), Admin(), community_a_, clock_.Today())->at(2).org.id;
    RegisterInput reg;
    reg.org_id = branch;
    reg.fields = {{"name", "郑在用"},
                  {"id_number", SyntheticId("19900506", 31)},
                  {"join_date", "2015-07-01"},
                  {"conversion_date", "2016-07-01"}};
    ASSERT_TRUE(RegisterMember(ctx(), Admin(), reg));
    auto refused = UndoImport(ctx(), Admin(), second->record.id);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
    EXPECT_EQ(refused.error().params.at("rows"), "4");
    EXPECT_EQ(ChildNames(community_a_).size(), 3u);  // nothing closed
}

}  // namespace lianxin::app::testing
