// Who is asking, and what they may do where. Every use case receives an Actor; every repository query is
// given a scope derived from it. A denial is 403 when the actor lacks the permission everywhere and 404
// when the target lies outside every subtree where it holds it (existence is not confirmed).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/role.hpp"
#include "core/common/result.hpp"

namespace lianxin::core::auth {

struct Grant {
    std::int64_t id = 0;
    Role role = Role::kMember;
    std::int64_t org_id = 0;
    std::string org_path;
    std::string org_name;
};

struct Actor {
    std::int64_t user_id = 0;
    std::string username;
    std::string display_name;
    std::int64_t member_id = 0;  // 0 when the user is not a registered member
    std::vector<Grant> grants;
    std::string ip;
    std::string request_id;

    std::vector<Role> Roles() const;
    bool HoldsAdminRole() const;
};

// The minimal set of subtree roots where the actor holds `p` (nested roots are folded into their parent).
std::vector<std::string> ScopeRoots(const Actor& a, Permission p);

// Ok when the actor holds `p` on a subtree containing `target_path`; 403 when it holds `p` nowhere; 404
// (named `what`) when the target is outside its subtrees.
Status Authorize(const Actor& a, Permission p, std::string_view target_path, std::string what = "object");

// Ok when the actor holds `p` somewhere; 403 otherwise.
Status AuthorizeAny(const Actor& a, Permission p);

}  // namespace lianxin::core::auth
