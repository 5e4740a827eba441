// Transfers end to end on SQLite (domain.md §5): a branch requests, its committee issues the letter, the
// receiving committee sees only the minimal fields, accepts and places the member — the affiliation moves
// and the counts as of earlier days stay — and returns the receipt. Letters from and to outside, refusals,
// sides and scope.
#include "app/member/transfer.hpp"

#include "app/member/member_queries.hpp"
#include "app/org/committee.hpp"
#include "app/policy/policies.hpp"
#include "app/testing/app_fixture.hpp"

namespace lianxin::app::testing {

using core::ErrorCode;
using core::auth::Role;

class TransferTest : public AppTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        secretary_a_ = ActorWith(Role::kBranchSecretary, branch_a_, 11);
        committee_a_ = ActorWith(Role::kOrgAdmin, community_a_, 12);
        committee_b_ = ActorWith(Role::kOrgAdmin, community_b_, 13);
        secretary_b_ = ActorWith(Role::kBranchSecretary, branch_b_, 14);
    }

    std::int64_t Request(const std::string& kind = "within") {
        TransferRequestInput in;
        in.kind = kind;
        in.member_id = member_a_;
        in.to_org_id = kind == "within" ? community_b_ : 0;
        in.to_org_name = kind == "out" ? "某市某区某街道党工委" : "";
        in.reason = "迁居至海翔社区";
        in.on = "2026-11-02";
        auto id = RequestTransfer(ctx(), secretary_a_, in);
        EXPECT_TRUE(id) << (id ? "" : id.error().message_key);
        return id ? *id : 0;
    }

    core::Result<TransferView> Act(const core::auth::Actor& who, std::int64_t id, const std::string& action,
                                   const std::string& on, std::int64_t org_id = 0, const std::string& reason = "") {
        auto current = ViewTransfer(ctx(), who, id);
        TransferActionInput in;
        in.version = current ? current->value.record.version : 0;
        in.action = action;
        in.on = on;
        in.org_id = org_id;
        in.reason = reason;
        if (action == "issue") in.letter = LetterInput{"2026-017", "", 30, "2026-10", false};
        return ActOnTransfer(ctx(), who, id, in);
    }

    core::org::Headcount HeadcountOf(std::int64_t org, const std::string& on) {
        auto c = GetCommittee(ctx(), ActorWith(Role::kOrgAdmin, street_), org, *core::Date::Parse(on));
        EXPECT_TRUE(c);
        return c ? c->headcount : core::org::Headcount{};
    }

    core::auth::Actor secretary_a_, committee_a_, committee_b_, secretary_b_;
};

TEST_F(TransferTest, WithinWalksFromRequestToReceiptAndMovesTheAffiliation) {
    const auto id = Request();
    // The branch may not issue the letter: that is the committee's (domain.md §5.2).
    auto by_branch = Act(secretary_a_, id, "issue", "2026-11-03");
    ASSERT_FALSE(by_branch);
    EXPECT_EQ(by_branch.error().code, ErrorCode::kPermissionDenied);
    auto issued = Act(committee_a_, id, "issue", "2026-11-03");
    ASSERT_TRUE(issued) << issued.error().message_key;
    EXPECT_EQ(issued->record.facts.state, core::member::TransferState::kIssued);

    // The receiving committee sees the minimal fields only, and may accept or refuse.
    auto seen = ViewTransfer(ctx(), committee_b_, id);
    ASSERT_TRUE(seen);
    EXPECT_TRUE(seen->value.minimal);
    EXPECT_TRUE(seen->value.receiver);
    EXPECT_FALSE(seen->value.sender);
    EXPECT_EQ(seen->value.record.name, "张三");
    EXPECT_EQ(seen->value.record.birth_date, core::Date());
    EXPECT_FALSE(seen->value.record.join_date);
    EXPECT_EQ(seen->value.age, 76);
    EXPECT_EQ(seen->value.actions, (std::vector<std::string>{"accept", "refuse"}));
    // Its member list does not hold the member yet; the sender still manages them (§5.1).
    MemberListInput list;
    auto b_members = ListMembers(ctx(), committee_b_, list);
    ASSERT_TRUE(b_members);
    EXPECT_EQ(b_members->items.size(), 1u);

    // Placement must be inside the receiving org.
    auto outside = Act(committee_b_, id, "accept", "2026-11-10", branch_a_);
    ASSERT_FALSE(outside);
    EXPECT_EQ(outside.error().fields.at(0).field, "org_id");
    auto accepted = Act(committee_b_, id, "accept", "2026-11-10", branch_b_);
    ASSERT_TRUE(accepted) << accepted.error().message_key;
    EXPECT_FALSE(accepted->minimal);
    EXPECT_EQ(accepted->record.join_date, core::Date::Parse("1999-01-01"));  // from the registry, once accepted
    EXPECT_EQ(accepted->placed_org_name, "天心岛小区党支部");
    EXPECT_EQ(accepted->reminders.at(0).key, "transfer.due.receipt");
    EXPECT_EQ(accepted->reminders.at(0).due, core::Date::Parse("2026-12-10"));

    // The member now belongs to branch B; the sending branch no longer sees the record, only the transfer.
    EXPECT_TRUE(ViewMember(ctx(), secretary_b_, member_a_));
    auto lost = ViewMember(ctx(), secretary_a_, member_a_);
    ASSERT_FALSE(lost);
    EXPECT_EQ(lost.error().code, ErrorCode::kNotFound);
    auto from_side = ViewTransfer(ctx(), secretary_a_, id);
    ASSERT_TRUE(from_side);
    EXPECT_TRUE(from_side->value.sender);
    EXPECT_EQ(from_side->value.record.facts.state, core::member::TransferState::kAccepted);

    // Counts as of the day before still place the member in branch A (issue 4: effective dating).
    EXPECT_EQ(HeadcountOf(branch_a_, "2026-11-09").full, 1);
    EXPECT_EQ(HeadcountOf(branch_b_, "2026-11-09").full, 1);
    EXPECT_EQ(HeadcountOf(branch_a_, "2026-11-10").full, 0);
    EXPECT_EQ(HeadcountOf(branch_b_, "2026-11-10").full, 2);

    auto closed = Act(committee_b_, id, "receipt", "2026-11-20");
    ASSERT_TRUE(closed);
    EXPECT_EQ(closed->record.facts.state, core::member::TransferState::kClosed);
    EXPECT_EQ(closed->events.size(), 4u);  // request, issue, accept, receipt
    EXPECT_EQ(closed->events.back().action, "receipt");
    EXPECT_EQ(CountAudit("transfer.accept"), 1);

    // The member sees both periods of affiliation and the transfer on "我的".
    auto self = ActorWith(Role::kMember, branch_b_, 15);
    self.member_id = member_a_;
    auto mine = MyRecord(ctx(), self);
    ASSERT_TRUE(mine && *mine);
    const auto& periods = (*mine)->record.affiliations;
    ASSERT_EQ(periods.size(), 2u);
    EXPECT_EQ(periods[0].org_name, "绿苑小区党支部");
    EXPECT_EQ(periods[0].valid_to, core::Date::Parse("2026-11-10"));
    EXPECT_EQ(periods[1].org_name, "天心岛小区党支部");
    ASSERT_EQ((*mine)->transfers.size(), 1u);
    EXPECT_EQ((*mine)->transfers[0].facts.state, core::member::TransferState::kClosed);
}

TEST_F(TransferTest, OutClosesWithTheReceiptAndTakesTheMemberOutOfTheRegistry) {
    const auto id = Request("out");
    ASSERT_TRUE(Act(committee_a_, id, "issue", "2026-11-03"));
    // Nobody here can accept a letter addressed elsewhere.
    EXPECT_FALSE(Act(committee_b_, id, "accept", "2026-11-10", branch_b_));
    auto closed = Act(committee_a_, id, "receipt", "2026-11-21");
    ASSERT_TRUE(closed) << closed.error().message_key;
    auto gone = ViewMember(ctx(), ActorWith(Role::kOrgAdmin, street_), member_a_);
    ASSERT_TRUE(gone);
    EXPECT_EQ(gone->value.member.left_reason, "transferred_out");
    EXPECT_EQ(gone->value.member.left_on, core::Date::Parse("2026-11-21"));
}

TEST_F(TransferTest, ArrivingLetterIsRegisteredThenAcceptedIntoTheRegistry) {
    IncomingInput in;
    in.to_org_id = community_b_;
    in.from_org_name = "某省某县某乡党委";
    in.name = "王来";
    in.sex = "female";
    in.id_number = SyntheticId("19880808", 2);
    in.category = "probationary";
    in.join_date = "2026-03-01";
    in.on = "2026-11-05";
    in.letter = LetterInput{"外-2026-9", "2026-11-01", 30, "2026-10", true};
    // The branch secretary may not receive letters; the committee may.
    EXPECT_EQ(RegisterIncoming(ctx(), secretary_b_, in).error().code, ErrorCode::kPermissionDenied);
    auto id = RegisterIncoming(ctx(), committee_b_, in);
    ASSERT_TRUE(id) << id.error().message_key;
    auto accepted = Act(committee_b_, *id, "accept", "2026-11-06", branch_b_);
    ASSERT_TRUE(accepted) << accepted.error().message_key;
    const auto member_id = accepted->record.member_id;
    ASSERT_NE(member_id, 0);
    auto m = ViewMember(ctx(), secretary_b_, member_id);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->value.member.category, core::member::Category::kProbationary);
    EXPECT_EQ(m->value.member.join_date, core::Date::Parse("2026-03-01"));
    EXPECT_EQ(m->value.member.affiliated_since, core::Date::Parse("2026-11-06"));
    // The same person cannot arrive twice.
    auto again = RegisterIncoming(ctx(), committee_b_, in);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().fields.at(0).message_key, "transfer.id_number.exists");
}

TEST_F(TransferTest, RefusalNeedsAReasonAndLeavesTheMemberWhereTheyWere) {
    const auto id = Request();
    ASSERT_TRUE(Act(committee_a_, id, "issue", "2026-11-03"));
    auto bare = Act(committee_b_, id, "refuse", "2026-11-04");
    ASSERT_FALSE(bare);
    EXPECT_EQ(bare.error().fields.at(0).message_key, "transfer.rule.reason");
    auto refused = Act(committee_b_, id, "refuse", "2026-11-04", 0, "该同志实际居住地不在本社区");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->record.facts.state, core::member::TransferState::kRefused);
    EXPECT_TRUE(ViewMember(ctx(), secretary_a_, member_a_));
    // With the first one ended, a new request may start.
    EXPECT_NE(Request(), 0);
}

TEST_F(TransferTest, OneOpenTransferPerMemberAndStaleFormsAreRefused) {
    const auto id = Request();
    TransferRequestInput in;
    in.kind = "within";
    in.member_id = member_a_;
    in.to_org_id = community_b_;
    in.reason = "重复提交";
    in.on = "2026-11-02";
    auto twice = RequestTransfer(ctx(), secretary_a_, in);
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().fields.at(0).message_key, "transfer.member.open");
    TransferActionInput stale;
    stale.version = 0;
    stale.action = "cancel";
    stale.on = "2026-11-03";
    stale.reason = "本人暂缓";
    auto st = ActOnTransfer(ctx(), secretary_a_, id, stale);
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code, ErrorCode::kConflict);
}

TEST_F(TransferTest, ScopeHidesOtherTransfersAndMembers) {
    const auto id = Request();
    // A sibling branch sees nothing: not the transfer, not by list.
    auto sibling = ViewTransfer(ctx(), secretary_b_, id);
    ASSERT_FALSE(sibling);
    EXPECT_EQ(sibling.error().code, ErrorCode::kNotFound);
    TransferListInput list;
    list.direction = "in";
    auto arriving_b = ListTransfers(ctx(), secretary_b_, list);
    ASSERT_TRUE(arriving_b);
    EXPECT_TRUE(arriving_b->items.empty());  // addressed to community B, not to branch B
    auto arriving = ListTransfers(ctx(), committee_b_, list);
    ASSERT_TRUE(arriving);
    EXPECT_EQ(arriving->items.size(), 1u);
    EXPECT_TRUE(arriving->items.at(0).minimal);
    // A branch cannot request a transfer of a member outside its branch.
    TransferRequestInput in;
    in.kind = "within";
    in.member_id = member_b_;
    in.to_org_id = community_a_;
    in.reason = "借用他支部党员";
    in.on = "2026-11-02";
    auto foreign = RequestTransfer(ctx(), secretary_a_, in);
    ASSERT_FALSE(foreign);
    EXPECT_EQ(foreign.error().fields.at(0).field, "member_id");
}

TEST_F(TransferTest, DestinationsNameOrgsOnly) {
    auto found = TransferDestinations(ctx(), secretary_a_, "海翔");
    ASSERT_TRUE(found);
    ASSERT_EQ(found->size(), 1u);
    EXPECT_EQ(found->at(0).id, community_b_);
    EXPECT_EQ(found->at(0).parent_name, "嵩屿街道党工委");
    EXPECT_FALSE(TransferDestinations(ctx(), secretary_a_, ""));
    EXPECT_EQ(TransferDestinations(ctx(), ActorWith(Role::kMember, branch_a_), "海").error().code,
              ErrorCode::kPermissionDenied);
}

}  // namespace lianxin::app::testing

namespace lianxin::app::testing {

// Issue 16: the longest validity of a letter is the street's policy (domain.md §5.2 [LOCAL]), and a letter is
// judged by the rule in force on the day of its step: one issued before the street's change keeps the old limit.
TEST_F(TransferTest, TheLetterValidityLimitIsTheStreetsPolicyOnTheDayOfIssue) {
    ASSERT_TRUE(SetPolicy(ctx(), ActorWith(Role::kOrgAdmin, street_),
                          {"transfer.max_validity_days", street_, "20", "2026-11-23", "嵩委〔2026〕20号"}));
    const auto id = Request();
    auto today = Act(committee_a_, id, "issue", "2026-11-23");  // 30 days from today: over the street's 20
    ASSERT_FALSE(today);
    ASSERT_EQ(today.error().fields.size(), 1u);
    EXPECT_EQ(today.error().fields.at(0).field, "letter.valid_days");
    EXPECT_EQ(today.error().fields.at(0).params.at("max"), "20");
    auto before = Act(committee_a_, id, "issue", "2026-11-03");  // a step dated before the change: 90 days held
    ASSERT_TRUE(before) << before.error().message_key;
}

}  // namespace lianxin::app::testing
