#include "storage/sql/columns.hpp"

#include <cstdio>
#include <cstdlib>

namespace lianxin::storage {

namespace {
[[noreturn]] void Abort(std::string_view what, std::string_view table, std::string_view name) {
    std::fprintf(stderr, "storage: %.*s \"%.*s\" of table %.*s\n", static_cast<int>(what.size()), what.data(),
                 static_cast<int>(name.size()), name.data(), static_cast<int>(table.size()), table.data());
    std::abort();
}
}  // namespace

bool Columns::Has(std::string_view name) const {
    for (auto n : names_)
        if (n == name) return true;
    return false;
}

std::string_view Columns::Checked(std::string_view name) const {
    for (auto n : names_)
        if (n == name) return n;  // the list's own (static) text
    Abort("no column", table_, name);
}

std::string Columns::Select(std::string_view alias) const {
    std::string out;
    for (auto n : names_) {
        if (!out.empty()) out += ", ";
        if (alias.empty()) {
            out += n;
        } else {
            out.append(alias).append(".").append(n).append(" AS ").append(n);
        }
    }
    return out;
}

SqlValues& SqlValues::Set(std::string_view column, SqlParam value) {
    column = cols_.Checked(column);
    for (const auto& b : set_)
        if (b.column == column) Abort("value set twice for column", cols_.table(), column);
    params_.push_back(std::move(value));
    set_.push_back({column, params_.size()});
    return *this;
}

std::string SqlValues::Param(SqlParam value) {
    params_.push_back(std::move(value));
    return "$" + std::to_string(params_.size());
}

std::string SqlValues::Insert() const {
    std::string names, marks;
    for (const auto& b : set_) {
        if (!names.empty()) names += ", ", marks += ", ";
        names += b.column;
        marks += "$" + std::to_string(b.param);
    }
    return "INSERT INTO " + std::string(cols_.table()) + " (" + names + ") VALUES (" + marks + ")";
}

std::string SqlValues::Update() const {
    std::string out = "UPDATE " + std::string(cols_.table()) + " SET ";
    for (std::size_t i = 0; i < set_.size(); ++i) {
        if (i) out += ", ";
        out.append(set_[i].column).append(" = $").append(std::to_string(set_[i].param));
    }
    return out;
}

}  // namespace lianxin::storage
