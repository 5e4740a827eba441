// Storage conformance of the policy store on every backend (issue 16): settings round-trip with their document
// and dates; ForPath finds those of the org and its ancestors only (a sibling whose id shares a prefix is not
// an ancestor); a closed setting keeps its span; a child's setting overrides its parent's from its first day.
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

using core::policy::Setting;
namespace policy = core::policy;

class PolicyConformance : public Conformance {
protected:
    std::string PathOf(std::int64_t org) {
        std::string path;
        EXPECT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(o, tx.Orgs().Get(org));
            path = o->path;
            return core::Ok();
        }));
        return path;
    }
    std::int64_t Put(std::int64_t org, const char* from, std::int64_t value) {
        Setting s;
        s.key = std::string(policy::kLostContactSearchEveryMonths);
        s.org_id = org;
        s.org_path = PathOf(org);
        s.valid_from = *Date::Parse(from);
        s.value = value;
        s.doc = "海委组〔2026〕7号";
        s.set_by = 3;
        s.set_by_name = "街道管理员";
        s.set_at = 1765000000000;
        std::int64_t id = 0;
        EXPECT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(i, tx.Policies().Insert(s));
            id = i;
            return core::Ok();
        }));
        return id;
    }
};

TEST_P(PolicyConformance, SettingsOfTheOrgAndItsAncestorsAreFoundAndJudgedByDate) {
    const auto street = AddOrg(0, "街道党工委");
    const auto community = AddOrg(street, "社区党委");
    const auto sibling = AddOrg(street, "另一社区党委");
    const auto old_row = Put(street, "2025-01-01", 2);
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        return tx.Policies().Close(old_row, *Date::Parse("2026-07-01"));
    }));
    Put(street, "2026-07-01", 1);
    Put(sibling, "2026-01-01", 6);
    Put(community, "2027-01-01", 4);

    std::vector<Setting> rows;
    const std::string community_path = PathOf(community);  // outside the transaction: one connection in tests
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(r, tx.Policies().ForPath(community_path));
        rows = std::move(r);
        return core::Ok();
    }));
    ASSERT_EQ(rows.size(), 3u);  // the street's two and the community's own; not the sibling's
    EXPECT_EQ(rows[0].doc, "海委组〔2026〕7号");
    EXPECT_EQ(rows[0].set_by_name, "街道管理员");
    EXPECT_EQ(rows[0].set_at, 1765000000000);
    EXPECT_EQ(rows[0].valid_to, Date::Parse("2026-07-01"));

    const policy::Policies p(community_path, rows);
    const auto key = policy::kLostContactSearchEveryMonths;
    EXPECT_EQ(p.Value(key, *Date::Parse("2024-06-01")), 3);  // no setting yet: the national default
    EXPECT_EQ(p.Value(key, *Date::Parse("2026-06-30")), 2);  // the street's old setting
    EXPECT_EQ(p.Value(key, *Date::Parse("2026-07-01")), 1);  // the street's new one
    EXPECT_EQ(p.Value(key, *Date::Parse("2027-01-01")), 4);  // the community's own, from its first day

    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(own, tx.Policies().OfOrg(street, std::string(key)));
        EXPECT_EQ(own.size(), 2u);
        LX_ASSIGN(none, tx.Policies().OfOrg(street, "transfer.max_validity_days"));
        EXPECT_TRUE(none.empty());
        LX_ASSIGN(all, tx.Policies().All());
        EXPECT_EQ(all.size(), 4u);
        return core::Ok();
    }));
}

INSTANTIATE_TEST_SUITE_P(Backends, PolicyConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
