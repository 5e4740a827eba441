// The synthetic data sets are deterministic and never real (performance.md: "deterministically ... no real
// personal data (ID numbers pass the checksum but use a reserved region code)").
#include "core/demo/synthetic.hpp"

#include <gtest/gtest.h>

#include <set>

namespace lianxin::core::demo {

TEST(Synthetic, SameSeedSamePeople) {
    auto today = *Date::Parse("2026-11-23");
    Rng a(42), b(42), c(43);
    bool differs = false;
    for (std::uint64_t i = 1; i <= 200; ++i) {
        auto x = SyntheticMember(a, {today, i, "地址"});
        auto y = SyntheticMember(b, {today, i, "地址"});
        auto z = SyntheticMember(c, {today, i, "地址"});
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.id_number, y.id_number);
        EXPECT_EQ(x.join_date, y.join_date);
        differs = differs || x.name != z.name;
    }
    EXPECT_TRUE(differs);
}

TEST(Synthetic, IdentitiesPassTheChecksumButCannotBeReal) {
    auto today = *Date::Parse("2026-11-23");
    Rng rng(1);
    std::set<std::string> ids;
    for (std::uint64_t i = 1; i <= 5000; ++i) {
        auto m = SyntheticMember(rng, {today, i, ""});
        auto facts = member::ParseIdNumber(m.id_number);
        ASSERT_TRUE(facts) << m.id_number;
        EXPECT_EQ(m.id_number.substr(0, 2), "99");   // no province has code 99
        EXPECT_EQ(facts->birth_date, m.birth_date);  // consistent with the record (domain.md §11)
        EXPECT_EQ(facts->sex, m.sex);
        EXPECT_EQ(m.phone.substr(0, 3), "100");
        EXPECT_TRUE(ids.insert(m.id_number).second) << "duplicate " << m.id_number;
        if (m.category == member::Category::kFull) {
            ASSERT_TRUE(m.conversion_date);
            EXPECT_LE(*m.conversion_date, today);
            EXPECT_GE(m.birth_date.FullYearsUntil(*m.join_date), 18);  // joined at 18 or older
        } else {
            EXPECT_FALSE(m.conversion_date);  // probationary: no conversion yet, no party age
        }
    }
}

}  // namespace lianxin::core::demo
