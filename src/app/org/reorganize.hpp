// Reorganizing the org tree (组织调整, issue 4): preview and commit of create, rename, move, merge, split and
// dissolve (core/org/reorganization.hpp), the org's history and the list of reorganizations of the scope.
//
// Who decides: the higher org. The actor needs org_write on the parent of every org that changes or closes (on
// the parent itself for a create, and on the new parent of a move), so a community committee reorganizes the
// branches below it but not itself. An org outside the actor's scope is not found (404), also when it is named
// in the body (security.md A2); nothing is written unless the whole plan is.
#pragma once

#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/org/reorganization.hpp"
#include "core/ports/reorg_records.hpp"

namespace lianxin::app {

struct ReorgSpecInput {
    std::string name, short_name, type, place_kind, place_name;  // type/place_kind: wire names, "" = none
};

struct ReorgInput {
    std::string kind;  // create | rename | move | merge | split | dissolve
    std::string on;    // YYYY-MM-DD
    std::string approval_doc;
    std::int64_t org_id = 0;
    std::int64_t new_parent_id = 0;
    std::vector<std::int64_t> merged;
    ReorgSpecInput spec;
    std::vector<std::int64_t> member_ids;
};

// An org the plan creates or closes, by name, for the preview.
struct ReorgOrgLine {
    std::int64_t id = 0;  // 0 for an org not yet created
    std::string name;
    std::string parent_name;
    bool new_version = false;  // a moved org's new version
};

struct ReorgPreview {
    core::org::ReorgRequest request;
    core::org::ReorgPlan plan;
    std::vector<ReorgOrgLine> created, closed, updated;
};

struct ReorgDone {
    std::int64_t reorg_id = 0;
    std::vector<std::int64_t> created_ids;  // in the plan's order; the first is the new org of a create or split
    core::org::ReorgCounts counts;
};

// The plan, as the commit would execute it now; writes nothing. 400 naming the field for a wrong request.
core::Result<ReorgPreview> PreviewReorganization(Context& ctx, const core::auth::Actor& actor, const ReorgInput& in);
// Executes the plan in one transaction with its history and audit row; 422 "org.reorg.blocked" (each blocker a
// field) while something blocks it.
core::Result<ReorgDone> Reorganize(Context& ctx, const core::auth::Actor& actor, const ReorgInput& in);
// The history of an org and the versions it continues, newest first (org_read).
core::Result<std::vector<core::ports::OrgHistoryEntry>> OrgHistory(Context& ctx, const core::auth::Actor& actor,
                                                                   std::int64_t org_id);
// Reorganizations decided inside the actor's org_read scope, newest first.
core::Result<std::vector<core::ports::ReorgRecord>> ListReorganizations(Context& ctx, const core::auth::Actor& actor);

}  // namespace lianxin::app
