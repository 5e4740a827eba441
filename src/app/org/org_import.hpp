// Importing orgs from the sheets offices keep (issue 4: "Import members and orgs from .xlsx and .csv"): a preview
// that writes nothing and shows each row as create / unchanged / error with the rule, the commit of the good rows in
// one transaction — each org set up as by 组织调整 › 新建 (its approval number, its history line) — and an undo of
// the whole import for 7 days while the orgs it created are still empty. org_write on the target org: every org
// lands in its subtree (上级党组织 names an org of the subtree or a row above; empty = the target).
#pragma once

#include <string>
#include <vector>

#include "app/member/import.hpp"

namespace lianxin::app {

struct OrgImportRowView {
    int row = 0;
    std::string action;  // create | unchanged | error
    std::string name;
    std::string type;         // wire name, "" when unreadable
    std::string parent_name;  // the org it goes under
    std::vector<core::FieldError> errors;
};

struct OrgImportPreview {
    core::org::Org org;
    int header_row = 0;
    std::vector<core::member::ImportColumn> columns;
    std::vector<std::string> ignored;
    core::ports::ImportCounts counts;  // update stays 0
    std::vector<OrgImportRowView> rows;
};

core::Result<OrgImportPreview> PreviewOrgImport(Context& ctx, const core::auth::Actor& actor, const ImportInput& in);
// 422 "import.nothing" when no row creates an org.
core::Result<ImportSummary> CommitOrgImport(Context& ctx, const core::auth::Actor& actor, const ImportInput& in);
// Org imports into the actor's org_write scope (or the subtree of org_id), newest first.
core::Result<std::vector<ImportSummary>> ListOrgImports(Context& ctx, const core::auth::Actor& actor,
                                                        std::int64_t org_id);
// UndoImport's part for an import of kind "orgs", inside its transaction: needs org_write on the import's org;
// closes every org it created as if it never stood (its version ends the day it began), all or nothing; 409
// "import.undo_changed" naming the rows whose org has members, posts, roles, cases, positions or orgs below it since.
core::Status UndoOrgImportIn(core::ports::Tx& tx, const core::auth::Actor& actor, const core::ports::ImportRecord& rec,
                             std::int64_t now);
core::Result<std::string> OrgImportTemplate(Context& ctx, bool xlsx);

}  // namespace lianxin::app
