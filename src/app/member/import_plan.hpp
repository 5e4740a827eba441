// The plan of an import: every data row of the sheet decided against the registry inside one transaction —
// the same function answers the preview (a read) and drives the commit (a write), so both see the same rows.
#pragma once

#include <optional>
#include <vector>

#include "app/member/import.hpp"
#include "core/member/import_row.hpp"

namespace lianxin::app {

struct PlannedRow {
    ImportRowView view;
    bool registered_unseen = false;  // the ID number is registered outside the actor's scope (commit: a conflict)
    core::member::ImportedRow data;
    core::org::Org org;                            // the branch a new member goes to
    std::optional<core::member::Member> existing;  // the registry entry with the same ID number
};

struct ImportPlan {
    ImportPreview preview;  // rows without their internal data
    std::vector<PlannedRow> rows;
};

// What the plan is for. An ID number registered outside the actor's member_read scope (as a member or a
// candidate) is never told apart from an unregistered one in a preview: that row plans as a create (issue 15
// defect 3: the preview is no membership oracle). Only a commit, which would write it, refuses the row with
// "import.id_number.registered", which says neither where nor as what.
enum class PlanFor { kPreview, kCommit };

// Plans every data row of the sheet's cells. `target` is the org the actor holds member_write on.
core::Result<ImportPlan> PlanImport(Context& ctx, core::ports::Tx& tx, const core::auth::Actor& actor,
                                    const core::org::Org& target, const core::member::SheetCells& cells,
                                    PlanFor purpose);

}  // namespace lianxin::app
