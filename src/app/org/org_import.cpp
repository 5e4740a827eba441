#include "app/org/org_import.hpp"

#include <map>
#include <set>

#include "app/audit/audit.hpp"
#include "app/org/org_queries.hpp"
#include "core/member/fields.hpp"
#include "core/org/org_sheet.hpp"
#include "core/org/reorganization.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::auth::Permission;
using core::org::Org;
using core::ports::ImportRecord;
using core::ports::Tx;

namespace {

struct PlannedOrg {
    OrgImportRowView view;
    core::org::OrgRow data;
    std::int64_t parent_id = 0;  // an existing org, or
    int parent_row = -1;         // the index of a planned row above
};

struct OrgPlan {
    OrgImportPreview preview;
    std::vector<PlannedOrg> rows;
};

// Every data row decided against the target's subtree today and against the rows above it.
core::Result<OrgPlan> Plan(Tx& tx, const Org& target, const core::member::SheetCells& cells, const core::Date& today) {
    LX_ASSIGN(layout, core::org::FindOrgLayout(cells));
    if (cells.size() - layout.header_row - 1 > kImportMaxRows)
        return core::Fail(core::MakeError(ErrorCode::kInvalidArgument, "import.too_many_rows")
                              .WithParam("max", std::to_string(kImportMaxRows)));
    LX_ASSIGN(existing, tx.Orgs().InSubtree(target.path, today));
    OrgPlan plan;
    auto& pv = plan.preview;
    pv.org = target;
    pv.header_row = static_cast<int>(layout.header_row) + 1;
    pv.columns = layout.columns;
    pv.ignored = layout.ignored;
    std::map<std::string, int> sheet_names;  // name → planned index
    for (std::size_t r = layout.header_row + 1; r < cells.size(); ++r) {
        if (core::member::IsBlankRow(cells[r])) continue;
        PlannedOrg p;
        p.data = core::org::ReadOrgRow(layout, cells[r], r + 1, today);
        auto& v = p.view;
        v.row = static_cast<int>(r + 1);
        v.name = p.data.name;
        v.type = p.data.type ? std::string(ToString(*p.data.type)) : "";
        v.errors = p.data.errors;
        // The parent: the target, an org of its subtree, or a row above.
        const Org* parent = &target;
        if (!p.data.parent_name.empty()) {
            parent = nullptr;
            std::vector<const Org*> found;
            for (const auto& o : existing)
                if (o.name == p.data.parent_name || (!o.short_name.empty() && o.short_name == p.data.parent_name))
                    found.push_back(&o);
            if (auto it = sheet_names.find(p.data.parent_name); it != sheet_names.end()) {
                p.parent_row = it->second;
            } else if (found.size() == 1) {
                parent = found.front();
            } else {
                v.errors.push_back({"parent",
                                    found.empty() ? "import.org.unknown" : "import.org.ambiguous",
                                    {{"name", p.data.parent_name}, {"scope", target.name}}});
            }
        }
        v.parent_name = p.parent_row >= 0 ? plan.rows[static_cast<std::size_t>(p.parent_row)].view.name
                        : parent          ? parent->name
                                          : p.data.parent_name;
        if (parent) p.parent_id = parent->id;
        const auto parent_type = p.parent_row >= 0 ? plan.rows[static_cast<std::size_t>(p.parent_row)].data.type
                                 : parent          ? std::optional<core::org::OrgType>(parent->type)
                                                   : std::nullopt;
        if (p.data.type && parent_type && !core::org::MayHoldChild(*parent_type, *p.data.type))
            v.errors.push_back({"type",
                                "org.reorg.type_not_allowed",
                                {{"parent", v.parent_name}, {"type", std::string(ToString(*p.data.type))}}});
        if (parent && p.data.founded && *p.data.founded < parent->valid_from)
            v.errors.push_back({"founded",
                                "org.reorg.on_before_start",
                                {{"org", parent->name}, {"date", parent->valid_from.ToString()}}});
        if (p.parent_row >= 0 && plan.rows[static_cast<std::size_t>(p.parent_row)].view.action == "error")
            v.errors.push_back({"parent", "import.org.parent_row_error", {{"name", p.data.parent_name}}});
        // The same name twice in the sheet; an org of that name under the same parent already stands.
        bool unchanged = false;
        if (!p.data.name.empty()) {
            if (sheet_names.count(p.data.name)) {
                v.errors.push_back(
                    {"name",
                     "import.org.repeated",
                     {{"row", std::to_string(plan.rows[static_cast<std::size_t>(sheet_names[p.data.name])].view.row)}}});
            } else {
                for (const auto& o : existing)
                    if (parent && o.name == p.data.name && o.parent_id == parent->id) unchanged = true;
                if (!unchanged)
                    for (const auto& o : existing)
                        if (o.name == p.data.name) v.errors.push_back({"name", "import.org.exists_elsewhere", {}});
            }
        }
        // The sheet's own column names head the messages ("组织名称", not a person's "姓名").
        for (auto& e : v.errors) e.params["label"] = "orgsheet." + e.field;
        v.action = !v.errors.empty() ? "error" : unchanged ? "unchanged" : "create";
        if (v.action == "create") sheet_names[p.data.name] = static_cast<int>(plan.rows.size());
        auto& c = pv.counts;
        ++(v.action == "create" ? c.create : v.action == "unchanged" ? c.unchanged : c.error);
        pv.rows.push_back(v);
        plan.rows.push_back(std::move(p));
    }
    return plan;
}

}  // namespace

core::Result<OrgImportPreview> PreviewOrgImport(Context& ctx, const core::auth::Actor& actor, const ImportInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgWrite));
    LX_ASSIGN(cells, ReadSheetFile(ctx, in.bytes));
    OrgImportPreview out;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(target, VisibleOrg(tx, actor, in.org_id, Permission::kOrgWrite, ctx.clock.Today()));
        LX_ASSIGN(plan, Plan(tx, target, cells, ctx.clock.Today()));
        out = std::move(plan.preview);
        return core::Ok();
    }));
    return out;
}

core::Result<ImportSummary> CommitOrgImport(Context& ctx, const core::auth::Actor& actor, const ImportInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgWrite));
    core::Error errors = core::MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    core::member::CheckText(in.file_name, 1, 200, "file_name", errors);
    if (!errors.fields.empty()) return core::Fail(errors);
    LX_ASSIGN(cells, ReadSheetFile(ctx, in.bytes));
    ImportRecord rec;
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        const auto today = ctx.clock.Today();
        LX_ASSIGN(target, VisibleOrg(tx, actor, in.org_id, Permission::kOrgWrite, today));
        LX_ASSIGN(plan, Plan(tx, target, cells, today));
        const auto& counts = plan.preview.counts;
        if (counts.create == 0) return core::Fail(core::MakeError(ErrorCode::kFailedPrecondition, "import.nothing"));
        const auto now = ctx.clock.NowMillis();
        rec = NewImportRecord(ctx, actor, target, in, "orgs", counts);
        rec.created_at = now;
        LX_ASSIGN(id, tx.Imports().Insert(rec));
        rec.id = id;
        std::vector<Org> made(plan.rows.size());
        for (std::size_t i = 0; i < plan.rows.size(); ++i) {
            const auto& p = plan.rows[i];
            if (p.view.action != "create") continue;
            const Org* parent = nullptr;
            LX_ASSIGN(stored_parent, tx.Orgs().Get(p.parent_id));
            if (p.parent_row >= 0) parent = &made[static_cast<std::size_t>(p.parent_row)];
            else if (stored_parent) parent = &*stored_parent;
            if (!parent) return core::Fail(core::MakeError(ErrorCode::kInternal, "internal", "import parent missing"));
            Org o;
            o.parent_id = parent->id;
            o.name = p.data.name;
            o.short_name = p.data.short_name;
            o.type = *p.data.type;
            o.place_kind = p.data.place_kind;
            o.place_name = p.data.place_name;
            o.region_code = parent->region_code;
            o.valid_from = p.data.founded.value_or(today);
            LX_ASSIGN(org_id, tx.Orgs().Insert(o));
            LX_ASSIGN(stored, tx.Orgs().Get(org_id));
            if (!stored) return core::Fail(core::MakeError(ErrorCode::kInternal, "internal", "created org missing"));
            made[i] = *stored;
            LX_CHECK(tx.Imports().AppendOrg(id, {p.view.row, org_id}));
            // Its founding, as 组织调整 › 新建 records it: the approval number and the history line.
            core::ports::ReorgRecord reorg;
            reorg.kind = core::org::ReorgKind::kCreate;
            reorg.on = o.valid_from;
            reorg.approval_doc = p.data.approval_doc.empty() ? "批量导入：" + in.file_name.substr(0, 40)
                                                             : p.data.approval_doc;
            reorg.org_id = parent->id;
            reorg.org_path = parent->path;
            reorg.summary = "import=" + std::to_string(id);
            reorg.created_by = actor.user_id;
            reorg.created_by_name = actor.display_name;
            reorg.created_at = now;
            LX_ASSIGN(reorg_id, tx.Reorgs().Insert(reorg));
            core::ports::OrgHistoryEntry h;
            h.reorg_id = reorg_id;
            h.org_id = org_id;
            h.event = core::org::OrgEvent::kCreated;
            h.on = o.valid_from;
            h.new_name = o.name;
            LX_CHECK(tx.Reorgs().AppendHistory(h));
        }
        auto entry = AuditFor(actor, now, "org.import", "import", std::to_string(id)).On(rec.org_id, rec.org_path);
        entry.detail = ImportCountsDetail(counts) + " sha256=" + rec.file_sha256;
        return tx.Audit().Append(entry);
    }));
    return SummarizeImport(std::move(rec), ctx.clock.NowMillis());
}

core::Result<std::vector<ImportSummary>> ListOrgImports(Context& ctx, const core::auth::Actor& actor,
                                                        std::int64_t org_id) {
    return ListImportsOf(ctx, actor, org_id, "orgs", Permission::kOrgWrite);
}

core::Status UndoOrgImportIn(Tx& tx, const core::auth::Actor& actor, const ImportRecord& rec, std::int64_t now) {
    LX_CHECK(core::auth::Authorize(actor, Permission::kOrgWrite, rec.org_path, "import"));
    LX_ASSIGN(rows, tx.Imports().Orgs(rec.id));
    std::set<std::int64_t> mine;
    for (const auto& r : rows) mine.insert(r.org_id);
    const auto today = core::Date::FromInstant(now);
    std::vector<std::string> changed;
    std::vector<Org> to_close;
    for (const auto& r : rows) {
        LX_ASSIGN(org, tx.Orgs().Get(r.org_id));
        bool busy = !org || org->valid_to.has_value();
        if (!busy) {
            LX_ASSIGN(facts, tx.Orgs().Facts(*org, today, false));
            LX_ASSIGN(children, tx.Orgs().Children(org->id, today));
            bool foreign_child = false;
            for (const auto& c : children) foreign_child = foreign_child || !mine.count(c.org.id);
            busy = facts.registry_members > 0 || facts.posts > 0 || facts.grants > 0 ||
                   facts.open_development_cases > 0 || facts.positions > 0 || facts.overlays > 0 ||
                   facts.open_transfers > 0 || foreign_child;
            if (!busy) to_close.push_back(*org);
        }
        if (busy) changed.push_back(std::to_string(r.row));
    }
    if (!changed.empty()) {
        std::string list;
        for (const auto& c : changed) list += (list.empty() ? "" : ",") + c;
        return core::Fail(core::MakeError(ErrorCode::kConflict, "import.undo_org_changed").WithParam("rows", list));
    }
    // As if they never stood: each version ends the day it began, so no tree of any day shows it.
    for (auto it = to_close.rbegin(); it != to_close.rend(); ++it) LX_CHECK(tx.Orgs().Close(*it, it->valid_from));
    auto entry = AuditFor(actor, now, "org.import_undo", "import", std::to_string(rec.id)).On(rec.org_id, rec.org_path);
    entry.detail = "rows=" + std::to_string(rows.size());
    return tx.Audit().Append(entry);
}

core::Result<std::string> OrgImportTemplate(Context& ctx, bool xlsx) {
    const core::member::SheetCells rows{core::org::OrgTemplateHeaders()};
    if (!xlsx) return core::WriteCsv(rows);
    if (!ctx.sheets) return core::Fail(core::MakeError(ErrorCode::kInternal, "internal", "no sheet writer wired"));
    return ctx.sheets->WriteXlsx(rows, "党组织", 1);
}

}  // namespace lianxin::app
