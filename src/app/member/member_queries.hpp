// Reading member records. Every view of one member's record writes an audit row naming that member, which
// the member sees under "谁查看了我的信息"; the record is shown only once that row is durable.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "app/audit/audit.hpp"
#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/member/member.hpp"

namespace lianxin::app {

struct MemberRecord {
    core::member::Member member;
    std::string org_name;
    std::vector<core::ports::AffiliationPeriod> affiliations;     // one record's view only, not lists
    std::vector<core::ports::StatusChangeRecord> status_changes;  // one record's view only
    core::LeapDay leap_day = core::LeapDay::kFeb28;  // member.leap_day_anniversary of the member's org today
};

// The 29 February anniversary rule (policy member.leap_day_anniversary, domain.md §2.3) of the org at `org_path`
// on `on`, read once per path through `cache`.
core::Result<core::LeapDay> LeapDayOf(core::ports::Tx& tx, const std::string& org_path, const core::Date& on,
                                      std::map<std::string, core::LeapDay>& cache);

// The member when the actor holds `p` on the member's org; 404 otherwise (403 without `p` anywhere is the caller's
// AuthorizeAny). The one scope check of use cases that act on a member by id, like VisibleOrg for orgs.
core::Result<core::member::Member> VisibleMember(core::ports::Tx& tx, const core::auth::Actor& actor,
                                                 std::int64_t member_id, core::auth::Permission p);

// The record with the audit row of this view; the caller commits the row before showing the record.
core::Result<Audited<MemberRecord>> ViewMember(Context& ctx, const core::auth::Actor& actor, std::int64_t member_id);

// The stated reason of a reveal or a full export: 4–100 characters (400 naming "reason"). The audit row keeps it
// as "reason=<text>" at the end of its detail, and the member sees it under "谁查看了我的信息".
core::Status CheckRevealReason(const std::string& reason);

// The full ID number and phone, for a stated reason (CheckRevealReason), audited as member.reveal with the
// reason; needs member_reveal on the member's org. The caller commits the row before showing the record.
core::Result<Audited<MemberRecord>> RevealMember(Context& ctx, const core::auth::Actor& actor, std::int64_t member_id,
                                                 const std::string& reason);

struct MemberPage {
    std::vector<MemberRecord> items;
    std::int64_t next_after = 0;
};
struct MemberListInput {
    std::int64_t org_id = 0;  // narrow to this org's subtree (must be in scope)
    std::string name_prefix;
    std::int64_t after_id = 0;
    int limit = 50;
    std::string category;  // full | probationary
    std::string status;    // normal | stopped
    int age_min = -1;      // full years today, inclusive; -1 = no bound
    int age_max = -1;
    std::string skill;  // one whole skill word (特长)
};
core::Result<MemberPage> ListMembers(Context& ctx, const core::auth::Actor& actor, const MemberListInput& in);
// The same page without its audit row (for a caller that writes its own, such as an export).
core::Result<MemberPage> ReadMemberPage(Context& ctx, const core::auth::Actor& actor, const MemberListInput& in);

struct MyMemberRecord {
    MemberRecord record;
    std::vector<core::ports::TransferRecord> transfers;  // the member's own transfers, newest first
};
// The actor's own member record with its affiliations and transfers (nullopt when the user is not linked to a
// member).
core::Result<std::optional<MyMemberRecord>> MyRecord(Context& ctx, const core::auth::Actor& actor);

struct RecordView {
    std::int64_t id;
    std::int64_t at;
    std::string viewer_name;
    std::string viewer_org;
    std::string action;
    std::string reason;  // the stated reason of a reveal or a full export
};
struct RecordViewPage {
    std::vector<RecordView> items;
    std::int64_t next_before = 0;
};
core::Result<RecordViewPage> WhoViewedMe(Context& ctx, const core::auth::Actor& actor, std::int64_t before_id,
                                         int limit);

}  // namespace lianxin::app
