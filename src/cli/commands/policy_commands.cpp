// policy list|show|set: the policy store from the operator's shell (issue 16). `set` acts as an org admin of
// the whole tree (actor "cli") and is audited like a change made in the web app.
#include <iostream>

#include "app/policy/policies.hpp"
#include "cli/commands/commands.hpp"
#include "cli/runtime.hpp"
#include "http/json/policy_dto.hpp"

namespace lianxin::cli {

namespace {
nlohmann::json SettingJson(const core::policy::Spec& spec, const core::policy::Setting& s) {
    return {{"org_id", s.org_id},
            {"org_path", s.org_path},
            {"valid_from", s.valid_from.ToString()},
            {"valid_to", s.valid_to ? nlohmann::json(s.valid_to->ToString()) : nlohmann::json(nullptr)},
            {"value", http::PolicyValueJson(spec, s.value)},
            {"doc", s.doc}};
}
}  // namespace

int RunPolicyList(const Config& config, bool json) {
    auto rt = MakeRuntime(config, {});
    if (!rt) return 1;
    std::vector<core::policy::Setting> all;
    // System scope: the operator reads every org's settings (they hold no personal data).
    auto st = rt->db->Read(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
        LX_ASSIGN(rows, tx.Policies().All());
        all = std::move(rows);
        return core::Ok();
    });
    if (!st) return ReportError(st.error());
    const auto today = rt->clock.Today();
    nlohmann::json out = nlohmann::json::array();
    for (const auto& spec : core::policy::Catalogue()) {
        auto j = http::PolicySpecJson(spec, http::Lang::kZh);
        nlohmann::json where = nlohmann::json::array();
        for (const auto& s : all)  // in force today or pending: where the default does not hold
            if (s.key == spec.key && (!s.valid_to || *s.valid_to > today) && !s.Withdrawn())
                where.push_back(SettingJson(spec, s));
        j["overridden"] = where;
        out.push_back(j);
    }
    if (json) {
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    for (const auto& j : out) {
        std::cout << j["key"].get<std::string>() << "  " << j["name"].get<std::string>() << "\n    default / 默认 "
                  << j["default"].dump() << " " << j["unit_label"].get<std::string>() << "  ("
                  << j["kind"].get<std::string>();
        if (j["kind"] == "int") std::cout << " " << j["min"].dump() << "–" << j["max"].dump();
        std::cout << ", " << j["source"].get<std::string>() << " [" << j["confidence"].get<std::string>() << "])\n";
        for (const auto& w : j["overridden"])
            std::cout << "    org " << w["org_id"].dump() << " from " << w["valid_from"].get<std::string>() << ": "
                      << w["value"].dump() << "  " << w["doc"].get<std::string>() << "\n";
    }
    return 0;
}

int RunPolicyShow(const Config& config, const PolicyShowOptions& opt) {
    auto rt = MakeRuntime(config, {});
    if (!rt) return 1;
    const auto* spec = core::policy::Find(opt.key);
    if (!spec) return ReportError(core::InvalidField("key", "policy.key.unknown"));
    auto on = opt.on.empty() ? std::optional<core::Date>(rt->clock.Today()) : core::Date::Parse(opt.on);
    if (!on) return ReportError(core::InvalidField("on", "date.format"));
    auto actor = OperatorActor(*rt);
    if (!actor) return ReportError(core::MakeError(core::ErrorCode::kFailedPrecondition, "setup.no_org_tree"));
    auto list = app::ListPolicies(*rt->ctx, *actor, opt.org_id, *on);
    if (!list) return ReportError(list.error());
    for (const auto& e : list->entries) {
        if (e.spec != spec) continue;
        nlohmann::json j{{"key", opt.key},
                         {"value", http::PolicyValueJson(*spec, e.value)},
                         {"org_id", e.in_force ? nlohmann::json(e.in_force->setting.org_id) : nlohmann::json(nullptr)},
                         {"valid_from", e.in_force ? nlohmann::json(e.in_force->setting.valid_from.ToString())
                                                   : nlohmann::json(nullptr)},
                         {"doc", e.in_force ? nlohmann::json(e.in_force->setting.doc) : nlohmann::json(nullptr)}};
        if (opt.json) {
            std::cout << j.dump() << "\n";
        } else {
            std::cout << opt.key << " = " << j["value"].dump() << " on / 于 " << on->ToString() << ": "
                      << (e.in_force
                              ? "set by / 设定单位 " + e.in_force->org_name + " from " +
                                    e.in_force->setting.valid_from.ToString() + " (" + e.in_force->setting.doc + ")"
                              : std::string("national default / 全国默认"))
                      << "\n";
        }
    }
    return 0;
}

int RunPolicySet(const Config& config, const PolicySetOptions& opt) {
    auto rt = MakeRuntime(config, {});
    if (!rt) return 1;
    auto actor = OperatorActor(*rt, core::auth::Role::kOrgAdmin);
    if (!actor) return ReportError(core::MakeError(core::ErrorCode::kFailedPrecondition, "setup.no_org_tree"));
    auto id = app::SetPolicy(*rt->ctx, *actor, {opt.key, opt.org_id, opt.value, opt.from, opt.doc});
    if (!id) return ReportError(id.error());
    std::cout << "政策参数已设定 / policy set: " << opt.key << " = " << opt.value << " for org " << opt.org_id
              << " from " << opt.from << " (id " << *id << ")\n";
    return 0;
}

}  // namespace lianxin::cli
