// An organization's committee and health (domain.md §1.2, §1.3): its own headcount, the posts valid on a
// date, the term and the sizing warnings with the rule quoted; appointing and ending posts with their
// approval or filing record. Reading needs member_read (the holders are named); changing, member_write.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/org/rules.hpp"
#include "core/ports/records.hpp"

namespace lianxin::app {

struct CommitteeView {
    core::org::Org org;
    core::org::Headcount headcount;  // a branch's own members; a general branch's or committee's whole subtree
    std::vector<core::ports::OrgPost> posts;
    std::optional<core::org::Term> term;  // from the secretary's (or first post's) election
    std::vector<core::org::Warning> warnings;
    core::org::OrgType suggested_type = core::org::OrgType::kBranch;
    int covered_units = 0;  // units a joint branch covers on the day (§1.2: 一般不超过5个)
};
core::Result<CommitteeView> GetCommittee(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                         const core::Date& as_of);

struct PostInput {
    std::int64_t member_id = 0;
    std::string post;
    std::string term_start;  // the election that started the term; defaults to valid_from
    std::string valid_from;
    std::string approval_doc;
};
// Appoints a member of the org's subtree; a new secretary (or deputy) ends the previous holder's post.
core::Result<std::int64_t> AppointPost(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                       const PostInput& in);
core::Status EndPost(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id, std::int64_t post_id,
                     const std::string& on);

}  // namespace lianxin::app
