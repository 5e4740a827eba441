// JSON shapes of docs/api.md. Member records are always masked here unless `reveal` is set (the member's
// own record); masking is not a UI concern.
#pragma once

#include <nlohmann/json.hpp>

#include "app/auth/auth.hpp"
#include "app/member/development.hpp"
#include "app/member/member_queries.hpp"
#include "app/member/transfer.hpp"
#include "app/org/org_queries.hpp"
#include "core/ports/records.hpp"
#include "http/http_types.hpp"

namespace lianxin::http {

// The wire names of the permissions the roles hold, in declaration order (core::auth::PermissionKey).
nlohmann::json PermissionsJson(const std::vector<core::auth::Role>& roles);
nlohmann::json GrantJson(const core::auth::Grant& g);
nlohmann::json UserJson(const core::ports::User& u, std::int64_t now);
// A member's account as the member's org sees it: id, user name, status, created_at (no grants, no factors).
nlohmann::json MemberAccountJson(const core::ports::User& u);
nlohmann::json SessionJson(const core::ports::User& u, const core::ports::Session& s);
nlohmann::json OrgJson(const core::ports::OrgView& v);
// The Chinese name of an org type ("党支部").
const char* OrgTypeName(core::org::OrgType t);
nlohmann::json MemberJson(const app::MemberRecord& r, const core::Date& today, bool reveal, Lang lang);
nlohmann::json AuditJson(const core::ports::AuditEntry& e);
nlohmann::json DevelopmentCaseJson(const core::ports::DevelopmentRecord& c, const std::string& org_name,
                                   const core::Date& today, Lang lang);
nlohmann::json DevelopmentCaseDetailJson(const app::DevelopmentCaseView& v, const core::Date& today, Lang lang);

nlohmann::json TransferJson(const app::TransferView& v, Lang lang);
// A member's own transfer on "我的": the two orgs, the state and the dates.
nlohmann::json MyTransferJson(const core::ports::TransferRecord& r);
// A pending deadline with its message in the caller's language.
nlohmann::json ReminderJson(const std::string& key, const core::Date& due, bool overdue, Lang lang);
// The same with the figures of the rule the reminder carries (policy values: "months" …).
nlohmann::json ReminderJson(const core::member::Reminder& r, Lang lang);
nlohmann::json OptDateJson(const std::optional<core::Date>& d);

std::string Dump(const nlohmann::json& j);
nlohmann::json CursorJson(std::int64_t id);

}  // namespace lianxin::http
