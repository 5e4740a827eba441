#include "storage/sql/transaction.hpp"

#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

core::Status RunTransaction(SqlConn& conn, const char* begin, const core::ports::FieldCipher& cipher,
                            const core::ports::Crypto& crypto,
                            const std::function<core::Status(core::ports::Tx&)>& fn) {
    LX_CHECK(conn.ExecScript(begin));
    SqlTx tx(conn, cipher, crypto);
    core::Status st = fn(tx);
    if (st) {
        auto commit = conn.ExecScript("COMMIT");
        if (commit) return core::Ok();
        st = commit;
    }
    (void)conn.ExecScript("ROLLBACK");
    return st;
}

}  // namespace lianxin::storage
