// The policy store's use cases (issue 16; core/policy): what holds for an org on a date, its history, and a
// change. Reading needs org_read on the org; a change needs org_write on it and is made by a committee (a
// district, street or community committee; a branch sets no rules), from today or a later day, with its
// decision document (文号); it is audited. Use cases of other areas read values through PoliciesFor.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/policy/policies.hpp"

namespace lianxin::app {

// The settings that hold for the org at `org_path` (its own and its ancestors'), inside the caller's transaction.
core::Result<core::policy::Policies> PoliciesFor(core::ports::Tx& tx, const std::string& org_path);

// A setting with the name of the org that made it.
struct PolicySettingView {
    core::policy::Setting setting;
    std::string org_name;
};

struct PolicyEntry {
    const core::policy::Spec* spec = nullptr;
    std::int64_t value = 0;                     // in force on the date asked
    std::optional<PolicySettingView> in_force;  // nullopt: the national default holds
    std::vector<PolicySettingView> pending;     // settings of the org or an ancestor that start later
};

struct PolicyList {
    std::int64_t org_id = 0;
    std::string org_name;
    core::Date on;
    bool can_edit = false;             // the actor may change the policies of this org (org_write, a committee)
    std::vector<PolicyEntry> entries;  // every key of the catalogue, in its order
};

core::Result<PolicyList> ListPolicies(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                      const core::Date& on);

// Every setting of `key` made for the org or an ancestor, oldest first (withdrawn ones included).
core::Result<std::vector<PolicySettingView>> PolicyHistory(Context& ctx, const core::auth::Actor& actor,
                                                           std::int64_t org_id, const std::string& key);

struct PolicyChangeInput {
    std::string key;
    std::int64_t org_id = 0;
    std::string value;       // as the catalogue reads it: a decimal number or a choice's name
    std::string valid_from;  // YYYY-MM-DD, today or later
    std::string doc;         // 文号, 1–100 characters
};

// Records the change (closing the open setting of the same key and org); returns the new setting's id.
core::Result<std::int64_t> SetPolicy(Context& ctx, const core::auth::Actor& actor, const PolicyChangeInput& in);

}  // namespace lianxin::app
