#include "storage/sql/sql_conn.hpp"

#include <charconv>

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

}  // namespace lianxin::storage
