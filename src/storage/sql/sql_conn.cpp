#include "storage/sql/sql_conn.hpp"

#include <charconv>
#include <cstdio>
#include <cstdlib>

namespace lianxin::storage {

const std::string& SqlRows::Text(std::size_t r, std::size_t c) const {
    static const std::string kEmpty;
    const auto& cell = cells[r][c];
    return cell ? *cell : kEmpty;
}

std::int64_t SqlRows::Int(std::size_t r, std::size_t c) const {
    const auto& cell = cells[r][c];
    if (!cell) return 0;
    std::int64_t v = 0;
    std::from_chars(cell->data(), cell->data() + cell->size(), v);
    return v;
}

std::size_t SqlRows::Column(std::string_view name) const {
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return i;
    std::string have;
    for (const auto& n : names) have += (have.empty() ? "" : ", ") + n;
    std::fprintf(stderr, "storage: the result has no column \"%.*s\" (it has: %s)\n", static_cast<int>(name.size()),
                 name.data(), have.c_str());
    std::abort();
}

bool SqlRow::IsNull(std::string_view name) const { return rows_.IsNull(r_, rows_.Column(name)); }
const std::string& SqlRow::Text(std::string_view name) const { return rows_.Text(r_, rows_.Column(name)); }
std::int64_t SqlRow::Int(std::string_view name) const { return rows_.Int(r_, rows_.Column(name)); }

std::string Joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ",") + p;
    return out;
}

std::vector<std::string> Split(const std::string& text) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < text.size()) {
        auto comma = text.find(',', at);
        if (comma == std::string::npos) comma = text.size();
        if (comma > at) out.push_back(text.substr(at, comma - at));
        at = comma + 1;
    }
    return out;
}

}  // namespace lianxin::storage
