// Plain records that cross the storage port: users, grants, sessions, set-up links, audit entries and the
// org views with counts. Storage fills them; use cases decide with them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/actor.hpp"
#include "core/auth/credentials.hpp"
#include "core/member/admission.hpp"
#include "core/member/id_number.hpp"
#include "core/org/org.hpp"
#include "core/org/rules.hpp"

namespace lianxin::core::ports {

enum class UserStatus { kPending, kActive, kDisabled };

struct User {
    std::int64_t id = 0;
    std::string username;
    std::string display_name;
    std::string password_hash;  // empty until the user sets a password through a set-up link
    UserStatus status = UserStatus::kPending;
    std::string totp_secret_enc;  // ciphertext (binary) or empty
    bool totp_enrolled = false;
    std::int64_t totp_last_step = 0;  // replay guard (security.md B5)
    auth::LoginFailureState failures;
    std::int64_t member_id = 0;
    std::int64_t created_at = 0;
    std::int64_t version = 1;
    std::vector<auth::Grant> grants;
};

enum class MfaState { kNone, kEnroll, kVerify, kOk };

struct Session {
    std::string id_hash;  // SHA-256 hex of the cookie token; the token itself is never stored
    std::int64_t user_id = 0;
    std::string csrf_token;
    std::int64_t created_at = 0;
    std::int64_t last_seen_at = 0;
    MfaState mfa = MfaState::kNone;
};

enum class SetupPurpose { kFirstAdmin, kUserPassword };

struct SetupLink {
    std::string token_hash;
    SetupPurpose purpose = SetupPurpose::kFirstAdmin;
    std::int64_t user_id = 0;  // 0 for the first admin
    std::int64_t expires_at = 0;
    std::int64_t used_at = 0;
};

struct AuditEntry {
    std::int64_t id = 0;
    std::int64_t at = 0;
    std::int64_t actor_user_id = 0;
    std::string actor_name;
    std::int64_t actor_org_id = 0;
    std::string actor_org_path;  // scope of the audit admin who may read it
    std::string ip;
    std::string action;  // e.g. "auth.login", "member.view", "user.create"
    std::string object_type;
    std::string object_id;
    std::string result;  // "ok" or an error code
    std::string request_id;
    std::int64_t subject_member_id = 0;  // whose personal record was touched (for "who viewed me")
    std::string detail;                   // never PII
    std::string prev_hash;
    std::string hash;
    std::string actor_org_name;  // for display only; not stored in the row nor covered by the hash
};

struct AuditQuery {
    std::vector<std::string> scope_roots;  // actor_org_path must lie in one of these
    std::string action;
    std::string actor;  // actor name contains
    std::int64_t from = 0, to = 0;
    std::int64_t before_id = 0;  // cursor: entries with id < before_id
    int limit = 50;
};

struct AuditVerification {
    bool ok = true;
    std::int64_t rows = 0;
    std::int64_t first_broken_id = 0;
};

struct OrgView {
    org::Org org;
    std::int64_t child_count = 0;
    std::int64_t member_count = 0;  // normal members in the subtree
};

struct UserQuery {
    std::vector<std::string> scope_roots;  // users holding a grant inside one of these
    std::string subtree;                   // optional narrowing to one org's subtree (inside the scope)
    bool include_ungranted = false;        // also the users holding no grant at all
    std::string q;
    std::int64_t after_id = 0;
    int limit = 50;
};

struct MemberQuery {
    std::vector<std::string> scope_roots;
    std::string subtree;  // optional narrowing to one org's subtree (must lie inside the scope)
    std::string name_prefix;
    std::string category;               // "full" | "probationary" | "" (any)
    std::string status;                 // "normal" | "stopped" | "" (any)
    std::optional<Date> born_on_or_after;  // age band, as birth dates
    std::optional<Date> born_on_or_before;
    std::string skill;                  // one whole skill word, or "" (any)
    // Keyset paging: rows after this member in the list's order — (name, id) when name_prefix is set, else
    // (org_path, id), so that a page is one ordered index range at any scale.
    std::int64_t after_id = 0;
    int limit = 50;
};

// A post on an org's committee, valid on [valid_from, valid_to).
struct OrgPost {
    std::int64_t id = 0;
    std::int64_t org_id = 0;
    std::int64_t member_id = 0;
    std::string member_name;  // for display; not stored in the row
    org::Post post = org::Post::kMember;
    Date term_start;
    Date valid_from;
    std::optional<Date> valid_to;
    std::string approval_doc;
};

// A person in the development pipeline (domain.md §2.1): identity, current stage and the next due date.
// Everything else about the case is derived from its steps.
struct CandidateRecord {
    std::int64_t id = 0;
    std::int64_t org_id = 0;
    std::string org_path;
    std::string name;
    member::Sex sex = member::Sex::kMale;
    std::string ethnicity;
    Date birth_date;
    std::string id_number;  // plaintext in memory only
    std::string phone;
    std::string education;
    std::string work_unit;
    member::Stage stage = member::Stage::kApplicant;
    Date applied_on;
    std::string due_key;  // the pending reminder's key, "" when none
    std::optional<Date> due_on;
    std::int64_t member_id = 0;  // the registry record once admission is approved
    std::int64_t version = 1;
};

// One recorded step of a candidate, in order (seq 1 is the application).
struct StepRecord {
    std::int64_t id = 0;
    int seq = 0;
    member::Step step;
    std::int64_t recorded_by = 0;
    std::int64_t recorded_at = 0;
};

struct CandidateQuery {
    std::vector<std::string> scope_roots;
    std::string subtree;
    std::optional<member::Stage> stage;
    std::int64_t after_id = 0;
    int limit = 50;
};

}  // namespace lianxin::core::ports
