// Storage conformance of service positions on every backend: round trip of every field (hours, services, the point
// in micro-degrees, no area), lists scoped by subtree plus the orgs above, a stale edit, closing, and the moves a
// reorganization makes.
#include <map>

#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

using core::ports::PositionRecord;

class PositionConformance : public Conformance {
protected:
    void SetUp() override {
        Conformance::SetUp();
        street_ = AddOrg(0, "街道");
        a_ = AddOrg(street_, "甲社区");
        b_ = AddOrg(street_, "乙社区");
        ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            for (auto id : {street_, a_, b_}) {
                LX_ASSIGN(o, tx.Orgs().Get(id));
                if (!o) return core::Fail(core::NotFound("org"));
                orgs_[id] = std::move(o).value();
            }
            return core::Ok();
        }));
    }
    PositionRecord Make(std::int64_t org, const char* name) {
        PositionRecord p;
        p.org_id = org;
        p.org_path = orgs_.at(org).path;
        p.level = core::org::PositionLevel::kCommunityCentre;
        p.name = name;
        p.address = "海虹路1号";
        p.point = core::org::GeoPoint{24479800, 118035700};
        p.hours = core::org::HoursFromText("mon=08:30-12:00,14:30-18:00;sat=09:00-17:00");
        p.services = {"party_affairs", "floating"};
        p.valid_from = *Date::Parse("2026-01-01");
        return p;
    }
    std::int64_t Insert(const PositionRecord& p) {
        std::int64_t id = 0;
        EXPECT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(i, tx.Positions().Insert(p));
            id = i;
            return core::Ok();
        }));
        return id;
    }
    std::vector<PositionRecord> List(std::vector<std::string> roots, std::vector<std::string> also = {}) {
        std::vector<PositionRecord> out;
        EXPECT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            core::ports::PositionQuery q;
            q.scope_roots = std::move(roots);
            q.also_orgs = std::move(also);
            q.as_of = *Date::Parse("2026-11-23");
            LX_ASSIGN(list, tx.Positions().List(q));
            out = std::move(list);
            return core::Ok();
        }));
        return out;
    }
    std::int64_t street_ = 0, a_ = 0, b_ = 0;
    std::map<std::int64_t, core::org::Org> orgs_;
};

TEST_P(PositionConformance, RoundTripScopeEditAndClose) {
    const auto id = Insert(Make(a_, "甲社区党群服务中心"));
    auto street = Make(street_, "街道党群服务中心");
    street.point.reset();
    street.level = core::org::PositionLevel::kStreetCentre;
    Insert(street);
    Insert(Make(b_, "乙社区党群服务中心"));

    auto mine = List({orgs_.at(a_).path}, {orgs_.at(street_).path});
    ASSERT_EQ(mine.size(), 2u);  // the street's (above) and A's own; not B's
    EXPECT_EQ(mine[0].name, "街道党群服务中心");
    EXPECT_FALSE(mine[0].point.has_value());
    const auto& got = mine[1];
    EXPECT_EQ(got.id, id);
    EXPECT_EQ(got.org_name, "甲社区");
    EXPECT_EQ(got.point->lat_e6, 24479800);
    EXPECT_EQ(got.point->lng_e6, 118035700);
    EXPECT_FALSE(got.area_m2.has_value());
    EXPECT_EQ(core::org::HoursToText(got.hours), "mon=08:30-12:00,14:30-18:00;sat=09:00-17:00");
    EXPECT_EQ(got.services, (std::vector<std::string>{"party_affairs", "floating"}));
    EXPECT_EQ(List({orgs_.at(street_).path}).size(), 3u);

    auto edited = got;
    edited.area_m2 = 1800;
    edited.services = {};
    ASSERT_TRUE(db().Write(core::ports::Scope::System(),
                           [&](Tx& tx) -> core::Status { return tx.Positions().Update(edited); }));
    auto stale = db().Write(core::ports::Scope::System(),
                            [&](Tx& tx) -> core::Status { return tx.Positions().Update(edited); });
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, core::ErrorCode::kConflict);
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(p, tx.Positions().Get(id));
        EXPECT_EQ(p->area_m2, 1800);
        EXPECT_TRUE(p->services.empty());
        EXPECT_EQ(p->version, 2);
        return core::Ok();
    }));
    edited.version = 2;
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        return tx.Positions().Close(edited, *Date::Parse("2026-11-23"));
    }));
    EXPECT_EQ(List({orgs_.at(a_).path}).size(), 0u);
}

TEST_P(PositionConformance, AReorganizationMovesOrClosesTheOpenOnes) {
    Insert(Make(a_, "甲社区党群服务中心"));
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(moved, tx.Positions().MoveAll(a_, orgs_.at(b_)));
        EXPECT_EQ(moved, 1);
        LX_ASSIGN(closed, tx.Positions().CloseAll(b_, *Date::Parse("2026-11-23")));
        EXPECT_EQ(closed, 1);
        return core::Ok();
    }));
    EXPECT_TRUE(List({orgs_.at(street_).path}).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, PositionConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
