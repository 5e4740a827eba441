// A short-lived in-process cache of resolved sessions, so that a request does not need a database read to
// learn who is calling. Entries live at most `ttl` (2 s by default) and are dropped at once by the use
// cases of this process that end sessions or change a user's roles; another server process sharing a
// PostgreSQL database sees such a change within the ttl.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "app/auth/auth.hpp"

namespace lianxin::app {

class SessionCache {
public:
    explicit SessionCache(std::int64_t ttl_millis = 2000) : ttl_(ttl_millis) {}

    std::optional<Authenticated> Get(const std::string& id_hash, std::int64_t now);
    void Put(const std::string& id_hash, const Authenticated& who, std::int64_t now);
    void Forget(const std::string& id_hash);
    void ForgetUser(std::int64_t user_id);

private:
    struct Entry {
        Authenticated who;
        std::int64_t cached_at;
    };
    std::int64_t ttl_;
    std::mutex mu_;
    std::unordered_map<std::string, Entry> entries_;
};

// Drops what the context's cache knows of a user or a session (no-op without a cache).
void ForgetUser(Context& ctx, std::int64_t user_id);
void ForgetSession(Context& ctx, const std::string& id_hash);

}  // namespace lianxin::app
