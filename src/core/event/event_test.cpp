// The event entity (domain.md §7 "What the software must enforce": event entity; issue 17 "Events and their
// intake", the hotline operator's form: 工单编号, 来电时间, 诉求内容, 地址, 类别, 办理时限).
#include "core/event/event.hpp"

#include <gtest/gtest.h>

#include <set>

namespace lianxin::core::event {
namespace {

constexpr std::int64_t kNow = 1'780'000'000'000;  // 2026-05-28T20:26:40Z

Category Leaf() { return Category{"city.vending", "city", "占道经营", "Street vending", SlaClass::kGeneral, 1}; }

Intake Form() {
    Intake in;
    in.channel = "hotline_12345";
    in.external_ref = "GD20260528001";
    in.category_code = "city.vending";
    in.org_id = 5;
    in.address = "嵩屿街道海沧大道 88 号";
    in.description = "小区门口有流动摊贩占道经营，影响通行";
    in.reporter_phone = "13800001234";
    in.reported_at = "2026-05-28 10:15";
    in.handle_by = "2026-06-04 18:00";
    return in;
}

TEST(EventIntake, AHotlineFormBecomesAnAcceptedEventWithItsTimes) {
    const auto cat = Leaf();
    auto e = CheckIntake(Form(), &cat, kNow, 6);
    ASSERT_TRUE(e) << e.error().fields.at(0).field;
    EXPECT_EQ(e->state, EventState::kAccepted);
    EXPECT_EQ(e->channel, Channel::kHotline12345);
    EXPECT_EQ(e->reported_at, *ParseDateTime("2026-05-28T02:15:00Z"));
    EXPECT_EQ(e->handle_by, *ParseDateTime("2026-06-04T10:00Z"));
    EXPECT_EQ(e->sla_class, SlaClass::kGeneral);
}

TEST(EventIntake, EveryBadFieldIsNamed) {
    Intake in = Form();
    in.channel = "fax";
    in.category_code = "city";
    in.urgency = "very";
    in.org_id = 0;
    in.description = "x";
    in.reporter_phone = "12345";
    in.reported_at = "2026-13-01 10:00";
    in.handle_by = "tomorrow";
    in.photo_ids = {"ABC"};
    in.location = Coordinates{200, 10};
    const Category top{"city", "", "市容环境", "City appearance", std::nullopt, 1};
    auto e = CheckIntake(in, &top, kNow, 6);
    ASSERT_FALSE(e);
    std::set<std::string> fields;
    for (const auto& f : e.error().fields) fields.insert(f.field);
    EXPECT_EQ(fields,
              (std::set<std::string>{"channel", "category_code", "urgency", "org_id", "description", "reporter_phone",
                                     "reported_at", "handle_by", "photo_ids[0]", "location.lng"}));
}

TEST(EventIntake, AReportInTheFutureOrADeadlineBeforeItIsRefused) {
    const auto cat = Leaf();
    Intake in = Form();
    in.reported_at = "2027-01-01 10:00";
    auto e = CheckIntake(in, &cat, kNow, 6);
    ASSERT_FALSE(e);
    EXPECT_EQ(e.error().fields[0].message_key, "event.datetime.future");
    in = Form();
    in.handle_by = "2026-05-28 09:00";
    e = CheckIntake(in, &cat, kNow, 6);
    ASSERT_FALSE(e);
    EXPECT_EQ(e.error().fields[0].message_key, "event.deadline.before");
}

TEST(EventIntake, AnonymousReportsNeedNoNameOrPhone) {
    const auto cat = Leaf();
    Intake in = Form();
    in.reporter_phone = "";
    in.reporter_name = "";
    in.reported_at = "";
    EXPECT_TRUE(CheckIntake(in, &cat, kNow, 6));
}

// The number of photos is the policy event.photos_max (issue 17 "Events and their intake": "up to 6 photos", the
// catalogue's default), not a constant: the same form passes with 7 allowed and fails with 6.
TEST(EventIntake, ThePhotoLimitIsTheOneGiven) {
    const auto cat = Leaf();
    Intake in = Form();
    in.photo_ids.assign(7, std::string(64, 'a'));
    EXPECT_TRUE(CheckIntake(in, &cat, kNow, 7));
    auto e = CheckIntake(in, &cat, kNow, 6);
    ASSERT_FALSE(e);
    EXPECT_EQ(e.error().fields[0].field, "photo_ids");
    EXPECT_EQ(e.error().fields[0].params.at("max"), "6");
}

TEST(EventNumbers, NumbersCarryTheYearAndSixDigits) {
    EXPECT_EQ(EventNumber(2026, 123), "SJ2026-000123");
    EXPECT_EQ(EventNumber(2026, 1234567), "SJ2026-1234567");
}

TEST(EventTimes, LocalTimesAndOffsetsAreRead) {
    EXPECT_EQ(ParseDateTime("2026-01-01 08:00"), ParseDateTime("2026-01-01T00:00:00Z"));
    EXPECT_EQ(ParseDateTime("2026-01-01T08:00:30+08:00"), ParseDateTime("2026-01-01T00:00:30.250Z"));
    EXPECT_FALSE(ParseDateTime("2026-02-30 08:00"));
    EXPECT_FALSE(ParseDateTime("2026-01-01 24:00"));
    EXPECT_FALSE(ParseDateTime("2026-01-01 08:00 extra"));
    EXPECT_TRUE(ValidPhotoId(std::string(64, 'f')));
    EXPECT_FALSE(ValidPhotoId(std::string(64, 'F')));
}

}  // namespace
}  // namespace lianxin::core::event
