// Row-level security on PostgreSQL (security.md A6; issue 15 "Second fence on PostgreSQL"): a transaction scoped
// to one subtree sees nothing outside it even when its query has no scope clause (raw SQL, or a repository
// asked for everything), a connection with no scope sees no rows at all, the system scope sees every row, and
// every table with an org path column has row-level security forced and a policy (the meta-guard).
// Runs only on PostgreSQL: scripts/pg ./build/lianxin_tests --gtest_filter='*postgres*'.
#include <cstdlib>
#include <set>

#include "storage/postgres/pg_conn.hpp"
#include "storage/sql/sql_repos.hpp"
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

namespace {

std::vector<std::string> PostgresOnly() {
    const char* pg = std::getenv("LIANXIN_TEST_PG");
    if (pg && *pg) return {"postgres"};
    return {};
}

// Tables with an org path column that carry no policy, each for a reason (migration 0021):
const std::set<std::string> kExempt = {
    "role_grants",        // who holds which role: read by login and user administration for any user; no member data
    "audit_log",          // one hash chain appended by the audit writer for every scope and verified whole
    "service_positions",  // public addresses and hours; a scope's list deliberately includes its ancestors' centres
    "policies",           // local rules, no personal data; an org reads the settings of its ancestors
};

// Tables without a path of their own whose policy goes through a parent row.
const std::set<std::string> kThroughParent = {
    "candidate_steps", "transfer_events",       "floating_notes",        "import_rows", "party_group_members",
    "member_skills",   "lost_contact_searches", "member_status_changes", "grid_team",   "grid_versions"};

}  // namespace

class RowLevelSecurity : public Conformance {
protected:
    void SetUp() override {
        Conformance::SetUp();
        street_ = AddOrg(0, "街道");
        a_ = AddOrg(street_, "甲社区");
        b_ = AddOrg(street_, "乙社区");
        a1_ = AddOrg(a_, "甲一支部");
        b1_ = AddOrg(b_, "乙一支部");
        in_a_ = AddMember(MakeMember(a1_, "甲党员", "11010519491231002X"));
        in_b_ = AddMember(MakeMember(b1_, "乙党员", "110105194912310037"));
        ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            core::ports::StatusChangeRecord c;
            c.action = "stop";
            c.on = *Date::Parse("2026-01-05");
            c.doc_ref = "决定〔2026〕1号";
            LX_CHECK(tx.Members().AppendStatusChange(in_a_, c));
            return tx.Members().AppendStatusChange(in_b_, c);
        }));
    }

    // Runs `sql` as raw text inside a transaction of `scope` opened by the Database (its own SET LOCAL).
    std::int64_t CountIn(const core::ports::Scope& scope, const std::string& sql) {
        std::int64_t n = -1;
        auto st = db().Read(scope, [&](Tx& tx) -> core::Status {
            LX_ASSIGN(rows, static_cast<SqlTx&>(tx).Conn().Query(sql));
            n = rows.Int(0, 0);
            return core::Ok();
        });
        EXPECT_TRUE(st) << (st ? "" : st.error().detail);
        return n;
    }

    std::string PathOf(std::int64_t org) { return OrgOf(org).path; }

    std::int64_t street_ = 0, a_ = 0, b_ = 0, a1_ = 0, b1_ = 0, in_a_ = 0, in_b_ = 0;
};

GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RowLevelSecurity);

TEST_P(RowLevelSecurity, RawQueryWithoutScopeClauseSeesOnlyTheTransactionsSubtree) {
    const auto scope_a = core::ports::Scope::Paths({PathOf(a_)});
    EXPECT_EQ(CountIn(scope_a, "SELECT count(*) FROM members"), 1);
    EXPECT_EQ(CountIn(scope_a, "SELECT count(*) FROM members WHERE id = " + std::to_string(in_b_)), 0);
    EXPECT_EQ(CountIn(scope_a, "SELECT count(*) FROM member_status_changes"), 1);
    // Two roots: both subtrees; the street: everything; a scope that names no valid path: nothing.
    EXPECT_EQ(CountIn(core::ports::Scope::Paths({PathOf(a_), PathOf(b1_)}), "SELECT count(*) FROM members"), 2);
    EXPECT_EQ(CountIn(core::ports::Scope::Paths({PathOf(street_)}), "SELECT count(*) FROM members"), 2);
    EXPECT_EQ(CountIn(core::ports::Scope::Paths({"/1/%"}), "SELECT count(*) FROM members"), 0);
    EXPECT_EQ(CountIn(core::ports::Scope::Paths({}), "SELECT count(*) FROM members"), 0);
}

// The policies keep the repositories' own subtree ranges usable as index conditions (text comparison is
// leakproof): a street-wide scope and a query for one branch scan only that branch's range of members_path.
TEST_P(RowLevelSecurity, TheQuerysOwnSubtreeRangeStaysAnIndexCondition) {
    const auto branch = PathOf(a1_);
    const auto hi = branch.substr(0, branch.size() - 1) + "0";
    std::string plan;
    ASSERT_TRUE(db().Read(core::ports::Scope::Paths({PathOf(street_)}), [&](Tx& tx) -> core::Status {
        auto& conn = static_cast<SqlTx&>(tx).Conn();
        LX_CHECK(conn.ExecScript("SET LOCAL enable_seqscan = off"));  // the test tables are tiny
        LX_ASSIGN(rows, conn.Query("EXPLAIN SELECT id FROM members WHERE org_path >= '" + branch +
                                   "' AND org_path < '" + hi + "' ORDER BY org_path, id LIMIT 50"));
        for (std::size_t r = 0; r < rows.size(); ++r) plan += rows.Text(r, 0) + "\n";
        return core::Ok();
    }));
    EXPECT_NE(plan.find("members_path"), std::string::npos) << plan;
    EXPECT_NE(plan.find("Index Cond: ((org_path >= '" + branch + "'::text) AND (org_path < '" + hi + "'::text))"),
              std::string::npos)
        << plan;
}

TEST_P(RowLevelSecurity, RepositoryQueryThatForgotItsScopeStillSeesOnlyTheSubtree) {
    // The repository is asked for the whole street (as a query that lost the actor's scope would be).
    core::ports::MemberQuery q;
    q.scope_roots = {PathOf(street_)};
    q.limit = 10;
    std::vector<core::member::Member> got;
    ASSERT_TRUE(db().Read(core::ports::Scope::Paths({PathOf(b_)}), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(list, tx.Members().List(q));
        got = std::move(list);
        LX_ASSIGN(other, tx.Members().Get(in_a_));
        EXPECT_FALSE(other.has_value());
        LX_ASSIGN(changes, tx.Members().StatusChanges(in_a_));
        EXPECT_TRUE(changes.empty());
        return core::Ok();
    }));
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].id, in_b_);
    // A write cannot put a row outside the scope either.
    auto moved = db().Write(core::ports::Scope::Paths({PathOf(b_)}), [&](Tx& tx) -> core::Status {
        auto m = MakeMember(a1_, "越界", "110105194912310053");
        return tx.Members().Insert(m).has_value() ? core::Ok() : core::Fail(core::NotFound("member"));
    });
    EXPECT_FALSE(moved);
}

TEST_P(RowLevelSecurity, NoScopeSeesNothingAndSystemScopeSeesEverything) {
    // A connection of its own, as the server's role, with no scope set: the policies fail closed.
    auto conn = PgConn::Open(std::getenv("LIANXIN_TEST_PG"));
    ASSERT_TRUE(conn) << conn.error().detail;
    for (const char* table : {"members", "member_status_changes"}) {
        auto rows = (*conn)->Query(std::string("SELECT count(*) FROM ") + table, {});
        ASSERT_TRUE(rows) << rows.error().detail;
        EXPECT_EQ(rows->Int(0, 0), 0) << table;
    }
    // After a scoped transaction ends, its SET LOCAL is gone with it.
    ASSERT_TRUE((*conn)->ExecScript("BEGIN; SET LOCAL lianxin.scope = '*'; COMMIT"));
    auto after = (*conn)->Query("SELECT count(*) FROM members", {});
    ASSERT_TRUE(after);
    EXPECT_EQ(after->Int(0, 0), 0);
    EXPECT_EQ(CountIn(core::ports::Scope::System(), "SELECT count(*) FROM members"), 2);
    EXPECT_EQ(CountIn(core::ports::Scope::System(), "SELECT count(*) FROM member_status_changes"), 2);
}

TEST_P(RowLevelSecurity, EveryTableWithAnOrgPathHasForcedRowLevelSecurityAndAPolicy) {
    auto tables = t_->db->RawQuery(
        "SELECT DISTINCT c.table_name FROM information_schema.columns c JOIN information_schema.tables t "
        "ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
        "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
        "AND (c.column_name = 'org_path' OR c.column_name LIKE '%\\_org\\_path') ORDER BY 1");
    ASSERT_TRUE(tables) << tables.error().detail;
    std::set<std::string> guarded = kThroughParent;
    for (std::size_t r = 0; r < tables->size(); ++r) {
        const auto name = tables->Text(r, 0);
        if (!kExempt.count(name)) guarded.insert(name);
    }
    EXPECT_GE(guarded.size(), 17u);  // 9 with a path column of their own, 8 through a parent (0021)
    for (const auto& name : guarded) {
        auto rls = t_->db->RawQuery(
            "SELECT c.relrowsecurity::int, c.relforcerowsecurity::int, "
            "(SELECT count(*) FROM pg_policies p WHERE p.schemaname = current_schema() AND p.tablename = c.relname) "
            "FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = '" +
            name + "'");
        ASSERT_TRUE(rls) << rls.error().detail;
        ASSERT_EQ(rls->size(), 1u) << name;
        EXPECT_EQ(rls->Int(0, 0), 1) << name << ": row level security not enabled";
        EXPECT_EQ(rls->Int(0, 1), 1) << name << ": row level security not forced";
        EXPECT_GE(rls->Int(0, 2), 1) << name << ": no policy";
    }
    // The role the tests (and the server) connect as must not bypass the policies.
    auto role = t_->db->RawQuery("SELECT rolsuper::int, rolbypassrls::int FROM pg_roles WHERE rolname = current_user");
    ASSERT_TRUE(role);
    EXPECT_EQ(role->Int(0, 0), 0) << "connected as a superuser: row-level security is bypassed";
    EXPECT_EQ(role->Int(0, 1), 0) << "connected as a BYPASSRLS role";
}

// The server's own role (scripts/pg: LIANXIN_TEST_PG_APP) owns nothing and cannot bypass the policies.
TEST_P(RowLevelSecurity, AppRoleOwnsNothingAndDoesNotBypass) {
    const char* app = std::getenv("LIANXIN_TEST_PG_APP");
    if (!app || !*app) GTEST_SKIP() << "LIANXIN_TEST_PG_APP is not set";
    auto conn = PgConn::Open(app);
    ASSERT_TRUE(conn) << conn.error().detail;
    auto role = (*conn)->Query(
        "SELECT rolsuper::int, rolbypassrls::int, "
        "(SELECT count(*) FROM pg_class WHERE relowner = r.oid AND relnamespace = "
        "'public'::regnamespace) FROM pg_roles r WHERE rolname = current_user",
        {});
    ASSERT_TRUE(role) << role.error().detail;
    EXPECT_EQ(role->Int(0, 0), 0);
    EXPECT_EQ(role->Int(0, 1), 0);
    EXPECT_EQ(role->Int(0, 2), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, RowLevelSecurity, ::testing::ValuesIn(PostgresOnly()), BackendName);

}  // namespace lianxin::storage::testing
