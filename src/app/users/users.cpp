#include "app/users/users.hpp"

#include <algorithm>

#include "app/audit/audit.hpp"
#include "app/auth/login_throttle.hpp"
#include "app/auth/session_cache.hpp"
#include "app/auth/validation.hpp"
#include "core/auth/narrow_scope.hpp"
#include "core/grid/grid.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::MakeError;
using core::auth::Permission;
using core::ports::Tx;
using core::ports::User;

namespace {

// A view of the user: visible when one of its grants lies where the actor holds `p` (a user without grants: when
// it holds `p` on a top-level org); it shows only the grants inside that scope (issue 15 defect 1). 404
// otherwise (403 without `p`).
core::Result<User> VisibleUser(Tx& tx, const core::auth::Actor& actor, std::int64_t id, Permission p) {
    LX_CHECK(core::auth::AuthorizeAny(actor, p));
    LX_ASSIGN(user, tx.Users().Get(id));
    if (!user || !core::auth::CoversAny(actor, p, core::auth::GrantPaths(user->grants)))
        return core::Fail(core::NotFound("user"));
    user->grants = core::auth::GrantsInScope(actor, p, user->grants);
    return *user;
}

// The user an administrative act may change: the actor's scope for `p` covers EVERY grant of the user (issue 15
// defect 1). 404 when the user is not visible; 403 "user.scope.partial" when it is visible through some grant
// but another lies outside the scope. All the grants come back: all are in scope.
core::Result<User> ManagedUser(Tx& tx, const core::auth::Actor& actor, std::int64_t id, Permission p) {
    LX_CHECK(core::auth::AuthorizeAny(actor, p));
    LX_ASSIGN(user, tx.Users().Get(id));
    if (!user) return core::Fail(core::NotFound("user"));
    LX_CHECK(core::auth::AuthorizeAll(actor, p, core::auth::GrantPaths(user->grants), "user"));
    return *user;
}

// The grids or the member unit that narrow a grant (issue 17 "Roles and access"): a grid grant names grids of
// its community; a unit liaison one active member unit of an overlay hosted at the grant's org.
core::Status CheckNarrowing(Tx& tx, const core::org::Org& org, core::auth::Role role, const GrantNarrowing& n,
                            core::auth::Grant& grant, std::int64_t now) {
    core::Error errors = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    if (core::auth::IsGridRole(role)) {
        const bool community = core::grid::HoldsGrids(org);
        if (!community) errors.WithField("org_id", "user.grant.not_community");
        if (community && n.grid_ids.empty()) errors.WithField("grid_ids", "user.grant.grids_required");
        for (auto id : community ? n.grid_ids : std::vector<std::int64_t>{}) {
            LX_ASSIGN(grid, tx.Grids().Get(id));
            if (!grid || grid->org_id != org.id) {
                errors.WithField("grid_ids", "user.grant.grid_unknown", {{"id", std::to_string(id)}});
                break;
            }
            if (std::find(grant.grid_ids.begin(), grant.grid_ids.end(), id) == grant.grid_ids.end())
                grant.grid_ids.push_back(id);
        }
    } else if (!n.grid_ids.empty()) {
        errors.WithField("grid_ids", "user.grant.grids_not_allowed");
    }
    if (role == core::auth::Role::kUnitLiaison) {
        if (n.overlay_unit_id <= 0) {
            errors.WithField("overlay_unit_id", "user.grant.unit_required");
        } else {
            // a unit of an overlay hosted at the grant's org, active today
            const auto today = core::Date::FromInstant(now);
            core::ports::OverlayQuery q;
            q.scope_roots = {org.path};
            q.on = today;
            LX_ASSIGN(overlays, tx.Overlays().List(q));
            for (const auto& o : overlays) {
                if (o.overlay.host_org_id != org.id || grant.overlay_unit_id) continue;
                LX_ASSIGN(units, tx.Overlays().Units(o.overlay.id));
                for (const auto& u : units)
                    if (u.id == n.overlay_unit_id && u.ActiveOn(today)) {
                        grant.overlay_unit_id = u.id;
                        grant.overlay_unit_name = u.name;
                    }
            }
            if (!grant.overlay_unit_id) errors.WithField("overlay_unit_id", "user.grant.unit_unknown");
        }
    } else if (n.overlay_unit_id != 0) {
        errors.WithField("overlay_unit_id", "user.grant.unit_not_allowed");
    }
    if (!errors.fields.empty()) return core::Fail(errors);
    return core::Ok();
}

// Checks that `role` may be granted on `org_id` by `actor` to `user` and fills the grant.
core::Result<core::auth::Grant> CheckGrant(Tx& tx, const core::auth::Actor& actor, const User& user,
                                           const std::string& role_key, std::int64_t org_id, const char* role_field,
                                           const char* org_field, const GrantNarrowing& narrowing, std::int64_t now) {
    auto role = core::auth::ParseRole(role_key);
    if (!role) return core::Fail(core::InvalidField(role_field, "user.role.unknown"));
    LX_ASSIGN(org, tx.Orgs().Get(org_id));
    if (!org || !core::auth::Authorize(actor, Permission::kUserManage, org->path))
        return core::Fail(core::InvalidField(org_field, "org.not_in_scope"));
    if (user.id != 0 && user.id == actor.user_id) return core::Fail(core::Denied("user.grant.self"));
    if (core::auth::Info(*role).admin) {
        // A member's account is the member's (its links come from the member's record): no administrator's duty
        // goes onto it (issue 15 defect 2).
        if (user.member_id != 0) return core::Fail(core::InvalidField(role_field, "user.role.member_account"));
        for (const auto& g : user.grants)
            if (core::auth::Info(g.role).admin && g.role != *role)
                return core::Fail(core::InvalidField(role_field, "user.role.admin_exclusive"));
    }
    for (const auto& g : user.grants)
        if (g.role == *role && g.org_id == org_id)
            return core::Fail(MakeError(ErrorCode::kConflict, "user.grant.exists"));
    core::auth::Grant grant{0, *role, org->id, org->path, org->name};
    LX_CHECK(CheckNarrowing(tx, *org, *role, narrowing, grant, now));
    return grant;
}

// The audit detail of a grant: its role and org, and what narrows it.
std::string GrantDetail(const std::string& role, std::int64_t org_id, const core::auth::Grant& g) {
    std::string out = "role=" + role + " org=" + std::to_string(org_id);
    if (!g.grid_ids.empty()) {
        out += " grids=";
        for (std::size_t i = 0; i < g.grid_ids.size(); ++i) out += (i ? "," : "") + std::to_string(g.grid_ids[i]);
    }
    if (g.overlay_unit_id) out += " unit=" + std::to_string(g.overlay_unit_id);
    return out;
}

// Marks the users whose name some address must wait to try (the admins see them as locked, and may lift it).
core::Status MarkThrottled(Context& ctx, Tx& tx, std::vector<User>& users) {
    std::int64_t now = ctx.clock.NowMillis();
    for (auto& u : users) {
        LX_ASSIGN(throttled, NameThrottled(ctx, tx, u.username, now));
        u.login_throttled = throttled;
    }
    return core::Ok();
}

}  // namespace

core::Result<UserPage> ListUsers(Context& ctx, const core::auth::Actor& actor, const UserListInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kUserRead));
    UserPage page;
    int limit = in.limit;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        core::ports::UserQuery query{core::auth::ScopeRoots(actor, Permission::kUserRead),
                                     "",
                                     core::auth::CoversAny(actor, Permission::kUserRead, {}),
                                     in.q,
                                     in.after_id,
                                     limit + 1};
        if (in.org_id != 0) {
            LX_ASSIGN(org, tx.Orgs().Get(in.org_id));
            if (!org || !core::auth::Authorize(actor, Permission::kUserRead, org->path))
                return core::Fail(core::InvalidField("org_id", "org.not_in_scope"));
            query.subtree = org->path;
        }
        LX_ASSIGN(users, tx.Users().List(query));
        LX_CHECK(MarkThrottled(ctx, tx, users));
        if (static_cast<int>(users.size()) > limit) {
            users.resize(static_cast<size_t>(limit));
            page.next_after = users.back().id;
        }
        for (auto& u : users) u.grants = core::auth::GrantsInScope(actor, Permission::kUserRead, u.grants);
        page.items = std::move(users);
        return core::Ok();
    }));
    return page;
}

core::Result<User> GetUser(Context& ctx, const core::auth::Actor& actor, std::int64_t id) {
    User out;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(u, VisibleUser(tx, actor, id, Permission::kUserRead));
        std::vector<User> one{std::move(u)};
        LX_CHECK(MarkThrottled(ctx, tx, one));
        out = std::move(one.front());
        return core::Ok();
    }));
    return out;
}

core::Result<CreatedUser> CreateUser(Context& ctx, const core::auth::Actor& actor, const CreateUserInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kUserManage));
    core::Error errors = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    CheckUsername(in.username, errors);
    CheckDisplayName(in.display_name, errors);
    if (!errors.fields.empty()) return core::Fail(errors);
    CreatedUser out;
    std::int64_t now = ctx.clock.NowMillis();
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        User user;
        user.username = in.username;
        user.display_name = in.display_name;
        user.status = core::ports::UserStatus::kPending;
        user.created_at = now;
        LX_ASSIGN(grant, CheckGrant(tx, actor, user, in.role, in.org_id, "role", "org_id", in.narrowing, now));
        LX_ASSIGN(existing, tx.Users().GetByUsername(in.username));
        if (existing) return core::Fail(core::InvalidField("username", "user.username.taken"));
        LX_ASSIGN(id, tx.Users().Insert(user));
        user.id = id;
        LX_ASSIGN(grant_id, tx.Users().AddGrant(id, grant, actor.user_id, now));
        grant.id = grant_id;
        user.grants.push_back(grant);
        LX_ASSIGN(token, CreatePasswordLink(ctx, tx, id));
        out.setup_token = std::move(token);
        auto entry = AuditFor(actor, now, "user.create", "user", std::to_string(id)).On(grant.org_id, grant.org_path);
        entry.detail = GrantDetail(in.role, in.org_id, grant);
        LX_CHECK(tx.Audit().Append(entry));
        out.user = std::move(user);
        return core::Ok();
    }));
    return out;
}

core::Result<core::auth::Grant> GrantRole(Context& ctx, const core::auth::Actor& actor, std::int64_t user_id,
                                          const std::string& role, std::int64_t org_id,
                                          const GrantNarrowing& narrowing) {
    core::auth::Grant out;
    std::int64_t now = ctx.clock.NowMillis();
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(user, ManagedUser(tx, actor, user_id, Permission::kUserManage));
        LX_ASSIGN(grant, CheckGrant(tx, actor, user, role, org_id, "role", "org_id", narrowing, now));
        LX_ASSIGN(id, tx.Users().AddGrant(user_id, grant, actor.user_id, now));
        grant.id = id;
        // A new admin role means a new second-factor duty: end the user's sessions.
        if (core::auth::Info(grant.role).admin) LX_CHECK(tx.Sessions().DeleteForUser(user_id));
        auto entry =
            AuditFor(actor, now, "user.grant", "user", std::to_string(user_id)).On(grant.org_id, grant.org_path);
        entry.detail = GrantDetail(role, org_id, grant);
        LX_CHECK(tx.Audit().Append(entry));
        out = grant;
        return core::Ok();
    }));
    ForgetUser(ctx, user_id);  // its grants changed
    return out;
}

core::Status RevokeRole(Context& ctx, const core::auth::Actor& actor, std::int64_t user_id, std::int64_t grant_id) {
    std::int64_t now = ctx.clock.NowMillis();
    auto st = ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(user, ManagedUser(tx, actor, user_id, Permission::kUserManage));
        if (user.id == actor.user_id) return core::Fail(core::Denied("user.grant.self"));
        auto it = std::find_if(user.grants.begin(), user.grants.end(), [&](auto& g) { return g.id == grant_id; });
        if (it == user.grants.end()) return core::Fail(core::NotFound("grant"));
        LX_CHECK(tx.Users().RemoveGrant(user_id, grant_id));
        LX_CHECK(tx.Sessions().DeleteForUser(user_id));
        auto entry = AuditFor(actor, now, "user.revoke", "user", std::to_string(user_id)).On(it->org_id, it->org_path);
        entry.detail = "grant=" + std::to_string(grant_id);
        return tx.Audit().Append(entry);
    });
    ForgetUser(ctx, user_id);  // after the commit, so that no request caches the old grants again
    return st;
}

core::Result<std::string> ResetPasswordLink(Context& ctx, const core::auth::Actor& actor, std::int64_t user_id) {
    std::string token;
    std::int64_t now = ctx.clock.NowMillis();
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(user, ManagedUser(tx, actor, user_id, Permission::kUserManage));
        if (user.id == actor.user_id) return core::Fail(core::Denied("user.reset.self"));
        // A link to an account linked to a member opens the member's record: it is issued from that record by
        // its org (member_write, app/member/account.hpp), never by a system administrator (issue 15 defect 2).
        if (user.member_id != 0) return core::Fail(core::Denied("user.reset.member_account"));
        LX_ASSIGN(t, CreatePasswordLink(ctx, tx, user_id));
        token = std::move(t);
        auto entry = AuditFor(actor, now, "user.reset", "user", std::to_string(user_id)).On(user.grants);
        return tx.Audit().Append(entry);
    }));
    return token;
}

core::Status ChangeAccount(Context& ctx, const core::auth::Actor& actor, std::int64_t user_id, AccountChange change) {
    Permission needed = change == AccountChange::kUnlock ? Permission::kUserUnlock : Permission::kUserManage;
    std::int64_t now = ctx.clock.NowMillis();
    auto st = ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(user, ManagedUser(tx, actor, user_id, needed));
        if (user.id == actor.user_id) return core::Fail(core::Denied("user.change.self"));
        const char* action = "user.unlock";
        switch (change) {
            case AccountChange::kUnlock:
                user.failures = {};
                LX_CHECK(LiftThrottle(ctx, tx, user.username));  // every address may try this name again
                break;
            case AccountChange::kDisable:
                user.status = core::ports::UserStatus::kDisabled;
                action = "user.disable";
                LX_CHECK(tx.Sessions().DeleteForUser(user_id));
                break;
            case AccountChange::kEnable:
                if (user.status != core::ports::UserStatus::kDisabled)
                    return core::Fail(MakeError(ErrorCode::kFailedPrecondition, "user.not_disabled"));
                user.status = user.password_hash.empty() ? core::ports::UserStatus::kPending
                                                         : core::ports::UserStatus::kActive;
                action = "user.enable";
                break;
        }
        LX_CHECK(tx.Users().Update(user));
        auto entry = AuditFor(actor, now, action, "user", std::to_string(user_id)).On(user.grants);
        return tx.Audit().Append(entry);
    });
    ForgetUser(ctx, user_id);
    return st;
}

}  // namespace lianxin::app
