// Exporting the member list (issue 4; security.md D3, C5): the list's filters, masked by default, a watermark
// row, formula cells neutralized by the writers, at most kExportMaxRows rows. The audit row (member.export)
// holds the count, masked or full and the file's SHA-256, never the data; the caller commits it before sending
// the file. A full export (ID numbers and phones in clear) needs member_reveal on every exported member's org
// and a stated reason as for a reveal (issue 15 defect 6): its row keeps the reason, and each exported member
// gets a row of their own (member.export_member, "export=<the export's row> reason=…") that they see under
// "谁查看了我的信息" — all written in one transaction before the file is returned, so `audit` is then empty.
#pragma once

#include "app/member/member_queries.hpp"

namespace lianxin::app {

constexpr int kExportMaxRows = 50000;

struct ExportInput {
    MemberListInput filters;  // limit and cursor are ignored
    bool full = false;
    bool xlsx = true;    // else CSV
    std::string reason;  // required for a full export (CheckRevealReason)
};

struct ExportFile {
    std::string bytes;
    std::string file_name;  // 党员名册-<scope>-<yyyymmdd>.xlsx
    std::size_t count = 0;
    std::optional<core::ports::AuditEntry> audit;  // for the caller to commit; a full export's rows are written
};

core::Result<ExportFile> ExportMembers(Context& ctx, const core::auth::Actor& actor, const ExportInput& in);

}  // namespace lianxin::app
