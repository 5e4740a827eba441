#include "app/auth/session_cache.hpp"

namespace lianxin::app {

std::optional<Authenticated> SessionCache::Get(const std::string& id_hash, std::int64_t now) {
    std::lock_guard lock(mu_);
    auto it = entries_.find(id_hash);
    if (it == entries_.end()) return std::nullopt;
    if (now - it->second.cached_at > ttl_ || now < it->second.cached_at) {
        entries_.erase(it);
        return std::nullopt;
    }
    return it->second.who;
}

void SessionCache::Put(const std::string& id_hash, const Authenticated& who, std::int64_t now) {
    std::lock_guard lock(mu_);
    // Bounded: expired entries are swept when the map grows large.
    if (entries_.size() > 100'000) {
        for (auto it = entries_.begin(); it != entries_.end();)
            it = now - it->second.cached_at > ttl_ ? entries_.erase(it) : std::next(it);
    }
    entries_[id_hash] = Entry{who, now};
}

void SessionCache::Forget(const std::string& id_hash) {
    std::lock_guard lock(mu_);
    entries_.erase(id_hash);
}

void SessionCache::ForgetUser(std::int64_t user_id) {
    std::lock_guard lock(mu_);
    for (auto it = entries_.begin(); it != entries_.end();)
        it = it->second.who.user.id == user_id ? entries_.erase(it) : std::next(it);
}

void ForgetUser(Context& ctx, std::int64_t user_id) {
    if (ctx.session_cache) ctx.session_cache->ForgetUser(user_id);
}

void ForgetSession(Context& ctx, const std::string& id_hash) {
    if (ctx.session_cache) ctx.session_cache->Forget(id_hash);
}

}  // namespace lianxin::app
