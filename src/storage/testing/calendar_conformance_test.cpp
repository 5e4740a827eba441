// Storage conformance of the working-day calendar on every backend (issue 17 "SLA"; migration 0030): the seed
// holds the 2025 and 2026 notices exactly as ../shared/docs/calendar.md lists them (the same days as the unit
// tests' lists); loading a year replaces only that year, atomically (a failed transaction leaves the old year);
// the clock built from storage counts the 调休 Saturdays.
#include <algorithm>

#include "core/calendar/testing_calendar.hpp"
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

namespace cal = core::calendar;

class CalendarConformance : public Conformance {
protected:
    std::vector<cal::CalendarDay> Range(const char* from, const char* to) {
        std::vector<cal::CalendarDay> out;
        EXPECT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(days, tx.Calendar().Range(*Date::Parse(from), *Date::Parse(to)));
            out = std::move(days);
            return core::Ok();
        }));
        return out;
    }
};

std::vector<std::string> Text(const std::vector<cal::CalendarDay>& days) {
    std::vector<std::string> out;
    for (const auto& d : days)
        out.push_back(d.date.ToString() + " " + std::string(cal::DayKindName(d.kind)) + " " + d.name);
    std::sort(out.begin(), out.end());
    return out;
}

TEST_P(CalendarConformance, TheSeedIsThe2025And2026Notices) {
    EXPECT_EQ(Text(Range("2025-01-01", "2025-12-31")), Text(cal::testing::Year2025()));
    EXPECT_EQ(Text(Range("2026-01-01", "2026-12-31")), Text(cal::testing::Year2026()));
    std::vector<core::ports::CalendarYear> years;
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(y, tx.Calendar().Years());
        years = std::move(y);
        return core::Ok();
    }));
    ASSERT_EQ(years.size(), 2u);
    EXPECT_EQ(years[0].year, 2025);
    EXPECT_EQ(years[0].source, "国办发明电〔2024〕12号");
    EXPECT_EQ(years[1].year, 2026);
}

TEST_P(CalendarConformance, LoadingAYearReplacesThatYearOnlyAndAtomically) {
    const std::vector<cal::CalendarDay> y2027{{*Date::Parse("2027-01-01"), cal::DayKind::kHoliday, "元旦"},
                                              {*Date::Parse("2027-02-06"), cal::DayKind::kWorkday, "春节"}};
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        return tx.Calendar().ReplaceYear({2027, "测试通知", "管理员", 1765000000000}, y2027);
    }));
    EXPECT_EQ(Text(Range("2027-01-01", "2027-12-31")), Text(y2027));
    // A second load of 2027 replaces it; a failing transaction leaves it as it was.
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        return tx.Calendar().ReplaceYear({2027, "更正通知", "管理员", 1765000000001}, {y2027[0]});
    }));
    auto failed = db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_CHECK(tx.Calendar().ReplaceYear({2027, "坏通知", "管理员", 1765000000002}, {}));
        return core::Fail(core::MakeError(core::ErrorCode::kInternal, "test.rollback"));
    });
    EXPECT_FALSE(failed);
    EXPECT_EQ(Text(Range("2027-01-01", "2027-12-31")), Text({y2027[0]}));
    std::optional<core::ports::CalendarYear> y;
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(got, tx.Calendar().Year(2027));
        y = got;
        return core::Ok();
    }));
    ASSERT_TRUE(y);
    EXPECT_EQ(y->source, "更正通知");
    EXPECT_EQ(y->loaded_at, 1765000000001);
    // 2026 is untouched.
    EXPECT_EQ(Text(Range("2026-01-01", "2026-12-31")), Text(cal::testing::Year2026()));
}

TEST_P(CalendarConformance, TheClockBuiltFromStorageCountsTheAdjustedSaturdays) {
    cal::WorkCalendar wc;
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        // As app::WorkCalendarFor builds it: each loaded year with its listed days.
        LX_ASSIGN(years, tx.Calendar().Years());
        LX_ASSIGN(days, tx.Calendar().Range(*Date::Parse("2025-01-01"), *Date::Parse("2027-12-31")));
        for (const auto& y : years) {
            std::vector<cal::CalendarDay> of_year;
            for (const auto& d : days)
                if (d.date.year() == y.year) of_year.push_back(d);
            wc.SetYear(y.year, of_year);
        }
        return core::Ok();
    }));
    EXPECT_TRUE(wc.HasYear(2026));
    EXPECT_FALSE(wc.HasYear(2027));
    // 7 working days from Friday 13 Feb 2026: 14 Feb (调休), 24–27 Feb, 28 Feb (调休), 2 Mar.
    EXPECT_EQ(cal::Deadline(wc, cal::testing::At("2026-02-13 10:00"), 7, cal::Unit::kWorkingDays),
              cal::testing::At("2026-03-03 00:00"));
}

INSTANTIATE_TEST_SUITE_P(Backends, CalendarConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
