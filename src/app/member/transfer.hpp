// Transfer use cases (组织关系转接, domain.md §5). The branch (member_write) requests a transfer of one of
// its members; the committee (transfer_issue) issues the letter; the receiving committee accepts and places
// the member in one of its branches — the formal affiliation moves that day — or refuses with a reason, and
// returns the receipt. A letter from outside is registered on arrival and accepted the same way; a transfer
// out is closed by the receipt that comes back. Each side sees the transfer in its own scope; the receiving
// side sees only the minimal fields (name, sex, age, category, orgs, letter) until it has accepted.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/audit/audit.hpp"
#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/member/transfer.hpp"
#include "core/ports/transfer_records.hpp"

namespace lianxin::app {

struct LetterInput {
    std::string serial;
    std::string issued_on;  // arriving letters; an issued letter is dated by the action
    int valid_days = 0;
    std::string dues_paid_to;  // YYYY-MM
    bool cross_province = false;
};

struct TransferRequestInput {
    std::string kind;  // within | out
    std::int64_t member_id = 0;
    std::int64_t to_org_id = 0;  // within: the receiving org in this deployment
    std::string to_org_name;     // out: the receiving org as the letter names it
    std::string reason;
    std::string on;  // the request date
};
// The new transfer's id. Needs member_write on the member's org; one open transfer per member.
core::Result<std::int64_t> RequestTransfer(Context& ctx, const core::auth::Actor& actor,
                                           const TransferRequestInput& in);

struct IncomingInput {
    std::int64_t to_org_id = 0;  // the receiving committee (transfer_issue)
    std::string from_org_name;
    std::string name, sex, ethnicity, id_number, phone, category;
    std::string join_date, conversion_date;
    std::string on;  // the day the letter arrived
    std::string reason;
    LetterInput letter;
};
// Registers a letter from an org outside this deployment; the id of the transfer.
core::Result<std::int64_t> RegisterIncoming(Context& ctx, const core::auth::Actor& actor, const IncomingInput& in);

struct TransferActionInput {
    std::int64_t version = 0;  // the transfer version the form was loaded with
    std::string action;        // issue | accept | receipt | refuse | cancel
    std::string on;
    std::optional<LetterInput> letter;  // issue
    std::int64_t org_id = 0;            // accept: the branch that takes the member in
    std::string reason;                 // refuse, cancel
};

struct TransferView {
    core::ports::TransferRecord record;  // id number and phone never leave; birth date only to the sending side
    bool sender = false;                 // the actor sees the sending side
    bool receiver = false;               // the actor sees the receiving side
    bool minimal = false;                // receiving side only, not yet accepted: the minimal fields
    int age = 0;
    std::string placed_org_name;
    std::vector<core::ports::TransferEvent> events;
    std::vector<core::member::Reminder> reminders;
    std::vector<std::string> actions;  // what this actor may do next
};
core::Result<TransferView> ActOnTransfer(Context& ctx, const core::auth::Actor& actor, std::int64_t id,
                                         const TransferActionInput& in);

// One transfer, audited as a view of the member's data.
core::Result<Audited<TransferView>> ViewTransfer(Context& ctx, const core::auth::Actor& actor, std::int64_t id);

struct TransferListInput {
    std::string direction = "out";  // out: sent from the scope | in: addressed to the scope
    bool open_only = false;
    std::int64_t org_id = 0;
    std::int64_t after_id = 0;
    int limit = 50;
};
struct TransferPage {
    std::vector<TransferView> items;  // without events
    std::int64_t next_after = 0;
};
core::Result<TransferPage> ListTransfers(Context& ctx, const core::auth::Actor& actor, const TransferListInput& in);

// Orgs a letter may be addressed to (any org in this deployment, by name): id, name and the names above it.
// Org names only — no counts, no people — so that a branch can name a receiving org outside its scope.
struct Destination {
    std::int64_t id = 0;
    std::string name;
    std::string type;
    std::string parent_name;
};
core::Result<std::vector<Destination>> TransferDestinations(Context& ctx, const core::auth::Actor& actor,
                                                            const std::string& q);

}  // namespace lianxin::app
