// Keeping a member's registry entry up to date (domain.md §2.4): the branch edits contact, work, address,
// skills, occupation and the in-service / retired / floating / lost-contact attributes. One transaction with
// its audit row (member.update, the changed field names only — never the values), which the member sees.
#pragma once

#include "app/context.hpp"
#include "app/member/member_queries.hpp"
#include "core/auth/actor.hpp"
#include "core/member/registry.hpp"
#include "core/member/status.hpp"

namespace lianxin::app {

struct MemberEditInput {
    std::int64_t version = 0;  // the member version the form was loaded with
    core::member::RegistryEdit edit;
};

// The updated record. Needs member_write on the member's org (404 outside the scope); 409 on a stale version.
core::Result<MemberRecord> UpdateMember(Context& ctx, const core::auth::Actor& actor, std::int64_t member_id,
                                        const MemberEditInput& in);

struct StatusInput {
    std::int64_t version = 0;
    std::string action;  // stop | restore | remove | deceased
    std::string on;
    std::string ground;  // stop: lost_contact | settled_abroad | study_abroad
    std::string doc_ref;
    std::string reason;
};
// Records a branch decision on party status (domain.md §2.5) with its record; the rule is quoted when broken.
// Needs member_write on the member's org; removal takes the member out of the registry.
core::Result<MemberRecord> DecideStatus(Context& ctx, const core::auth::Actor& actor, std::int64_t member_id,
                                        const StatusInput& in);

}  // namespace lianxin::app
