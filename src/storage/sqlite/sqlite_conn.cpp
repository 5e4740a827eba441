#include "storage/sqlite/sqlite_conn.hpp"

namespace lianxin::storage {

using core::ErrorCode;
using core::MakeError;

std::string RewritePlaceholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size());
    bool in_string = false;
    for (size_t i = 0; i < sql.size(); ++i) {
        char c = sql[i];
        if (c == '\'') in_string = !in_string;
        if (!in_string && c == '$' && i + 1 < sql.size() && sql[i + 1] >= '1' && sql[i + 1] <= '9') c = '?';
        out.push_back(c);
    }
    return out;
}

core::Error SqliteConn::ErrorFromCode(int rc) const {
    std::string detail = std::string("sqlite: ") + sqlite3_errstr(rc) + ": " + sqlite3_errmsg(db_);
    switch (rc & 0xFF) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
        case SQLITE_FULL:
        case SQLITE_IOERR:
        case SQLITE_CANTOPEN:
        case SQLITE_READONLY:
            return MakeError(ErrorCode::kUnavailable, "storage.unavailable", detail);
        case SQLITE_CONSTRAINT:
            return MakeError(ErrorCode::kConflict, "storage.conflict", detail);
        default:
            return MakeError(ErrorCode::kInternal, "internal", detail);
    }
}

core::Result<std::unique_ptr<SqliteConn>> SqliteConn::Open(const SqliteOptions& opt) {
    sqlite3* db = nullptr;
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI |
                (opt.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    int rc = sqlite3_open_v2(opt.path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string detail = db ? sqlite3_errmsg(db) : "out of memory";
        if (db) sqlite3_close(db);
        return core::Fail(MakeError(ErrorCode::kUnavailable, "storage.unavailable", "sqlite open: " + detail));
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, opt.busy_timeout_ms);
    std::unique_ptr<SqliteConn> conn(new SqliteConn(db));
    std::string pragmas = "PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON; PRAGMA synchronous=" + opt.synchronous +
                          ";";
    if (!opt.read_only && opt.path != ":memory:") pragmas += "PRAGMA journal_mode=WAL;";
    if (opt.cache_mb > 0) pragmas += "PRAGMA cache_size=-" + std::to_string(opt.cache_mb * 1024) + ";";
    LX_CHECK(conn->ExecScript(pragmas));
    return conn;
}

SqliteConn::~SqliteConn() {
    for (auto& [_, st] : cache_) sqlite3_finalize(st);
    sqlite3_close(db_);
}

core::Result<sqlite3_stmt*> SqliteConn::Prepare(std::string_view sql, const SqlParams& params) {
    std::string key(sql);
    sqlite3_stmt* st = nullptr;
    auto it = cache_.find(key);
    if (it != cache_.end()) {
        st = it->second;
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    } else {
        std::string rewritten = RewritePlaceholders(sql);
        int rc = sqlite3_prepare_v3(db_, rewritten.c_str(), static_cast<int>(rewritten.size()),
                                    SQLITE_PREPARE_PERSISTENT, &st, nullptr);
        if (rc != SQLITE_OK) return core::Fail(ErrorFromCode(rc));
        cache_.emplace(std::move(key), st);
    }
    for (size_t i = 0; i < params.size(); ++i) {
        int idx = static_cast<int>(i + 1);
        int rc = std::visit(
            [&](const auto& v) -> int {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::nullptr_t>) return sqlite3_bind_null(st, idx);
                else if constexpr (std::is_same_v<T, std::int64_t>) return sqlite3_bind_int64(st, idx, v);
                else if constexpr (std::is_same_v<T, std::string>)
                    return sqlite3_bind_text(st, idx, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
                else
                    return sqlite3_bind_blob(st, idx, v.bytes.data(), static_cast<int>(v.bytes.size()),
                                             SQLITE_TRANSIENT);
            },
            params[i]);
        if (rc != SQLITE_OK) return core::Fail(ErrorFromCode(rc));
    }
    return st;
}

core::Result<SqlRows> SqliteConn::Query(std::string_view sql, const SqlParams& params) {
    LX_ASSIGN(st, Prepare(sql, params));
    SqlRows rows;
    int ncol = sqlite3_column_count(st);
    for (int c = 0; c < ncol; ++c) {
        const char* name = sqlite3_column_name(st, c);
        rows.names.emplace_back(name ? name : "");
    }
    for (;;) {
        int rc = sqlite3_step(st);
        if (rc == SQLITE_DONE) break;
        if (rc != SQLITE_ROW) {
            auto err = ErrorFromCode(rc);
            sqlite3_reset(st);
            return core::Fail(err);
        }
        auto& row = rows.cells.emplace_back(static_cast<size_t>(ncol));
        for (int c = 0; c < ncol; ++c) {
            int type = sqlite3_column_type(st, c);
            if (type == SQLITE_NULL) continue;
            if (type == SQLITE_BLOB) {
                const void* p = sqlite3_column_blob(st, c);
                int n = sqlite3_column_bytes(st, c);
                row[c] = std::string(static_cast<const char*>(p), static_cast<size_t>(n));
            } else {
                const unsigned char* p = sqlite3_column_text(st, c);
                int n = sqlite3_column_bytes(st, c);
                row[c] = std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(n));
            }
        }
    }
    sqlite3_reset(st);
    return rows;
}

core::Result<std::int64_t> SqliteConn::Exec(std::string_view sql, const SqlParams& params) {
    LX_ASSIGN(st, Prepare(sql, params));
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {}
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return core::Fail(ErrorFromCode(rc));
    return static_cast<std::int64_t>(sqlite3_changes(db_));
}

core::Status SqliteConn::ExecScript(std::string_view sql) {
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        auto e = ErrorFromCode(rc);
        if (err) {
            e.detail += std::string(" (") + err + ")";
            sqlite3_free(err);
        }
        return core::Fail(e);
    }
    return core::Ok();
}

}  // namespace lianxin::storage
