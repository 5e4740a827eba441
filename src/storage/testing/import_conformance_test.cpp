// Storage conformance of member imports on every backend: an import and its rows round-trip (the replaced
// contact fields encrypted at rest), lists follow the scope, a second undo of the same version is a conflict,
// the orgs of a subtree are listed as of a day, and a member is deleted only while nothing refers to it.
#include <map>

#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

using core::ports::ImportRecord;
using core::ports::ImportRowRecord;

class ImportConformance : public Conformance {
protected:
    void SetUp() override {
        Conformance::SetUp();
        street_ = AddOrg(0, "街道");
        a_ = AddOrg(street_, "甲支部");
        b_ = AddOrg(street_, "乙支部", "2020-01-01", "2025-01-01");
        member_ = AddMember(MakeMember(a_, "林导", "11010519491231002X"));
        for (auto org : {street_, a_, b_}) paths_[org] = ReadPath(org);
    }
    // Read once in SetUp: a read inside another transaction would wait for the connection it holds.
    std::string Path(std::int64_t org) { return paths_.at(org); }
    std::string ReadPath(std::int64_t org) {
        std::string p;
        EXPECT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(o, tx.Orgs().Get(org));
            p = o->path;
            return core::Ok();
        }));
        return p;
    }
    std::int64_t street_ = 0, a_ = 0, b_ = 0, member_ = 0;
    std::map<std::int64_t, std::string> paths_;
};

TEST_P(ImportConformance, ImportAndRowsRoundTrip) {
    ImportRecord r;
    r.org_id = a_;
    r.org_path = Path(a_);
    r.file_name = "党员名单.xlsx";
    r.file_sha256 = std::string(64, 'a');
    r.created_by = 7;
    r.created_by_name = "王书记";
    r.created_at = 1'795'363'200'000;
    r.counts = {2, 1, 3, 4};
    std::int64_t id = 0;
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(i, tx.Imports().Insert(r));
        id = i;
        ImportRowRecord created{3, member_, true, 1, {}};
        LX_CHECK(tx.Imports().AppendRow(id, created));
        ImportRowRecord updated{4, member_ + 1000, false, 5, {}};
        updated.prior.phone = "13800001111";
        updated.prior.education = "大学";
        updated.prior.work_unit = "旧单位";
        updated.prior.address = "厦门市海沧区1号";
        updated.prior.skills = {"电工", "书法"};
        return tx.Imports().AppendRow(id, updated);
    }));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(got, tx.Imports().Get(id));
        EXPECT_TRUE(got.has_value());
        EXPECT_EQ(got->org_name, "甲支部");
        EXPECT_EQ(got->file_name, "党员名单.xlsx");
        EXPECT_EQ(got->created_by_name, "王书记");
        EXPECT_EQ(got->counts.unchanged, 3);
        EXPECT_EQ(got->counts.error, 4);
        EXPECT_FALSE(got->undone);
        LX_ASSIGN(rows, tx.Imports().Rows(id));
        EXPECT_EQ(rows.size(), 2u);
        EXPECT_TRUE(rows[0].created);
        EXPECT_EQ(rows[1].row, 4);
        EXPECT_EQ(rows[1].version_after, 5);
        EXPECT_EQ(rows[1].prior.phone, "13800001111");
        EXPECT_EQ(rows[1].prior.address, "厦门市海沧区1号");
        EXPECT_EQ(rows[1].prior.skills, (std::vector<std::string>{"电工", "书法"}));
        core::ports::ImportQuery q;
        q.scope_roots = {Path(b_)};
        LX_ASSIGN(none, tx.Imports().List(q));
        EXPECT_TRUE(none.empty());
        q.scope_roots = {Path(street_)};
        LX_ASSIGN(all, tx.Imports().List(q));
        EXPECT_EQ(all.size(), 1u);
        return core::Ok();
    }));
    // The replaced phone is not stored in clear (security.md F1: personal fields encrypted at rest).
    auto raw = t_->db->RawQuery("SELECT prior_enc FROM import_rows WHERE created = 0");
    ASSERT_TRUE(raw);
    ASSERT_EQ(raw->size(), 1u);
    EXPECT_EQ(raw->Text(0, 0).find("13800001111"), std::string::npos);
    EXPECT_EQ(raw->Text(0, 0).find("旧单位"), std::string::npos);
    // Undo once; the same version again is a conflict.
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(got, tx.Imports().Get(id));
        got->undone_at = 1;
        got->undone_by = 7;
        return tx.Imports().MarkUndone(*got);
    }));
    auto again = db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        ImportRecord stale = r;
        stale.id = id;
        stale.undone_at = 2;
        return tx.Imports().MarkUndone(stale);
    });
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
}

TEST_P(ImportConformance, SubtreeOrgsAsOfADay) {
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(now, tx.Orgs().InSubtree(Path(street_), *Date::Parse("2026-11-23")));
        EXPECT_EQ(now.size(), 2u);  // the street and 甲; 乙 closed in 2025
        LX_ASSIGN(then, tx.Orgs().InSubtree(Path(street_), *Date::Parse("2024-06-01")));
        EXPECT_EQ(then.size(), 3u);
        LX_ASSIGN(one, tx.Orgs().InSubtree(Path(a_), *Date::Parse("2026-11-23")));
        EXPECT_EQ(one.size(), 1u);
        return core::Ok();
    }));
}

TEST_P(ImportConformance, DeleteOnlyWhileUnreferenced) {
    const auto sponsor = AddMember(MakeMember(a_, "林荐", "110101198503020016"));
    // A post refers to the sponsor; nothing refers to member_.
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        core::ports::OrgPost p;
        p.org_id = a_;
        p.member_id = sponsor;
        p.term_start = *Date::Parse("2024-01-01");
        p.valid_from = *Date::Parse("2024-01-01");
        p.approval_doc = "文号1";
        LX_ASSIGN(pid, tx.Orgs().InsertPost(p, 1, 1));
        (void)pid;
        return core::Ok();
    }));
    auto refused = db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, tx.Members().Get(sponsor));
        return tx.Members().DeleteUnreferenced(*m);
    });
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message_key, "member.referenced");
    auto stale = db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, tx.Members().Get(member_));
        m->version += 1;
        return tx.Members().DeleteUnreferenced(*m);
    });
    ASSERT_FALSE(stale);
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(m, tx.Members().Get(member_));
        return tx.Members().DeleteUnreferenced(*m);
    }));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(gone, tx.Members().Get(member_));
        EXPECT_FALSE(gone.has_value());
        LX_ASSIGN(found, tx.Members().FindByIdNumber("11010519491231002X"));
        EXPECT_FALSE(found.has_value());
        return core::Ok();
    }));
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
