#include "app/testing/app_fixture.hpp"

#include <cstdio>

#include "core/member/id_number.hpp"

namespace lianxin::app::testing {

using core::ports::Tx;

std::string SyntheticId(const std::string& yyyymmdd, int seq) {
    char buf[18];
    std::snprintf(buf, sizeof buf, "990000%s%03d", yyyymmdd.c_str(), seq);
    return std::string(buf) + core::member::IdNumberCheckChar(buf);
}

void AppTest::SetUp() {
    db_ = storage::testing::OpenTestDb("sqlite");
    ctx_ = std::unique_ptr<Context>(
        new Context{*db_->db, clock_, db_->crypto, *db_->cipher, SecuritySettings{}, nullptr, nullptr, &sheets_});
    street_ = AddOrg(0, "嵩屿街道党工委", core::org::OrgType::kStreetWorkingCommittee);
    community_a_ = AddOrg(street_, "海发社区党委", core::org::OrgType::kGrassrootsCommittee);
    community_b_ = AddOrg(street_, "海翔社区党委", core::org::OrgType::kGrassrootsCommittee);
    branch_a_ = AddOrg(community_a_, "绿苑小区党支部");
    branch_b_ = AddOrg(community_b_, "天心岛小区党支部");
    member_a_ = AddMember(branch_a_, "张三", "11010519491231002X");
    member_b_ = AddMember(branch_b_, "李四", "110105194912310029");
}

std::int64_t AppTest::AddOrg(std::int64_t parent, const std::string& name, core::org::OrgType type) {
    std::int64_t id = 0;
    EXPECT_TRUE(ctx().db.Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        core::org::Org o;
        o.parent_id = parent;
        o.name = name;
        o.type = type;
        o.valid_from = *core::Date::Parse("2020-01-01");
        LX_ASSIGN(i, tx.Orgs().Insert(o));
        id = i;
        return core::Ok();
    }));
    return id;
}

std::string AppTest::PathOf(std::int64_t org_id) {
    std::string path;
    EXPECT_TRUE(ctx().db.Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(o, tx.Orgs().Get(org_id));
        path = o->path;
        return core::Ok();
    }));
    return path;
}

std::int64_t AppTest::AddMember(std::int64_t org_id, const std::string& name, const std::string& id_number) {
    core::member::Member m;
    m.org_id = org_id;
    m.org_path = PathOf(org_id);
    m.name = name;
    m.birth_date = *core::Date::Parse("1949-12-31");
    m.id_number = id_number;
    m.phone = "13812345678";
    m.join_date = core::Date::Parse("1999-01-01");
    m.conversion_date = core::Date::Parse("2000-01-01");
    std::int64_t id = 0;
    EXPECT_TRUE(ctx().db.Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(i, tx.Members().Insert(m));
        id = i;
        return core::Ok();
    }));
    return id;
}

core::auth::Actor AppTest::ActorWith(core::auth::Role role, std::int64_t org_id, std::int64_t user_id) {
    core::auth::Actor a;
    a.user_id = user_id;
    a.username = "tester";
    a.display_name = "测试员";
    a.grants.push_back({1, role, org_id, PathOf(org_id), "org"});
    a.ip = "127.0.0.1";
    a.request_id = "test";
    return a;
}

std::int64_t AppTest::AddUser(const std::string& username, const std::string& password, core::auth::Role role,
                              std::int64_t org_id, std::int64_t member_id) {
    std::int64_t id = 0;
    std::string path = PathOf(org_id);
    EXPECT_TRUE(ctx().db.Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        core::ports::User u;
        u.username = username;
        u.display_name = username;
        u.password_hash = ctx().crypto.HashPassword(password);
        u.status = core::ports::UserStatus::kActive;
        u.member_id = member_id;
        LX_ASSIGN(i, tx.Users().Insert(u));
        id = i;
        LX_CHECK(tx.Users().AddGrant(id, {0, role, org_id, path, ""}, 0, 0));
        return core::Ok();
    }));
    return id;
}

std::int64_t AppTest::CountAudit(const std::string& action) {
    return static_cast<std::int64_t>(AuditRows({action}).size());
}

std::vector<storage::testing::StoredAuditRow> AppTest::AuditRows(const storage::testing::AuditRowFilter& f) {
    return storage::testing::AuditRows(*db_->db, f);
}

void AppTest::UseCheckpointFile(const std::string& path) {
    checkpoint_file_ = std::make_unique<crypto::CheckpointFile>(path, *db_->cipher);
    ctx().checkpoints = checkpoint_file_.get();
}

std::unique_ptr<BareContext> OpenBareContext() {
    auto b = std::make_unique<BareContext>();
    b->db = storage::testing::OpenTestDb("sqlite");
    b->ctx = std::unique_ptr<Context>(new Context{
        *b->db->db, b->clock, b->db->crypto, *b->db->cipher, SecuritySettings{}, nullptr, nullptr, {}, nullptr});
    return b;
}

}  // namespace lianxin::app::testing
