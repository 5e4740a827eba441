// Inside the transfer use cases: which side of a transfer the actor is on, what it may do next, and the view
// each side gets (the receiving side sees the minimal fields until it has accepted).
#pragma once

#include <string>
#include <vector>

#include "app/audit/audit.hpp"
#include "app/member/transfer.hpp"
#include "core/ports/repositories.hpp"

namespace lianxin::app {

// The transfer when the actor reads members on its sending or its receiving side; 404 otherwise.
core::Result<core::ports::TransferRecord> VisibleTransfer(core::ports::Tx& tx, const core::auth::Actor& actor,
                                                          std::int64_t id);

// The org a transfer is filed under in the audit log: the sending org when it is in this deployment, else the
// receiving one.
AuditOrg TransferOrg(const core::ports::TransferRecord& rec);

// The next actions (wire names) that this actor's side and grants allow.
std::vector<std::string> ActionsFor(const core::auth::Actor& actor, const core::ports::TransferRecord& rec);

// The view of `rec` for `actor`, redacted for its side, its reminders under the transfer figures in force today
// for the org it is filed under; with the events when `with_events`.
core::Result<TransferView> LoadTransferView(core::ports::Tx& tx, const core::auth::Actor& actor,
                                            core::ports::TransferRecord rec, const core::Date& today, bool with_events);

}  // namespace lianxin::app
