// Stable wire names of enums: one table of (value, name) pairs per enum, read both ways. The names are the
// API's and the database's; renaming one is a migration.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace lianxin::core {

template <typename E, std::size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

// The name of `value`; the first entry's name when the table lacks it (a table always lists every value).
template <typename E, std::size_t N>
constexpr std::string_view NameOf(const NameTable<E, N>& table, E value) {
    for (const auto& [k, v] : table)
        if (k == value) return v;
    return table[0].second;
}

// The value named `name`, or nullopt.
template <typename E, std::size_t N>
constexpr std::optional<E> ValueOf(const NameTable<E, N>& table, std::string_view name) {
    for (const auto& [k, v] : table)
        if (v == name) return k;
    return std::nullopt;
}

}  // namespace lianxin::core
