// The floating-member register use cases (流动党员, 一方隶属、双重管理; domain.md §5.3). The outflow branch
// (member_write on the member's org) opens a record, edits it, appends reports and contact notes and closes it
// when the member returns; opening sets the member's "floating" tag and 外出流向, closing clears them, so the
// registry follows the record. When the participating org is inside this system, that org (member_read on it)
// sees the member in its inflow list with the minimal fields only — name, sex, age, category, origin org,
// since, certificate number — and appends participation notes (组织生活, 党费) that the outflow side sees.
// The formal affiliation never changes, so the inflow org's electorate never counts the member. Outside both
// sides' scopes: 404. Every write is audited in its transaction; reading a record is audited for the member.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/audit/audit.hpp"
#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/member/floating.hpp"
#include "core/ports/floating_records.hpp"

namespace lianxin::app {

struct FloatingInput {
    std::string left_on;  // YYYY-MM-DD
    std::string reason;   // work | business | study | family | other
    std::string province, city, county, employer;
    std::optional<std::string> phone;  // shown masked, so an edit that leaves it out keeps the stored one
    std::string expected_return;       // "" = not known
    bool fixed_place = true;
    std::string certificate_no;
    bool cannot_transfer = false;
    std::string cannot_transfer_reason;
    std::int64_t participating_org_id = 0;  // an org of this system, or …
    std::string participating_org_name;     // … only the name of one outside it
    std::string participating_since;
};

struct FloatingView {
    core::ports::FloatingRecord record;  // phone kept for the outflow side (masked in the DTO); cleared otherwise
    bool outflow = false;                // the actor reads the member's org
    bool inflow = false;                 // the actor reads the participating org
    bool minimal = false;  // inflow side only: name, sex, age, category, origin org, since, certificate number
    int age = 0;
    std::vector<core::ports::FloatingNote> notes;
    std::vector<core::member::Reminder> reminders;  // outflow side only
    std::vector<std::string> actions;  // edit, report, contact, return (outflow); participation, dues (inflow)
};

// Opens a record for a member in the registry (member_write on the member's org; 404 outside it); 409 when the
// member already has an open record ("floating.open_exists").
core::Result<FloatingView> OpenFloating(Context& ctx, const core::auth::Actor& actor, std::int64_t member_id,
                                        const FloatingInput& in);

// Edits an open record (outflow side, member_write); 409 on a stale version.
core::Result<FloatingView> EditFloating(Context& ctx, const core::auth::Actor& actor, std::int64_t id,
                                        std::int64_t version, const FloatingInput& in);

struct FloatingNoteInput {
    std::string kind;  // report | contact (outflow side) | participation | dues (inflow side)
    std::string on;
    std::string text;  // ≤ 500 characters
};
// Appends a dated note; the kind decides which side may write it (403 "floating.not_your_side" otherwise).
core::Result<FloatingView> AddFloatingNote(Context& ctx, const core::auth::Actor& actor, std::int64_t id,
                                           const FloatingNoteInput& in);

struct FloatingReturnInput {
    std::int64_t version = 0;
    std::string on;    // 返回日期
    std::string note;  // e.g. the certificate handed back
};
// Closes the record and clears the member's floating tag and destination (outflow side, member_write).
core::Result<FloatingView> ReturnFloatingMember(Context& ctx, const core::auth::Actor& actor, std::int64_t id,
                                                const FloatingReturnInput& in);

// The member's register: the open record with its notes and reminders (or none) and the closed ones, newest
// first. Needs member_read on the member's org; audited as a view of the member's data.
struct MemberFloating {
    std::optional<FloatingView> current;
    std::vector<FloatingView> past;    // without notes
    std::vector<std::string> actions;  // "open" when the actor may open a record
};
core::Result<Audited<MemberFloating>> ViewMemberFloating(Context& ctx, const core::auth::Actor& actor,
                                                         std::int64_t member_id);

struct FloatingListInput {
    std::int64_t org_id = 0;  // the subtree (member_read on it)
    bool inflow = false;      // false: 流出 (members of the subtree); true: 流入 (taking part in its orgs)
    bool open_only = true;
    std::int64_t after_id = 0;
    int limit = 50;
};
struct FloatingPage {
    std::vector<FloatingView> items;  // without notes; the inflow list minimal
    std::int64_t next_after = 0;
};
core::Result<FloatingPage> ListFloating(Context& ctx, const core::auth::Actor& actor, const FloatingListInput& in);

}  // namespace lianxin::app
