// Importing members from the sheets offices keep (.xlsx, .csv): a preview that writes nothing and shows each row
// as create / update / unchanged / error with the reason, then the commit of the good rows in one transaction,
// and an undo of the whole import for 7 days. Needs member_write on the target org; rows go to branches inside
// it (the 所在党组织 column, or the target itself when it is a branch). Audited without values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/member/import_sheet.hpp"

namespace lianxin::app {

constexpr int kImportUndoDays = 7;             // issue 4: "an undo of the whole import for 7 days"
constexpr std::size_t kImportMaxRows = 20000;  // data rows in one file

struct ImportInput {
    std::int64_t org_id = 0;
    std::string file_name;   // as the user's computer named it (commit only)
    std::string_view bytes;  // the file
};

struct ImportRowView {
    int row = 0;         // the sheet's row number
    std::string action;  // create | update | unchanged | error
    std::string name;
    std::string id_number;  // masked
    std::string org_name;   // the branch the row goes to (or names)
    std::vector<std::string> changes;
    std::vector<core::FieldError> errors;
    std::vector<core::FieldError> notes;
};

struct ImportPreview {
    core::org::Org org;
    int header_row = 0;  // the sheet's row number of the header
    std::vector<core::member::ImportColumn> columns;
    std::vector<std::string> ignored;
    core::ports::ImportCounts counts;
    std::vector<ImportRowView> rows;
};

struct ImportSummary {
    core::ports::ImportRecord record;
    std::int64_t undo_until = 0;  // UTC millis
    bool can_undo = false;
    // Commit only: the rows refused because their ID number is registered where the preview could not say
    // (counted as errors; issue 15 defect 3). The message says neither where nor as what.
    std::vector<ImportRowView> conflicts;
};

// Each preview spends one token per data row from the actor's preview budget (limits.import_preview_rows_*;
// 429 "import.preview_limited" with retry_after once it is spent): ID numbers checked against the registry.
core::Result<ImportPreview> PreviewImport(Context& ctx, const core::auth::Actor& actor, const ImportInput& in);
// Writes the rows that preview as create or update, except those registered outside the actor's scope (listed
// in `conflicts`); 422 "import.nothing" when there are none, naming each such row in a field rows[N].id_number.
core::Result<ImportSummary> CommitImport(Context& ctx, const core::auth::Actor& actor, const ImportInput& in);
// Imports into the actor's member_write scope (or the subtree of org_id), newest first.
core::Result<std::vector<ImportSummary>> ListImports(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id);
// Deletes the created members and restores the updated ones, all or nothing: 422 "import.undo_expired" after 7
// days or when already undone; 409 "import.undo_changed" with {rows} when a member changed since.
core::Result<ImportSummary> UndoImport(Context& ctx, const core::auth::Actor& actor, std::int64_t import_id);

// Shared by the member and the org import: the cells of an uploaded file (400 "import.file_empty" for none), an
// import record with its undo window, and the counts as the audit row keeps them.
core::Result<core::member::SheetCells> ReadSheetFile(Context& ctx, std::string_view bytes);
ImportSummary SummarizeImport(core::ports::ImportRecord r, std::int64_t now);
std::string ImportCountsDetail(const core::ports::ImportCounts& c);
// The record of an import of `kind` into `target` by `actor` now, of the file in `in`, with `counts`.
core::ports::ImportRecord NewImportRecord(Context& ctx, const core::auth::Actor& actor, const core::org::Org& target,
                                          const ImportInput& in, std::string kind,
                                          const core::ports::ImportCounts& counts);
// Imports of `kind` (members | orgs) into the actor's scope for `needed` (or the subtree of org_id), newest first.
core::Result<std::vector<ImportSummary>> ListImportsOf(Context& ctx, const core::auth::Actor& actor,
                                                       std::int64_t org_id, const std::string& kind,
                                                       core::auth::Permission needed);

// The template: the known headers in the national collection sheet's order.
core::Result<std::string> ImportTemplate(Context& ctx, bool xlsx);

}  // namespace lianxin::app
