// Storage conformance of the development pipeline on every backend: candidates encrypted and found by blind
// index, steps kept in order with every field, a taken step number or a stale version is a conflict that
// rolls back, the steps are append-only, and the voting electorate counts what domain.md §2.2 row 13 says.
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

namespace mm = core::member;
using core::ports::DevelopmentRecord;
using core::ports::StepRecord;

class DevelopmentConformance : public Conformance {
protected:
    // Reads the org's path: call it outside a transaction (the in-memory database has one connection).
    DevelopmentRecord MakeDevelopmentCase(std::int64_t org_id) {
        auto m = MakeMember(org_id, "陈申请", "990000199005010014");
        DevelopmentRecord c;
        c.org_id = org_id;
        c.org_path = m.org_path;
        c.name = m.name;
        c.birth_date = *Date::Parse("1990-05-01");
        c.id_number = m.id_number;
        c.phone = "13900001111";
        c.applied_on = *Date::Parse("2023-01-10");
        c.due_key = "admission.due.talk";
        c.due_on = Date::Parse("2023-02-10");
        return c;
    }

    StepRecord Step(int seq, mm::StepKind kind, const char* on) {
        StepRecord s;
        s.seq = seq;
        s.step.kind = kind;
        s.step.on = *Date::Parse(on);
        s.recorded_by = 7;
        s.recorded_at = 1000 + seq;
        return s;
    }
};

TEST_P(DevelopmentConformance, DevelopmentCaseAndStepsRoundTrip) {
    auto branch = AddOrg(AddOrg(0, "街道"), "支部");
    std::int64_t id = 0;
    StepRecord meeting = Step(2, mm::StepKind::kAdmissionMeeting, "2024-06-01");
    meeting.step.evidence = {"支部大会", "会议记录 3", "备注'; DROP TABLE x; --"};
    meeting.step.people = {{11, true}, {12, false}};
    meeting.step.vote = mm::Vote{9, 7, 6, 1, 2};
    meeting.step.higher_approval = true;
    const auto candidate = MakeDevelopmentCase(branch);
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(cid, tx.DevelopmentCases().Insert(candidate, 500));
        id = cid;
        LX_CHECK(tx.DevelopmentCases().AppendStep(cid, Step(1, mm::StepKind::kApply, "2023-01-10")));
        return tx.DevelopmentCases().AppendStep(cid, meeting);
    }));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(c, tx.DevelopmentCases().Get(id));
        EXPECT_TRUE(c);
        EXPECT_EQ(c->id_number, "990000199005010014");
        EXPECT_EQ(c->phone, "13900001111");
        EXPECT_EQ(c->due_on->ToString(), "2023-02-10");
        EXPECT_EQ(c->stage, mm::Stage::kApplicant);
        LX_ASSIGN(found, tx.DevelopmentCases().FindByIdNumber("990000199005010014"));
        EXPECT_EQ(found, std::optional<std::int64_t>(id));
        LX_ASSIGN(steps, tx.DevelopmentCases().Steps(id));
        EXPECT_EQ(steps.size(), 2u);
        const auto& s = steps.at(1).step;
        EXPECT_EQ(s.kind, mm::StepKind::kAdmissionMeeting);
        EXPECT_EQ(s.evidence.note, "备注'; DROP TABLE x; --");
        EXPECT_EQ(s.people.size(), 2u);
        EXPECT_TRUE(s.people.at(0).full_member);
        EXPECT_FALSE(s.people.at(1).full_member);
        EXPECT_EQ(s.vote->electorate, 9);
        EXPECT_EQ(s.vote->written_total, 2);
        EXPECT_TRUE(s.higher_approval);
        return core::Ok();
    }));
}

TEST_P(DevelopmentConformance, TakenStepNumberAndStaleVersionAreConflictsThatRollBack) {
    auto branch = AddOrg(AddOrg(0, "街道"), "支部");
    std::int64_t id = 0;
    const auto candidate = MakeDevelopmentCase(branch);
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(cid, tx.DevelopmentCases().Insert(candidate, 500));
        id = cid;
        return tx.DevelopmentCases().AppendStep(cid, Step(1, mm::StepKind::kApply, "2023-01-10"));
    }));
    auto dup = db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_CHECK(tx.DevelopmentCases().AppendStep(id, Step(2, mm::StepKind::kTalk, "2023-01-20")));
        return tx.DevelopmentCases().AppendStep(id, Step(2, mm::StepKind::kTalk, "2023-01-21"));
    });
    ASSERT_FALSE(dup);
    EXPECT_EQ(dup.error().code, core::ErrorCode::kConflict);
    auto stale = db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(c, tx.DevelopmentCases().Get(id));
        c->stage = mm::Stage::kActivist;
        LX_CHECK(tx.DevelopmentCases().UpdateState(*c, 600));
        return tx.DevelopmentCases().UpdateState(*c, 700);  // same version again: someone else's write won
    });
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, core::ErrorCode::kConflict);
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(c, tx.DevelopmentCases().Get(id));
        EXPECT_EQ(c->stage, mm::Stage::kApplicant);
        EXPECT_EQ(c->version, 1);
        LX_ASSIGN(steps, tx.DevelopmentCases().Steps(id));
        EXPECT_EQ(steps.size(), 1u);
        return core::Ok();
    }));
}

// domain.md §2.2 row 13: the electorate is the full members with voting rights — probationary, stopped,
// not-yet-converted members do not count, nor members who had left the registry by the meeting date.
TEST_P(DevelopmentConformance, VotingElectorateCountsFullNormalMembersConvertedByTheDate) {
    auto branch = AddOrg(AddOrg(0, "街道"), "支部");
    AddMember(MakeMember(branch, "甲", "11010519491231002X"));
    auto late = MakeMember(branch, "乙", "110105194912310029");
    late.conversion_date = Date::Parse("2024-07-01");
    AddMember(late);
    auto probationary = MakeMember(branch, "丙", "110105194912310011");
    probationary.category = mm::Category::kProbationary;
    probationary.conversion_date.reset();
    AddMember(probationary);
    auto stopped = MakeMember(branch, "丁", "110105194912310053");
    stopped.status = mm::PartyStatus::kStopped;
    AddMember(stopped);
    auto left_id = AddMember(MakeMember(branch, "戊", "110105194912310070"));
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, tx.Members().Get(left_id));
        m->left_on = Date::Parse("2025-01-01");
        m->left_reason = "deceased";
        return tx.Members().UpdateStatus(*m);
    }));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(before, tx.Members().CountVoting(branch, *Date::Parse("2024-06-30")));
        LX_ASSIGN(after, tx.Members().CountVoting(branch, *Date::Parse("2024-07-01")));
        LX_ASSIGN(gone, tx.Members().CountVoting(branch, *Date::Parse("2025-01-01")));
        EXPECT_EQ(before, 2);  // 甲, 戊
        EXPECT_EQ(after, 3);   // 甲, 乙 converted that day, 戊
        EXPECT_EQ(gone, 2);    // 戊 left on 2025-01-01
        LX_ASSIGN(left, tx.Members().Get(left_id));
        EXPECT_EQ(left->left_reason, "deceased");
        EXPECT_EQ(left->version, 2);
        return core::Ok();
    }));
}

// Counts as of a day follow the party status of that day (domain.md §2.5: a stopped member has no voting rights and
// is out of the headcount while stopped; restored, they count again): stopped on 2025-03-01, restored on 2025-09-01.
TEST_P(DevelopmentConformance, CountsAsOfADayFollowThePartyStatusOfThatDay) {
    auto branch = AddOrg(AddOrg(0, "街道"), "支部");
    AddMember(MakeMember(branch, "甲", "11010519491231002X"));
    const auto id = AddMember(MakeMember(branch, "乙", "110105194912310029"));
    auto decide = [&](const char* action, const char* on, mm::PartyStatus status) {
        ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(m, tx.Members().Get(id));
            m->status = status;
            m->status_since = Date::Parse(on);
            LX_CHECK(tx.Members().UpdateStatus(*m));
            core::ports::StatusChangeRecord c;
            c.action = action;
            c.on = *Date::Parse(on);
            c.ground = std::string(action) == "stop" ? "lost_contact" : "";
            c.doc_ref = "支部大会决议";
            c.recorded_by = 1;
            c.recorded_at = 1700000000000;
            return tx.Members().AppendStatusChange(id, c);
        }));
    };
    auto counts = [&](const char* day) {
        std::pair<int, int> out;
        EXPECT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(voting, tx.Members().CountVoting(branch, *Date::Parse(day)));
            LX_ASSIGN(head, tx.Orgs().Headcount(branch, *Date::Parse(day)));
            out = {voting, head.full};
            return core::Ok();
        }));
        return out;
    };
    decide("stop", "2025-03-01", mm::PartyStatus::kStopped);
    EXPECT_EQ(counts("2025-02-28"), std::make_pair(2, 2));  // before the stop: still counted
    EXPECT_EQ(counts("2025-03-01"), std::make_pair(1, 1));
    decide("restore", "2025-09-01", mm::PartyStatus::kNormal);
    EXPECT_EQ(counts("2025-02-28"), std::make_pair(2, 2));
    EXPECT_EQ(counts("2025-06-30"), std::make_pair(1, 1));  // stopped then, though normal today
    EXPECT_EQ(counts("2025-09-01"), std::make_pair(2, 2));
    // A death (migration 0017 admits the action): out of the counts from that day, in them before.
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, tx.Members().Get(id));
        m->left_on = Date::Parse("2025-12-01");
        m->left_reason = "deceased";
        LX_CHECK(tx.Members().UpdateStatus(*m));
        return tx.Members().AppendStatusChange(
            id, core::ports::StatusChangeRecord{0, "deceased", *Date::Parse("2025-12-01"), "", "死亡证明", "", 1,
                                                1700000000000});
    }));
    EXPECT_EQ(counts("2025-11-30"), std::make_pair(2, 2));
    EXPECT_EQ(counts("2025-12-01"), std::make_pair(1, 1));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(changes, tx.Members().StatusChanges(id));
        EXPECT_EQ(changes.size(), 3u);
        EXPECT_EQ(changes.back().action, "deceased");
        return core::Ok();
    }));
}

INSTANTIATE_TEST_SUITE_P(Backends, DevelopmentConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
