// Storage conformance of the Open311 api keys on every backend (issue 17 "Open interfaces"; migration 0039): a key
// is found by its hash only, listed by the subtree of its org, revoked once (a second revoke changes nothing), and
// on PostgreSQL a scope outside the key's org does not see it (row-level security).
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

using core::ports::Open311Key;
using core::ports::Scope;

class Open311KeyConformance : public Conformance {
protected:
    std::int64_t Issue(std::int64_t org_id, const std::string& name, const std::string& hash) {
        const auto org = OrgOf(org_id);
        std::int64_t id = 0;
        EXPECT_TRUE(db().Write(Scope::System(), [&](Tx& tx) -> core::Status {
            Open311Key k;
            k.org_id = org.id;
            k.org_path = org.path;
            k.name = name;
            k.key_hash = hash;
            k.last4 = hash.substr(hash.size() - 4);
            k.created_by = 7;
            k.created_by_name = "管理员";
            k.created_at = 1'765'000'000'000;
            LX_ASSIGN(i, tx.Open311Keys().Insert(k));
            id = i;
            return core::Ok();
        }));
        return id;
    }
    std::vector<Open311Key> List(const Scope& scope, const std::vector<std::string>& roots) {
        std::vector<Open311Key> out;
        EXPECT_TRUE(db().Read(scope, [&](Tx& tx) -> core::Status {
            LX_ASSIGN(l, tx.Open311Keys().List(roots));
            out = std::move(l);
            return core::Ok();
        }));
        return out;
    }
    std::optional<Open311Key> ByHash(const std::string& hash) {
        std::optional<Open311Key> out;
        EXPECT_TRUE(db().Read(Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(k, tx.Open311Keys().ByHash(hash));
            out = std::move(k);
            return core::Ok();
        }));
        return out;
    }
};

TEST_P(Open311KeyConformance, AKeyIsFoundByItsHashWithItsOrgAndListedInItsSubtree) {
    const auto street = AddOrg(0, "嵩屿街道");
    const auto a = AddOrg(street, "东屿社区");
    const auto b = AddOrg(street, "海虹社区");
    const auto ka = Issue(a, "市民热线平台", std::string(60, 'a') + "1234");
    const auto kb = Issue(b, "社区小程序", std::string(60, 'b') + "5678");
    auto found = ByHash(std::string(60, 'a') + "1234");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, ka);
    EXPECT_EQ(found->org_name, "东屿社区");
    EXPECT_EQ(found->org_path, OrgOf(a).path);
    EXPECT_EQ(found->last4, "1234");
    EXPECT_EQ(found->created_by_name, "管理员");
    EXPECT_FALSE(found->revoked_at);
    EXPECT_FALSE(ByHash(std::string(64, 'c')));
    // The street sees both, newest first; a community only its own.
    auto all = List(Scope::System(), {OrgOf(street).path});
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].id, kb);
    auto mine = List(Scope::System(), {OrgOf(a).path});
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(mine[0].id, ka);
    // Row-level security (PostgreSQL; SQLite ignores the scope): a scope of b does not see a's key at all.
    if (GetParam() == "postgres") { EXPECT_EQ(List(Scope::Paths({OrgOf(b).path}), {OrgOf(street).path}).size(), 1u); }
}

TEST_P(Open311KeyConformance, ARevokedKeyStaysListedAndIsRevokedOnce) {
    const auto street = AddOrg(0, "嵩屿街道");
    const auto id = Issue(street, "市民热线平台", std::string(64, 'd'));
    bool first = false, second = true;
    ASSERT_TRUE(db().Write(Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(r1, tx.Open311Keys().Revoke(id, 9, 1'765'000'100'000));
        LX_ASSIGN(r2, tx.Open311Keys().Revoke(id, 10, 1'765'000'200'000));
        first = r1;
        second = r2;
        return tx.Open311Keys().Used(id, 1'765'000'050'000);
    }));
    EXPECT_TRUE(first);
    EXPECT_FALSE(second);
    auto k = ByHash(std::string(64, 'd'));
    ASSERT_TRUE(k);
    EXPECT_EQ(k->revoked_at, 1'765'000'100'000);
    EXPECT_EQ(k->revoked_by, 9);
    EXPECT_EQ(k->last_used_at, 1'765'000'050'000);
    EXPECT_EQ(List(Scope::System(), {OrgOf(street).path}).size(), 1u);
}

TEST_P(Open311KeyConformance, AHashIsUnique) {
    const auto street = AddOrg(0, "嵩屿街道");
    Issue(street, "一", std::string(64, 'e'));
    const auto path = OrgOf(street).path;
    auto st = db().Write(Scope::System(), [&](Tx& tx) -> core::Status {
        Open311Key k;
        k.org_id = street;
        k.org_path = path;
        k.name = "二";
        k.key_hash = std::string(64, 'e');
        k.last4 = "eeee";
        k.created_by_name = "x";
        return tx.Open311Keys().Insert(k).map([](auto) {});
    });
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code, core::ErrorCode::kConflict);
}

INSTANTIATE_TEST_SUITE_P(Backends, Open311KeyConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
