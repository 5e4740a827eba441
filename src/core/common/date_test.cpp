#include "core/common/date.hpp"

#include <gtest/gtest.h>

namespace lianxin::core {

TEST(Date, ParsesOnlyRealCalendarDays) {
    EXPECT_TRUE(Date::Parse("2024-02-29"));
    EXPECT_FALSE(Date::Parse("2023-02-29"));
    EXPECT_FALSE(Date::Parse("2023-13-01"));
    EXPECT_FALSE(Date::Parse("2023-1-01"));
    EXPECT_FALSE(Date::Parse("20230101"));
    EXPECT_FALSE(Date::Parse("2023-01-0x"));
    EXPECT_EQ(Date::Parse("2026-11-23")->ToString(), "2026-11-23");
}

TEST(Date, BusinessDateIsShanghai) {
    // 2026-11-22T16:00:00Z is midnight in Asia/Shanghai (UTC+8).
    std::int64_t midnight_cst = 1795363200000;
    EXPECT_EQ(Date::FromInstant(midnight_cst).ToString(), "2026-11-23");
    EXPECT_EQ(Date::FromInstant(midnight_cst - 1).ToString(), "2026-11-22");
}

TEST(Date, AddYearsClampsLeapDay) {
    // domain.md §2.3: a 29 Feb join date has its anniversary on 28 Feb in common years.
    EXPECT_EQ(Date::Parse("2024-02-29")->AddYears(1).ToString(), "2025-02-28");
    EXPECT_EQ(Date::Parse("2023-07-01")->AddYears(1).ToString(), "2024-07-01");
}

TEST(Date, FullYearsUsesAnniversary) {
    auto d = *Date::Parse("2024-07-01");
    EXPECT_EQ(d.FullYearsUntil(*Date::Parse("2026-06-30")), 1);
    EXPECT_EQ(d.FullYearsUntil(*Date::Parse("2026-07-01")), 2);
}

TEST(Date, FormatsInstantsAsUtcIso) { EXPECT_EQ(FormatInstant(1795363200123), "2026-11-22T16:00:00.123Z"); }

}  // namespace lianxin::core
