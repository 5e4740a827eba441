// Records of transfers (组织关系转接) and affiliation history that cross the storage port.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/member/id_number.hpp"
#include "core/member/member.hpp"
#include "core/member/transfer.hpp"

namespace lianxin::core::ports {

// One transfer: the dated facts (core::member::Transfer), both ends, and the person as the letter states
// them. The receiving side sees only the minimal fields until it has accepted (domain.md §5).
struct TransferRecord {
    std::int64_t id = 0;
    member::Transfer facts;
    std::int64_t member_id = 0;    // 0 for an arriving letter until it is accepted
    std::int64_t from_org_id = 0;  // 0 when the sending org is outside this deployment
    std::string from_org_path;
    std::string from_org_name;
    std::int64_t to_org_id = 0;  // 0 when the receiving org is outside this deployment
    std::string to_org_path;
    std::string to_org_name;
    std::int64_t placed_org_id = 0;  // the branch that took the member in
    std::string name;
    member::Sex sex = member::Sex::kMale;
    Date birth_date;
    std::string ethnicity;
    member::Category category = member::Category::kFull;
    std::string id_number;  // arriving letters only; plaintext in memory only
    std::string phone;
    std::optional<Date> join_date;  // arriving letters only
    std::optional<Date> conversion_date;
    std::string reason;
    std::string due_key;
    std::optional<Date> due_on;
    std::int64_t version = 1;
    std::int64_t created_by = 0;
};

struct TransferEvent {
    std::int64_t id = 0;
    int seq = 0;
    std::string action;  // "request", "register" or a TransferAction name
    Date on;
    std::string note;
    std::int64_t actor_user_id = 0;
    std::string actor_name;
    std::int64_t recorded_at = 0;
};

struct TransferQuery {
    std::vector<std::string> scope_roots;  // the actor's member_read roots
    bool outgoing = true;                  // true: sent from the scope; false: addressed to the scope
    std::string subtree;                   // optional narrowing (inside the scope)
    bool open_only = false;                // requested, issued or accepted
    std::int64_t member_id = 0;            // optional: one member's transfers
    std::int64_t after_id = 0;
    int limit = 50;
};

// One recorded decision on a member's party status.
struct StatusChangeRecord {
    std::int64_t id = 0;
    std::string action;  // stop | restore | remove
    Date on;
    std::string ground;  // lost_contact | settled_abroad | study_abroad (stop)
    std::string doc_ref;
    std::string reason;
    std::int64_t recorded_by = 0;
    std::int64_t recorded_at = 0;
};

// A closed period of formal affiliation [valid_from, valid_to); the open one is the member row.
struct AffiliationPeriod {
    std::int64_t org_id = 0;
    std::string org_path;
    std::string org_name;  // for display; not stored
    Date valid_from;
    std::optional<Date> valid_to;  // nullopt only for the current period
    std::int64_t transfer_id = 0;
};

}  // namespace lianxin::core::ports
