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
    // Narrowed grants (core/auth/narrow_scope.hpp): the grids of the community a grid worker / leader holds, and
    // the overlay member unit a unit liaison acts for (the grant's org is the overlay's host).
    std::vector<std::int64_t> grid_ids{};
    std::int64_t overlay_unit_id = 0;
    std::string overlay_unit_name{};
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

// Ok when the actor holds `p` on a subtree containing `target_path`; 403 when it holds `p` nowhere (not even
// narrowed); 404 (named `what`) when the target is outside its subtrees. Narrowed grants never cover a subtree.
Status Authorize(const Actor& a, Permission p, std::string_view target_path, std::string what = "object");

// Ok when the actor holds `p` somewhere (a narrowed grant counts: the coarse fence of a route); 403 otherwise.
Status AuthorizeAny(const Actor& a, Permission p);

// An act on something that lies in several places at once — an administrative act on a user acts on every
// grant the user holds (issue 15 defect 1) — needs `p` on a subtree containing EACH of `target_paths`.
// Ok then; 403 without `p` anywhere; 404 (named `what`) when none of the paths lies in the actor's subtrees
// (existence is not confirmed); 403 "<what>.scope.partial" when some do and some do not (the target is visible
// to the actor, but it may not act on it). An empty list (a user without any grant) lies nowhere below an
// org: only a grant of `p` on a top-level org (a path of one segment) covers it.
Status AuthorizeAll(const Actor& a, Permission p, const std::vector<std::string>& target_paths,
                    std::string what = "object");

// Whether some path of `target_paths` lies where the actor holds `p` (or, for an empty list, whether the actor
// holds `p` on a top-level org): the target is visible to it.
bool CoversAny(const Actor& a, Permission p, const std::vector<std::string>& target_paths);

// The grants of `grants` that lie where the actor holds `p`: what a view of a user shows (a grant outside the
// viewer's scope is not shown, issue 15 defect 1).
std::vector<Grant> GrantsInScope(const Actor& a, Permission p, const std::vector<Grant>& grants);

// The org paths of `grants`, in order.
std::vector<std::string> GrantPaths(const std::vector<Grant>& grants);

}  // namespace lianxin::core::auth
