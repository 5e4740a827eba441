#include "app/member/import.hpp"

#include "app/audit/audit.hpp"
#include "app/member/import_plan.hpp"
#include "app/org/org_import.hpp"
#include "app/org/org_queries.hpp"
#include "app/rate_limiter.hpp"
#include "core/member/fields.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::auth::Permission;
using core::ports::ImportRecord;
using core::ports::Tx;

namespace {
constexpr std::int64_t kDayMillis = 24LL * 3600 * 1000;

core::Result<core::member::SheetCells> ReadFile(Context& ctx, std::string_view bytes) {
    return ReadSheetFile(ctx, bytes);
}
ImportSummary Summarize(ImportRecord r, std::int64_t now) { return SummarizeImport(std::move(r), now); }
std::string CountsDetail(const core::ports::ImportCounts& c) { return ImportCountsDetail(c); }

// The rows a commit refused as registered outside the scope: their count, never which ID numbers.
std::string ConflictsDetail(const std::vector<ImportRowView>& conflicts) {
    return conflicts.empty() ? "" : ",registered=" + std::to_string(conflicts.size());
}

std::string Join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
    return out;
}

// Writes one planned row: a new member in its branch, or the changed contact fields of an existing one.
core::Result<core::ports::ImportRowRecord> WriteRow(Tx& tx, const core::auth::Actor& actor, PlannedRow& p,
                                                    std::int64_t import_id, std::int64_t now) {
    core::ports::ImportRowRecord rec;
    rec.row = p.view.row;
    if (p.view.action == "create") {
        auto m = p.data.member;
        m.org_id = p.org.id;
        m.org_path = p.org.path;
        m.region_code = p.org.region_code;
        m.updated_at = now;
        LX_ASSIGN(id, tx.Members().Insert(m));
        rec.member_id = id;
        rec.created = true;
        rec.version_after = 1;
        return rec;
    }
    auto m = *p.existing;
    rec.member_id = m.id;
    rec.prior = m;
    core::member::ApplyImportChanges(p.data, p.view.changes, m);
    m.updated_at = now;
    LX_CHECK(tx.Members().UpdateRegistry(m));
    rec.version_after = m.version + 1;
    auto entry = AuditFor(actor, now, "member.update", "member", std::to_string(m.id)).On(m.org_id, m.org_path);
    entry.subject_member_id = m.id;
    entry.detail = "import=" + std::to_string(import_id) + " fields=" + Join(p.view.changes);
    LX_CHECK(tx.Audit().Append(entry));
    return rec;
}
}  // namespace

core::Result<core::member::SheetCells> ReadSheetFile(Context& ctx, std::string_view bytes) {
    if (bytes.empty()) return core::Fail(core::InvalidField("file", "import.file_empty"));
    if (!ctx.sheets) return core::Fail(core::MakeError(ErrorCode::kInternal, "internal", "no sheet reader wired"));
    return ctx.sheets->Read(bytes);
}

ImportSummary SummarizeImport(ImportRecord r, std::int64_t now) {
    ImportSummary s;
    s.undo_until = r.created_at + kImportUndoDays * kDayMillis;
    s.can_undo = !r.undone && now < s.undo_until;
    s.record = std::move(r);
    return s;
}

std::string ImportCountsDetail(const core::ports::ImportCounts& c) {
    return "create=" + std::to_string(c.create) + ",update=" + std::to_string(c.update) +
           ",unchanged=" + std::to_string(c.unchanged) + ",error=" + std::to_string(c.error);
}

ImportRecord NewImportRecord(Context& ctx, const core::auth::Actor& actor, const core::org::Org& target,
                             const ImportInput& in, std::string kind, const core::ports::ImportCounts& counts) {
    ImportRecord rec;
    rec.kind = std::move(kind);
    rec.org_id = target.id;
    rec.org_path = target.path;
    rec.org_name = target.name;
    rec.file_name = in.file_name;
    rec.file_sha256 = ctx.crypto.Sha256Hex(in.bytes);
    rec.created_by = actor.user_id;
    rec.created_by_name = actor.display_name;
    rec.created_at = ctx.clock.NowMillis();
    rec.counts = counts;
    return rec;
}

core::Result<ImportPreview> PreviewImport(Context& ctx, const core::auth::Actor& actor, const ImportInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberWrite));
    LX_ASSIGN(cells, ReadFile(ctx, in.bytes));
    ImportPreview out;
    // System scope (preview and commit): the duplicate check of an ID number is global; the plan decides what it says.
    LX_CHECK(ctx.db.Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(target, VisibleOrg(tx, actor, in.org_id, Permission::kMemberWrite, ctx.clock.Today()));
        LX_ASSIGN(plan, PlanImport(ctx, tx, actor, target, cells, PlanFor::kPreview));
        out = std::move(plan.preview);
        return core::Ok();
    }));
    // Each row's ID number was checked against the registry: spent from the actor's budget before it is shown.
    LX_CHECK(SpendBudget(ctx, "import_preview_rows:" + std::to_string(actor.user_id), ctx.limits.import_preview_rows,
                         std::max<std::int64_t>(1, static_cast<std::int64_t>(out.rows.size())),
                         "import.preview_limited"));
    // A preview tells whether ID numbers are registered: it is audited like a search (counts and hash only).
    auto entry = AuditFor(actor, ctx.clock.NowMillis(), "member.import_preview", "org", std::to_string(in.org_id))
                     .On(ListedOrg(ctx, actor, Permission::kMemberWrite, in.org_id));
    entry.detail = CountsDetail(out.counts) + " sha256=" + ctx.crypto.Sha256Hex(in.bytes);
    LX_CHECK(AppendAudit(ctx, std::move(entry)));
    return out;
}

core::Result<ImportSummary> CommitImport(Context& ctx, const core::auth::Actor& actor, const ImportInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberWrite));
    core::Error errors = core::MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    core::member::CheckText(in.file_name, 1, 200, "file_name", errors);
    if (!errors.fields.empty()) return core::Fail(errors);
    LX_ASSIGN(cells, ReadFile(ctx, in.bytes));
    ImportRecord rec;
    core::ports::ImportCounts checked;  // what the rows came to, also when nothing is written
    std::vector<ImportRowView> conflicts;
    const auto written = ctx.db.Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(target, VisibleOrg(tx, actor, in.org_id, Permission::kMemberWrite, ctx.clock.Today()));
        LX_ASSIGN(plan, PlanImport(ctx, tx, actor, target, cells, PlanFor::kCommit));
        const auto& counts = plan.preview.counts;
        checked = counts;
        conflicts.clear();
        for (const auto& p : plan.rows)
            if (p.registered_unseen) conflicts.push_back(p.view);
        if (counts.create + counts.update == 0) {
            auto e = core::MakeError(ErrorCode::kFailedPrecondition, "import.nothing");
            for (const auto& c : conflicts)
                e.WithField("rows[" + std::to_string(c.row) + "].id_number", "import.id_number.registered");
            return core::Fail(e);
        }
        const auto now = ctx.clock.NowMillis();
        rec = NewImportRecord(ctx, actor, target, in, "members", counts);
        rec.created_at = now;
        LX_ASSIGN(id, tx.Imports().Insert(rec));
        rec.id = id;
        for (auto& p : plan.rows) {
            if (p.view.action != "create" && p.view.action != "update") continue;
            LX_ASSIGN(row, WriteRow(tx, actor, p, id, now));
            LX_CHECK(tx.Imports().AppendRow(id, row));
        }
        auto entry = AuditFor(actor, now, "member.import", "import", std::to_string(id)).On(target);
        entry.detail = CountsDetail(counts) + ConflictsDetail(conflicts) + " sha256=" + rec.file_sha256;
        return tx.Audit().Append(entry);
    });
    if (!written && written.error().message_key == "import.nothing") {
        // Nothing written, but the rows were checked against the registry: audited as a refused import.
        auto entry = AuditFor(actor, ctx.clock.NowMillis(), "member.import", "org", std::to_string(in.org_id),
                              "import.nothing")
                         .On(ListedOrg(ctx, actor, Permission::kMemberWrite, in.org_id));
        entry.detail = CountsDetail(checked) + ConflictsDetail(conflicts) + " sha256=" + ctx.crypto.Sha256Hex(in.bytes);
        LX_CHECK(AppendAudit(ctx, std::move(entry)));
    }
    LX_CHECK(written);
    auto summary = Summarize(std::move(rec), ctx.clock.NowMillis());
    summary.conflicts = std::move(conflicts);
    return summary;
}

core::Result<std::vector<ImportSummary>> ListImportsOf(Context& ctx, const core::auth::Actor& actor,
                                                       std::int64_t org_id, const std::string& kind,
                                                       Permission needed) {
    LX_CHECK(core::auth::AuthorizeAny(actor, needed));
    std::vector<ImportSummary> out;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        core::ports::ImportQuery q;
        q.kind = kind;
        if (org_id != 0) {
            LX_ASSIGN(org, VisibleOrg(tx, actor, org_id, needed));
            q.scope_roots = {org.path};
        } else {
            q.scope_roots = core::auth::ScopeRoots(actor, needed);
        }
        LX_ASSIGN(list, tx.Imports().List(q));
        const auto now = ctx.clock.NowMillis();
        for (auto& r : list) out.push_back(Summarize(std::move(r), now));
        return core::Ok();
    }));
    return out;
}

core::Result<std::vector<ImportSummary>> ListImports(Context& ctx, const core::auth::Actor& actor,
                                                     std::int64_t org_id) {
    return ListImportsOf(ctx, actor, org_id, "members", Permission::kMemberWrite);
}

core::Result<ImportSummary> UndoImport(Context& ctx, const core::auth::Actor& actor, std::int64_t import_id) {
    if (!core::auth::AuthorizeAny(actor, Permission::kMemberWrite) &&
        !core::auth::AuthorizeAny(actor, Permission::kOrgWrite))
        return core::Fail(core::Denied());
    ImportRecord rec;
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(found, tx.Imports().Get(import_id));
        if (!found) return core::Fail(core::NotFound("import"));
        const auto need = found->kind == "orgs" ? Permission::kOrgWrite : Permission::kMemberWrite;
        LX_CHECK(core::auth::Authorize(actor, need, found->org_path, "import"));
        rec = std::move(*found);
        const auto now = ctx.clock.NowMillis();
        if (rec.undone) return core::Fail(core::MakeError(ErrorCode::kFailedPrecondition, "import.undo_done"));
        if (now >= rec.created_at + kImportUndoDays * kDayMillis)
            return core::Fail(core::MakeError(ErrorCode::kFailedPrecondition, "import.undo_expired")
                                  .WithParam("days", std::to_string(kImportUndoDays)));
        if (rec.kind == "orgs") {
            LX_CHECK(UndoOrgImportIn(tx, actor, rec, now));
            rec.undone_at = now;
            rec.undone_by = actor.user_id;
            LX_CHECK(tx.Imports().MarkUndone(rec));
            rec.undone = true;
            ++rec.version;
            return core::Ok();
        }
        LX_ASSIGN(rows, tx.Imports().Rows(import_id));
        std::vector<std::string> changed;
        for (const auto& row : rows) {
            LX_ASSIGN(m, tx.Members().Get(row.member_id));
            core::Status st = core::Ok();
            if (!m || m->version != row.version_after) {
                st = core::Fail(core::MakeError(ErrorCode::kConflict, "member.referenced"));
            } else if (row.created) {
                st = tx.Members().DeleteUnreferenced(*m);
            } else {
                core::member::ImportedRow before;
                before.member = row.prior;
                core::member::ApplyImportChanges(before, core::member::ImportUpdatableFields(), *m);
                m->updated_at = now;
                st = tx.Members().UpdateRegistry(*m);
                if (st) {  // the member sees the restore as a change of their record
                    auto entry = AuditFor(actor, now, "member.update", "member", std::to_string(m->id))
                                     .On(m->org_id, m->org_path);
                    entry.subject_member_id = m->id;
                    entry.detail = "import_undo=" + std::to_string(import_id);
                    st = tx.Audit().Append(entry);
                    if (!st) return st;
                }
            }
            if (!st && st.error().code != ErrorCode::kConflict) return st;
            if (!st) changed.push_back(std::to_string(row.row));
        }
        if (!changed.empty())
            return core::Fail(
                core::MakeError(ErrorCode::kConflict, "import.undo_changed").WithParam("rows", Join(changed)));
        rec.undone_at = now;
        rec.undone_by = actor.user_id;
        LX_CHECK(tx.Imports().MarkUndone(rec));
        rec.undone = true;
        ++rec.version;
        auto entry = AuditFor(actor, now, "member.import_undo", "import", std::to_string(import_id))
                         .On(rec.org_id, rec.org_path);
        entry.detail = "rows=" + std::to_string(rows.size());
        return tx.Audit().Append(entry);
    }));
    return Summarize(std::move(rec), ctx.clock.NowMillis());
}

core::Result<std::string> ImportTemplate(Context& ctx, bool xlsx) {
    const core::member::SheetCells rows{core::member::TemplateHeaders()};
    if (!xlsx) return core::WriteCsv(rows);
    if (!ctx.sheets) return core::Fail(core::MakeError(ErrorCode::kInternal, "internal", "no sheet writer wired"));
    return ctx.sheets->WriteXlsx(rows, "党员名册", 1);
}

}  // namespace lianxin::app
