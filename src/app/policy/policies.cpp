#include "app/policy/policies.hpp"

#include <map>

#include "app/audit/audit.hpp"
#include "app/org/org_queries.hpp"

namespace lianxin::app {

using core::auth::Permission;
using core::policy::Setting;
using core::ports::Tx;

namespace {
// The names of the orgs that made `settings` (ancestors may lie outside the actor's scope: a name is no secret).
core::Result<std::map<std::int64_t, std::string>> OrgNames(Tx& tx, const std::vector<Setting>& settings) {
    std::map<std::int64_t, std::string> names;
    for (const auto& s : settings) {
        if (names.count(s.org_id)) continue;
        LX_ASSIGN(org, tx.Orgs().Get(s.org_id));
        names[s.org_id] = org ? org->name : "";
    }
    return names;
}

PolicySettingView View(const Setting& s, const std::map<std::int64_t, std::string>& names) {
    auto it = names.find(s.org_id);
    return {s, it == names.end() ? std::string() : it->second};
}

bool MayEdit(const core::auth::Actor& actor, const core::org::Org& org) {
    return !core::org::IsBranchType(org.type) && core::auth::Authorize(actor, Permission::kOrgWrite, org.path);
}
}  // namespace

core::Result<core::policy::Policies> PoliciesFor(Tx& tx, const std::string& org_path) {
    LX_ASSIGN(settings, tx.Policies().ForPath(org_path));
    return core::policy::Policies(org_path, std::move(settings));
}

core::Result<PolicyList> ListPolicies(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                      const core::Date& on) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgRead));
    PolicyList out;
    out.on = on;
    // The actor's scope for the org; the settings of its ancestors carry no RLS (no personal data).
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(org, VisibleOrg(tx, actor, org_id, Permission::kOrgRead));
        out.org_id = org.id;
        out.org_name = org.name;
        out.can_edit = MayEdit(actor, org);
        LX_ASSIGN(settings, tx.Policies().ForPath(org.path));
        LX_ASSIGN(names, OrgNames(tx, settings));
        const core::policy::Policies p(org.path, settings);
        for (const auto& spec : core::policy::Catalogue()) {
            PolicyEntry e;
            e.spec = &spec;
            e.value = p.Value(spec.key, on);
            if (const Setting* s = p.InForce(spec.key, on)) e.in_force = View(*s, names);
            for (const auto& s : settings)
                if (s.key == spec.key && s.valid_from > on && !s.Withdrawn()) e.pending.push_back(View(s, names));
            out.entries.push_back(std::move(e));
        }
        return core::Ok();
    }));
    return out;
}

core::Result<std::vector<PolicySettingView>> PolicyHistory(Context& ctx, const core::auth::Actor& actor,
                                                           std::int64_t org_id, const std::string& key) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgRead));
    if (!core::policy::Find(key)) return core::Fail(core::InvalidField("key", "policy.key.unknown"));
    std::vector<PolicySettingView> out;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(org, VisibleOrg(tx, actor, org_id, Permission::kOrgRead));
        LX_ASSIGN(settings, tx.Policies().ForPath(org.path));
        std::erase_if(settings, [&](const Setting& s) { return s.key != key; });
        std::stable_sort(settings.begin(), settings.end(), [](const Setting& a, const Setting& b) {
            return a.valid_from != b.valid_from ? a.valid_from < b.valid_from : a.id < b.id;
        });
        LX_ASSIGN(names, OrgNames(tx, settings));
        for (const auto& s : settings) out.push_back(View(s, names));
        return core::Ok();
    }));
    return out;
}

core::Result<std::int64_t> SetPolicy(Context& ctx, const core::auth::Actor& actor, const PolicyChangeInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgWrite));
    const core::Date today = ctx.clock.Today();
    auto from = core::Date::Parse(in.valid_from);
    if (!from) return core::Fail(core::InvalidField("valid_from", "date.format", {{"label", "policy.valid_from"}}));
    std::int64_t id = 0;
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(org, VisibleOrg(tx, actor, in.org_id, Permission::kOrgWrite, today));
        if (core::org::IsBranchType(org.type))
            return core::Fail(core::MakeError(core::ErrorCode::kFailedPrecondition, "policy.rule.branch"));
        Setting proposed;
        proposed.key = in.key;
        proposed.org_id = org.id;
        proposed.org_path = org.path;
        proposed.valid_from = *from;
        proposed.doc = in.doc;
        proposed.set_by = actor.user_id;
        proposed.set_by_name = actor.display_name;
        proposed.set_at = ctx.clock.NowMillis();
        LX_ASSIGN(same, tx.Policies().OfOrg(org.id, in.key));
        LX_ASSIGN(change, core::policy::PlanChange(same, proposed, in.value, today));
        for (const auto& [closed, valid_to] : change.closes) LX_CHECK(tx.Policies().Close(closed, valid_to));
        LX_ASSIGN(made, tx.Policies().Insert(change.setting));
        id = made;
        auto entry = AuditFor(actor, change.setting.set_at, "policy.set", "policy", std::to_string(id)).On(org);
        entry.detail = "key=" + in.key +
                       " value=" + core::policy::FormatValue(*core::policy::Find(in.key), change.setting.value) +
                       " from=" + in.valid_from + " closed=" + std::to_string(change.closes.size());
        return tx.Audit().Append(entry);
    }));
    return id;
}

}  // namespace lianxin::app
