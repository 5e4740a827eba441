// The search for lost-contact members (寻找失联党员记录, domain.md §2.5; seed 004 "党组织找党员、党员找党组织、
// 党员找党员"). While a member is tagged lost contact, the branch (member_write on the member's org) appends
// what it did to find them; an entry "已联系上" restores contact: it clears the tag and the day contact was lost
// in the same transaction. Reading the entries needs member_read on the member's org and is audited as a view
// of the member's record. Outside the scope: 404. Every write is audited with the member as subject.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/audit/audit.hpp"
#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/member/lost_contact.hpp"
#include "core/ports/lost_contact_records.hpp"

namespace lianxin::app {

struct LostContactSearches {
    std::int64_t member_id = 0;
    std::int64_t member_version = 0;  // the member record's version after the read or the write
    bool lost_contact = false;
    std::optional<core::Date> lost_contact_on;
    std::vector<core::ports::LostContactRecord> entries;  // newest first, every episode
    std::optional<core::member::Reminder> reminder;       // "member.due.lost_contact_search"
    std::vector<std::string> actions;                     // "add" while lost and the actor may write
    bool contact_restored = false;                        // the write just cleared the lost-contact tag
};

core::Result<Audited<LostContactSearches>> ViewLostContactSearches(Context& ctx, const core::auth::Actor& actor,
                                                                   std::int64_t member_id);

struct LostContactInput {
    std::string on;      // YYYY-MM-DD
    std::string method;  // phone | visit | letter | relatives | former_employer | notice | other
    std::string searched_by;
    std::string result;
    bool found = false;
};
// Appends an entry (422 "lost_contact.rule.not_lost" when the member is not tagged lost contact); a found entry
// restores contact.
core::Result<LostContactSearches> AddLostContactSearch(Context& ctx, const core::auth::Actor& actor,
                                                       std::int64_t member_id, const LostContactInput& in);

// The dates of the member's search entries in the current lost-contact episode (for the status decision).
core::Result<std::vector<core::Date>> EpisodeLostContactDates(core::ports::Tx& tx, const core::member::Member& m);

}  // namespace lianxin::app
