// Storage conformance of member search on every backend (issue 4 "Search and filters"): pages follow
// (org_path, id) — or (name, id) for a name search — with the cursor's row opening the next page, no row is
// lost or repeated across pages, and the skill filter matches whole words only.
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

class MemberSearchConformance : public Conformance {
protected:
    // Pages through q with `page` rows each; the names in the order read.
    std::vector<std::string> ReadAll(core::ports::MemberQuery q, int page) {
        std::vector<std::string> names;
        q.limit = page;
        for (int guard = 0; guard < 100; ++guard) {
            std::vector<core::member::Member> got;
            EXPECT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
                LX_ASSIGN(rows, tx.Members().List(q));
                got = std::move(rows);
                return core::Ok();
            }));
            for (const auto& m : got) names.push_back(m.name);
            if (static_cast<int>(got.size()) < page) break;
            q.after_id = got.back().id;
        }
        return names;
    }
};

TEST_P(MemberSearchConformance, PagesFollowTheOrgThenIdAndNameOrders) {
    const auto street = AddOrg(0, "街道");
    const auto b1 = AddOrg(street, "一支部");
    const auto b2 = AddOrg(street, "二支部");
    // Inserted interleaved, so that id order differs from (org, id) order.
    const char* ids[] = {"11010519491231002X", "110105194912310029", "110105194912310011",
                         "110105194912310053", "110105194912310070", "110105194912310096"};
    const char* names[] = {"王五", "李四", "王二", "张三", "王一", "赵六"};
    for (int i = 0; i < 6; ++i) {
        auto m = MakeMember(i % 2 == 0 ? b2 : b1, names[i], ids[i]);
        if (i == 0) m.skills = {"电工", "书法"};
        if (i == 1) m.skills = {"电工助理"};
        AddMember(m);
    }
    std::string root_path;
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(o, tx.Orgs().Get(street));
        root_path = o->path;
        return core::Ok();
    }));
    core::ports::MemberQuery q;
    q.scope_roots = {root_path};
    // 一支部 was created first: its path sorts first; inside a branch, id order.
    const std::vector<std::string> by_org{"李四", "张三", "赵六", "王五", "王二", "王一"};
    EXPECT_EQ(ReadAll(q, 2), by_org);
    EXPECT_EQ(ReadAll(q, 4), by_org);
    q.name_prefix = "王";
    const std::vector<std::string> by_name{"王一", "王二", "王五"};
    EXPECT_EQ(ReadAll(q, 1), by_name);
    q.name_prefix.clear();
    q.skill = "电工";
    EXPECT_EQ(ReadAll(q, 5), std::vector<std::string>{"王五"});  // not 电工助理
    q.skill = "%";
    EXPECT_TRUE(ReadAll(q, 5).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, MemberSearchConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
