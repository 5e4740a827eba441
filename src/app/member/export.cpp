#include "app/member/export.hpp"

#include <algorithm>
#include <cstdio>

#include "app/audit/audit.hpp"
#include "core/member/export_sheet.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::auth::Permission;

namespace {
// "2026-11-23 10:05" in Asia/Shanghai (UTC+8, no DST).
std::string LocalMinute(std::int64_t utc_millis) {
    const auto date = core::Date::FromInstant(utc_millis);
    const std::int64_t seconds_of_day = ((utc_millis / 1000 + 8 * 3600) % 86400 + 86400) % 86400;
    char hm[8];
    std::snprintf(hm, sizeof hm, "%02d:%02d", static_cast<int>(seconds_of_day / 3600),
                  static_cast<int>(seconds_of_day % 3600 / 60));
    return date.ToString() + " " + hm;
}

core::Result<std::string> ScopeName(Context& ctx, std::int64_t org_id) {
    if (org_id == 0) return std::string("全部管辖范围");
    std::string name;
    // System scope: the name of the org the export names (orgs carry no row-level security; no member row).
    LX_CHECK(ctx.db.Read(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
        LX_ASSIGN(org, tx.Orgs().Get(org_id));
        name = org ? org->name : "";
        return core::Ok();
    }));
    return name;
}

// The full export's row and one row per exported member pointing at it, in one transaction (issue 15 defect 6).
core::Status WriteFullExportAudit(Context& ctx, const core::auth::Actor& actor, core::ports::AuditEntry& entry,
                                  const std::vector<core::member::ExportedMember>& members, const std::string& reason) {
    return ctx.db.Write(core::ports::Scope::Of(actor), [&](core::ports::Tx& tx) -> core::Status {
        LX_CHECK(tx.Audit().Append(entry));
        const std::string detail = "export=" + std::to_string(entry.id) + " reason=" + reason;
        for (const auto& m : members) {
            auto row = AuditFor(actor, entry.at, "member.export_member", "member", std::to_string(m.member.id))
                           .On(m.member.org_id, m.member.org_path);
            row.subject_member_id = m.member.id;
            row.detail = detail;
            LX_CHECK(tx.Audit().Append(row));
        }
        return core::Ok();
    });
}
}  // namespace

core::Result<ExportFile> ExportMembers(Context& ctx, const core::auth::Actor& actor, const ExportInput& in) {
    if (in.full) LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberReveal));
    if (in.full || !in.reason.empty()) LX_CHECK(CheckRevealReason(in.reason));
    if (!ctx.sheets) return core::Fail(core::MakeError(ErrorCode::kInternal, "internal", "no sheet writer wired"));
    MemberListInput q = in.filters;
    q.after_id = 0;
    q.limit = kExportMaxRows;
    LX_ASSIGN(page, ReadMemberPage(ctx, actor, q));
    if (page.next_after != 0)
        return core::Fail(core::MakeError(ErrorCode::kFailedPrecondition, "export.too_many")
                              .WithParam("max", std::to_string(kExportMaxRows)));
    std::vector<core::member::ExportedMember> members;
    members.reserve(page.items.size());
    for (auto& r : page.items) {
        if (in.full && !core::auth::Authorize(actor, Permission::kMemberReveal, r.member.org_path))
            return core::Fail(core::Denied("export.full_denied"));
        members.push_back({std::move(r.member), std::move(r.org_name), r.leap_day});
    }
    const auto now = ctx.clock.NowMillis();
    LX_ASSIGN(scope, ScopeName(ctx, in.filters.org_id));
    const core::member::ExportWatermark mark{actor.display_name, LocalMinute(now), scope, in.full};
    const auto rows = core::member::MemberSheet(members, mark, ctx.clock.Today());
    ExportFile out;
    if (in.xlsx) {
        LX_ASSIGN(bytes, ctx.sheets->WriteXlsx(rows, "党员名册", 2));
        out.bytes = std::move(bytes);
    } else {
        out.bytes = core::WriteCsv(rows);
    }
    std::string day = ctx.clock.Today().ToString();
    day.erase(std::remove(day.begin(), day.end(), '-'), day.end());
    out.file_name = "党员名册-" + scope + "-" + day + (in.xlsx ? ".xlsx" : ".csv");
    out.count = members.size();
    auto entry = AuditFor(actor, now, "member.export", "org", std::to_string(in.filters.org_id))
                     .On(ListedOrg(ctx, actor, Permission::kMemberRead, in.filters.org_id));
    entry.detail = "count=" + std::to_string(out.count) + " full=" + (in.full ? "1" : "0") +
                   " format=" + (in.xlsx ? "xlsx" : "csv") + " sha256=" + ctx.crypto.Sha256Hex(out.bytes);
    if (!in.reason.empty()) entry.detail += " reason=" + in.reason;
    if (in.full) LX_CHECK(WriteFullExportAudit(ctx, actor, entry, members, in.reason));
    else out.audit = std::move(entry);
    return out;
}

}  // namespace lianxin::app
