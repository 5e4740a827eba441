// The policy store's use cases on SQLite (issue 16): a street's change from a date holds for its communities
// and branches from that date only; a community overrides its street; the past is refused; a branch sets no
// rules; another street's admin cannot reach the org; every change is audited and the history keeps the
// closed setting.
#include "app/policy/policies.hpp"

#include "app/member/member_queries.hpp"

#include "app/testing/app_fixture.hpp"

namespace lianxin::app::testing {

using core::ErrorCode;
using core::auth::Role;
namespace policy = core::policy;

class PoliciesTest : public AppTest {
protected:
    PolicyChangeInput Change(std::int64_t org, const char* value, const char* from) {
        return {std::string(policy::kLostContactSearchEveryMonths), org, value, from, "嵩委〔2026〕12号"};
    }
    std::int64_t ValueFor(std::int64_t org, const char* on) {
        std::int64_t v = -1;
        const std::string path = PathOf(org);  // outside the transaction: the test database has one connection
        EXPECT_TRUE(ctx().db.Read(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
            LX_ASSIGN(p, PoliciesFor(tx, path));
            v = p.Value(policy::kLostContactSearchEveryMonths, *core::Date::Parse(on));
            return core::Ok();
        }));
        return v;
    }
};

TEST_F(PoliciesTest, AStreetsChangeHoldsBelowItFromItsFirstDayOnly) {
    const auto street_admin = ActorWith(Role::kOrgAdmin, street_);
    auto id = SetPolicy(ctx(), street_admin, Change(street_, "2", "2026-12-01"));
    ASSERT_TRUE(id) << id.error().message_key;
    EXPECT_EQ(CountAudit("policy.set"), 1);
    EXPECT_EQ(ValueFor(branch_a_, "2026-11-30"), 3);  // the national default before
    EXPECT_EQ(ValueFor(branch_a_, "2026-12-01"), 2);
    EXPECT_EQ(ValueFor(branch_b_, "2026-12-01"), 2);

    // Community A overrides its street from a later day; community B keeps the street's value.
    ASSERT_TRUE(SetPolicy(ctx(), ActorWith(Role::kOrgAdmin, community_a_), Change(community_a_, "1", "2027-01-01")));
    EXPECT_EQ(ValueFor(branch_a_, "2027-01-01"), 1);
    EXPECT_EQ(ValueFor(branch_b_, "2027-01-01"), 2);

    auto list = ListPolicies(ctx(), ActorWith(Role::kBranchSecretary, branch_a_), branch_a_, clock_.Today());
    ASSERT_TRUE(list);
    EXPECT_FALSE(list->can_edit);  // a branch sets no rules
    const auto& e = *std::find_if(list->entries.begin(), list->entries.end(), [](const PolicyEntry& x) {
        return x.spec->key == policy::kLostContactSearchEveryMonths;
    });
    EXPECT_EQ(e.value, 3);  // today (2026-11-23) nothing is in force yet
    ASSERT_EQ(e.pending.size(), 2u);
    EXPECT_EQ(e.pending[0].org_name, "嵩屿街道党工委");
    EXPECT_EQ(list->entries.size(), policy::Catalogue().size());
}

TEST_F(PoliciesTest, AChangeClosesTheOpenSettingAndTheHistoryKeepsIt) {
    const auto street_admin = ActorWith(Role::kOrgAdmin, street_);
    ASSERT_TRUE(SetPolicy(ctx(), street_admin, Change(street_, "2", "2026-11-23")));  // from today
    clock_.Advance(30LL * 86'400'000);                                                // 2026-12-23
    ASSERT_TRUE(SetPolicy(ctx(), street_admin, Change(street_, "4", "2027-01-01")));
    auto history = PolicyHistory(ctx(), street_admin, community_a_, std::string(policy::kLostContactSearchEveryMonths));
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 2u);
    EXPECT_EQ(history->at(0).setting.valid_to, core::Date::Parse("2027-01-01"));
    EXPECT_FALSE(history->at(1).setting.valid_to);
    EXPECT_EQ(ValueFor(community_a_, "2026-12-31"), 2);  // a record of that day is judged by the old setting
    EXPECT_EQ(ValueFor(community_a_, "2027-01-01"), 4);
}

TEST_F(PoliciesTest, ThePastABranchAndAnotherSubtreeAreRefused) {
    auto past = SetPolicy(ctx(), ActorWith(Role::kOrgAdmin, street_), Change(street_, "2", "2026-11-22"));
    ASSERT_FALSE(past);
    EXPECT_EQ(past.error().fields.at(0).field, "valid_from");
    EXPECT_EQ(past.error().fields.at(0).message_key, "policy.rule.past");
    EXPECT_EQ(SetPolicy(ctx(), ActorWith(Role::kOrgAdmin, branch_a_), Change(branch_a_, "2", "2026-12-01"))
                  .error()
                  .message_key,
              "policy.rule.branch");
    EXPECT_EQ(
        SetPolicy(ctx(), ActorWith(Role::kOrgAdmin, community_b_), Change(community_a_, "2", "2026-12-01")).error().code,
        ErrorCode::kNotFound);
    EXPECT_EQ(
        SetPolicy(ctx(), ActorWith(Role::kBranchSecretary, branch_a_), Change(street_, "2", "2026-12-01")).error().code,
        ErrorCode::kPermissionDenied);
    EXPECT_EQ(CountAudit("policy.set"), 0);
    EXPECT_EQ(ValueFor(branch_a_, "2027-06-01"), 3);
}

}  // namespace lianxin::app::testing

namespace lianxin::app::testing {

// Issue 16 "29 February anniversaries" (domain.md §2.3 [UNKNOWN]): a member whose conversion date is 29 February
// has party age counted to 28 Feb in a year without one, unless the org's policy member.leap_day_anniversary says
// mar_1 — read through the policy store for the member's org on the day (SQLite).
TEST_F(PoliciesTest, ALeapDayAnniversaryFollowsTheMembersOrgsRule) {
    std::int64_t leap_a = 0, leap_b = 0;
    // Both members converted on 29 February 2000 (a leap year), one in each community.
    for (auto id : {member_a_, member_b_})
        ASSERT_TRUE(ctx().db.Write(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
            LX_ASSIGN(m, tx.Members().Get(id));
            core::member::Member copy = *m;
            copy.id = 0;
            copy.id_number = SyntheticId("19491231", id == member_a_ ? 41 : 42);
            copy.conversion_date = core::Date::Parse("2000-02-29");
            LX_ASSIGN(fresh, tx.Members().Insert(copy));
            (id == member_a_ ? leap_a : leap_b) = fresh;
            return core::Ok();
        }));
    ASSERT_TRUE(SetPolicy(
        ctx(), ActorWith(Role::kOrgAdmin, community_a_),
        {std::string(policy::kMemberLeapDayAnniversary), community_a_, "mar_1", "2026-11-23", "海委〔2026〕3号"}));
    auto bad = SetPolicy(
        ctx(), ActorWith(Role::kOrgAdmin, community_a_),
        {std::string(policy::kMemberLeapDayAnniversary), community_a_, "mar_2", "2026-11-23", "海委〔2026〕3号"});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().fields.at(0).message_key, "policy.value.choice");
    clock_.Advance(97LL * 86'400'000);  // 2027-02-28
    ASSERT_EQ(clock_.Today().ToString(), "2027-02-28");
    auto a = ViewMember(ctx(), ActorWith(Role::kOrgAdmin, street_), leap_a);
    auto b = ViewMember(ctx(), ActorWith(Role::kOrgAdmin, street_), leap_b);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->value.leap_day, core::LeapDay::kMar1);
    EXPECT_EQ(b->value.leap_day, core::LeapDay::kFeb28);
    EXPECT_EQ(core::member::PartyAge(a->value.member, clock_.Today(), a->value.leap_day), 26);
    EXPECT_EQ(core::member::PartyAge(b->value.member, clock_.Today(), b->value.leap_day), 27);
    MemberListInput all;
    all.limit = 10;
    auto page = ListMembers(ctx(), ActorWith(Role::kOrgAdmin, street_), all);
    ASSERT_TRUE(page);
    for (const auto& r : page->items)
        EXPECT_EQ(r.leap_day, r.member.org_id == branch_a_ ? core::LeapDay::kMar1 : core::LeapDay::kFeb28);
}

}  // namespace lianxin::app::testing
