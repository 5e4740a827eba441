// One PostgreSQL connection (libpq) with a cache of named prepared statements. Not thread-safe: the pool
// hands it to one thread at a time. Results are text except bytea, which is decoded to raw bytes.
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "storage/sql/sql_conn.hpp"

namespace lianxin::storage {

class PgConn final : public SqlConn {
public:
    static core::Result<std::unique_ptr<PgConn>> Open(const std::string& conninfo);
    ~PgConn() override;

    Dialect dialect() const override { return Dialect::kPostgres; }
    core::Result<SqlRows> Query(std::string_view sql, const SqlParams& params) override;
    core::Result<std::int64_t> Exec(std::string_view sql, const SqlParams& params) override;
    core::Status ExecScript(std::string_view sql) override;
    bool Healthy() const { return PQstatus(conn_) == CONNECTION_OK; }
    // Drops prepared statements and reconnects; false when the server is still unreachable.
    bool Reset();

private:
    explicit PgConn(PGconn* c) : conn_(c) {}
    core::Result<PGresult*> Run(std::string_view sql, const SqlParams& params);
    core::Error ErrorFrom(PGresult* res) const;

    PGconn* conn_;
    std::unordered_map<std::string, std::string> prepared_;  // sql -> statement name
};

}  // namespace lianxin::storage
