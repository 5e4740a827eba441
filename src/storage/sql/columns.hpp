// A record's columns, written once (docs/architecture.md "Rows by name"): a constexpr list of a table's column
// names, from which the SELECT list is made, and a named binder that makes INSERT and UPDATE statements and
// their $n placeholders from the columns it was given. Results are read back by name (SqlRow in sql_conn.hpp).
// A name that is not in the list aborts with the table and the name: a typo fails the first test that runs it.
//
//   constexpr std::string_view kMemberNames[] = {"id", "org_id", "name", ...};
//   constexpr Columns kMember{"members", kMemberNames};
//   c.Query("SELECT " + kMember.Select() + " FROM members WHERE id = $1", {id});
//   SqlValues v(kMember);
//   v.Set("name", m.name).Set("org_id", m.org_id);
//   c.Query(v.Insert() + " RETURNING id", v.Params());
//   c.Exec(v.Update() + " WHERE id = " + v.Param(m.id), v.Params());
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "storage/sql/sql_conn.hpp"

namespace lianxin::storage {

class Columns {
public:
    constexpr Columns(std::string_view table, std::span<const std::string_view> names) : table_(table), names_(names) {}
    std::string_view table() const { return table_; }
    std::span<const std::string_view> names() const { return names_; }
    bool Has(std::string_view name) const;
    // Aborts unless `name` is one of the columns.
    std::string_view Checked(std::string_view name) const;
    // "id, org_id, ..."; with an alias "m.id AS id, m.org_id AS org_id, ..." so that a join reads the same names.
    std::string Select(std::string_view alias = {}) const;

private:
    std::string_view table_;
    std::span<const std::string_view> names_;
};

// The values of one INSERT or UPDATE, bound by column name.
class SqlValues {
public:
    explicit SqlValues(const Columns& cols) : cols_(cols) {}
    // A column's value; aborts when the name is not a column of the record or was set already.
    SqlValues& Set(std::string_view column, SqlParam value);
    // A further parameter that is not a column value (a WHERE bound): its placeholder "$n".
    std::string Param(SqlParam value);
    // "INSERT INTO table (a, b) VALUES ($1, $2)" over the columns set, in the order they were set.
    std::string Insert() const;
    // "UPDATE table SET a = $1, b = $2" over the columns set; append the WHERE clause (and any extra SET
    // expression, e.g. ", version = version + 1") yourself.
    std::string Update() const;
    const SqlParams& Params() const { return params_; }

private:
    struct Bound {
        std::string_view column;
        std::size_t param;  // 1-based placeholder number
    };
    const Columns& cols_;
    std::vector<Bound> set_;
    SqlParams params_;
};

}  // namespace lianxin::storage
