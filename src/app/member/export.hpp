// Exporting the member list (issue 4; security.md D3, C5): the list's filters, masked by default, a watermark
// row, formula cells neutralized by the writers, at most kExportMaxRows rows. A full export (ID numbers and
// phones in clear) needs member_reveal on every exported member's org. The audit row (member.export) holds the
// count, masked or full and the file's SHA-256, never the data; the caller commits it before sending the file.
#pragma once

#include "app/member/member_queries.hpp"

namespace lianxin::app {

constexpr int kExportMaxRows = 50000;

struct ExportInput {
    MemberListInput filters;  // limit and cursor are ignored
    bool full = false;
    bool xlsx = true;  // else CSV
};

struct ExportFile {
    std::string bytes;
    std::string file_name;  // 党员名册-<scope>-<yyyymmdd>.xlsx
    std::size_t count = 0;
    core::ports::AuditEntry audit;
};

core::Result<ExportFile> ExportMembers(Context& ctx, const core::auth::Actor& actor, const ExportInput& in);

}  // namespace lianxin::app
