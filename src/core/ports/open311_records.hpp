// Open311 api keys across the storage port (migration 0039; issue 17 "Open interfaces"): a key is issued by an
// admin on an org and posts only into that org's subtree; only the SHA-256 of the key is stored, with its last 4
// characters for the masked list. A revoked key stays listed with who revoked it and when.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/result.hpp"

namespace lianxin::core::ports {

struct Open311Key {
    std::int64_t id = 0;
    std::int64_t org_id = 0;
    std::string org_path;
    std::string org_name;  // read back from the org
    std::string name;      // who the client is (e.g. 市民热线平台)
    std::string key_hash;  // SHA-256 hex of the key
    std::string last4;
    std::int64_t created_by = 0;
    std::string created_by_name;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> revoked_at;
    std::int64_t revoked_by = 0;
    std::optional<std::int64_t> last_used_at;
};

class Open311KeyRepo {
public:
    virtual ~Open311KeyRepo() = default;
    virtual Result<std::int64_t> Insert(const Open311Key& k) = 0;
    virtual Result<std::optional<Open311Key>> Get(std::int64_t id) = 0;
    // By the SHA-256 of the key (revoked keys too: the caller refuses them).
    virtual Result<std::optional<Open311Key>> ByHash(const std::string& key_hash) = 0;
    // The keys issued on orgs inside one of `scope_roots`, newest first.
    virtual Result<std::vector<Open311Key>> List(const std::vector<std::string>& scope_roots) = 0;
    // Sets revoked_at and revoked_by once; false when it was revoked already.
    virtual Result<bool> Revoke(std::int64_t id, std::int64_t by, std::int64_t at) = 0;
    virtual Status Used(std::int64_t id, std::int64_t at) = 0;
};

}  // namespace lianxin::core::ports
