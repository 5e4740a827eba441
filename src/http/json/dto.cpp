#include "http/json/dto.hpp"

#include "core/member/field_spec.hpp"
#include "core/member/masking.hpp"
#include "core/member/registry.hpp"

namespace lianxin::http {

using nlohmann::json;

const char* OrgTypeName(core::org::OrgType t) {
    using core::org::OrgType;
    switch (t) {
        case OrgType::kDistrictCommittee:
            return "区委";
        case OrgType::kStreetWorkingCommittee:
            return "街道党工委";
        case OrgType::kGrassrootsCommittee:
            return "党委";
        case OrgType::kGeneralBranch:
            return "党总支";
        case OrgType::kBranch:
            return "党支部";
        case OrgType::kJointBranch:
            return "联合党支部";
        case OrgType::kTemporaryBranch:
            return "临时党支部";
        case OrgType::kFunctionalBranch:
            return "功能型党支部";
    }
    return "";
}

namespace {

const char* MfaName(core::ports::MfaState m) {
    switch (m) {
        case core::ports::MfaState::kNone:
            return "none";
        case core::ports::MfaState::kEnroll:
            return "enroll";
        case core::ports::MfaState::kVerify:
            return "verify";
        case core::ports::MfaState::kOk:
            return "ok";
    }
    return "verify";
}

json OptId(std::int64_t id) { return id ? json(id) : json(nullptr); }
}  // namespace

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json CursorJson(std::int64_t id) { return id ? json(std::to_string(id)) : json(nullptr); }

json PermissionsJson(const std::vector<core::auth::Role>& roles) {
    json out = json::array();
    for (auto p : core::auth::PermissionsOf(roles)) out.push_back(std::string(core::auth::PermissionKey(p)));
    return out;
}

json GrantJson(const core::auth::Grant& g) {
    const auto& info = core::auth::Info(g.role);
    json out = {{"id", g.id},         {"role", info.key},       {"role_name", info.name_zh},
                {"org_id", g.org_id}, {"org_name", g.org_name}, {"permissions", PermissionsJson({g.role})}};
    // what narrows the grant (issue 17 "Roles and access"): its grids, or its overlay member unit
    out["grid_ids"] = g.grid_ids;
    out["overlay_unit_id"] = g.overlay_unit_id ? json(g.overlay_unit_id) : json(nullptr);
    out["overlay_unit_name"] = g.overlay_unit_name;
    return out;
}

static const char* UserStatusName(core::ports::UserStatus s) {
    return s == core::ports::UserStatus::kActive    ? "active"
           : s == core::ports::UserStatus::kPending ? "pending"
                                                    : "disabled";
}

json MemberAccountJson(const core::ports::User& u) {
    return {{"id", u.id},
            {"username", u.username},
            {"status", UserStatusName(u.status)},
            {"created_at", core::FormatInstant(u.created_at)}};
}

json UserJson(const core::ports::User& u, std::int64_t now) {
    json grants = json::array();
    for (const auto& g : u.grants) grants.push_back(GrantJson(g));
    return {{"id", u.id},
            {"username", u.username},
            {"display_name", u.display_name},
            {"status", UserStatusName(u.status)},
            {"locked", core::auth::IsLocked(u.failures, now) || u.login_throttled},
            {"mfa_enrolled", u.totp_enrolled},
            {"member_id", OptId(u.member_id)},
            {"grants", grants},
            {"created_at", core::FormatInstant(u.created_at)}};
}

json SessionJson(const core::ports::User& u, const core::ports::Session& s) {
    json grants = json::array();
    std::vector<core::auth::Role> roles;
    for (const auto& g : u.grants) {
        grants.push_back(GrantJson(g));
        roles.push_back(g.role);
    }
    return {
        {"user",
         {{"id", u.id}, {"username", u.username}, {"display_name", u.display_name}, {"member_id", OptId(u.member_id)}}},
        {"csrf_token", s.csrf_token},
        {"mfa", MfaName(s.mfa)},
        {"grants", grants},
        {"permissions", PermissionsJson(roles)}};
}

json OrgJson(const core::ports::OrgView& v) {
    const auto& o = v.org;
    json place = nullptr;
    if (o.place_kind != core::org::PlaceKind::kNone)
        place = {{"kind", std::string(ToString(o.place_kind))}, {"name", o.place_name}};
    return {{"id", o.id},
            {"parent_id", OptId(o.parent_id)},
            {"name", o.name},
            {"short_name", o.short_name},
            {"org_type", std::string(ToString(o.type))},
            {"org_type_name", OrgTypeName(o.type)},
            {"place", place},
            {"child_count", v.child_count},
            {"member_count", v.member_count},
            {"valid_from", o.valid_from.ToString()},
            {"valid_to", OptDateJson(o.valid_to)}};
}

namespace {
json AffiliationsJson(const std::vector<core::ports::AffiliationPeriod>& periods) {
    json out = json::array();
    for (const auto& p : periods)
        out.push_back({{"org_id", p.org_id},
                       {"org_name", p.org_name},
                       {"valid_from", p.valid_from == core::Date() ? json(nullptr) : json(p.valid_from.ToString())},
                       {"valid_to", OptDateJson(p.valid_to)}});
    return out;
}
json StatusChangesJson(const std::vector<core::ports::StatusChangeRecord>& changes) {
    json out = json::array();
    for (const auto& c : changes)
        out.push_back({{"action", c.action},
                       {"on", c.on.ToString()},
                       {"ground", c.ground},
                       {"doc_ref", c.doc_ref},
                       {"reason", c.reason}});
    return out;
}
}  // namespace

json MemberJson(const app::MemberRecord& r, const core::Date& today, bool reveal, Lang lang) {
    namespace mm = core::member;
    const auto& m = r.member;
    auto age = mm::PartyAge(m, today, r.leap_day);
    json reminders = json::array();
    for (const auto& x : mm::MemberReminders(m, today)) reminders.push_back(ReminderJson(x, lang));
    json out = {{"id", m.id},
                {"org_id", m.org_id},
                {"org_name", r.org_name},
                {"name", m.name},
                {"sex", mm::ToString(m.sex)},
                {"ethnicity", m.ethnicity},
                {"birth_date", m.birth_date.ToString()},
                {"id_number", reveal ? m.id_number : mm::MaskIdNumber(m.id_number)},
                {"phone", reveal ? m.phone : mm::MaskPhone(m.phone)},
                {"category", mm::ToString(m.category)},
                {"status", mm::ToString(m.status)},
                {"join_date", OptDateJson(m.join_date)},
                {"conversion_date", OptDateJson(m.conversion_date)},
                {"party_age", age ? json(*age) : json(nullptr)},
                {"address", reveal ? m.address : mm::MaskAddress(m.address)},
                {"tags", m.tags},
                {"skills", m.skills},
                {"floating_to", m.floating_to},
                {"lost_contact_on", OptDateJson(m.lost_contact_on)},
                {"reminders", reminders},
                {"version", m.version},
                {"status_since", OptDateJson(m.status_since)},
                {"status_changes", StatusChangesJson(r.status_changes)},
                {"affiliations", AffiliationsJson(r.affiliations)}};
    // The spec's registry fields (education, work unit, occupation …), each under its name.
    for (const auto& f : mm::MemberFields())
        if (f.registry) out[f.name] = m.*f.registry;
    return out;
}

json AuditJson(const core::ports::AuditEntry& e) {
    return {{"id", e.id},
            {"at", core::FormatInstant(e.at)},
            {"actor_id", OptId(e.actor_user_id)},
            {"actor_name", e.actor_name},
            {"actor_org", e.actor_org_name},
            {"object_org_id", OptId(e.object_org_id)},
            {"object_org", e.object_org_name},
            {"ip", e.ip},
            {"action", e.action},
            {"object_type", e.object_type},
            {"object_id", e.object_id},
            {"result", e.result},
            {"request_id", e.request_id}};
}

}  // namespace lianxin::http
