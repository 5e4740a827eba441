// Registering one member by hand on SQLite: the rules of a sheet row apply (domain.md §11 ID checksum and birth date,
// §2.2 row 1 the age of 18 at joining), an ID number already in the branch's subtree is a conflict, one registered
// elsewhere is refused without saying where, members go into branches only, and the scope holds.
#include "app/member/register.hpp"

#include "app/testing/app_fixture.hpp"

namespace lianxin::app::testing {

using core::ErrorCode;
using core::auth::Role;

class RegisterTest : public AppTest {
protected:
    RegisterInput In(std::int64_t org, std::string id_number) {
        RegisterInput in;
        in.org_id = org;
        in.fields = {{"name", "郑登记"},           {"sex", "男"},
                     {"birth_date", "1990-05-06"}, {"id_number", std::move(id_number)},
                     {"join_date", "2015-07-01"},  {"conversion_date", "2016-07-01"},
                     {"phone", "13911112222"}};
        return in;
    }
    std::vector<std::string> Fields(const core::Error& e) {
        std::vector<std::string> out;
        for (const auto& f : e.fields) out.push_back(f.field + ":" + f.message_key);
        return out;
    }
};

TEST_F(RegisterTest, AMemberIsRegisteredOnceInABranch) {
    const auto sec = ActorWith(Role::kBranchSecretary, branch_a_);
    const auto id_number = SyntheticId("19900506", 11);
    auto id = RegisterMember(ctx(), sec, In(branch_a_, id_number));
    ASSERT_TRUE(id) << id.error().message_key;
    EXPECT_EQ(CountAudit("member.create"), 1);
    auto again = RegisterMember(ctx(), sec, In(branch_a_, id_number));
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kConflict);
    EXPECT_EQ(again.error().fields.at(0).field, "id_number");
}

TEST_F(RegisterTest, TheRowRulesApplyAndEachFieldIsNamed) {
    const auto sec = ActorWith(Role::kBranchSecretary, branch_a_);
    auto in = In(branch_a_, SyntheticId("19900506", 13));
    in.fields["birth_date"] = "1990-05-07";  // not the ID's
    in.fields["join_date"] = "2005-07-01";   // at 15
    in.fields["conversion_date"] = "2006-07-01";
    auto r = RegisterMember(ctx(), sec, in);
    ASSERT_FALSE(r);
    EXPECT_EQ(Fields(r.error()),
              (std::vector<std::string>{"birth_date:import.birth_date.mismatch", "join_date:import.rule.join_age"}));
    const auto elsewhere = SyntheticId("19900506", 21);
    AddMember(branch_b_, "钱其他", elsewhere);  // a member of the other community
    in = In(branch_a_, elsewhere);
    // Issue 15 defect 3: outside the secretary's scope, "already registered" without where or as what.
    EXPECT_EQ(Fields(RegisterMember(ctx(), sec, in).error()),
              std::vector<std::string>{"id_number:import.id_number.registered"});
    EXPECT_EQ(CountAudit("member.create"), 0);
}

TEST_F(RegisterTest, MembersGoIntoBranchesInsideTheScope) {
    const auto admin = ActorWith(Role::kOrgAdmin, community_a_);
    EXPECT_EQ(Fields(RegisterMember(ctx(), admin, In(community_a_, SyntheticId("19900506", 15))).error()),
              std::vector<std::string>{"org_id:import.org.not_branch"});
    EXPECT_EQ(
        RegisterMember(ctx(), ActorWith(Role::kBranchSecretary, branch_b_), In(branch_a_, SyntheticId("19900506", 17)))
            .error()
            .code,
        ErrorCode::kNotFound);
    auto unknown = In(branch_a_, SyntheticId("19900506", 19));
    unknown.fields["salary"] = "5000";
    EXPECT_EQ(Fields(RegisterMember(ctx(), admin, unknown).error()),
              std::vector<std::string>{"salary:json.unknown_field"});
}

}  // namespace lianxin::app::testing
