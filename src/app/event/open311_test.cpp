// Open311 GeoReport v2 as use cases on SQLite (issue 17 "Open interfaces"; domain.md §7 event entity, residents'
// data masked by role): api keys issued, scoped to the admin's subtree and revoked; a post enters as channel
// open311 in the grid of its point, inside the jurisdiction and the key's subtree, else refused naming lat/long;
// the public list maps status and dates and shows no resident's data. Over HTTP with a real client:
// tests/integration/open311.test.mjs.
#include "app/event/open311.hpp"

#include "app/event/events.hpp"
#include "app/grid/grids.hpp"
#include "app/testing/app_fixture.hpp"
#include "core/event/open311.hpp"

namespace lianxin::app::testing {
namespace {

using core::ErrorCode;
using core::auth::Role;
namespace ev = core::event;

std::vector<std::string> Fields(const core::Error& e) {
    std::vector<std::string> out;
    for (const auto& f : e.fields) out.push_back(f.field);
    return out;
}

class Open311Test : public AppTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        Grid(community_a_, "350205001001001", 118.0);
        Grid(community_b_, "350205001002001", 118.1);
        auto k = IssueOpen311Key(ctx(), ActorWith(Role::kOrgAdmin, community_a_), community_a_, "社区小程序");
        ASSERT_TRUE(k) << k.error().message_key;
        key_ = k->key;
        key_id_ = k->record.id;
    }
    void Grid(std::int64_t community, const std::string& code, double lng) {
        GridInput in;
        in.code = code;
        in.name = "网格" + code.substr(12);
        in.households = 400;
        in.residents = 1000;
        core::grid::Boundary b{
            {{{{lng, 24.5}, {lng + 0.01, 24.5}, {lng + 0.01, 24.51}, {lng, 24.51}, {lng, 24.5}}}, {}}};
        auto id = CreateGrid(ctx(), ActorWith(Role::kOrgAdmin, community), community, in, b, "2025-01-01");
        ASSERT_TRUE(id) << id.error().message_key;
    }
    Open311Post Post(double lng = 118.005) {
        Open311Post p;
        p.api_key = key_;
        p.jurisdiction_id = "350205001001";
        p.service_code = "facility.street_light";
        p.lat = "24.505";
        p.lng = std::to_string(lng);
        p.description = "路灯不亮，请联系13912345678";
        p.first_name = "阿姨";
        p.last_name = "王";
        p.phone = "+86 139-1234-5678";
        return p;
    }
    std::string key_;
    std::int64_t key_id_ = 0;
};

TEST_F(Open311Test, APostEntersAsOpen311InItsGridAndTheListShowsNoResidentData) {
    auto r = Open311Submit(ctx(), Post(), {"10.0.0.1", "req-1"});
    ASSERT_TRUE(r) << r.error().message_key << (r.error().fields.empty() ? "" : " " + r.error().fields[0].field);
    const auto staff = ActorWith(Role::kOrgAdmin, community_a_, 21);
    auto seen = ViewEvent(ctx(), staff, r->id);
    ASSERT_TRUE(seen);
    const auto& e = seen->value.record.event;
    EXPECT_EQ(e.channel, ev::Channel::kOpen311);
    EXPECT_EQ(e.owner_org_id, community_a_);  // the community accepts, as for a resident's report
    EXPECT_NE(e.grid_id, 0);
    EXPECT_EQ(e.reporter_phone, "13912345678");  // kept (encrypted) for the staff, normalised from +86
    EXPECT_EQ(e.reporter_name, "王阿姨");
    EXPECT_EQ(CountAudit("event.open311"), 1);
    Open311Query q;
    q.jurisdiction_id = "350205001";  // the street
    auto list = Open311Requests(ctx(), q);
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ(list->at(0).service_name, "路灯损坏");
    EXPECT_EQ(ev::Open311Status(list->at(0).record.event.state), "open");
    q.status = "closed";
    EXPECT_TRUE(Open311Requests(ctx(), q)->empty());
    q.status = "shut";
    EXPECT_EQ(Fields(Open311Requests(ctx(), q).error()), (std::vector<std::string>{"status"}));
    q.status = "";
    q.start_date = "yesterday";
    EXPECT_EQ(Fields(Open311Requests(ctx(), q).error()), (std::vector<std::string>{"start_date"}));
    q.start_date = ev::W3cDateTime(clock_.NowMillis() + 1000);
    EXPECT_TRUE(Open311Requests(ctx(), q)->empty());  // reported before the start
    // The other community is no jurisdiction of the event; an unknown code is 404.
    EXPECT_EQ(Open311RequestById(ctx(), r->id, "350205001002").error().code, ErrorCode::kNotFound);
    EXPECT_TRUE(Open311RequestById(ctx(), r->id, "350205001001"));
    EXPECT_EQ(Open311RequestById(ctx(), r->id, "999999999").error().code, ErrorCode::kNotFound);
}

TEST_F(Open311Test, APlaceOutsideTheJurisdictionOrTheKeysSubtreeIsRefusedNamingLatLong) {
    auto other = Post(118.105);  // in community b's grid
    other.jurisdiction_id = "350205001001";
    auto r = Open311Submit(ctx(), other, {});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(Fields(r.error()), (std::vector<std::string>{"lat", "long"}));
    EXPECT_EQ(r.error().fields[0].message_key, "open311.point.jurisdiction");
    other.jurisdiction_id = "350205001";  // the street holds it, the key (community a) does not
    EXPECT_EQ(Open311Submit(ctx(), other, {}).error().fields.at(0).message_key, "open311.point.key_scope");
    auto nowhere = Post(100.0);
    EXPECT_EQ(Open311Submit(ctx(), nowhere, {}).error().fields.at(0).message_key, "open311.point.outside");
    auto half = Post();
    half.lng = "";
    EXPECT_EQ(Fields(Open311Submit(ctx(), half, {}).error()), (std::vector<std::string>{"long"}));
    Open311Post bare;
    bare.api_key = key_;
    auto missing = Open311Submit(ctx(), bare, {});
    EXPECT_EQ(Fields(missing.error()), (std::vector<std::string>{"service_code", "lat", "long", "description"}));
    auto unknown = Post();
    unknown.jurisdiction_id = "350205009";
    EXPECT_EQ(Open311Submit(ctx(), unknown, {}).error().code, ErrorCode::kNotFound);
    // An address without a point places the event in a community jurisdiction of the key.
    auto typed = Post();
    typed.lat = typed.lng = "";
    typed.address_string = "海发社区 3 号楼";
    EXPECT_TRUE(Open311Submit(ctx(), typed, {}));
    typed.jurisdiction_id = "350205001";
    EXPECT_EQ(Open311Submit(ctx(), typed, {}).error().fields.at(0).message_key, "open311.place.point_needed");
}

TEST_F(Open311Test, KeysAreCheckedRevokedOnceAndScopedToTheAdminsSubtree) {
    auto bad = Post();
    bad.api_key = "";
    EXPECT_EQ(Open311Submit(ctx(), bad, {}).error().code, ErrorCode::kPermissionDenied);
    bad.api_key = std::string(ev::kApiKeyPrefix) + std::string(32, 'x');
    EXPECT_EQ(Open311Submit(ctx(), bad, {}).error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(Fields(Open311Submit(ctx(), bad, {}).error()), (std::vector<std::string>{"api_key"}));
    // The other community's admin neither sees nor revokes the key; the street's admin sees and revokes it.
    const auto b = ActorWith(Role::kOrgAdmin, community_b_);
    EXPECT_TRUE(ListOpen311Keys(ctx(), b, 0)->empty());
    EXPECT_EQ(RevokeOpen311Key(ctx(), b, key_id_).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(IssueOpen311Key(ctx(), b, community_a_, "越权").error().code, ErrorCode::kInvalidArgument);
    const auto street = ActorWith(Role::kOrgAdmin, street_);
    auto listed = ListOpen311Keys(ctx(), street, 0);
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ(listed->at(0).key_hash, ctx().crypto.Sha256Hex(key_));  // only the hash is stored
    EXPECT_EQ(listed->at(0).last4, key_.substr(key_.size() - 4));
    ASSERT_TRUE(RevokeOpen311Key(ctx(), street, key_id_));
    EXPECT_EQ(RevokeOpen311Key(ctx(), street, key_id_).error().code, ErrorCode::kConflict);
    EXPECT_EQ(Open311Submit(ctx(), Post(), {}).error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(CountAudit("open311.key.issue"), 1);
    EXPECT_EQ(CountAudit("open311.key.revoke"), 1);
    // A member, without org_write, is refused before anything is read.
    EXPECT_EQ(ListOpen311Keys(ctx(), ActorWith(Role::kBranchSecretary, community_a_), 0).error().code,
              ErrorCode::kPermissionDenied);
}

}  // namespace
}  // namespace lianxin::app::testing
