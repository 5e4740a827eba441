// Plain records that cross the storage port: users, grants, sessions, set-up links, audit entries and the
// org views with counts. Storage fills them; use cases decide with them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/actor.hpp"
#include "core/auth/credentials.hpp"
#include "core/member/development.hpp"
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
    std::int64_t totp_last_step = 0;   // replay guard (security.md B5)
    auth::LoginFailureState failures;  // the second factor's wrong codes (log-ins are throttled apart)
    bool login_throttled = false;      // filled for the admins' views: some address must wait to try this name
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

// One row of the audit log (security.md E1). It is filed under the org of the object acted on (issue 15
// defect 5): the audit admins of that org's subtree read it; the actor's org is a second column.
struct AuditEntry {
    std::int64_t id = 0;
    std::int64_t at = 0;
    std::int64_t actor_user_id = 0;
    std::string actor_name;
    std::int64_t actor_org_id = 0;
    std::string actor_org_path;  // the actor's grant that covers the object (else its first grant)
    std::string ip;
    std::string action;  // e.g. "auth.login", "member.view", "user.create"
    std::string object_type;
    std::string object_id;
    std::string result;  // "ok" or an error code
    std::string request_id;
    std::int64_t subject_member_id = 0;  // whose personal record was touched (for "who viewed me")
    std::string detail;                  // never PII
    std::int64_t object_org_id = 0;      // the org of the object acted on; 0 = the top org (filled on append)
    std::string object_org_path;         // scope of the audit admins who may read it
    std::string hash_kind;               // "mac1" (keyed, security.md E2) or "sha256" (rows from before the key)
    std::string prev_hash;
    std::string hash;             // the row's MAC (or, for a "sha256" row, its SHA-256)
    std::string actor_org_name;   // for display only; not stored in the row nor covered by the hash
    std::string object_org_name;  // for display only
};

struct AuditQuery {
    std::vector<std::string> scope_roots;  // object_org_path must lie in one of these
    std::string action;
    std::string actor;  // actor name contains
    std::int64_t from = 0, to = 0;
    std::int64_t before_id = 0;  // cursor: entries with id < before_id
    int limit = 50;
};

// The newest audit row as recorded OUTSIDE the database (security.md E2, issue 15 defect 4): its id and MAC,
// the first keyed row, and when it was written. A database that lacks these rows lost its tail.
struct AuditCheckpoint {
    std::int64_t head_id = 0;
    std::string head_mac;
    std::int64_t first_mac_id = 0;  // the first keyed row (rows before it are SHA-256 rows of an older version)
    std::int64_t written_at = 0;
};

struct AuditVerification {
    bool ok = true;
    std::int64_t rows = 0;
    std::int64_t first_broken_id = 0;  // the first bad row, or the first missing one
    // Why it broke: "mac" (a row fails its MAC or its SHA-256), "link" (a row does not follow the previous one),
    // "plain_after_mac" (an unkeyed row after a keyed one), "head" (audit_head disagrees with the last row),
    // "missing_tail" (rows the checkpoint records are gone), "checkpoint" (the checkpoint's head row differs).
    std::string problem;
    std::int64_t legacy_rows = 0;  // unkeyed SHA-256 rows from before the key (sealed by the first keyed row)
    std::int64_t last_id = 0;      // the newest row walked, and its hash: the head a checkpoint records
    std::string last_hash;
    std::int64_t first_mac_id = 0;        // the first keyed row seen (0: none)
    std::int64_t checkpoint_head_id = 0;  // when a checkpoint was given: the head it records, and its time
    std::int64_t checkpoint_at = 0;
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
    std::string category;                  // "full" | "probationary" | "" (any)
    std::string status;                    // "normal" | "stopped" | "" (any)
    std::optional<Date> born_on_or_after;  // age band, as birth dates
    std::optional<Date> born_on_or_before;
    std::string skill;  // one whole skill word, or "" (any)
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
struct DevelopmentRecord {
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

struct DevelopmentCaseQuery {
    std::vector<std::string> scope_roots;
    std::string subtree;
    std::optional<member::Stage> stage;
    std::int64_t after_id = 0;
    int limit = 50;
};

}  // namespace lianxin::core::ports
