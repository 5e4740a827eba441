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
    core::member::ImportedRow data;
    core::org::Org org;                             // the branch a new member goes to
    std::optional<core::member::Member> existing;  // the registry entry with the same ID number
};

struct ImportPlan {
    ImportPreview preview;  // rows without their internal data
    std::vector<PlannedRow> rows;
};

// Plans every data row of the sheet's cells. `target` is the org the actor holds member_write on.
core::Result<ImportPlan> PlanImport(Context& ctx, core::ports::Tx& tx, const core::auth::Actor& actor,
                                    const core::org::Org& target, const core::member::SheetCells& cells);

}  // namespace lianxin::app
