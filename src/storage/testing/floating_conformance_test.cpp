// Storage conformance of the floating-member register on every backend (domain.md §5.3): a record round-trips
// every field with the phone encrypted, one open record per member, a stale version is a conflict, notes are
// append-only, the outflow list follows the member's org and the inflow list the participating org, and a
// member referenced by a record is not deleted as unreferenced.
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

namespace mm = core::member;
using core::ports::FloatingNote;
using core::ports::FloatingQuery;
using core::ports::FloatingRecord;

class FloatingConformance : public Conformance {
protected:
    void SetUp() override {
        Conformance::SetUp();
        street_ = AddOrg(0, "街道");
        a_ = AddOrg(street_, "甲社区支部");
        b_ = AddOrg(street_, "乙社区支部");
        member_ = AddMember(MakeMember(a_, "林流", "11010519491231002X"));
        ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(a, tx.Orgs().Get(a_));
            LX_ASSIGN(b, tx.Orgs().Get(b_));
            a_path_ = a->path;
            b_path_ = b->path;
            return core::Ok();
        }));
    }

    FloatingRecord Record() {
        FloatingRecord r;
        r.member_id = member_;
        auto& f = r.facts;
        f.left_on = *Date::Parse("2026-09-01");
        f.reason = mm::FloatingReason::kBusiness;
        f.province = "广东省";
        f.city = "深圳市";
        f.county = "南山区";
        f.employer = "某贸易公司";
        f.phone = "13900002222";
        f.expected_return = Date::Parse("2027-02-28");
        f.fixed_place = false;
        f.certificate_no = "粤流2026-7";
        f.participating = mm::ParticipatingOrg{b_, "乙社区支部", Date::Parse("2026-09-15")};
        r.in_org_path = b_path_;
        r.created_by = 7;
        return r;
    }

    core::Result<std::int64_t> Insert(const FloatingRecord& r) {
        std::int64_t id = 0;
        LX_CHECK(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(i, tx.FloatingRecords().Insert(r, 100));
            id = i;
            return core::Ok();
        }));
        return id;
    }

    std::vector<FloatingRecord> List(const std::string& root, bool inflow) {
        std::vector<FloatingRecord> out;
        EXPECT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            FloatingQuery q;
            if (!root.empty()) q.scope_roots = {root};
            q.inflow = inflow;
            LX_ASSIGN(items, tx.FloatingRecords().List(q));
            out = std::move(items);
            return core::Ok();
        }));
        return out;
    }

    std::int64_t street_ = 0, a_ = 0, b_ = 0, member_ = 0;
    std::string a_path_, b_path_;
};

TEST_P(FloatingConformance, RecordRoundTripsWithItsPhoneEncrypted) {
    auto id = Insert(Record());
    ASSERT_TRUE(id);
    auto raw = t_->db->RawQuery("SELECT phone_enc FROM floating_records");
    ASSERT_TRUE(raw);
    EXPECT_EQ(raw->Text(0, 0).find("13900002222"), std::string::npos);
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(got, tx.FloatingRecords().Get(*id));
        EXPECT_TRUE(got);
        const auto& f = got->facts;
        EXPECT_EQ(got->member_id, member_);
        EXPECT_EQ(f.left_on.ToString(), "2026-09-01");
        EXPECT_EQ(f.reason, mm::FloatingReason::kBusiness);
        EXPECT_EQ(f.Destination(), "广东省 深圳市 南山区");
        EXPECT_EQ(f.employer, "某贸易公司");
        EXPECT_EQ(f.phone, "13900002222");
        EXPECT_EQ(f.expected_return, Date::Parse("2027-02-28"));
        EXPECT_FALSE(f.fixed_place);
        EXPECT_EQ(f.certificate_no, "粤流2026-7");
        EXPECT_FALSE(f.cannot_transfer);
        EXPECT_EQ(f.participating->org_id, b_);
        EXPECT_EQ(f.participating->name, "乙社区支部");
        EXPECT_EQ(f.participating->since, Date::Parse("2026-09-15"));
        EXPECT_TRUE(f.Open());
        EXPECT_EQ(got->in_org_path, b_path_);
        EXPECT_EQ(got->name, "林流");
        EXPECT_EQ(got->org_id, a_);
        EXPECT_EQ(got->org_name, "甲社区支部");
        EXPECT_EQ(got->version, 1);
        EXPECT_FALSE(got->last_report_on);
        return core::Ok();
    }));
}

// §5.3: one record open per member; a stale version is a conflict; a closed record lets a new one open.
TEST_P(FloatingConformance, OneOpenRecordPerMemberAndVersionedUpdates) {
    auto id = Insert(Record());
    ASSERT_TRUE(id);
    auto second = Insert(Record());
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, core::ErrorCode::kConflict);
    auto rec = Record();
    rec.id = *id;
    rec.facts.returned_on = Date::Parse("2026-11-01");
    rec.version = 2;
    EXPECT_FALSE(
        db().Write(core::ports::Scope::System(), [&](Tx& tx) { return tx.FloatingRecords().Update(rec, 200); }));
    rec.version = 1;
    ASSERT_TRUE(
        db().Write(core::ports::Scope::System(), [&](Tx& tx) { return tx.FloatingRecords().Update(rec, 200); }));
    EXPECT_TRUE(Insert(Record()));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(all, tx.FloatingRecords().OfMember(member_));
        EXPECT_EQ(all.size(), 2u);
        EXPECT_TRUE(all.at(0).facts.Open());  // newest first
        EXPECT_EQ(all.at(1).facts.returned_on, Date::Parse("2026-11-01"));
        EXPECT_EQ(all.at(1).version, 2);
        return core::Ok();
    }));
}

// Notes are append-only on both engines; the newest yearly report is read with the record.
TEST_P(FloatingConformance, NotesAreAppendOnlyAndDateTheYearlyReport) {
    auto id = Insert(Record());
    ASSERT_TRUE(id);
    auto note = [](mm::FloatingReportKind k, const char* on, const char* side) {
        return FloatingNote{0, 0, mm::FloatingReport{k, *Date::Parse(on), "情况汇报"}, side, 7, "书记", 300};
    };
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_CHECK(tx.FloatingRecords().AppendNote(*id, note(mm::FloatingReportKind::kReport, "2026-10-01", "out")));
        LX_CHECK(
            tx.FloatingRecords().AppendNote(*id, note(mm::FloatingReportKind::kParticipation, "2026-10-20", "in")));
        return tx.FloatingRecords().AppendNote(*id, note(mm::FloatingReportKind::kContact, "2026-11-02", "out"));
    }));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(notes, tx.FloatingRecords().Notes(*id));
        EXPECT_EQ(notes.size(), 3u);
        EXPECT_EQ(notes.at(1).seq, 2);
        EXPECT_EQ(notes.at(1).side, "in");
        EXPECT_EQ(notes.at(1).report.kind, mm::FloatingReportKind::kParticipation);
        LX_ASSIGN(rec, tx.FloatingRecords().Get(*id));
        EXPECT_EQ(rec->last_report_on, Date::Parse("2026-10-01"));
        return core::Ok();
    }));
    EXPECT_FALSE(t_->db->RawScript("UPDATE floating_notes SET text = 'x'"));
    EXPECT_FALSE(t_->db->RawScript("DELETE FROM floating_notes"));
}

// 一方隶属、双重管理: the outflow list follows the member's org, the inflow list the participating org; the
// member's formal affiliation (and so the inflow branch's electorate) does not change.
TEST_P(FloatingConformance, OutflowAndInflowListsFollowTheirOwnScopes) {
    auto id = Insert(Record());
    ASSERT_TRUE(id);
    EXPECT_EQ(List(a_path_, false).size(), 1u);
    EXPECT_EQ(List(b_path_, false).size(), 0u);
    EXPECT_EQ(List(b_path_, true).size(), 1u);
    EXPECT_EQ(List(a_path_, true).size(), 0u);
    EXPECT_EQ(List("", true).size(), 0u);
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(voters, tx.Members().CountVoting(b_, *Date::Parse("2026-11-20")));
        EXPECT_EQ(voters, 0);
        LX_ASSIGN(m, tx.Members().Get(member_));
        EXPECT_EQ(m->org_id, a_);
        // The member is referenced: an import undo cannot delete them.
        auto del = tx.Members().DeleteUnreferenced(*m);
        EXPECT_FALSE(del);
        if (!del) { EXPECT_EQ(del.error().message_key, "member.referenced"); }
        return core::Ok();
    }));
    // A member who left the registry drops out of both open lists.
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(found, tx.Members().Get(member_));
        if (!found) return core::Fail(core::NotFound("member"));
        auto m = std::move(found).value();
        m.left_on = Date::Parse("2026-11-20");
        m.left_reason = "transferred_out";
        return tx.Members().UpdateStatus(m);
    }));
    EXPECT_EQ(List(a_path_, false).size(), 0u);
    EXPECT_EQ(List(b_path_, true).size(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Backends, FloatingConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
