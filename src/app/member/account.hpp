// 党员账号: the one sign-in account of a member (issue 15 defect 2; security.md separation of duties). Linking an
// account to a member is an act on the member's record, done by an org role holding member_write on the member's
// org (org_admin, branch_secretary) — never by a system administrator, who could otherwise read any record through
// the account's "我的". Opening creates a pending user with the `member` role on the member's org, named by the
// writer and carrying the member's name, and answers its one-time set-up link to hand to the member; a new link for
// the account (the member forgot the password) is issued here too and revokes the earlier ones. At most one account
// per member (a unique index; 409 member.account.exists). Every write is audited as an act on the member
// (subject_member_id), so that the member sees it under "谁查看了我的信息". Outside the scope: 404.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/ports/records.hpp"

namespace lianxin::app {

struct MemberAccount {
    std::int64_t member_id = 0;
    std::optional<core::ports::User> account;  // nullopt: the member has no account yet
    std::vector<std::string> actions;          // "open" (none yet) or "reset" (one), when the actor may write
};

// Whether the member has an account (member_read on the member's org). Not audited: it shows no personal field.
core::Result<MemberAccount> ViewMemberAccount(Context& ctx, const core::auth::Actor& actor, std::int64_t member_id);

struct AccountLink {
    MemberAccount view;
    std::string setup_token;  // shown once, to hand to the member
};

// Opens the member's account under `username` (member_write on the member's org; a member who left the registry
// gets none: 422 member.account.left).
core::Result<AccountLink> OpenMemberAccount(Context& ctx, const core::auth::Actor& actor, std::int64_t member_id,
                                            const std::string& username);

// A new set-up link for the member's account (member_write on the member's org and on every org the account holds
// a grant on; an account holding an administrator role is refused: 403 member.account.admin).
core::Result<AccountLink> ResetMemberAccountLink(Context& ctx, const core::auth::Actor& actor, std::int64_t member_id);

}  // namespace lianxin::app
