// Open311 GeoReport v2 mapping (issue 17 "Open interfaces"; domain.md §7 event entity, residents' data masked):
// status from the loop's state, W3C date-times with the Shanghai offset, jurisdiction codes, api key shape and
// the masking of numbers in a public description.
#include "core/event/open311.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::event {
namespace {

TEST(Open311Mapping, OnlyARatedOrDismissedEventIsClosed) {
    for (auto s : AllStates()) {
        const bool closed = s == EventState::kRated || s == EventState::kDismissed;
        EXPECT_EQ(Open311Status(s), closed ? "closed" : "open") << ToString(s);
    }
    // 已办结 and 已反馈 wait for verification and the reporter: still open for the reporter's client.
    EXPECT_EQ(Open311Status(EventState::kHandled), "open");
    EXPECT_EQ(Open311Status(EventState::kFeedback), "open");
}

TEST(Open311Mapping, DatesAreW3cWithTheShanghaiOffsetAndReadBack) {
    const auto t = *ParseDateTime("2026-12-07T22:45:23Z");
    EXPECT_EQ(W3cDateTime(t), "2026-12-08T06:45:23+08:00");  // the next civil day in Shanghai
    EXPECT_EQ(*ParseDateTime(W3cDateTime(t)), t);
    EXPECT_EQ(W3cDateTime(*ParseDateTime("2026-01-01T00:00:00+08:00")), "2026-01-01T00:00:00+08:00");
    EXPECT_EQ(W3cDateTime(t + 999), "2026-12-08T06:45:23+08:00");  // milliseconds are dropped, not rounded
}

TEST(Open311Mapping, AJurisdictionIsACommunityOrStreetDivisionCode) {
    EXPECT_EQ(ParseJurisdiction("350205001001"), JurisdictionKind::kCommunity);
    EXPECT_EQ(ParseJurisdiction("350205001"), JurisdictionKind::kStreet);
    EXPECT_FALSE(ParseJurisdiction("350205"));           // a district is not a jurisdiction here
    EXPECT_FALSE(ParseJurisdiction("350205001001001"));  // a grid neither
    EXPECT_FALSE(ParseJurisdiction("35020500100a"));
    EXPECT_FALSE(ParseJurisdiction(""));
}

TEST(Open311Mapping, ApiKeysHaveTheirPrefixAndLengthAndAreShownMasked) {
    EXPECT_TRUE(LooksLikeApiKey("o311_abcdefghijklmnopqrstuvwxyz0123-_"));
    EXPECT_FALSE(LooksLikeApiKey("o311_abcdefghijklmnopqrstuvwxyz0123-"));   // 31
    EXPECT_FALSE(LooksLikeApiKey("x311_abcdefghijklmnopqrstuvwxyz0123-_"));  // prefix
    EXPECT_FALSE(LooksLikeApiKey("o311_abcdefghijklmnopqrstuvwxyz0123-<"));
    EXPECT_EQ(MaskApiKey("3-_x"), "o311_…3-_x");
}

TEST(Open311Mapping, PhoneAndIdNumbersInADescriptionAreMasked) {
    EXPECT_EQ(MaskNumbersInText("请联系13800001234处理"), "请联系138****1234处理");
    EXPECT_EQ(MaskNumbersInText("身份证35020519800101123X。"), "身份证350***********123X。");
    EXPECT_EQ(MaskNumbersInText("350205198001011234"), "350***********1234");
    // Other figures stay: a house number, a 12-digit code, 11 digits not starting with 1.
    EXPECT_EQ(MaskNumbersInText("海沧大道88号 350205001001 23800001234"), "海沧大道88号 350205001001 23800001234");
}

}  // namespace
}  // namespace lianxin::core::event
