// Overlays on SQLite (domain.md §1.4, §1.6, §5.4): a street's 大工委 with member units convening in turn, who may
// read and write (org_read / org_write on the host), dual-identity links that never change a member's formal
// affiliation, ids in bodies checked against the scope (security.md A2), and the counts per community.
#include "app/org/overlays.hpp"

#include "app/org/org_queries.hpp"
#include "app/org/reorganize.hpp"
#include "app/testing/app_fixture.hpp"

namespace lianxin::app::testing {

using core::ErrorCode;
using core::auth::Role;

class OverlaysTest : public AppTest {
protected:
    core::auth::Actor Street() { return ActorWith(Role::kOrgAdmin, street_); }
    core::auth::Actor CommunityA() { return ActorWith(Role::kOrgAdmin, community_a_, 98); }

    OverlayInput In(std::int64_t host, const char* kind = "big_working_committee",
                    const char* name = "嵩屿街道大工委") {
        OverlayInput in;
        in.host_org_id = host;
        in.kind = kind;
        in.name = name;
        in.founded_on = "2018-03-01";
        return in;
    }
    UnitInput Unit(const char* name, const char* type = "school") {
        UnitInput u;
        u.name = name;
        u.unit_type = type;
        u.joined_on = "2018-03-01";
        u.head_name = "林某某";
        u.head_post = "党委书记";
        return u;
    }
    std::int64_t Create(const core::auth::Actor& a, const OverlayInput& in) {
        auto id = CreateOverlay(ctx(), a, in);
        EXPECT_TRUE(id) << (id ? "" : id.error().message_key);
        return id ? *id : 0;
    }
    std::int64_t Add(const core::auth::Actor& a, std::int64_t overlay, const UnitInput& u) {
        auto id = AddMemberUnit(ctx(), a, overlay, u);
        EXPECT_TRUE(id) << (id ? "" : id.error().message_key);
        return id ? *id : 0;
    }
    OverlayView Detail(std::int64_t id, const core::auth::Actor& a) {
        auto v = GetOverlay(ctx(), a, id);
        EXPECT_TRUE(v) << (v ? "" : v.error().message_key);
        return v ? *v : OverlayView{};
    }
    static std::vector<std::string> Fields(const core::Error& e) {
        std::vector<std::string> out;
        for (const auto& f : e.fields) out.push_back(f.field + ":" + f.message_key);
        return out;
    }
};

// Seed 000: the member units take turns to convene (轮流牵头); the order and a monthly period are configuration
// (domain.md §1.4 [UNKNOWN] → data). On 2026-11-23 the eleventh monthly turn since January runs: 10 mod 3 = 1.
TEST_F(OverlaysTest, AStreetBigWorkingCommitteeRotatesItsConvenor) {
    const auto id = Create(Street(), In(street_));
    const auto school = Add(Street(), id, Unit("某某小学"));
    const auto hospital = Add(Street(), id, Unit("某某医院", "hospital"));
    const auto police = Add(Street(), id, Unit("某某派出所", "police"));
    auto v = Detail(id, Street());
    ASSERT_TRUE(SetRoster(ctx(), Street(), id, {v.overlay.version, {school, hospital, police}, 1, "2026-01-01"}));
    v = Detail(id, Street());
    ASSERT_TRUE(v.convenor);
    EXPECT_EQ(v.convenor->unit_id, hospital);
    EXPECT_EQ(v.convenor_name, "某某医院");
    EXPECT_EQ(v.next_handover->ToString(), "2026-12-01");
    ASSERT_EQ(v.turns.size(), 6u);
    EXPECT_EQ(v.turns[1].unit_id, police);
    EXPECT_EQ(v.counts.units, 3);
    EXPECT_EQ(v.counts.part_time_members, 3);
    EXPECT_TRUE(v.can_edit);
    EXPECT_EQ(v.overlay.host_org_name, "嵩屿街道党工委");
    EXPECT_EQ(CountAudit("overlay.create"), 1);
    EXPECT_EQ(CountAudit("overlay.unit.add"), 3);
    EXPECT_EQ(CountAudit("overlay.roster"), 1);

    // A new unit convenes last; the running turn stays. The convenor leaving: the next takes over the rest.
    const auto property = Add(Street(), id, Unit("某某物业", "property_company"));
    v = Detail(id, Street());
    EXPECT_EQ(v.convenor->unit_id, hospital);
    EXPECT_EQ(v.overlay.rotation.order, (std::vector<std::int64_t>{hospital, police, school, property}));
    ASSERT_TRUE(EndMemberUnit(ctx(), Street(), id, hospital, ""));
    v = Detail(id, Street());
    EXPECT_EQ(v.convenor->unit_id, police);
    EXPECT_EQ(v.next_handover->ToString(), "2026-12-01");
    EXPECT_EQ(v.counts.units, 3);
    auto twice = EndMemberUnit(ctx(), Street(), id, hospital, "");
    ASSERT_FALSE(twice);
    EXPECT_EQ(Fields(twice.error()), std::vector<std::string>{"on:overlay.unit.already_left"});
}

// Reading needs org_read on the host, writing org_write on it: a community sees its own 大党委, not the street's
// 大工委 (404, not confirmed); another community's org is refused in the body (400 naming host_org_id); a branch
// secretary holds no org_write (403); a system administrator reads the structure but cannot change it.
TEST_F(OverlaysTest, ReadingAndWritingFollowTheHostsScope) {
    const auto big = Create(Street(), In(street_));
    const auto own = Create(CommunityA(), In(community_a_, "big_party_committee", "海发社区大党委"));
    auto other = CreateOverlay(ctx(), CommunityA(), In(community_b_, "big_party_committee", "海翔社区大党委"));
    ASSERT_FALSE(other);
    EXPECT_EQ(Fields(other.error()), std::vector<std::string>{"host_org_id:org.not_in_scope"});
    auto hidden = GetOverlay(ctx(), CommunityA(), big);
    ASSERT_FALSE(hidden);
    EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
    auto unit = AddMemberUnit(ctx(), CommunityA(), big, Unit("某某小学"));
    ASSERT_FALSE(unit);
    EXPECT_EQ(unit.error().code, ErrorCode::kNotFound);
    const auto secretary = ActorWith(Role::kBranchSecretary, branch_a_, 97);
    auto denied = CreateOverlay(ctx(), secretary, In(branch_a_, "joint_committee", "联合党委"));
    ASSERT_FALSE(denied);
    EXPECT_EQ(denied.error().code, ErrorCode::kPermissionDenied);
    const auto sys = ActorWith(Role::kSysAdmin, street_, 96);
    auto seen = ListOverlays(ctx(), sys, 0);
    ASSERT_TRUE(seen);
    ASSERT_EQ(seen->size(), 2u);
    EXPECT_FALSE(seen->at(0).can_edit);
    auto write = AddMemberUnit(ctx(), sys, own, Unit("某某小学"));
    ASSERT_FALSE(write);
    EXPECT_EQ(write.error().code, ErrorCode::kPermissionDenied);
    auto mine = ListOverlays(ctx(), CommunityA(), 0);
    ASSERT_TRUE(mine);
    ASSERT_EQ(mine->size(), 1u);
    EXPECT_EQ(mine->at(0).overlay.id, own);
    auto narrowed = ListOverlays(ctx(), Street(), community_a_);
    ASSERT_TRUE(narrowed);
    EXPECT_EQ(narrowed->size(), 1u);
    auto outside = ListOverlays(ctx(), CommunityA(), community_b_);
    ASSERT_FALSE(outside);
    EXPECT_EQ(Fields(outside.error()), std::vector<std::string>{"org_id:org.not_in_scope"});
    EXPECT_EQ(CountAudit("overlay.unit.add"), 0);
}

// Seed 002 / domain.md §5.4: members of the joint committee have a dual identity under dual leadership, while their
// formal affiliation stays single. One member outside the actor's member_read scope refuses the whole request.
TEST_F(OverlaysTest, DualIdentityLinksNeverChangeTheFormalBranch) {
    const auto joint = Create(CommunityA(), In(community_a_, "joint_committee", "海发社区联合党委"));
    auto refused = LinkMembers(ctx(), CommunityA(), joint, {member_a_, member_b_}, "");
    ASSERT_FALSE(refused);
    EXPECT_EQ(Fields(refused.error()), std::vector<std::string>{"member_ids[1]:overlay.member_not_in_scope"});
    EXPECT_EQ(Detail(joint, Street()).counts.linked_members, 0);  // nothing half-applied

    const auto before = PathOf(branch_b_);
    auto linked = LinkMembers(ctx(), Street(), joint, {member_a_, member_b_}, "2026-11-01");
    ASSERT_TRUE(linked) << linked.error().message_key;
    EXPECT_EQ(linked->linked, 2);
    auto again = LinkMembers(ctx(), Street(), joint, {member_b_}, "");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->already, 1);
    EXPECT_EQ(Detail(joint, Street()).counts.linked_members, 2);

    ASSERT_TRUE(ctx().db.Read(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
        LX_ASSIGN(m, tx.Members().Get(member_b_));
        if (!m) return core::Fail(core::NotFound("member"));
        EXPECT_EQ(m->org_id, branch_b_);
        EXPECT_EQ(m->org_path, before);
        EXPECT_EQ(m->version, 1);
        LX_ASSIGN(periods, tx.Members().Affiliations(member_b_));
        EXPECT_EQ(periods.size(), 1u);  // still one formal affiliation, never a period per overlay
        return core::Ok();
    }));
    auto children = OrgChildren(ctx(), Street(), community_a_, clock_.Today());
    ASSERT_TRUE(children);
    EXPECT_EQ(children->size(), 1u);  // the overlay is not an org below its host

    // The community sees its own member by name and the other one only as a count (A3).
    auto list = ListLinkedMembers(ctx(), CommunityA(), joint);
    ASSERT_TRUE(list);
    ASSERT_EQ(list->items.size(), 1u);
    EXPECT_EQ(list->items[0].member_id, member_a_);
    EXPECT_EQ(list->outside_scope, 1);
    EXPECT_EQ(CountAudit("overlay.members"), 1);
    auto gone = UnlinkMember(ctx(), CommunityA(), joint, member_b_);
    ASSERT_FALSE(gone);
    EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
    ASSERT_TRUE(UnlinkMember(ctx(), CommunityA(), joint, member_a_));
    EXPECT_EQ(Detail(joint, Street()).counts.linked_members, 1);
    EXPECT_EQ(CountAudit("overlay.link"), 2);
    EXPECT_EQ(CountAudit("overlay.unlink"), 1);
}

// A unit's head may be linked to a registry member inside the host's subtree; everything else is refused with the
// field named (domain.md §1.6 Unit: USCC; security.md A2 for the member id).
TEST_F(OverlaysTest, UnitFieldsAreCheckedAndNamed) {
    const auto id = Create(CommunityA(), In(community_a_, "big_party_committee", "海发社区大党委"));
    auto u = Unit("某某小学");
    u.uscc = "12990000400000001X";
    u.head_member_id = member_b_;
    auto bad = AddMemberUnit(ctx(), Street(), id, u);
    ASSERT_FALSE(bad);
    EXPECT_EQ(Fields(bad.error()),
              (std::vector<std::string>{"uscc:overlay.uscc.invalid", "head_member_id:member.not_in_scope"}));
    u.uscc = " 12990000400000001t ";
    u.head_member_id = member_a_;
    ASSERT_TRUE(AddMemberUnit(ctx(), Street(), id, u));
    auto dup = AddMemberUnit(ctx(), Street(), id, Unit("某某小学"));
    ASSERT_FALSE(dup);
    EXPECT_EQ(Fields(dup.error()), std::vector<std::string>{"name:overlay.unit.duplicate"});
    auto v = Detail(id, Street());
    ASSERT_EQ(v.units.size(), 1u);
    EXPECT_EQ(v.units[0].uscc, "12990000400000001T");
    EXPECT_EQ(v.units[0].head.member_id, member_a_);
    EXPECT_FALSE(v.units[0].two_new);  // a school is not a two-new organization by default
    auto firm = Unit("某某科技有限公司", "non_public_enterprise");
    Add(Street(), id, firm);
    EXPECT_TRUE(Detail(id, Street()).units[1].two_new);

    auto in = In(community_a_, "big_party_committee", "海发社区大党委");
    in.version = v.overlay.version - 1;
    auto stale = UpdateOverlay(ctx(), Street(), id, in);
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
    in.version = v.overlay.version;
    in.meeting_period_months = 6;
    in.last_meeting_on = "2026-03-20";
    ASSERT_TRUE(UpdateOverlay(ctx(), Street(), id, in));
    v = Detail(id, Street());
    ASSERT_TRUE(v.meeting);
    EXPECT_EQ(v.meeting->due.ToString(), "2026-09-20");
    EXPECT_TRUE(v.meeting->overdue);  // 2026-11-23: the half-yearly joint meeting is overdue
}

// "The count of overlay members per community" (issue 4), aggregated over the overlays' hosts.
TEST_F(OverlaysTest, CountsPerCommunity) {
    const auto big = Create(Street(), In(street_));
    Add(Street(), big, Unit("某某小学"));
    const auto own = Create(CommunityA(), In(community_a_, "big_party_committee", "海发社区大党委"));
    Add(Street(), own, Unit("某某派出所", "police"));
    auto nameless = Unit("某某物业", "property_company");
    nameless.head_name.clear();
    nameless.head_post.clear();
    Add(Street(), own, nameless);
    ASSERT_TRUE(LinkMembers(ctx(), Street(), own, {member_a_, member_b_}, ""));
    auto c = CountOverlays(ctx(), Street(), street_);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->total.counts.overlays, 2);
    EXPECT_EQ(c->total.counts.units, 3);
    EXPECT_EQ(c->total.counts.part_time_members, 2);
    ASSERT_EQ(c->rows.size(), 2u);
    EXPECT_EQ(c->rows[0].org.id, community_a_);
    EXPECT_EQ(c->rows[0].counts.units, 2);
    EXPECT_EQ(c->rows[0].counts.part_time_members, 1);
    EXPECT_EQ(c->rows[0].counts.linked_members, 2);
    EXPECT_EQ(c->rows[1].counts.overlays, 0);
    auto hidden = CountOverlays(ctx(), CommunityA(), community_b_);
    ASSERT_FALSE(hidden);
    EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
}

// Reorganizations never rewrite paths (ADR 0004): when the host moves, its overlays follow the new version, so the
// community the branch now belongs to sees them and the one it left does not.
TEST_F(OverlaysTest, OverlaysFollowAMovedHost) {
    const auto id = Create(Street(), In(branch_a_, "joint_committee", "绿苑小区联合党委"));
    ReorgInput move;
    move.kind = "move";
    move.on = "2026-11-20";
    move.approval_doc = "海嵩党工〔2026〕21号";
    move.org_id = branch_a_;
    move.new_parent_id = community_b_;
    auto done = Reorganize(ctx(), Street(), move);
    ASSERT_TRUE(done) << done.error().message_key;
    ASSERT_EQ(done->created_ids.size(), 1u);
    auto v = Detail(id, ActorWith(Role::kOrgAdmin, community_b_, 95));
    EXPECT_EQ(v.overlay.host_org_id, done->created_ids[0]);
    auto left = GetOverlay(ctx(), CommunityA(), id);
    ASSERT_FALSE(left);
    EXPECT_EQ(left.error().code, ErrorCode::kNotFound);
}

}  // namespace lianxin::app::testing
