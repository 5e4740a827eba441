// The development pipeline end to end on SQLite: application to full member, the registry it writes, the
// electorate counted from the registry, refusals naming the rule, scope and concurrency.
#include "app/member/development.hpp"

#include "app/member/member_queries.hpp"
#include "app/testing/app_fixture.hpp"
#include "core/member/id_number.hpp"

namespace lianxin::app::testing {

using core::ErrorCode;
using core::auth::Role;

class DevelopmentTest : public AppTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        // Branch A has 张三 plus four more full members: an electorate of five.
        for (int i = 0; i < 4; ++i)
            sponsors_.push_back(AddMember(branch_a_, "党员" + std::to_string(i), SyntheticId("19700101", 11 + 2 * i)));
        secretary_ = ActorWith(Role::kBranchSecretary, branch_a_);
    }

    std::int64_t Apply(const std::string& applied_on = "2022-03-01", const std::string& birth = "19900501") {
        DevelopmentCaseInput in;
        in.org_id = branch_a_;
        in.name = "陈申请";
        in.sex = "male";
        in.id_number = SyntheticId(birth, 1);
        in.phone = "13900001111";
        in.applied_on = applied_on;
        auto id = CreateDevelopmentCase(ctx(), secretary_, in);
        EXPECT_TRUE(id) << (id ? "" : id.error().message_key);
        return id ? *id : 0;
    }

    core::Result<DevelopmentCaseView> Step(std::int64_t id, const std::string& kind, const std::string& on,
                                           std::vector<std::int64_t> people = {}, std::optional<VoteInput> vote = {}) {
        auto current = ViewDevelopmentCase(ctx(), secretary_, id);
        EXPECT_TRUE(current);
        StepInput in;
        in.version = current->value.record.version;
        in.kind = kind;
        in.on = on;
        in.people = std::move(people);
        in.vote = vote;
        in.training_days = kind == "training" ? 3 : 0;
        return RecordStep(ctx(), secretary_, id, in);
    }

    std::vector<std::int64_t> sponsors_;
    core::auth::Actor secretary_;
};

// domain.md §2.1–§2.3: every stage in order; approval creates the probationary member with join date = the
// general meeting date; conversion approval makes them full from the probation end (2024-07-01).
TEST_F(DevelopmentTest, FromApplicationToFullMember) {
    auto id = Apply();
    ASSERT_TRUE(Step(id, "talk", "2022-03-20"));
    ASSERT_TRUE(Step(id, "activist", "2022-04-15", {sponsors_[0]}));
    ASSERT_TRUE(Step(id, "target", "2023-04-15"));
    ASSERT_TRUE(Step(id, "political_review", "2023-05-10"));
    ASSERT_TRUE(Step(id, "training", "2023-05-20"));
    ASSERT_TRUE(Step(id, "pre_review", "2023-06-01"));
    auto meeting = Step(id, "admission_meeting", "2023-07-01", {sponsors_[0], sponsors_[1]}, VoteInput{4, 3, 0, 0});
    ASSERT_TRUE(meeting) << meeting.error().message_key;
    EXPECT_EQ(meeting->record.stage, core::member::Stage::kProbationary);
    EXPECT_EQ(meeting->steps.back().step.vote->electorate, 5);  // counted from the registry, not typed
    EXPECT_EQ(meeting->record.member_id, 0);                    // not in the registry before approval
    auto approved = Step(id, "admission_approval", "2023-08-15");
    ASSERT_TRUE(approved);
    ASSERT_NE(approved->record.member_id, 0);
    auto member = ViewMember(ctx(), secretary_, approved->record.member_id);
    ASSERT_TRUE(member);
    EXPECT_EQ(member->value.member.category, core::member::Category::kProbationary);
    EXPECT_EQ(member->value.member.join_date->ToString(), "2023-07-01");
    EXPECT_EQ(approved->reminders.at(0).key, "admission.due.conversion");
    EXPECT_EQ(approved->reminders.at(0).due.ToString(), "2024-07-01");

    ASSERT_TRUE(Step(id, "conversion_meeting", "2024-07-20", {}, VoteInput{5, 4, 0, 0}));
    auto full = Step(id, "conversion_approval", "2024-09-10");
    ASSERT_TRUE(full);
    EXPECT_EQ(full->record.stage, core::member::Stage::kFull);
    member = ViewMember(ctx(), secretary_, full->record.member_id);
    EXPECT_EQ(member->value.member.category, core::member::Category::kFull);
    EXPECT_EQ(member->value.member.conversion_date->ToString(), "2024-07-01");
    EXPECT_EQ(full->steps.size(), 11u);
    EXPECT_EQ(CountAudit("candidate.step"), 10);
}

// Constitution Art.1: under 18 on the application date is refused, naming the rule; nothing is stored.
TEST_F(DevelopmentTest, UnderEighteenIsRefusedAndNothingIsStored) {
    DevelopmentCaseInput in;
    in.org_id = branch_a_;
    in.name = "少年";
    in.sex = "male";
    in.id_number = SyntheticId("20050302", 1);
    in.applied_on = "2023-03-01";
    auto r = CreateDevelopmentCase(ctx(), secretary_, in);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_EQ(r.error().message_key, "admission.rule.age");
    auto list = ListDevelopmentCases(ctx(), secretary_, {});
    EXPECT_TRUE(list->items.empty());
}

TEST_F(DevelopmentTest, BadFieldsAreAllNamed) {
    DevelopmentCaseInput in;
    in.org_id = branch_a_;
    in.sex = "female";  // the ID number's 17th digit says male
    in.id_number = SyntheticId("19900501", 1);
    in.phone = "12345";
    in.applied_on = "2099-01-01";
    auto r = CreateDevelopmentCase(ctx(), secretary_, in);
    ASSERT_FALSE(r);
    std::vector<std::string> fields;
    for (const auto& f : r.error().fields) fields.push_back(f.field + ":" + f.message_key);
    EXPECT_EQ(fields, (std::vector<std::string>{"name:field.text", "sex:member.sex.mismatch", "phone:phone.format",
                                                "applied_on:date.future"}));
}

// domain.md §11: one person, one record: an ID number already registered is refused.
TEST_F(DevelopmentTest, DuplicateIdNumberIsRefused) {
    Apply();
    DevelopmentCaseInput in;
    in.org_id = branch_a_;
    in.name = "重复";
    in.sex = "female";
    in.id_number = "11010519491231002X";  // 张三, already a member
    in.applied_on = "2022-03-01";
    auto r = CreateDevelopmentCase(ctx(), secretary_, in);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kConflict);
    EXPECT_EQ(r.error().fields.at(0).field, "id_number");
}

// A branch secretary cannot see, list or step a sibling branch's candidates, nor name its members.
TEST_F(DevelopmentTest, SiblingBranchIsOutOfScope) {
    auto id = Apply();
    auto other = ActorWith(Role::kBranchSecretary, branch_b_);
    EXPECT_EQ(ViewDevelopmentCase(ctx(), other, id).error().code, ErrorCode::kNotFound);
    StepInput in;
    in.version = 1;
    in.kind = "talk";
    in.on = "2022-03-20";
    EXPECT_EQ(RecordStep(ctx(), other, id, in).error().code, ErrorCode::kNotFound);
    EXPECT_TRUE(ListDevelopmentCases(ctx(), other, {})->items.empty());
    DevelopmentCaseInput create;
    create.org_id = branch_a_;
    create.name = "越界";
    create.sex = "male";
    create.id_number = SyntheticId("19900501", 3);
    create.applied_on = "2022-03-01";
    EXPECT_EQ(CreateDevelopmentCase(ctx(), other, create).error().fields.at(0).field, "org_id");
    // Its own candidate cannot name a member of branch A as contact.
    create.org_id = branch_b_;
    auto mine = CreateDevelopmentCase(ctx(), other, create);
    ASSERT_TRUE(mine);
    in.version = 1;
    ASSERT_TRUE(RecordStep(ctx(), other, *mine, in));
    in.version = 2;
    in.kind = "activist";
    in.on = "2022-04-01";
    in.people = {member_a_};
    auto r = RecordStep(ctx(), other, *mine, in);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().fields.at(0).field, "people[0]");
}

TEST_F(DevelopmentTest, StaleVersionIsAConflictAndRuleBreaksChangeNothing) {
    auto id = Apply();
    StepInput in;
    in.version = 1;
    in.kind = "talk";
    in.on = "2022-03-20";
    ASSERT_TRUE(RecordStep(ctx(), secretary_, id, in));
    EXPECT_EQ(RecordStep(ctx(), secretary_, id, in).error().code, ErrorCode::kConflict);  // version 1 is stale
    in.version = 2;
    in.kind = "target";  // an applicant cannot become a development target directly
    auto r = RecordStep(ctx(), secretary_, id, in);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message_key, "admission.rule.stage");
    auto view = ViewDevelopmentCase(ctx(), secretary_, id);
    EXPECT_EQ(view->value.steps.size(), 2u);
    EXPECT_EQ(view->value.record.version, 2);
}

}  // namespace lianxin::app::testing
