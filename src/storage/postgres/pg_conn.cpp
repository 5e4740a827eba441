#include "storage/postgres/pg_conn.hpp"

#include <cstring>

namespace lianxin::storage {

using core::ErrorCode;
using core::MakeError;

core::Result<std::unique_ptr<PgConn>> PgConn::Open(const std::string& conninfo) {
    PGconn* c = PQconnectdb(conninfo.c_str());
    if (PQstatus(c) != CONNECTION_OK) {
        std::string detail = std::string("pg connect: ") + PQerrorMessage(c);
        PQfinish(c);
        return core::Fail(MakeError(ErrorCode::kUnavailable, "storage.unavailable", detail));
    }
    std::unique_ptr<PgConn> conn(new PgConn(c));
    LX_CHECK(conn->ExecScript("SET client_min_messages = warning; SET TIME ZONE 'UTC'"));
    return conn;
}

PgConn::~PgConn() { PQfinish(conn_); }

bool PgConn::Reset() {
    prepared_.clear();
    PQreset(conn_);
    return Healthy();
}

core::Error PgConn::ErrorFrom(PGresult* res) const {
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    // Only the primary message and the SQLSTATE: the DETAIL line can quote row values (personal data).
    const char* primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string detail = std::string("pg ") + (state ? state : "") + ": " + (primary ? primary : PQerrorMessage(conn_));
    std::string sqlstate = state ? state : "";
    if (PQstatus(conn_) != CONNECTION_OK || sqlstate.rfind("08", 0) == 0 || sqlstate.rfind("57", 0) == 0 ||
        sqlstate == "53100" || sqlstate == "53300" || sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03")
        return MakeError(ErrorCode::kUnavailable, "storage.unavailable", detail);
    if (sqlstate.rfind("23", 0) == 0) return MakeError(ErrorCode::kConflict, "storage.conflict", detail);
    return MakeError(ErrorCode::kInternal, "internal", detail);
}

core::Result<PGresult*> PgConn::Run(std::string_view sql, const SqlParams& params) {
    std::string key(sql);
    auto it = prepared_.find(key);
    if (it == prepared_.end()) {
        std::string name = "s" + std::to_string(prepared_.size() + 1);
        PGresult* res = PQprepare(conn_, name.c_str(), key.c_str(), 0, nullptr);
        if (PQresultStatus(res) != PGRES_COMMAND_OK) {
            auto e = ErrorFrom(res);
            PQclear(res);
            return core::Fail(e);
        }
        PQclear(res);
        it = prepared_.emplace(key, name).first;
    }
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    std::vector<int> lengths(params.size(), 0);
    std::vector<int> formats(params.size(), 0);
    for (size_t i = 0; i < params.size(); ++i) {
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::nullptr_t>) {
                    values[i] = nullptr;
                } else if constexpr (std::is_same_v<T, std::int64_t>) {
                    texts[i] = std::to_string(v);
                    values[i] = texts[i].c_str();
                } else if constexpr (std::is_same_v<T, std::string>) {
                    values[i] = v.c_str();
                } else {
                    values[i] = v.bytes.data();
                    lengths[i] = static_cast<int>(v.bytes.size());
                    formats[i] = 1;  // binary bytea
                }
            },
            params[i]);
    }
    PGresult* res = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()), values.data(),
                                   lengths.data(), formats.data(), 0);
    auto status = PQresultStatus(res);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        auto e = ErrorFrom(res);
        PQclear(res);
        // A broken connection keeps its prepared statements no more.
        if (PQstatus(conn_) != CONNECTION_OK) prepared_.clear();
        return core::Fail(e);
    }
    return res;
}

static std::string DecodeBytea(const char* text) {
    size_t n = 0;
    unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &n);
    std::string out(reinterpret_cast<char*>(raw), n);
    PQfreemem(raw);
    return out;
}

core::Result<SqlRows> PgConn::Query(std::string_view sql, const SqlParams& params) {
    LX_ASSIGN(res, Run(sql, params));
    SqlRows rows;
    int nrows = PQntuples(res), ncols = PQnfields(res);
    for (int c = 0; c < ncols; ++c) rows.names.emplace_back(PQfname(res, c));
    rows.cells.resize(static_cast<size_t>(nrows));
    for (int r = 0; r < nrows; ++r) {
        auto& row = rows.cells[static_cast<size_t>(r)];
        row.resize(static_cast<size_t>(ncols));
        for (int c = 0; c < ncols; ++c) {
            if (PQgetisnull(res, r, c)) continue;
            const char* v = PQgetvalue(res, r, c);
            if (PQftype(res, c) == 17 /* bytea */) row[c] = DecodeBytea(v);
            else row[c] = std::string(v, static_cast<size_t>(PQgetlength(res, r, c)));
        }
    }
    PQclear(res);
    return rows;
}

core::Result<std::int64_t> PgConn::Exec(std::string_view sql, const SqlParams& params) {
    LX_ASSIGN(res, Run(sql, params));
    const char* n = PQcmdTuples(res);
    std::int64_t count = (n && *n) ? std::stoll(n) : 0;
    PQclear(res);
    return count;
}

core::Status PgConn::ExecScript(std::string_view sql) {
    std::string s(sql);
    PGresult* res = PQexec(conn_, s.c_str());
    auto status = PQresultStatus(res);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        auto e = ErrorFrom(res);
        PQclear(res);
        return core::Fail(e);
    }
    PQclear(res);
    return core::Ok();
}

}  // namespace lianxin::storage
