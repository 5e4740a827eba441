// Editing the registry entry on SQLite: the branch's edit is stored (phone encrypted, skills searchable), the
// audit row names the changed fields but no values, a stale form is refused, and a sibling branch cannot edit.
#include "app/member/registry.hpp"

#include "app/member/lost_contact.hpp"

#include "app/testing/app_fixture.hpp"

namespace lianxin::app::testing {

using core::ErrorCode;
using core::auth::Role;

class RegistryTest : public AppTest {};

TEST_F(RegistryTest, BranchEditsItsMemberAndTheSkillBecomesSearchable) {
    const auto secretary = ActorWith(Role::kBranchSecretary, branch_a_);
    auto before = ViewMember(ctx(), secretary, member_a_);
    ASSERT_TRUE(before);
    MemberEditInput in;
    in.version = before->value.member.version;
    in.edit.phone = "13900002222";
    in.edit.skills = {"电工", "调解"};
    in.edit.fields["occupation"] = "retired";
    in.edit.tags = {"retired", "lost_contact"};
    in.edit.lost_contact_on = "2026-03-01";
    auto after = UpdateMember(ctx(), secretary, member_a_, in);
    ASSERT_TRUE(after) << after.error().message_key;
    EXPECT_EQ(after->member.phone, "13900002222");
    EXPECT_EQ(after->member.version, in.version + 1);
    EXPECT_EQ(after->member.lost_contact_on, core::Date::Parse("2026-03-01"));

    MemberListInput q;
    q.skill = "调解";
    auto found = ListMembers(ctx(), secretary, q);
    ASSERT_TRUE(found);
    ASSERT_EQ(found->items.size(), 1u);
    EXPECT_EQ(found->items[0].member.id, member_a_);
    // The audit row names the fields, never their values.
    std::string detail;
    ASSERT_TRUE(ctx().db.Read(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
        core::ports::AuditQuery aq;
        aq.scope_roots = {"/"};
        aq.action = "member.update";
        LX_ASSIGN(rows, tx.Audit().List(aq));
        if (!rows.empty()) detail = rows[0].detail;
        return core::Ok();
    }));
    EXPECT_EQ(detail, "fields=phone,skills,occupation,tags,lost_contact_on");
    EXPECT_EQ(detail.find("1390000"), std::string::npos);

    // The same form again is stale.
    auto stale = UpdateMember(ctx(), secretary, member_a_, in);
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
}

TEST_F(RegistryTest, SiblingBranchCannotEditAndBadFieldsAreNamed) {
    const auto sibling = ActorWith(Role::kBranchSecretary, branch_b_);
    MemberEditInput in;
    in.version = 1;
    auto denied = UpdateMember(ctx(), sibling, member_a_, in);
    ASSERT_FALSE(denied);
    EXPECT_EQ(denied.error().code, ErrorCode::kNotFound);
    const auto secretary = ActorWith(Role::kBranchSecretary, branch_a_);
    in.edit.tags = {"floating"};
    auto bad = UpdateMember(ctx(), secretary, member_a_, in);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().fields.at(0).field, "floating_to");
    EXPECT_EQ(UpdateMember(ctx(), ActorWith(Role::kMember, branch_a_), member_a_, in).error().code,
              ErrorCode::kPermissionDenied);
}

}  // namespace lianxin::app::testing

namespace lianxin::app::testing {

// domain.md §2.5: six months without contact, then a branch decision stops party status; recorded with its
// document, shown in the record, audited; the member stays in the registry.
TEST_F(RegistryTest, StatusDecisionsFollowTheRulesAndAreRecorded) {
    const auto secretary = ActorWith(core::auth::Role::kBranchSecretary, branch_a_);
    auto current = ViewMember(ctx(), secretary, member_a_);
    MemberEditInput edit;
    edit.version = current->value.member.version;
    edit.edit.tags = {"lost_contact"};
    edit.edit.lost_contact_on = "2026-06-01";
    ASSERT_TRUE(UpdateMember(ctx(), secretary, member_a_, edit));
    StatusInput stop;
    stop.version = edit.version + 1;
    stop.action = "stop";
    stop.ground = "lost_contact";
    stop.on = "2026-11-20";
    stop.doc_ref = "支委会〔2026〕5号";
    auto early = DecideStatus(ctx(), secretary, member_a_, stop);
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().message_key, "member.rule.stop_six_months");
    stop.on = "2026-12-01";  // a future date is refused as input
    EXPECT_EQ(DecideStatus(ctx(), secretary, member_a_, stop).error().fields.at(0).field, "on");
    // Backdated contact loss: the same decision is allowed once six months have passed.
    current = ViewMember(ctx(), secretary, member_a_);
    edit.version = current->value.member.version;
    edit.edit.lost_contact_on = "2026-03-01";
    ASSERT_TRUE(UpdateMember(ctx(), secretary, member_a_, edit));
    stop.version = edit.version + 1;
    stop.on = "2026-11-20";
    // Seed 004 / §2.5: "应先组织寻找，寻找无果再作处理" — refused until the branch has recorded a search.
    EXPECT_EQ(DecideStatus(ctx(), secretary, member_a_, stop).error().message_key, "member.rule.stop_no_search");
    ASSERT_TRUE(AddLostContactSearch(ctx(), secretary, member_a_,
                                     LostContactInput{"2026-10-08", "visit", "支部书记李某", "上门走访未遇", false}));
    auto stopped = DecideStatus(ctx(), secretary, member_a_, stop);
    ASSERT_TRUE(stopped) << stopped.error().message_key;
    EXPECT_EQ(stopped->member.status, core::member::PartyStatus::kStopped);
    ASSERT_EQ(stopped->status_changes.size(), 1u);
    EXPECT_EQ(stopped->status_changes[0].doc_ref, "支委会〔2026〕5号");
    EXPECT_EQ(CountAudit("member.status"), 1);
    EXPECT_FALSE(stopped->member.left_on);
    EXPECT_EQ(
        DecideStatus(ctx(), ActorWith(core::auth::Role::kBranchSecretary, branch_b_), member_a_, stop).error().code,
        core::ErrorCode::kNotFound);
}

}  // namespace lianxin::app::testing
