// User and role management (sys_admin manages, sec_admin unlocks, both read). Every call is scoped: a user
// is visible when one of its grants lies in the actor's subtree, and a view shows only the grants inside it; an
// administrative act (grant, revoke, reset, disable, enable, unlock) needs the actor's scope to cover EVERY
// grant of the user (403 user.scope.partial otherwise; issue 15 defect 1). A user without any grant is
// visible only to an administrator of a top-level org. A grant may only name an org inside the scope. No
// administrator ever sets a password: new users and resets get a single-use set-up link, and a new link revokes
// the earlier ones. Linking an account to a member is not done here: it is an act on the member's record
// (app/member/account.hpp), and a reset link for such an account is issued there too.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/auth/auth.hpp"
#include "app/context.hpp"

namespace lianxin::app {

struct UserPage {
    std::vector<core::ports::User> items;
    std::int64_t next_after = 0;  // 0 = no more
};
struct UserListInput {
    std::int64_t org_id = 0;  // only users with a grant in this org's subtree (must be in scope)
    std::string q;            // user name or display name contains
    std::int64_t after_id = 0;
    int limit = 50;
};
core::Result<UserPage> ListUsers(Context& ctx, const core::auth::Actor& actor, const UserListInput& in);
core::Result<core::ports::User> GetUser(Context& ctx, const core::auth::Actor& actor, std::int64_t id);

// What narrows a grant (issue 17 "Roles and access"): the grids of the community for grid_worker / grid_leader
// (required, grids of that community), the overlay member unit for unit_liaison (required, a unit of an overlay
// hosted at the grant's org); nothing for any other role.
struct GrantNarrowing {
    std::vector<std::int64_t> grid_ids{};
    std::int64_t overlay_unit_id = 0;
};

struct CreateUserInput {
    std::string username;
    std::string display_name;
    std::string role;
    std::int64_t org_id = 0;
    GrantNarrowing narrowing{};
};
struct CreatedUser {
    core::ports::User user;
    std::string setup_token;
};
core::Result<CreatedUser> CreateUser(Context& ctx, const core::auth::Actor& actor, const CreateUserInput& in);

core::Result<core::auth::Grant> GrantRole(Context& ctx, const core::auth::Actor& actor, std::int64_t user_id,
                                          const std::string& role, std::int64_t org_id,
                                          const GrantNarrowing& narrowing = {});
core::Status RevokeRole(Context& ctx, const core::auth::Actor& actor, std::int64_t user_id, std::int64_t grant_id);
core::Result<std::string> ResetPasswordLink(Context& ctx, const core::auth::Actor& actor, std::int64_t user_id);

enum class AccountChange { kUnlock, kDisable, kEnable };
core::Status ChangeAccount(Context& ctx, const core::auth::Actor& actor, std::int64_t user_id, AccountChange change);

}  // namespace lianxin::app
