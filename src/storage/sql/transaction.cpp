#include "storage/sql/transaction.hpp"

#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

core::Status RunTransaction(SqlConn& conn, const std::string& begin, const core::ports::FieldCipher& cipher,
                            const core::ports::Crypto& crypto,
                            const std::function<core::Status(core::ports::Tx&)>& fn) {
    if (auto began = conn.ExecScript(begin); !began) {
        (void)conn.ExecScript("ROLLBACK");  // a BEGIN whose SET LOCAL failed leaves an aborted transaction
        return began;
    }
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
