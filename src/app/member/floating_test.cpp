// The floating-member register end to end on SQLite (domain.md §5.3, 一方隶属、双重管理): the outflow branch
// opens a record naming a participating branch in another community; the registry tag follows; that branch
// sees the minimal fields only and notes participation, which the outflow side sees; the electorate of the
// inflow branch does not count the member; the return closes the record and clears the tag. Scope and audit.
#include "app/member/floating.hpp"
#include "app/org/reorganize.hpp"

#include "app/member/member_queries.hpp"
#include "app/member/registry.hpp"
#include "app/testing/app_fixture.hpp"

namespace lianxin::app::testing {

using core::ErrorCode;
using core::auth::Role;

class FloatingTest : public AppTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        secretary_a_ = ActorWith(Role::kBranchSecretary, branch_a_, 11);
        secretary_b_ = ActorWith(Role::kBranchSecretary, branch_b_, 14);
        committee_b_ = ActorWith(Role::kOrgAdmin, community_b_, 13);
        other_ = ActorWith(Role::kBranchSecretary, AddOrg(community_b_, "海翔二支部"), 15);
    }

    FloatingInput Input() {
        FloatingInput in;
        in.left_on = "2026-09-01";
        in.reason = "work";
        in.province = "福建省";
        in.city = "厦门市";
        in.county = "海沧区";
        in.employer = "海沧某物流公司";
        in.phone = "13900001111";
        in.expected_return = "2027-02-28";
        in.certificate_no = "闽流2026-031";
        in.participating_org_id = branch_b_;
        in.participating_since = "2026-09-10";
        return in;
    }

    std::int64_t Open() {
        auto v = OpenFloating(ctx(), secretary_a_, member_a_, Input());
        EXPECT_TRUE(v) << (v ? "" : v.error().message_key);
        return v ? v->record.id : 0;
    }

    core::member::Member Member(std::int64_t id) {
        core::member::Member out;
        EXPECT_TRUE(ctx().db.Read(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
            LX_ASSIGN(m, tx.Members().Get(id));
            if (!m) return core::Fail(core::NotFound("member"));
            out = std::move(m).value();
            return core::Ok();
        }));
        return out;
    }

    int CountVotingOf(std::int64_t org) {
        int n = -1;
        EXPECT_TRUE(ctx().db.Read(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
            LX_ASSIGN(c, tx.Members().CountVoting(org, ctx().clock.Today()));
            n = c;
            return core::Ok();
        }));
        return n;
    }

    core::auth::Actor secretary_a_, secretary_b_, committee_b_, other_;
};

// §5.3 "Before leaving" and §2.4 field 16: the outflow branch registers the record; the registry's floating
// tag and 外出流向 follow it, and the formal affiliation does not move.
TEST_F(FloatingTest, OpeningSetsTheRegistryTagAndKeepsTheAffiliation) {
    const auto id = Open();
    auto m = Member(member_a_);
    EXPECT_EQ(m.tags, (std::vector<std::string>{"floating"}));
    EXPECT_EQ(m.floating_to, "福建省 厦门市 海沧区");
    EXPECT_EQ(m.org_id, branch_a_);
    EXPECT_EQ(CountAudit("floating.open"), 1);
    auto view = ViewMemberFloating(ctx(), secretary_a_, member_a_);
    ASSERT_TRUE(view);
    ASSERT_TRUE(view->value.current);
    EXPECT_EQ(view->value.current->record.id, id);
    EXPECT_EQ(view->value.current->record.facts.participating->name, "天心岛小区党支部");
    EXPECT_EQ(view->value.current->record.facts.phone, "13900001111");  // masked by the DTO
    EXPECT_EQ(view->value.current->actions, (std::vector<std::string>{"edit", "report", "contact", "return"}));
    EXPECT_EQ(view->entry.subject_member_id, member_a_);  // the member sees who read it (谁查看了我的信息)
    // One open record per member.
    auto again = OpenFloating(ctx(), secretary_a_, member_a_, Input());
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().message_key, "floating.open_exists");
}

// 一方隶属、双重管理 (§5.3 "At destination"): the inflow branch sees minimal fields, records participation and
// dues there, has no vote for the member; the outflow side sees the notes.
TEST_F(FloatingTest, InflowBranchSeesMinimalFieldsAndNotesParticipation) {
    const auto id = Open();
    FloatingListInput in;
    in.org_id = branch_b_;
    in.inflow = true;
    auto page = ListFloating(ctx(), secretary_b_, in);
    ASSERT_TRUE(page);
    ASSERT_EQ(page->items.size(), 1u);
    const auto& v = page->items[0];
    EXPECT_TRUE(v.minimal);
    EXPECT_EQ(v.record.name, "张三");
    EXPECT_EQ(v.record.org_name, "绿苑小区党支部");
    EXPECT_EQ(v.record.facts.certificate_no, "闽流2026-031");
    EXPECT_TRUE(v.record.facts.phone.empty());
    EXPECT_TRUE(v.record.facts.employer.empty());
    EXPECT_TRUE(v.reminders.empty());
    EXPECT_EQ(v.actions, (std::vector<std::string>{"participation", "dues"}));
    // The committee above the inflow branch sees it too; the outflow list of branch b does not hold the member.
    in.org_id = community_b_;
    EXPECT_EQ(ListFloating(ctx(), committee_b_, in)->items.size(), 1u);
    in.inflow = false;
    EXPECT_EQ(ListFloating(ctx(), committee_b_, in)->items.size(), 0u);

    // The outflow branch's contact note may carry a new number: the inflow side never reads it (regression: the
    // minimal view carried every note).
    ASSERT_TRUE(AddFloatingNote(ctx(), secretary_a_, id, {"contact", "2026-11-04", "新号码13900001111，住海虹路3号"}));
    auto noted = AddFloatingNote(ctx(), secretary_b_, id,
                                 {"participation", "2026-11-05", "参加天心岛小区党支部主题党日"});
    ASSERT_TRUE(noted) << noted.error().message_key;
    EXPECT_TRUE(noted->minimal);
    ASSERT_EQ(noted->notes.size(), 1u);
    EXPECT_EQ(noted->notes[0].side, "in");
    // Reports belong to the outflow side.
    auto report = AddFloatingNote(ctx(), secretary_b_, id, {"report", "2026-11-05", "思想汇报"});
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().code, ErrorCode::kPermissionDenied);
    auto outflow = ViewMemberFloating(ctx(), secretary_a_, member_a_);
    ASSERT_TRUE(outflow);
    ASSERT_EQ(outflow->value.current->notes.size(), 2u);  // the outflow side reads both
    // No vote at the inflow org: the electorate of branch b is its own member only.
    auto electorate = CountVotingOf(branch_b_);
    EXPECT_EQ(electorate, 1);
    EXPECT_EQ(CountAudit("floating.note"), 2);
}

// A reorganization moves the participating branch (a new version, ADR 0004): the record follows it, so the new
// version's secretary sees the member and the old path no longer does (regression: the inflow side stayed behind).
TEST_F(FloatingTest, TheInflowSideFollowsAMovedParticipatingBranch) {
    const auto id = Open();
    clock_.Advance(24LL * 3600 * 1000);
    ReorgInput in;
    in.kind = "move";
    in.org_id = branch_b_;
    in.new_parent_id = community_a_;
    in.on = clock_.Today().ToString();
    in.approval_doc = "海沧组〔2026〕9号";
    auto done = Reorganize(ctx(), ActorWith(Role::kOrgAdmin, street_), in);
    ASSERT_TRUE(done) << done.error().message_key;
    const auto moved = done->created_ids.front();
    FloatingListInput list;
    list.org_id = moved;
    list.inflow = true;
    auto page = ListFloating(ctx(), ActorWith(Role::kBranchSecretary, moved, 15), list);
    ASSERT_TRUE(page) << page.error().message_key;
    ASSERT_EQ(page->items.size(), 1u);
    EXPECT_EQ(page->items[0].record.id, id);
    list.org_id = community_b_;
    EXPECT_TRUE(ListFloating(ctx(), committee_b_, list)->items.empty());
}

// Outside both sides' scopes the record does not exist; the inflow side cannot read the member's record.
TEST_F(FloatingTest, OutsideBothScopesIsNotFound) {
    const auto id = Open();
    auto note = AddFloatingNote(ctx(), other_, id, {"participation", "2026-11-05", "参加组织生活"});
    ASSERT_FALSE(note);
    EXPECT_EQ(note.error().code, ErrorCode::kNotFound);
    auto view = ViewMemberFloating(ctx(), secretary_b_, member_a_);
    ASSERT_FALSE(view);
    EXPECT_EQ(view.error().code, ErrorCode::kNotFound);
    FloatingReturnInput back{1, "2026-11-20", ""};
    auto ret = ReturnFloatingMember(ctx(), secretary_b_, id, back);
    ASSERT_FALSE(ret);
    EXPECT_EQ(ret.error().code, ErrorCode::kPermissionDenied);
}

// §5.3 "On return": the return closes the record and clears the registry tag; a later record may open.
TEST_F(FloatingTest, ReturnClosesTheRecordAndClearsTheTag) {
    const auto id = Open();
    auto stale = ReturnFloatingMember(ctx(), secretary_a_, id, {7, "2026-11-20", ""});
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
    auto back = ReturnFloatingMember(ctx(), secretary_a_, id, {1, "2026-11-20", "交回流动党员活动证"});
    ASSERT_TRUE(back) << back.error().message_key;
    EXPECT_FALSE(back->record.facts.Open());
    auto m = Member(member_a_);
    EXPECT_TRUE(m.tags.empty());
    EXPECT_EQ(m.floating_to, "");
    FloatingListInput in;
    in.org_id = branch_b_;
    in.inflow = true;
    EXPECT_TRUE(ListFloating(ctx(), secretary_b_, in)->items.empty());
    auto view = ViewMemberFloating(ctx(), secretary_a_, member_a_);
    EXPECT_FALSE(view->value.current);
    EXPECT_EQ(view->value.past.size(), 1u);
    EXPECT_EQ(view->value.actions, (std::vector<std::string>{"open"}));
    EXPECT_EQ(CountAudit("floating.return"), 1);
}

// The rules of core reach the branch: the certificate for at most six months; the participating org is not
// the member's own; the registry form cannot drop the tag while a record is open.
TEST_F(FloatingTest, RulesAndRegistryConsistency) {
    auto in = Input();
    in.expected_return = "2027-06-30";
    auto cert = OpenFloating(ctx(), secretary_a_, member_a_, in);
    ASSERT_FALSE(cert);
    EXPECT_EQ(cert.error().message_key, "floating.rule.certificate");
    in = Input();
    in.participating_org_id = branch_a_;
    auto own = OpenFloating(ctx(), secretary_a_, member_a_, in);
    ASSERT_FALSE(own);
    EXPECT_EQ(own.error().fields.at(0).message_key, "floating.participating.own_org");

    const auto id = Open();
    MemberEditInput edit;
    edit.version = Member(member_a_).version;
    auto cleared = UpdateMember(ctx(), secretary_a_, member_a_, edit);
    ASSERT_FALSE(cleared);
    EXPECT_EQ(cleared.error().fields.at(0).message_key, "member.floating.register_open");
    // Editing the record moves the destination in the registry too; an outside org is a name only.
    in = Input();
    in.county = "集美区";
    in.participating_org_id = 0;
    in.participating_org_name = "集美区某园区流动党员党支部";
    in.phone.reset();
    auto edited = EditFloating(ctx(), secretary_a_, id, 1, in);
    ASSERT_TRUE(edited) << edited.error().message_key;
    EXPECT_EQ(edited->record.facts.phone, "13900001111");  // kept
    EXPECT_EQ(edited->record.in_org_path, "");
    EXPECT_EQ(Member(member_a_).floating_to, "福建省 厦门市 集美区");
    FloatingListInput list;
    list.org_id = branch_b_;
    list.inflow = true;
    EXPECT_TRUE(ListFloating(ctx(), secretary_b_, list)->items.empty());
}

}  // namespace lianxin::app::testing
