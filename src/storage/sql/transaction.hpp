// What both engines do around a unit of work: begin, run the repositories of one transaction, commit when
// the function succeeded and the commit did, roll back otherwise. And the small pool both keep their
// connections in.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "core/ports/crypto.hpp"
#include "core/ports/repositories.hpp"
#include "storage/sql/sql_conn.hpp"

namespace lianxin::storage {

// `begin` is the engine's BEGIN statement, and on PostgreSQL the SET LOCAL of the scope in the same round trip.
core::Status RunTransaction(SqlConn& conn, const std::string& begin, const core::ports::FieldCipher& cipher,
                            const core::ports::Crypto& crypto, const std::function<core::Status(core::ports::Tx&)>& fn);

// A fixed set of connections handed to one thread at a time; Acquire blocks while all are out.
template <typename Conn>
class ConnPool {
public:
    void Add(Conn* c) { free_.push_back(c); }

    Conn* Acquire() {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return !free_.empty(); });
        Conn* c = free_.back();
        free_.pop_back();
        return c;
    }

    void Release(Conn* c) {
        {
            std::lock_guard lock(mu_);
            free_.push_back(c);
        }
        cv_.notify_one();
    }

private:
    std::vector<Conn*> free_;
    std::mutex mu_;
    std::condition_variable cv_;
};

}  // namespace lianxin::storage
