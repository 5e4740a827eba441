// The small SQL surface both engines share. Statements are written once with $1..$N placeholders (the
// SQLite connection rewrites them to ?N); values travel as text, integers or blobs; result cells come back
// as text (blobs as raw bytes) or null. Engine errors are mapped here to ErrorCode: busy/locked/full/
// connection loss -> kUnavailable, unique or foreign-key violation -> kConflict, anything else -> kInternal.
// A result also carries its column names as the engine reports them, so that records are read by name
// (`rows.Row(r).Int("created_at")`; storage/sql/columns.hpp writes the column lists once per record).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/common/result.hpp"

namespace lianxin::storage {

struct Blob {
    std::string bytes;
};
using SqlParam = std::variant<std::nullptr_t, std::int64_t, std::string, Blob>;
using SqlParams = std::vector<SqlParam>;

// A nullable parameter from an id where 0 means "none".
inline SqlParam IdOrNull(std::int64_t id) { return id == 0 ? SqlParam{nullptr} : SqlParam{id}; }
inline SqlParam TextOrNull(const std::optional<std::string>& s) { return s ? SqlParam{*s} : SqlParam{nullptr}; }
inline SqlParam OptInt(const std::optional<std::int64_t>& v) { return v ? SqlParam{*v} : SqlParam{nullptr}; }
// A list column (photo ids, member ids) stored as comma-separated text; empty parts are dropped when read.
std::string Joined(const std::vector<std::string>& parts);
std::vector<std::string> Split(const std::string& text);

class SqlRows;

// One row of a result, read by column name. A name the result does not have is a programming error: it aborts
// with the name and the result's columns (the conformance suites run every reader on both engines).
class SqlRow {
public:
    SqlRow(const SqlRows& rows, std::size_t r) : rows_(rows), r_(r) {}
    bool IsNull(std::string_view name) const;
    const std::string& Text(std::string_view name) const;  // "" for null
    std::int64_t Int(std::string_view name) const;         // 0 for null

private:
    const SqlRows& rows_;
    std::size_t r_;
};

// A nullable integer column.
inline std::optional<std::int64_t> OptIntOf(const SqlRow& row, std::string_view c) {
    return row.IsNull(c) ? std::nullopt : std::optional<std::int64_t>(row.Int(c));
}

class SqlRows {
public:
    std::vector<std::string> names;  // the result's column names (an alias where the query gives one)
    std::vector<std::vector<std::optional<std::string>>> cells;

    std::size_t size() const { return cells.size(); }
    bool empty() const { return cells.empty(); }
    bool IsNull(std::size_t r, std::size_t c) const { return !cells[r][c].has_value(); }
    const std::string& Text(std::size_t r, std::size_t c) const;  // "" for null
    std::int64_t Int(std::size_t r, std::size_t c) const;         // 0 for null
    SqlRow Row(std::size_t r) const { return SqlRow(*this, r); }
    // The position of a named column; aborts when the result has no such column.
    std::size_t Column(std::string_view name) const;
};

enum class Dialect { kSqlite, kPostgres };

class SqlConn {
public:
    virtual ~SqlConn() = default;
    virtual Dialect dialect() const = 0;
    virtual core::Result<SqlRows> Query(std::string_view sql, const SqlParams& params = {}) = 0;
    // Runs a statement; returns the number of rows changed.
    virtual core::Result<std::int64_t> Exec(std::string_view sql, const SqlParams& params = {}) = 0;
    // Runs several statements without parameters (migrations).
    virtual core::Status ExecScript(std::string_view sql) = 0;
};

}  // namespace lianxin::storage
