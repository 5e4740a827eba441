// The fixture of the storage conformance suite: one test database per backend (SQLite in memory, SQLite in
// a WAL file, PostgreSQL when LIANXIN_TEST_PG is set) with helpers to add orgs and members.
#pragma once

#include <gtest/gtest.h>

#include "core/org/org.hpp"
#include "storage/testing/test_db.hpp"

namespace lianxin::storage::testing {

using core::Date;
using core::ports::Tx;

class Conformance : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override { t_ = OpenTestDb(GetParam()); }
    core::ports::Database& db() { return *t_->db; }

    std::int64_t AddOrg(std::int64_t parent, const std::string& name, const char* from = "2020-01-01",
                        const char* to = nullptr) {
        std::int64_t id = 0;
        auto st = db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            core::org::Org o;
            o.parent_id = parent;
            o.name = name;
            o.type = parent ? core::org::OrgType::kBranch : core::org::OrgType::kStreetWorkingCommittee;
            o.valid_from = *Date::Parse(from);
            if (to) o.valid_to = Date::Parse(to);
            LX_ASSIGN(i, tx.Orgs().Insert(o));
            id = i;
            return core::Ok();
        });
        EXPECT_TRUE(st) << st.error().detail;
        return id;
    }

    core::member::Member MakeMember(std::int64_t org_id, const std::string& name, const std::string& id_number) {
        core::member::Member m;
        std::string path;
        EXPECT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(o, tx.Orgs().Get(org_id));
            path = o->path;
            return core::Ok();
        }));
        m.org_id = org_id;
        m.org_path = path;
        m.name = name;
        m.birth_date = *Date::Parse("1980-05-06");
        m.id_number = id_number;
        m.phone = "13812345678";
        m.join_date = Date::Parse("2010-07-01");
        m.conversion_date = Date::Parse("2011-07-01");
        return m;
    }

    std::int64_t AddMember(const core::member::Member& m) {
        std::int64_t id = 0;
        auto st = db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(i, tx.Members().Insert(m));
            id = i;
            return core::Ok();
        });
        EXPECT_TRUE(st) << (st ? "" : st.error().detail);
        return id;
    }

    // The stored org (read in its own snapshot: never call it inside a Write).
    core::org::Org OrgOf(std::int64_t id) {
        core::org::Org o;
        EXPECT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(got, tx.Orgs().Get(id));
            if (!got) return core::Fail(core::NotFound("org"));
            o = std::move(got).value();
            return core::Ok();
        }));
        return o;
    }

    std::unique_ptr<TestDb> t_;
};

// Test names "sqlite_file" etc. from the backend parameter.
inline std::string BackendName(const ::testing::TestParamInfo<std::string>& info) {
    std::string n = info.param;
    for (auto& c : n)
        if (c == '-') c = '_';
    return n;
}

}  // namespace lianxin::storage::testing
