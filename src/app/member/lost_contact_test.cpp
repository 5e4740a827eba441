// The search for lost-contact members on SQLite (domain.md §2.5, seed 004): only while the member is tagged
// lost contact, audited with the member as subject, listed newest first; a found entry restores contact in the
// same transaction; a sibling branch sees nothing (404) and a member cannot write.
#include "app/member/lost_contact.hpp"

#include "app/member/registry.hpp"
#include "app/testing/app_fixture.hpp"

namespace lianxin::app::testing {

using core::ErrorCode;
using core::auth::Role;

class LostContactTest : public AppTest {
protected:
    void TagLost(const char* on) {
        const auto secretary = ActorWith(Role::kBranchSecretary, branch_a_);
        auto current = ViewMember(ctx(), secretary, member_a_);
        ASSERT_TRUE(current);
        MemberEditInput edit;
        edit.version = current->value.member.version;
        edit.edit.tags = {"retired", "lost_contact"};
        edit.edit.lost_contact_on = on;
        ASSERT_TRUE(UpdateMember(ctx(), secretary, member_a_, edit));
    }
    LostContactInput Entry(const char* on, bool found = false) {
        return {on, "phone", "支部书记李某", "拨打原手机号，已停机", found};
    }
};

TEST_F(LostContactTest, OnlyForALostContactMemberAndAuditedForTheMember) {
    const auto secretary = ActorWith(Role::kBranchSecretary, branch_a_);
    auto refused = AddLostContactSearch(ctx(), secretary, member_a_, Entry("2026-10-01"));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_EQ(refused.error().message_key, "lost_contact.rule.not_lost");
    TagLost("2026-03-01");
    auto bad = AddLostContactSearch(ctx(), secretary, member_a_,
                                    LostContactInput{"2026-02-01", "email", "", "", false});
    ASSERT_FALSE(bad);
    ASSERT_EQ(bad.error().fields.size(), 1u);  // the method first: the facts are checked once they parse
    EXPECT_EQ(bad.error().fields[0].field, "method");
    ASSERT_TRUE(AddLostContactSearch(ctx(), secretary, member_a_, Entry("2026-05-01")));
    auto second = AddLostContactSearch(ctx(), secretary, member_a_,
                                       LostContactInput{"2026-09-01", "visit", "委员王某", "邻居称已搬离", false});
    ASSERT_TRUE(second);
    ASSERT_EQ(second->entries.size(), 2u);
    EXPECT_EQ(second->entries[0].search.on, core::Date::Parse("2026-09-01"));  // newest first
    EXPECT_EQ(second->actions, std::vector<std::string>{"add"});
    EXPECT_EQ(CountAudit("search.add"), 2);
    auto view = ViewLostContactSearches(ctx(), ActorWith(Role::kBranchSecretary, community_a_), member_a_);
    ASSERT_TRUE(view);
    EXPECT_EQ(view->entry.subject_member_id, member_a_);
    EXPECT_EQ(view->entry.action, "search.view");
    EXPECT_TRUE(view->value.lost_contact);
    EXPECT_TRUE(view->value.actions.empty() || view->value.actions == std::vector<std::string>{"add"});
    // Outside the scope: not found; a member cannot write.
    EXPECT_EQ(ViewLostContactSearches(ctx(), ActorWith(Role::kBranchSecretary, branch_b_), member_a_).error().code,
              ErrorCode::kNotFound);
    EXPECT_EQ(AddLostContactSearch(ctx(), ActorWith(Role::kBranchSecretary, branch_b_), member_a_, Entry("2026-10-01"))
                  .error()
                  .code,
              ErrorCode::kNotFound);
    EXPECT_EQ(
        AddLostContactSearch(ctx(), ActorWith(Role::kMember, branch_a_), member_a_, Entry("2026-10-01")).error().code,
        ErrorCode::kPermissionDenied);
}

// §2.4 field 15: contact restored → no longer a lost-contact member; the found entry is the last one.
TEST_F(LostContactTest, AFoundEntryClearsTheTagInTheSameTransaction) {
    const auto secretary = ActorWith(Role::kBranchSecretary, branch_a_);
    TagLost("2026-03-01");
    auto found = AddLostContactSearch(ctx(), secretary, member_a_, Entry("2026-11-02", true));
    ASSERT_TRUE(found) << found.error().message_key;
    EXPECT_TRUE(found->contact_restored);
    EXPECT_FALSE(found->lost_contact);
    EXPECT_TRUE(found->actions.empty());
    auto record = ViewMember(ctx(), secretary, member_a_);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->value.member.tags, std::vector<std::string>{"retired"});
    EXPECT_FALSE(record->value.member.lost_contact_on);
    EXPECT_EQ(record->value.member.version, found->member_version);
    EXPECT_EQ(AddLostContactSearch(ctx(), secretary, member_a_, Entry("2026-11-03")).error().message_key,
              "lost_contact.rule.not_lost");
}

// [LOCAL] three months without a search once six months lost: the reminder shows in the view.
TEST_F(LostContactTest, ReminderWhenNoRecentSearch) {
    const auto secretary = ActorWith(Role::kBranchSecretary, branch_a_);
    TagLost("2026-03-01");
    auto view = ViewLostContactSearches(ctx(), secretary, member_a_);
    ASSERT_TRUE(view);
    ASSERT_TRUE(view->value.reminder);
    EXPECT_EQ(view->value.reminder->key, "member.due.lost_contact_search");
    ASSERT_TRUE(AddLostContactSearch(ctx(), secretary, member_a_, Entry("2026-10-01")));
    view = ViewLostContactSearches(ctx(), secretary, member_a_);
    ASSERT_TRUE(view);
    EXPECT_FALSE(view->value.reminder);
}

}  // namespace lianxin::app::testing
