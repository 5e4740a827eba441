// The member list as a sheet for export (issue 4 "Import and export"; security.md D3, C5): a watermark row
// (who, when, scope, masked or full), the header row in the column names the import reads back, then one row per
// member. Masked by default: ID number first 2 + last 3, phone 138****1234, address to its first characters
// (domain.md §11). Formula neutralization is the writers' job (core::WriteCsv, Sheets::WriteXlsx).
#pragma once

#include <string>
#include <vector>

#include "core/common/csv.hpp"
#include "core/member/member.hpp"

namespace lianxin::core::member {

struct ExportedMember {
    Member member;
    std::string org_name;
    LeapDay leap_day = LeapDay::kFeb28;  // the org's 29 February rule today (party age)
};

struct ExportWatermark {
    std::string who;    // the exporting user's display name
    std::string when;   // "2026-11-23 10:05" Asia/Shanghai
    std::string scope;  // the org (subtree) exported, or the actor's whole scope
    bool full = false;
};

// The watermark line: "导出人：… 导出时间：… 范围：… 脱敏导出/完整信息导出 共 N 人 仅限工作使用，请勿外传".
std::string WatermarkText(const ExportWatermark& w, std::size_t count);

SheetRows MemberSheet(const std::vector<ExportedMember>& members, const ExportWatermark& w, const Date& today);

}  // namespace lianxin::core::member
