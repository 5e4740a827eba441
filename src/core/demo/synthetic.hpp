// Deterministic synthetic people and places for the demo and the load-test data sets
// (docs/performance.md "Scale to plan for"). Pure: the same seed gives the same data on every machine.
// No real personal data: ID numbers pass the GB 11643 checksum but use the unassigned province code 99,
// and phone numbers start with 100, which no Chinese mobile network issues.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/member/member.hpp"

namespace lianxin::core::demo {

// SplitMix64: small, fast and identical on every platform.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t Next();
    // Uniform in [0, n).
    std::uint64_t Below(std::uint64_t n) { return n == 0 ? 0 : Next() % n; }
    bool Chance(double p) { return static_cast<double>(Next() % 1'000'000) < p * 1'000'000.0; }

private:
    std::uint64_t state_;
};

struct PersonOptions {
    Date today;
    std::uint64_t serial = 0;  // unique per person in a data set: makes the ID number unique
    std::string address_prefix;
};

// A member with every registry field filled: name, sex and birth date consistent with the ID number; age
// mix with about 29 % aged 61 or over (performance.md); category, join and conversion dates following the
// lifecycle rules (conversion = join + 1 year, domain.md §2.3); tags (retired, in_service, floating).
member::Member SyntheticMember(Rng& rng, const PersonOptions& opt);

// A common surname and given name for a person of `sex`.
std::string SyntheticName(Rng& rng, member::Sex sex);

std::string SyntheticIdNumber(std::uint64_t serial, const Date& birth, member::Sex sex);
std::string SyntheticPhone(std::uint64_t serial);

}  // namespace lianxin::core::demo
